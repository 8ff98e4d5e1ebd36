import { toProblem } from '@errs/core'
import { httpStatusToKind } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  decodeErrorJson,
  decodeGatewayResponse,
  ErrorCode,
  encodeErrorJson,
  encodeGatewayResponse,
  FLUSS_CODES,
  FlussError,
  GATEWAY_CODES,
} from '../src/index.js'

fc.configureGlobal({ seed: 20260822 })
const oneLine = fc.string({ minLength: 1 }).filter((s) => !/[\r\n]/.test(s))

const core = (e: FlussError) => [e.error_code, e.reason, e.kind, e.status, e.retryable, e.message]

describe('error JSON from other services', () => {
  it('reads { error_code, error_message } and { errorCode, errorMessage }, as objects, text or bytes', () => {
    expect(core(decodeErrorJson({ error_code: 7, error_message: 'no table' }))).toEqual([
      7,
      'TABLE_NOT_EXIST',
      'not_found',
      404,
      false,
      'no table',
    ])
    expect(decodeErrorJson({ errorCode: 44, errorMessage: 'no leader' }).retryable).toBe(true)
    expect(decodeErrorJson('{"error_code":36}').message).toBe('The partition does not exist.')
    expect(decodeErrorJson(new TextEncoder().encode('{"errorCode":120,"errorMessage":"future"}')).error_code).toBe(120)
    expect(decodeErrorJson({ error_code: 8, error_message: null }).message).toBe('The table already exists.')
  })

  it('round-trips every code, both styles (the trusted form)', () => {
    const trusted = { exposeInternal: true } as const
    for (const row of FLUSS_CODES) {
      const e = new FlussError(undefined, row.code)
      expect(core(decodeErrorJson(encodeErrorJson(e, trusted)))).toEqual(core(e))
      expect(core(decodeErrorJson(encodeErrorJson(e, { ...trusted, style: 'camel' })))).toEqual(core(e))
      expect(core(decodeErrorJson(JSON.stringify(encodeErrorJson(e, trusted))))).toEqual(core(e))
      // The public form keeps everything but what toProblem would not show: its message is the problem's detail.
      const pub = decodeErrorJson(encodeErrorJson(e))
      expect(core(pub).slice(0, 5)).toEqual(core(e).slice(0, 5))
      expect(pub.message).toBe(toProblem(e).detail)
    }
    expect(encodeErrorJson(new FlussError('x', 7), { style: 'camel' })).toEqual({ errorCode: 7, errorMessage: 'x' })
  })

  it.each([
    ['not JSON', '{error_code: 7', /not JSON/],
    ['an array', [7, 'x'], /expected an object/],
    ['null', null, /expected an object/],
    ['a number', 7, /expected an object/],
    ['no code', { message: 'x' }, /no error_code or errorCode/],
    ['string code', { error_code: '7' }, /not an int32/],
    ['fractional code', { error_code: 7.5 }, /not an int32/],
    ['huge code', { error_code: 2 ** 40 }, /not an int32/],
    ['numeric message', { error_code: 7, error_message: 42 }, /error_message is not a string/],
    ['non-UTF-8 bytes', new Uint8Array([0x7b, 0xc3, 0x28]), /not valid UTF-8/],
    ['too long', `{"error_code":7,"error_message":"${'x'.repeat(1024 * 1024)}"}`, /exceeds 1048576/],
  ])('%s → CLIENT_ERROR keeping the raw input', (_name, input, text) => {
    const e = decodeErrorJson(input)
    // Not the caller's bad request: CLIENT_ERROR's own row (unknown, 500); a public problem shows no raw input.
    expect([e.error_code, e.kind, e.status]).toEqual([ErrorCode.CLIENT_ERROR, 'unknown', 500])
    expect(e.message).toMatch(text)
    expect(typeof e.details.raw).toBe('string')
    expect((e.details.raw as string).length).toBeLessThanOrEqual(4 * 1024 + 64)
  })

  it('property: any JSON value decodes without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decodeErrorJson(value)).toBeInstanceOf(FlussError)
        expect(decodeErrorJson(JSON.stringify(value))).toBeInstanceOf(FlussError)
      }),
      { numRuns: 300 },
    )
  })

  it('property: any string decodes without throwing', () => {
    fc.assert(fc.property(fc.string(), (text) => void expect(decodeErrorJson(text)).toBeInstanceOf(FlussError)))
  })

  it('property: int32 codes and messages round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), oneLine, (code, message) => {
        const e = decodeErrorJson(
          JSON.stringify(encodeErrorJson(new FlussError(message, code), { exposeInternal: true })),
        )
        expect([e.error_code, e.message]).toEqual([code, message])
      }),
    )
  })
})

