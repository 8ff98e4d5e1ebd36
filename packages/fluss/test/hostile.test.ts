import { inspect } from 'node:util'
import { toProblem, toResponse } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  collectBucketErrors,
  decodeErrorJson,
  decodeGatewayResponse,
  ErrorCode,
  encodeErrorJson,
  encodeGatewayResponse,
  FlussError,
  fromBucketError,
} from '../src/index.js'
import { decodeErrorResponse, decodeResponseFrame, encodeErrorResponse, adapter as wireAdapter } from '../src/wire.js'

// Hostile in-memory values: what a buggy driver, a Proxy-based client or an attacker-shaped JSON hands a decoder.

function revokedProxy(): object {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
}

const boom = (): never => {
  throw new Error('hostile')
}

/** A Proxy whose every trap throws (getPrototypeOf, ownKeys, get, has, …). */
function trapAll(): object {
  return new Proxy(
    {},
    {
      get: boom,
      has: boom,
      ownKeys: boom,
      getPrototypeOf: boom,
      getOwnPropertyDescriptor: boom,
      apply: boom,
    },
  )
}

const KEYS = [
  'error_code',
  'errorCode',
  'error_message',
  'errorMessage',
  'error',
  'code',
  'message',
  'name',
  'request_id',
  'status',
  'headers',
  'body',
  'cause',
  'stack',
  'table_id',
  'bucket_id',
  'table_bucket',
  'x-request-id',
  'retry-after',
]

/** An object whose every interesting member is a getter that throws. */
function throwingGetters(): object {
  const o = {}
  for (const k of KEYS) Object.defineProperty(o, k, { get: boom, enumerable: true })
  return o
}

/** A Uint8Array whose `length` getter throws. */
function badBytes(): Uint8Array {
  const b = new Uint8Array([8, 7, 18, 1, 120])
  Object.defineProperty(b, 'length', { get: boom })
  return b
}

/** An Error whose `message` getter throws. */
function badError(): Error {
  const e = new Error('x')
  Object.defineProperty(e, 'message', { get: boom })
  Object.defineProperty(e, 'name', { get: boom })
  return e
}

const HOSTILE: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a revoked Proxy', revokedProxy],
  ['a Proxy whose every trap throws', trapAll],
  ['throwing getters', throwingGetters],
  ['a toJSON that throws', () => ({ error_code: 'x', toJSON: boom })],
  ['a Uint8Array whose length getter throws', badBytes],
  ['an Error whose message getter throws', badError],
  ['a huge sparse array inside an object', () => ({ a: new Array(2 ** 32 - 1) })],
  ['a huge sparse array', () => new Array(2 ** 32 - 1)],
  ['a lone surrogate', () => '\ud800'],
  ['an object with a lone surrogate', () => ({ error_code: 7, error_message: '\ud800', code: '\udfff' })],
  [
    'a cycle',
    () => {
      const o: Record<string, unknown> = { error_code: 'x' }
      o.self = o
      return o
    },
  ],
]

