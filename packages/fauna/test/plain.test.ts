import { headerMap, parseRetryAfter } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { BadRequest, fromHttp, fromResponse, type RequestResult } from '../src/index.js'
import { parseQueryTags } from '../src/v10/errors.js'

// The fast paths of the decoders must give exactly what the kit's general readers give: these tests compare them
// value for value, so that a speed-up can never change an output.

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

describe("a FaunaHTTPError's Retry-After is read as the kit's headerMap() reads the headers", () => {
  const body = { errors: [{ code: 'too many requests', description: 'd' }] }
  const retryAfterOf = (responseHeaders: unknown) =>
    new BadRequest({ statusCode: 429, responseContent: body, responseHeaders } as RequestResult).retryAfterMs
  const expected = (headers: unknown) => {
    const v = headerMap(headers)['retry-after']
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

  // `fromHttp` reads the headers once (the kit's `readReply`) and does not read them again from the RequestResult it
  // builds: the decoded error carries the same Retry-After as the constructor given those headers. (An object whose
  // own `get` and `forEach` disagree is read through `get` by the constructor's `header()`: not compared.)
  it.each([
    ['plain, any case', { 'Retry-After': '4' }],
    [
      'a Map with one name in two cases',
      new Map([
        ['retry-after', '1'],
        ['Retry-After', '2'],
      ]),
    ],
    ['the last usable value wins', { 'Retry-After': '8', 'RETRY-AFTER': '9' }],
    ['web Headers', new Headers({ 'Retry-After': '11' })],
    ['pairs', [['Retry-After', '12']]],
    ['absent', { 'content-type': 'application/json' }],
    ['unreadable', { 'retry-after': 'soon' }],
  ])('fromHttp, %s: as the constructor', (_, headers) => {
    const decoded = fromHttp({ status: 429, body: JSON.stringify(body), headers: headers as never })
    expect(decoded.retryAfterMs).toBe(expected(headers))
    expect(decoded.retryAfterMs).toBe(retryAfterOf(headerMap(headers)))
    expect(decoded.retryAfterMs).toBe(retryAfterOf(headers))
  })

  // The one read `fromHttp` makes is the kit's (`readReply`, `headerMap`), for any carrier: plain objects (names in
  // any case, duplicates, getters, array and non-string values), `[name, value]` pairs, web `Headers` and `Map`s.
  it('fromHttp, any carrier (fast-check): the Retry-After the kit reads; plain objects and pairs: as the constructor', () => {
    const name = fc.constantFrom('retry-after', 'Retry-After', 'RETRY-AFTER', 'rEtRy-aFtEr', 'get', 'forEach', 'x')
    const value = fc.oneof(
      fc.constantFrom('0', '7', ' 12 ', '9999999999', '-1', '1.5', 'soon', ''),
      fc.nat(99),
      fc.array(fc.constantFrom('3', 'x', '4'), { maxLength: 2 }),
      fc.constant(null),
    )
    const shape = fc.constantFrom('object', 'getters', 'pairs', 'headers', 'map')
    const carrier = (kind: string, pairs: [string, unknown][]): unknown => {
      if (kind === 'pairs') return pairs.map(([k, v]) => [k, v])
      if (kind === 'map') return new Map(pairs)
      if (kind === 'headers') {
        const h = new Headers()
        for (const [k, v] of pairs) if (k !== 'get' && k !== 'forEach') h.append(k, String(v))
        return h
      }
      const o: Record<string, unknown> = {}
      for (const [k, v] of pairs) {
        if (kind === 'object') o[k] = v
        else Object.defineProperty(o, k, { enumerable: true, configurable: true, get: () => v })
      }
      return o
    }
    // A date-shaped value (web `Headers` joins duplicates with `, `) is read against the clock: hold it still.
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
    try {
      fc.assert(
        fc.property(shape, fc.array(fc.tuple(name, value), { maxLength: 5 }), (kind, pairs) => {
          const headers = carrier(kind, pairs)
          const decoded = fromHttp({ status: 429, body: JSON.stringify(body), headers: headers as never })
          expect(decoded.retryAfterMs).toBe(parseRetryAfter(headerMap(carrier(kind, pairs))['retry-after']))
          if (kind === 'object' || kind === 'getters' || kind === 'pairs') {
            expect(decoded.retryAfterMs).toBe(retryAfterOf(carrier(kind, pairs)))
          }
        }),
        { numRuns: 1000 },
      )
    } finally {
      vi.useRealTimers()
    }
  })

  it('fromResponse (fast-check): the Retry-After the kit reads from the Response headers', async () => {
    const value = fc.constantFrom('0', '7', ' 12 ', '-1', 'soon', 'Thu, 01 Jan 2099 00:00:00 GMT')
    const name = fc.constantFrom('retry-after', 'Retry-After', 'x')
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['Date'] })
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 4 }), async (pairs) => {
          const headers = new Headers(pairs)
          const decoded = await fromResponse(new Response(JSON.stringify(body), { status: 429, headers }))
          expect(decoded.retryAfterMs).toBe(parseRetryAfter(headerMap(headers)['retry-after']))
        }),
        { numRuns: 200 },
      )
    } finally {
      vi.useRealTimers()
    }
  })
})