describe('REST gateway envelope', () => {
  const reply = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) => ({
    status,
    headers,
    body: { error },
  })

  it('maps table_not_found (404) to TABLE_NOT_EXIST, request id kept', () => {
    const e = decodeGatewayResponse(
      reply(404, {
        code: 'table_not_found',
        message: 'table `mydb.orders` does not exist',
        request_id: '8f6c7f4a-f9b8-4c71-91ec-6e5578d7a913',
      }),
    )
    expect(core(e)).toEqual([7, 'TABLE_NOT_EXIST', 'not_found', 404, false, 'table `mydb.orders` does not exist'])
    expect(e.requestId).toBe('8f6c7f4a-f9b8-4c71-91ec-6e5578d7a913')
    expect(e.details.gatewayCode).toBe('table_not_found')
  })

  it.each([
    ['database_not_found', 404, 4],
    ['partition_not_found', 404, 36],
    ['database_already_exists', 409, 6],
    ['table_already_exists', 409, 8],
    ['partition_already_exists', 409, 42],
    ['database_not_empty', 409, 5],
    ['unauthenticated', 401, 46],
    ['unauthorized', 403, 48],
    ['timeout', 504, 25],
    ['backend', 500, -1],
  ])('maps %s (%i) to code %i', (code, status, errorCode) => {
    const e = decodeGatewayResponse(reply(status, { code, message: 'm', request_id: 'r' }))
    expect([e.error_code, e.status]).toEqual([errorCode, status])
  })

  it('keeps the gateway kind and status for codes without a Fluss equivalent', () => {
    for (const row of GATEWAY_CODES.filter((r) => r.errorCode === undefined)) {
      const e = decodeGatewayResponse(reply(row.status, { code: row.code, message: 'm', request_id: 'r' }))
      expect([e.error_code, e.kind, e.status, e.retryable, e.details.gatewayCode]).toEqual([
        ErrorCode.UNKNOWN_SERVER_ERROR,
        row.kind,
        row.status,
        row.retryAfter,
        row.code,
      ])
      expect(encodeGatewayResponse(e).body.error.code).toBe(row.code)
    }
  })

  it('reads Retry-After and x-request-id headers; "unknown" is no request id', () => {
    const e = decodeGatewayResponse(
      reply(503, { code: 'unavailable', message: 'not ready', request_id: 'unknown' }, { 'Retry-After': '1' }),
    )
    expect([e.retryAfterMs, e.requestId, e.retryable]).toEqual([1000, undefined, true])
    const h = decodeGatewayResponse(reply(404, { code: 'not_found', message: 'm' }, { 'x-request-id': 'abc' }))
    expect(h.requestId).toBe('abc')
  })

  it('an unknown future gateway code keeps the HTTP status', () => {
    const e = decodeGatewayResponse(reply(429, { code: 'quota_exceeded', message: 'slow down', request_id: 'r' }))
    expect([e.error_code, e.status, e.details.gatewayCode, e.message]).toEqual([-1, 429, 'quota_exceeded', 'slow down'])
  })

  it('round-trips every code (the Fluss code travels as the error_code extension)', () => {
    for (const row of FLUSS_CODES) {
      const e = new FlussError(undefined, row.code, { requestId: `req-${row.code}` })
      const wire = encodeGatewayResponse(e)
      expect(wire.status).toBe(row.status)
      expect(wire.headers['x-request-id']).toBe(`req-${row.code}`)
      const back = decodeGatewayResponse(JSON.parse(JSON.stringify(wire)))
      // The gateway's message is public: exactly the problem's detail (a 5xx code's is the kind's title).
      expect(wire.body.error.message).toBe(toProblem(e).detail)
      expect(core(back).slice(0, 5)).toEqual(core(e).slice(0, 5))
      expect(back.requestId).toBe(`req-${row.code}`)
    }
    expect(encodeGatewayResponse(new FlussError(undefined, 7)).body.error.code).toBe('table_not_found')
    expect(encodeGatewayResponse(new FlussError(undefined, 13)).body.error.code).toBe('limit_exceeded')
    expect(encodeGatewayResponse(new FlussError(undefined, 21)).body.error.code).toBe('unavailable')
    expect(encodeGatewayResponse(new FlussError(undefined, 7)).body.error.request_id).toBe('unknown')
  })

  it.each([
    ['not an object', 'nope', /expected \{ status, headers\?, body \}/],
    ['no error member', { status: 404, body: { message: 'x' } }, /body is not/],
    ['code not a string', { status: 404, body: { error: { code: 7 } } }, /body is not/],
    ['body not JSON', { status: 500, body: '<html>' }, /not JSON/],
  ])('%s → CLIENT_ERROR', (_name, input, text) => {
    const e = decodeGatewayResponse(input)
    expect(e.error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(e.message).toMatch(text)
    expect(e.details.raw).toBeDefined()
  })

  it('property: any reply decodes without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.jsonValue(), (status, body) => {
        expect(decodeGatewayResponse({ status, body })).toBeInstanceOf(FlussError)
        expect(decodeGatewayResponse({ status, body: { error: body } })).toBeInstanceOf(FlussError)
      }),
      { numRuns: 300 },
    )
  })
})

