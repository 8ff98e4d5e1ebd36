import { addSecret } from '@errs/core'
import { header, MAX_DETAILS_DEPTH, toPlainData } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BadRequest, type RequestResult } from '../src/index.js'
import { plainData } from '../src/plain.js'
import { parseQueryTags } from '../src/v10/errors.js'

// The fast paths of the decoders must give exactly what the kit's general readers give: these tests compare them
// value for value, so that a speed-up can never change an output.

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
  ]
}

const OPTION_SETS: [number, boolean][] = [
  [MAX_DETAILS_DEPTH, false],
  [MAX_DETAILS_DEPTH, true],
  [3, false],
  [16, false],
  [1, true],
  [0, false],
]

describe('plainData is toPlainData', () => {
  it('for hostile and edge values, at every depth bound, with and without redaction', () => {
    addSecret('hunter2')
    for (const value of hostileValues()) {
      for (const [maxDepth, redact] of OPTION_SETS) {
        expect(plainData(value, maxDepth, redact)).toEqual(toPlainData(value, { maxDepth, redact }))
      }
    }
  })

  it('for arbitrary values (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
        fc.constantFrom(...OPTION_SETS),
        (value, [maxDepth, redact]) => {
          expect(plainData(value, maxDepth, redact)).toEqual(toPlainData(value, { maxDepth, redact }))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('works on the node budget exactly as toPlainData (shared references counted each time)', () => {
    const leaf = { a: [1, 2, 3, 4, 5, 6, 7, 8], b: 'x' }
    let v: unknown = leaf
    for (let i = 0; i < 12; i++) v = { l: v, r: v }
    expect(plainData(v)).toEqual(toPlainData(v))
    expect(JSON.stringify(plainData(v))).toContain('[Truncated]')
  })
})

/** The split fauna-js does (`tags.split(',').map(t => t.split('='))`), with this package's bounds and rules. */
function splitTags(tags: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of tags.split(',').slice(0, 256)) {
    if (pair === '') continue
    const [k = '', v = ''] = pair.split('=')
    if (k !== '__proto__' && k !== 'constructor' && k !== 'prototype') out[k] = v
  }
  return out
}

describe('parseQueryTags splits as fauna-js does (fauna/fauna-js src/client.ts @ v2.5.0)', () => {
  it.each([
    ['app=orders,env=prod', { app: 'orders', env: 'prod' }],
    ['k=v=w', { k: 'v' }],
    ['flag', { flag: '' }],
    ['=x', { '': 'x' }],
    ['a=', { a: '' }],
    [',,a=b,,', { a: 'b' }],
    ['a=1,a=2', { a: '2' }],
    ['__proto__=x,ok=1', { ok: '1' }],
    ['', {}],
  ])('%j', (tags, expected) => {
    expect(parseQueryTags(tags)).toEqual(expected)
    expect(Object.getPrototypeOf(parseQueryTags(tags))).toBe(Object.prototype)
  })

  it('agrees with the plain split for any text (fast-check)', () => {
    const piece = fc.constantFrom('a', 'b', '=', ',', '', 'k=v', '__proto__', 'constructor=1')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const tags = parts.join('')
        expect(parseQueryTags(tags)).toEqual(splitTags(tags))
      }),
      { numRuns: 500 },
    )
  })

  it('keeps at most 256 pairs, empty ones counted', () => {
    const tags = `${','.repeat(255)}a=1,b=2`
    expect(parseQueryTags(tags)).toEqual({ a: '1' })
    const many = Array.from({ length: 300 }, (_, i) => `k${i}=${i}`).join(',')
    expect(Object.keys(parseQueryTags(many) ?? {})).toHaveLength(256)
  })
})

describe("a FaunaHTTPError's Retry-After is read as the kit's header() reads it", () => {
  const body = { errors: [{ code: 'too many requests', description: 'd' }] }
  const retryAfterOf = (responseHeaders: unknown) =>
    new BadRequest({ statusCode: 429, responseContent: body, responseHeaders } as RequestResult).retryAfterMs
  const expected = (headers: unknown) => {
    const v = header(headers, 'retry-after')
    return v !== undefined && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) * 1000 : undefined
  }

  it.each([
    ['plain, lower case', { 'retry-after': '3' }],
    ['plain, any case', { 'Retry-After': '4' }],
    ['a number', { 'retry-after': 5 }],
    ['an array (Node joins)', { 'retry-after': ['6'] }],
    ['an empty array keeps the earlier value', { 'Retry-After': '7', 'retry-after': [] }],
    ['the last usable value wins', { 'Retry-After': '8', 'RETRY-AFTER': '9' }],
    ['a non-string value is skipped', { 'Retry-After': '2', 'retry-after': { x: 1 } }],
    ['a header named get', { get: 'x', 'retry-after': '1' }],
    ['a header named forEach', { forEach: 'x', 'retry-after': '1' }],
    ['web Headers', new Headers({ 'Retry-After': '11' })],
    ['a Map', new Map([['Retry-After', '12']])],
    ['absent', { 'content-type': 'application/json' }],
    ['not an object', 'retry-after: 3'],
    ['null', null],
    [
      'a throwing getter on another header',
      Object.defineProperty({ 'retry-after': '13' }, 'x', {
        enumerable: true,
        get() {
          throw new Error('no')
        },
      }),
    ],
    [
      'a revoked proxy',
      (() => {
        const p = Proxy.revocable({}, {})
        p.revoke()
        return p.proxy
      })(),
    ],
  ])('%s', (_, headers) => {
    expect(retryAfterOf(headers)).toBe(expected(headers))
  })
})