/** Every public decoder, with the hostile value placed as the whole input and inside headers, body and maps. */
function placements(h: () => unknown): Array<readonly [string, () => unknown]> {
  const gatewayBody = (error: unknown) => ({ error })
  return [
    ['decodeErrorJson(h)', () => decodeErrorJson(h())],
    ['decodeErrorJson({ error_code: h })', () => decodeErrorJson({ error_code: h() })],
    [
      'decodeErrorJson({ error_code: 7, error_message: h })',
      () => decodeErrorJson({ error_code: 7, error_message: h() }),
    ],
    ['decodeGatewayResponse(h)', () => decodeGatewayResponse(h())],
    [
      'decodeGatewayResponse({ headers: h })',
      () => decodeGatewayResponse({ status: 404, headers: h(), body: gatewayBody({ code: 'table_not_found' }) }),
    ],
    ['decodeGatewayResponse({ body: h })', () => decodeGatewayResponse({ status: 404, headers: {}, body: h() })],
    [
      'decodeGatewayResponse({ body: { error: h } })',
      () => decodeGatewayResponse({ status: 404, body: gatewayBody(h()) }),
    ],
    [
      'decodeGatewayResponse({ body: { error: { message: h, request_id: h } } })',
      () =>
        decodeGatewayResponse({
          status: 503,
          headers: { 'retry-after': h() },
          body: gatewayBody({ code: 'unavailable', message: h(), request_id: h(), error_code: h() }),
        }),
    ],
    ['fromBucketError(h)', () => fromBucketError(h()) ?? new FlussError('absent', 0)],
    ['fromBucketError(entry, h)', () => fromBucketError({ error_code: 7 }, h() as never)],
    [
      'fromBucketError({ table_bucket: h })',
      () => fromBucketError({ error_code: 7, table_bucket: h(), bucket_id: h() }),
    ],
    ['decodeErrorResponse(h)', () => decodeErrorResponse(h() as Uint8Array)],
    ['decodeResponseFrame(h).error', () => decodeResponseFrame(h() as Uint8Array).error ?? new FlussError('ok', 0)],
    ['FlussError.from(h)', () => FlussError.from(h())],
    ['FlussError.from(Error with cause h)', () => FlussError.from(new Error('wrapped', { cause: h() }))],
    [
      'FlussError.from({ error_code: 7, error_message: h })',
      () => FlussError.from({ error_code: 7, error_message: h() }),
    ],
    ['new FlussError(h, h)', () => new FlussError(h() as string, h() as number)],
    ['adapter.decode(h)', () => adapter.decode(h() as never)],
    [
      'adapter.decode({ headers: h })',
      () => adapter.decode({ status: 500, headers: h() as never, body: { error_code: 7 } }),
    ],
    ['adapter.decode({ body: h })', () => adapter.decode({ status: 500, body: h() })],
    ['adapter.decode({ status: h })', () => adapter.decode({ status: h() as number, body: '{"error_code":7}' })],
    ['wire adapter.decode(h)', () => wireAdapter.decode(h() as never)],
    ['adapter.recognize(h)', () => adapter.recognize(h()) ?? new FlussError('unrecognized', 0)],
    ['normalizeWith(adapter, h)', () => normalizeWith(adapter, h())],
    ['normalizeWith(wire adapter, h)', () => normalizeWith(wireAdapter, h())],
    ['adapter.create(h)', () => adapter.create(h() as number)],
  ]
}

/** Everything a service does with an error it got back: none of it may throw. */
function useAll(e: FlussError): void {
  void String(e)
  void e.message
  void `${e.error_code} ${e.is_retriable} ${e.exceptionClass}`
  void JSON.stringify(e)
  void inspect(e, { depth: 8 })
  void toProblem(e)
  void toProblem(e, { exposeInternal: true })
  void toResponse(e)
  void JSON.stringify(encodeErrorJson(e))
  const reply = encodeGatewayResponse(e)
  void new Response(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers })
  void JSON.stringify(adapter.encode(e))
  void wireAdapter.encode(e)
}

describe('every public decoder returns a typed FlussError for any input, quickly', () => {
  for (const [name, make] of HOSTILE) {
    describe(name, () => {
      it.each(placements(make))('%s', (_label, call) => {
        const e = call()
        expect(FlussError.is(e)).toBe(true)
        useAll(e as FlussError)
      })
    })
  }

  it('collectBucketErrors never throws and walks a bounded number of slots', () => {
    for (const [, make] of HOSTILE) {
      for (const input of [make(), { tablesResp: [make(), { bucketsResp: [make(), { error_code: 7 }] }] }]) {
        const errors = collectBucketErrors(input)
        expect(Array.isArray(errors)).toBe(true)
        for (const e of errors) {
          expect(FlussError.is(e)).toBe(true)
          useAll(e)
        }
      }
    }
    // Entries before the sparse array are still found.
    const found = collectBucketErrors({ first: { error_code: 7, bucket_id: 2 }, a: new Array(2 ** 32 - 1) })
    expect(found.map((e) => [e.error_code, e.details.bucketId])).toEqual([[7, 2]])
  })

  it('a revoked Proxy in a bucket map is skipped; the other entries are kept', () => {
    const errors = collectBucketErrors({ bucketsResp: [revokedProxy(), { error_code: 12, bucket_id: 1 }] })
    expect(errors.map((e) => e.error_code)).toEqual([ErrorCode.NOT_LEADER_OR_FOLLOWER])
  })
})