describe('a gateway code this table does not know', () => {
  // apache/fluss fluss-gateway/src/error.rs @ 545c553 fixes the codes this table knows; a newer gateway may send
  // others. Such a code takes core's one decision of a bare status (`statusFacts`): the kind and status of the HTTP
  // error status (a 429 is resource_exhausted), the code kept in details.gatewayCode. It was `unknown`, so a problem
  // of it showed only the generic title. Retryable exactly where every gateway code is: error.rs adds `Retry-After: 1`
  // to its 429 (ResourceExhausted) and 503 (Unavailable) replies and to no other; RFC 6585 §4 and RFC 9110 §15.6.4
  // (https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4) make both temporary. It was not retryable at 429.
  it('takes the kind and status of the HTTP error status', () => {
    const err = decodeGatewayResponse({
      status: 429,
      body: { error: { code: 'quota_exceeded_v2', message: 'slow down', request_id: 'r-1' } },
    })
    expect([err.error_code, err.kind, err.status, err.retryable]).toEqual([
      ErrorCode.UNKNOWN_SERVER_ERROR,
      'resource_exhausted',
      429,
      true,
    ])
    expect(err.details.gatewayCode).toBe('quota_exceeded_v2')
  })

  it('is retryable at 429 and 503 only, as every gateway code sent with them', () => {
    for (const status of [400, 408, 409, 413, 429, 500, 502, 503, 504]) {
      const err = decodeGatewayResponse({ status, body: { error: { code: 'brand_new', message: 'm' } } })
      const known = GATEWAY_CODES.filter((c) => c.status === status)
      expect([err.kind, err.status, err.retryable]).toEqual([
        httpStatusToKind(status),
        status,
        [429, 503].includes(status),
      ])
      for (const c of known) expect(c.retryAfter).toBe(err.retryable)
    }
  })

  it('an HTTP reply whose body cannot be read is retriable at 429 and 503 only, as every gateway reply with them', () => {
    // fluss-gateway/src/error.rs @ 545c553 (Retry-After: 1 on 429 and 503 only); RFC 9110 §15.6.4.
    for (const status of [400, 413, 429, 500, 502, 503, 504]) {
      const e = adapter.decode({ status, body: '<html>proxy</html>' })
      expect([e.error_code, e.kind, e.status, e.retryable]).toEqual([
        ErrorCode.CLIENT_ERROR,
        httpStatusToKind(status),
        status,
        [429, 503].includes(status),
      ])
    }
    // Without a status (RPC bytes, a bare JSON pair), CLIENT_ERROR's own row: not retriable.
    expect(decodeErrorJson('<html>').retryable).toBe(false)
  })

  it('a Fluss code this table does not know is not retried at any status: Java reads it as UNKNOWN_SERVER_ERROR', () => {
    // apache/fluss fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java @ 545c553: `forCode` of an
    // unknown code is UNKNOWN_SERVER_ERROR, whose UnknownServerException is no RetriableException.
    for (const status of [429, 503]) {
      const gw = decodeGatewayResponse({
        status,
        body: { error: { code: 'brand_new', error_code: 99999, message: 'm' } },
      })
      expect([gw.error_code, gw.kind, gw.retryable]).toEqual([99999, httpStatusToKind(status), false])
    }
  })

  it('without an HTTP error status, is unknown/500', () => {
    const err = decodeGatewayResponse({ status: 200, body: { error: { code: 'quota_exceeded_v2', message: 'm' } } })
    expect([err.kind, err.status]).toEqual(['unknown', 500])
  })
})
