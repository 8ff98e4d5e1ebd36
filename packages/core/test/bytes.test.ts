import { describe, expect, it } from 'vitest'
import { ownBytes, viewOf } from '../src/kit.js'

describe('ownBytes: a private copy of untrusted bytes, read through the intrinsic typed-array getters', () => {
  it('reads a plain view (only the view, no copy of ordinary memory), and previews one over the bound', () => {
    const base = new Uint8Array([9, 1, 2, 3, 9])
    const got = ownBytes(base.subarray(1, 4), 16, 2)
    expect(got && [...got.bytes]).toEqual([1, 2, 3])
    expect(got?.bytes.buffer).toBe(base.buffer)
    expect(ownBytes(base, 2, 2)?.bytes.buffer).not.toBe(base.buffer) // a preview is a copy
    expect(ownBytes(new Uint8Array(10), 4, 2)).toMatchObject({ length: 10, over: true })
    expect(ownBytes(new Uint8Array(10), 4, 2)?.bytes.length).toBe(2)
  })

  it('reads a detached or shrunk view as empty, never throws', () => {
    const detached = new Uint8Array(16)
    // `transfer` detaches the buffer (the options argument is newer than this package's es2022 lib).
    ;(structuredClone as (v: unknown, o: { transfer: ArrayBuffer[] }) => unknown)(detached.buffer, {
      transfer: [detached.buffer],
    })
    expect(ownBytes(detached, 64, 8)).toMatchObject({ length: 0, over: false })
    // A resizable ArrayBuffer (ES2024), shrunk under the view.
    const RAB = ArrayBuffer as unknown as new (
      n: number,
      o: { maxByteLength: number },
    ) => ArrayBuffer & {
      resize(n: number): void
    }
    const rab = new RAB(16, { maxByteLength: 32 })
    const view = new Uint8Array(rab, 8, 8)
    rab.resize(4)
    expect(ownBytes(view, 64, 8)).toMatchObject({ length: 0 })
    expect(viewOf(detached, 0, 4)).toBeUndefined()
  })

  it('ignores what a subclass or a Proxy claims: internal slots only', () => {
    class Liar extends Uint8Array {
      override get length(): number {
        throw new Error('length')
      }
      override subarray(): never {
        throw new Error('subarray')
      }
    }
    const liar = new Liar([1, 2])
    expect(ownBytes(liar, 16, 4)?.bytes).toEqual(new Uint8Array([1, 2]))
    expect(ownBytes(new Proxy(new Uint8Array([1]), {}), 16, 4)).toBeUndefined()
    expect(ownBytes({ length: 1, 0: 1 }, 16, 4)).toBeUndefined()
    const shared = new Uint8Array(new SharedArrayBuffer(3))
    shared.set([4, 5, 6])
    const copy = ownBytes(shared, 16, 4)
    expect(copy?.bytes.buffer instanceof SharedArrayBuffer).toBe(false)
    expect(copy && [...copy.bytes]).toEqual([4, 5, 6])
  })
})

describe('ownBytes: binary data of every kind, as the bytes it holds', () => {
  it('an ArrayBuffer, a SharedArrayBuffer, a DataView and other typed arrays give their bytes', () => {
    const base = new Uint8Array([9, 1, 2, 3, 9])
    const shared = new SharedArrayBuffer(3)
    new Uint8Array(shared).set([1, 2, 3])
    for (const value of [
      base.buffer.slice(1, 4),
      shared,
      new DataView(base.buffer, 1, 3),
      new Int8Array(base.buffer, 1, 3),
      new Uint8ClampedArray([1, 2, 3]),
      new Uint16Array(new Uint8Array([1, 2, 3, 0]).buffer, 0, 1),
    ]) {
      const got = ownBytes(value, 16, 16)
      expect(got && [...got.bytes].slice(0, 2)).toEqual([1, 2])
    }
    const view = ownBytes(new DataView(base.buffer, 1, 3), 16, 16)
    expect(view?.bytes.buffer).toBe(base.buffer) // ordinary memory: a view, no copy
    const fromShared = ownBytes(shared, 16, 16)
    expect(fromShared?.bytes.buffer).not.toBe(shared) // shared memory: a copy
    expect(ownBytes(new ArrayBuffer(10), 4, 2)).toMatchObject({ length: 10, over: true })
  })

  it('anything else is no bytes; a detached buffer holds none', () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    for (const value of [{}, [1, 2], { length: 3, 0: 1 }, revoked.proxy, new Proxy(new ArrayBuffer(4), {}), 'ab', 1]) {
      expect(ownBytes(value, 16, 16)).toBeUndefined()
    }
    const detached = new ArrayBuffer(8)
    structuredClone(detached, { transfer: [detached] })
    expect(ownBytes(detached, 16, 16)?.length).toBe(0)
    expect(ownBytes(new DataView(new ArrayBuffer(4)), 16, 16)?.length).toBe(4)
  })
})
