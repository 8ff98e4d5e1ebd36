import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addSecret } from '../src/index.js'
import { MAX_DETAILS_DEPTH, MAX_KEY, type PlainDataOptions, toPlainData } from '../src/kit.js'
import { REDACTED } from '../src/redact.js'
import { referenceToPlainData } from './support/reference-plain-data.js'

function hostileValues(): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic.self = cyclic
  const shared = { s: 'x' }
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const revokedArray = Proxy.revocable([1, 2], {})
  revokedArray.revoke()
  const throwing = Object.defineProperty({ before: 1, after: 2 }, 'boom', {
    enumerable: true,
    get() {
      throw new Error('getter')
    },
  })
  const throwingKeys = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('keys')
      },
    },
  )
  const throwingLength = new Proxy([1, 2, 3], {
    get(t, k) {
      if (k === 'length') throw new Error('length')
      return Reflect.get(t, k)
    },
  })
  const throwingSlot = new Proxy([1, 2, 3], {
    get(t, k) {
      if (k === '1') throw new Error('slot')
      return Reflect.get(t, k)
    },
  })
  let deep: unknown = 'leaf'
  for (let i = 0; i < 20; i++) deep = { d: deep, l: [deep] }
  const wide: Record<string, number> = {}
  for (let i = 0; i < 300; i++) wide[`k${i}`] = i
  const err = Object.assign(new TypeError('boom Authorization: Bearer abc.def'), { code: 'E_X', extra: 1 })
  return [
    undefined,
    null,
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    10n,
    true,
    'text',
    'x'.repeat(20_000),
    Symbol('s'),
    () => 1,
    [],
    [undefined, () => 1, Symbol('s'), null],
    new Array(5),
    new Array(100_000).fill({ code: 'x', description: 'y' }),
    new Array(2 ** 32 - 1),
    { a: undefined, b: () => 1, c: Symbol('c'), d: 'e' },
    { [Symbol('sym')]: 1, plain: 2 },
    JSON.parse('{"__proto__":{"polluted":1},"constructor":1,"prototype":2,"ok":3}'),
    Object.create(null),
    Object.assign(Object.create(null), { a: 1, b: [1, 'two'] }),
    cyclic,
    [cyclic, cyclic],
    { one: shared, two: shared, list: [shared, shared] },
    new Uint8Array([1, 2, 3, 250]),
    { bytes: new Uint8Array(4000) },
    err,
    { cause: err, nested: [err] },
    revoked.proxy,
    revokedArray.proxy,
    { inner: revoked.proxy },
    throwing,
    throwingKeys,
    throwingLength,
    throwingSlot,
    deep,
    wide,
    { password: 'hunter2', token: 'x', nested: { apiKey: 'k', list: [{ secret: 's' }] }, note: 'Bearer abc.def.ghi' },
    new Date(0),
    new Map([[1, 2]]),
    /re/g,
    { ['k'.repeat(300)]: 1, [`${'x'.repeat(250)} ghp_${'C'.repeat(36)}`]: 2, [`${'y'.repeat(300)}password`]: 3 },
    { [`password${'z'.repeat(400)}`]: 'hunter2' },
  ]
}

const OPTION_SETS: [number, boolean][] = [
  [MAX_DETAILS_DEPTH, false],
  [MAX_DETAILS_DEPTH, true],
  [3, false],
  [16, false],
  [2, false],
  [1, true],
  [0, false],
  [0, true],
]

describe('toPlainData gives what the implementation it replaced gave', () => {
  it('for hostile and edge values, at every depth bound, with and without redaction', () => {
    addSecret('hunter2')
    for (const value of hostileValues()) {
      for (const [maxDepth, redact] of OPTION_SETS) {
        expect(toPlainData(value, { maxDepth, redact })).toEqual(referenceToPlainData(value, { maxDepth, redact }))
      }
    }
  })

  it('for arbitrary values (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
        fc.constantFrom(...OPTION_SETS),
        (value, [maxDepth, redact]) => {
          expect(toPlainData(value, { maxDepth, redact })).toEqual(referenceToPlainData(value, { maxDepth, redact }))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('on the node budget (shared references counted each time) and with small string and node bounds', () => {
    const leaf = { a: [1, 2, 3, 4, 5, 6, 7, 8], b: 'x'.repeat(40) }
    let v: unknown = leaf
    for (let i = 0; i < 12; i++) v = { l: v, r: v }
    expect(toPlainData(v)).toEqual(referenceToPlainData(v))
    expect(JSON.stringify(toPlainData(v))).toContain('[Truncated]')
    const small: PlainDataOptions = { maxString: 8, maxNodes: 50, redact: true }
    expect(toPlainData(v, small)).toEqual(referenceToPlainData(v, small))
  })
})

describe('toPlainData bounds object keys as it bounds strings', () => {
  it('cuts a long key to MAX_KEY first, then redacts it; a secret name is judged on the cut key', () => {
    const token = `ghp_${'D'.repeat(36)}`
    const huge = 'q'.repeat(4 * 1024 * 1024)
    const out = toPlainData(
      { [huge]: 1, [`${'w'.repeat(240)} ${token}`]: 2, [`passphrase${'p'.repeat(1000)}`]: 'hunter2' },
      { redact: true },
    ) as Record<string, unknown>
    const keys = Object.keys(out)
    expect(keys).toHaveLength(3)
    // Each key at most MAX_KEY characters of the input, then the cut's marker.
    for (const k of keys) expect(k.replace(/…\[truncated \d+ chars\]$/, '').length).toBeLessThanOrEqual(MAX_KEY)
    // Redacted, the cut is redactBounded's: it falls inside a word, which is dropped whole (a token cut in half would
    // no longer be recognised).
    expect(keys[0]).toBe(`…[truncated ${huge.length} chars]`)
    // The token straddles the cut: dropped whole, no beginning of it left.
    expect(JSON.stringify(out)).not.toContain('ghp_')
    // `passphrase…` names a secret within its first MAX_KEY characters: the value is hidden.
    expect(Object.values(out)[2]).toBe(REDACTED)
    expect(JSON.stringify(out)).not.toContain('hunter2')
    // Not redacting, a long key is cut all the same, and where redaction cuts it (`truncate` is `cutText`): the word
    // the cut falls inside is dropped whole, here the whole key, so that a key redacted later shows no part of a token.
    const plain = toPlainData({ [huge]: 1, [`${'w'.repeat(240)} ${token}`]: 2 }) as Record<string, unknown>
    expect(Object.keys(plain)).toEqual([
      `…[truncated ${huge.length} chars]`,
      `${'w'.repeat(240)} …[truncated ${token.length} chars]`,
    ])
  })
})

describe('toPlainData never throws, whatever depth the caller asks for', () => {
  it('copies at most 256 levels, so a 100,000-level chain with maxDepth 1e9 cannot exhaust the call stack', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 100_000; i++) deep = { d: deep }
    const copy = toPlainData(deep, { maxDepth: 1e9, maxNodes: 1e9 })
    let levels = 0
    let at: unknown = copy
    while (typeof at === 'object' && at !== null) {
      at = (at as { d: unknown }).d
      levels++
    }
    expect(levels).toBe(256)
    expect(at).toBe('[Truncated]')
  })
})
