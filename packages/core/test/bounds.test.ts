import { describe, expect, it } from 'vitest'
import { ownData, ownEntries } from '../src/kit.js'

describe('ownEntries / ownData', () => {
  it('copies own data, drops forbidden keys and throwing getters, never throws', () => {
    const parsed = JSON.parse('{"a":1,"__proto__":{"x":1},"constructor":2,"prototype":3,"b":"two"}')
    expect(ownEntries(parsed)).toEqual([
      ['a', 1],
      ['b', 'two'],
    ])
    const getter = Object.defineProperty({ ok: true }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(ownData(getter)).toEqual({ ok: true })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(ownEntries(proxy)).toEqual([])
    expect(Object.getPrototypeOf(ownData(parsed))).toBe(Object.prototype)
  })
})