describe('lone surrogates from the network', () => {
  it('survive JSON, problems and Responses', () => {
    const e = decodeGatewayResponse({
      status: 404,
      body: '{"error":{"code":"\\ud800","message":"\\ud800 gone","request_id":"\\udfff"}}',
    })
    expect(FlussError.is(e)).toBe(true)
    expect(() => JSON.stringify(e)).not.toThrow()
    expect(() => toResponse(e)).not.toThrow()
    const j = decodeErrorJson('{"error_code":7,"error_message":"\\ud800"}')
    expect(j.error_code).toBe(7)
    expect(JSON.parse(JSON.stringify(encodeErrorJson(j))).error_message).toBe('\ud800')
  })
})

describe('request ids that are not valid header values', () => {
  it('a gateway request_id with CR LF never reaches the returned headers', () => {
    const e = decodeGatewayResponse({
      status: 404,
      body: { error: { code: 'table_not_found', message: 'm', request_id: 'r1\r\nset-cookie: a=b' } },
    })
    const reply = encodeGatewayResponse(e)
    for (const v of Object.values(reply.headers)) expect(v).not.toMatch(/[\r\n]/)
    expect(() => new Response(null, { status: reply.status, headers: reply.headers })).not.toThrow()
    const http = adapter.encode(e) as { headers: Record<string, string> }
    for (const v of Object.values(http.headers ?? {})) expect(v).not.toMatch(/[\r\n]/)
  })

  it('an error built with a bad request id still encodes to headers a Response accepts', () => {
    for (const requestId of ['a\r\nb', 'a\nb', 'a\0b', 'żółw', '   ', '']) {
      const e = new FlussError('m', 7, { requestId })
      for (const reply of [encodeGatewayResponse(e), adapter.encode(e) as { headers: Record<string, string> }]) {
        expect(() => new Response(null, { headers: reply.headers })).not.toThrow()
        expect(reply.headers['x-request-id']).not.toBe(requestId)
      }
    }
    // A good one is kept.
    expect(encodeGatewayResponse(new FlussError('m', 7, { requestId: 'req-1' })).headers['x-request-id']).toBe('req-1')
  })

  it('an x-request-id header with CR LF is not taken as the request id', () => {
    const e = adapter.decode({ status: 404, headers: { 'x-request-id': 'a\r\nb' }, body: { error_code: 7 } })
    expect(e.requestId).toBeUndefined()
  })
})

describe('messages full of secret-looking words are cut to the bound before anything redacts', () => {
  // Time is measured as a ratio to a linear baseline by the conformance harness, not in unit tests.
  it.each([
    [
      'decodeGatewayResponse',
      (m: string) => decodeGatewayResponse({ status: 400, body: { error: { code: 'x', message: m } } }),
    ],
    ['decodeErrorJson', (m: string) => decodeErrorJson({ error_code: 7, error_message: m })],
    [
      'decodeErrorResponse',
      (m: string) => decodeErrorResponse(encodeErrorResponse({ error_code: 7, error_message: m })),
    ],
    ['FlussError.from', (m: string) => FlussError.from(new Error(m))],
    ['new FlussError', (m: string) => new FlussError(m, 7)],
  ])('%s: a 288 KiB message comes back cut and redacted', (_name, decode) => {
    const e = decode('password='.repeat(32768)) // 288 KiB: far past the 16 KiB bound, within the 1 MiB payload limit
    expect(e.message.length).toBeLessThan(40 * 1024)
    expect(e.message).toContain('[REDACTED]')
  })

  it('the kept message is bounded', () => {
    const e = decodeGatewayResponse({ status: 400, body: { error: { code: 'x', message: 'password'.repeat(8192) } } })
    expect(e.message.length).toBeLessThan(17 * 1024)
  })
})
