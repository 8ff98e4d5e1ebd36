import { describe, expect, it } from 'vitest'
import { fromLanceDbMessage, stripRustPaths, TableNotFoundError } from '../src/index.js'

// `fromLanceDbMessage` is documented never to throw, but read its options unguarded (`options.typescriptOnly`): `null`,
// a revoked Proxy or a throwing getter threw, where every other decoder of the package (`normalize`, `fromErrorResponse`,
// `toErrorResponse`) reads its options guarded. `stripRustPaths` converted a non-string with `String(…)`: a revoked
// Proxy threw, a nested array overflowed the stack and a large array was joined whole before the 16 KiB cut.

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const trap = () => {
  throw new Error('trap')
}
const MESSAGE = "Table 'users' was not found"

describe('fromLanceDbMessage with hostile options', () => {
  const hostile: Array<[string, unknown]> = [
    ['null', null],
    ['a revoked Proxy', revoked()],
    ['throwing getters', Object.defineProperties({}, { typescriptOnly: { get: trap }, cause: { get: trap } })],
    ['a trapping Proxy', new Proxy({}, { get: trap })],
  ]
  for (const [label, options] of hostile) {
    it(`${label}: never throws, reads as no options`, () => {
      const e = fromLanceDbMessage(MESSAGE, options as never)
      expect(e).toBeInstanceOf(TableNotFoundError)
      expect(e?.message).toBe(MESSAGE)
    })
  }

  it('options are read once each (a getter cannot answer two reads differently)', () => {
    let reads = 0
    const options = {
      get typescriptOnly() {
        reads++
        return reads > 1
      },
    }
    // Read once: not TypeScript-only, so the Rust family is found.
    expect(fromLanceDbMessage(MESSAGE, options)).toBeInstanceOf(TableNotFoundError)
    expect(reads).toBe(1)
  })
})

describe('stripRustPaths with what is no string', () => {
  it('never throws and converts nothing', () => {
    let nested: unknown[] = []
    for (let i = 0; i < 100_000; i++) nested = [nested]
    const huge = new Array(2_000_000).fill('a/lance-1.0.0/src/x.rs:1:2')
    for (const value of [revoked(), nested, huge, Object.create(null), { toString: trap }]) {
      expect(stripRustPaths(value as string)).toBe('')
    }
    expect(stripRustPaths('boom, /cargo/lance-1.0.0/src/x.rs:1:2')).toBe('boom')
  })
})
