import { describe, expect, it } from 'vitest'
import { occurrenceOptions, ownData, ownEntries } from '../src/index.js'

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

describe('occurrenceOptions', () => {
  it('keeps the defined occurrence members and nothing else', () => {
    const cause = new Error('c')
    expect(
      occurrenceOptions({ details: { a: 1 }, cause, requestId: undefined, variant: 'v4', instance: '/x' }),
    ).toEqual({
      details: { a: 1 },
      cause,
      instance: '/x',
    })
    expect(occurrenceOptions()).toEqual({})
  })
})
