import { readFileSync } from 'node:fs'
import { toProblem } from '@errs/core'
import { httpStatusToKind } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  CODES,
  ErrorCode,
  fromErrorCode,
  fromErrorResponse,
  fromResponse,
  InternalError,
  LanceNamespaceError,
  type Operation,
  TableNotFoundError,
  ThrottlingError,
  toErrorResponse,
} from '../src/index.js'

interface Vector {
  name: string
  status?: number
  headers?: Record<string, string>
  operation?: Operation
  body?: unknown
  expect: {
    code: number
    name: string
    message?: string
    reason?: string
    kind?: string
    status?: number
    retryable?: boolean
    detail?: string
    instance?: string
    requestId?: string
    retryAfterMs?: number | null
    httpStatus?: number
    raw?: boolean
    context?: Record<string, string>
  }
}

const vectors = JSON.parse(readFileSync(new URL('./vectors/error-responses.json', import.meta.url), 'utf8')) as Vector[]

describe('fromErrorResponse: vectors', () => {
  for (const v of vectors) {
    it(v.name, () => {
      const e = fromErrorResponse(v.body, {
        ...(v.status !== undefined ? { status: v.status } : {}),
        ...(v.headers !== undefined ? { headers: v.headers } : {}),
        ...(v.operation !== undefined ? { operation: v.operation } : {}),
      })
      const x = v.expect
      expect(e).toBeInstanceOf(LanceNamespaceError)
      expect(e.code).toBe(x.code)
      expect(e.name).toBe(x.name)
      if (x.message !== undefined) expect(e.message).toBe(x.message)
      if (x.reason !== undefined) expect(e.reason).toBe(x.reason)
      if (x.kind !== undefined) expect(e.kind).toBe(x.kind)
      if (x.status !== undefined) expect(e.status).toBe(x.status)
      if (x.retryable !== undefined) expect(e.retryable).toBe(x.retryable)
      if (x.detail !== undefined) expect(e.detail).toBe(x.detail)
      if (x.instance !== undefined) expect(e.instance).toBe(x.instance)
      if (x.requestId !== undefined) expect(e.requestId).toBe(x.requestId)
      if (x.retryAfterMs !== undefined) expect(e.retryAfterMs).toBe(x.retryAfterMs ?? undefined)
      if (x.httpStatus !== undefined) expect(e.details.httpStatus).toBe(x.httpStatus)
      if (x.raw !== undefined) expect(typeof e.details.raw === 'string').toBe(x.raw)
      if (x.context !== undefined) expect(e.context).toEqual(x.context)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }
})

describe('fromErrorResponse: details', () => {
  it('keeps detail out of problems by default (it may be a stack trace)', () => {
    const e = fromErrorResponse({ code: 18, error: 'boom', detail: 'at Foo.java:42' }, { status: 500 })
    expect(e.detail).toBe('at Foo.java:42')
    expect(JSON.stringify(e)).not.toContain('Foo.java')
    expect(e.internal.detail).toBe('at Foo.java:42')
  })

  it('bounds huge strings and keeps a truncated raw body', () => {
    const huge = 'x'.repeat(200_000)
    const e = fromErrorResponse({ code: 13, error: huge }, { status: 400 })
    expect(e.message.length).toBeLessThan(17_000)
    const bad = fromErrorResponse(`not json ${huge}`, { status: 500 })
    expect(bad).toBeInstanceOf(InternalError)
    expect((bad.details.raw as string).length).toBeLessThan(5_000)
  })

  it('reads Retry-After as an HTTP date', () => {
    const at = new Date(Date.now() + 60_000).toUTCString()
    const e = fromErrorResponse({ code: 21 }, { status: 429, headers: { 'retry-after': at } })
    expect(e.retryAfterMs).toBeGreaterThan(55_000)
    expect(e.retryAfterMs).toBeLessThanOrEqual(60_000)
  })

  it('reads bytes as UTF-8 JSON', () => {
    const e = fromErrorResponse(new TextEncoder().encode('{"code":4,"error":"Täble"}'), { status: 404 })
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.message).toBe('Täble')
  })

  it('survives hostile bodies', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap')
        },
      },
    )
    const e = fromErrorResponse(hostile, { status: 500 })
    expect(e).toBeInstanceOf(InternalError)
  })
})

describe('fromResponse', () => {
  it('the issue example: DescribeTable 404', async () => {
    const res = new Response(JSON.stringify({ error: "Table 'users' not found", code: 4 }), {
      status: 404,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-9' },
    })
    const e = await fromResponse(res, { operation: 'DescribeTable' })
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.code).toBe(ErrorCode.TABLE_NOT_FOUND)
    expect(e.requestId).toBe('req-9')
  })

  it('429 with Retry-After seconds', async () => {
    const res = new Response('', { status: 429, headers: { 'retry-after': '2' } })
    const e = await fromResponse(res)
    expect(e).toBeInstanceOf(ThrottlingError)
    expect(e.retryAfterMs).toBe(2000)
    expect(e.retryable).toBe(true)
  })

  it('infers the operation from the response URL', async () => {
    const res = {
      status: 404,
      url: 'http://127.0.0.1:1/v1/table/db$t/index/idx/stats',
      headers: new Headers(),
      text: async () => '',
    }
    const e = await fromResponse(res)
    expect(e.code).toBe(ErrorCode.TABLE_INDEX_NOT_FOUND)
  })

  it('never rejects when the body cannot be read', async () => {
    const res = {
      status: 500,
      headers: new Headers(),
      text: async () => {
        throw new TypeError('terminated')
      },
    }
    const e = await fromResponse(res)
    expect(e.code).toBe(ErrorCode.SERVICE_UNAVAILABLE)
    expect(e.retryable).toBe(true)
    expect(e.details).toMatchObject({ httpStatus: 500 })
  })
})

describe('toErrorResponse', () => {
  // The spec's table (lance-rest.md "Error Code to HTTP Status Mapping"; 22/23 as the Rust server).
  const expected: Record<number, number> = {
    0: 406,
    1: 404,
    4: 404,
    6: 404,
    8: 404,
    10: 404,
    11: 404,
    12: 404,
    22: 404,
    2: 409,
    3: 409,
    5: 409,
    7: 409,
    9: 409,
    14: 409,
    19: 409,
    23: 409,
    13: 400,
    20: 400,
    15: 403,
    16: 401,
    17: 503,
    18: 500,
    21: 429,
  }

  it.each(CODES.map((row) => [row.code, row.className] as const))('code %i (%s) round-trips', (code) => {
    const e = fromErrorCode(code, `message ${code}`, { detail: 'd', instance: '/v1/x', context: { k: 'v' } })
    // The public reply leaves `detail` (a server stack trace) out; the trusted form keeps it. For the 5xx codes (17
    // ServiceUnavailable, 18 Internal) it is what the public problem shows: the kind's generic title, no context.
    const unexpected = e.status >= 500
    expect(toErrorResponse(e).body).toEqual({
      code,
      error: unexpected ? toProblem(e).detail : `message ${code}`,
      instance: '/v1/x',
      ...(unexpected ? {} : { context: { k: 'v' } }),
    })
    const reply = toErrorResponse(e, { exposeInternal: true })
    expect(reply.status).toBe(expected[code])
    expect(reply.body).toEqual({ code, error: `message ${code}`, detail: 'd', instance: '/v1/x', context: { k: 'v' } })
    const back = fromErrorResponse(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers })
    expect(back.code).toBe(code)
    expect(back.name).toBe(e.name)
    expect(back.message).toBe(e.message)
    expect(back.detail).toBe('d')
    expect(back.context).toEqual({ k: 'v' })
  })

  it('unknown code → 500, code kept', () => {
    const reply = toErrorResponse(new InternalError('future', { code: 42 }))
    expect(reply.status).toBe(500)
    expect(reply.body.code).toBe(42)
  })

  it('writes Retry-After and x-request-id', () => {
    const reply = toErrorResponse(new ThrottlingError('slow', { retryAfterMs: 1500, requestId: 'r' }))
    expect(reply).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '2', 'x-request-id': 'r' },
      body: { code: 21, error: 'slow' },
    })
  })

  it('converts foreign values first', () => {
    // A foreign message is not public: the body carries the generic title, as `toProblem` of the value does.
    expect(toErrorResponse(new Error('oops'))).toMatchObject({
      status: 500,
      body: { code: 18, error: 'An unexpected error occurred' },
    })
    expect(toErrorResponse(new Error('oops'), { exposeInternal: true }).body.error).toBe('oops')
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(toErrorResponse(refused)).toMatchObject({ status: 503, body: { code: 17 } })
  })
})

describe('decoded errors are the errors the constructors make', () => {
  // `fromErrorResponse` makes its error without running the class's constructor (core kit's `adoptError`): the
  // object must be the one `new <class of the code>(message, options)` makes, field for field (internal `detail`
  // and public problem included), with its stack starting at the decoder.
  const same = (decoded: LanceNamespaceError, made: LanceNamespaceError) => {
    expect(Object.getPrototypeOf(decoded)).toBe(Object.getPrototypeOf(made))
    expect([decoded.constructor, decoded.name, LanceNamespaceError.is(decoded)]).toEqual([
      made.constructor,
      made.name,
      true,
    ])
    expect(Object.keys(decoded)).toEqual(Object.keys(made))
    // Own enumerable string-keyed members (`internal`, kept under a symbol, is compared next).
    const fields = (e: LanceNamespaceError) => ({ ...Object.fromEntries(Object.entries(e)), message: e.message })
    expect(fields(decoded)).toEqual(fields(made))
    expect([decoded.detail, decoded.context, decoded.internal]).toEqual([made.detail, made.context, made.internal])
    const trusted = (e: LanceNamespaceError) => ({ ...toProblem(e, { exposeInternal: true }), stack: undefined })
    expect(trusted(decoded)).toEqual(trusted(made))
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(made))
  }
  it('a code of the table, with detail, instance and context', () => {
    const body = {
      error: 'Table not found: orders',
      code: ErrorCode.TABLE_NOT_FOUND,
      detail: 'table orders does not exist in namespace prod',
      instance: '/v1/table/prod$orders/describe',
      context: { table: 'orders' },
    }
    function decodingCaller() {
      return fromErrorResponse(JSON.stringify(body), { status: 404, operation: 'DescribeTable' })
    }
    const decoded = decodingCaller()
    expect(decoded).toBeInstanceOf(TableNotFoundError)
    same(
      decoded,
      new TableNotFoundError(body.error, { detail: body.detail, instance: body.instance, context: body.context }),
    )
    const lines = String(decoded.stack).split('\n')
    expect(lines[0]).toBe('TableNotFoundError: Table not found: orders')
    expect(lines[1]).toMatch(/\bfromErrorResponse\b/)
    expect(lines[2]).toMatch(/\bdecodingCaller\b/)
  })
  it('a code outside the table is an InternalError keeping the code', () => {
    const decoded = fromErrorResponse({ error: 'new thing', code: 77 })
    expect(decoded).toBeInstanceOf(InternalError)
    same(decoded, new InternalError('new thing', { code: 77 }))
    // With an HTTP error status, core's one decision of a bare status (`statusFacts`) takes kind, status and retry
    // rule from it, as the constructor does with them as options. 503 is the status of 17 ServiceUnavailable and of
    // no other code (lance-format/lance-namespace docs/src/namespace/supported-catalogs/lance-rest.md @ eeb337ca), and
    // lancedb's remote client retries it whatever the body (lancedb/lancedb rust/lancedb/src/remote/retry.rs).
    same(
      fromErrorResponse({ error: 'new thing', code: 77 }, { status: 503 }),
      new InternalError('new thing', {
        code: 77,
        kind: 'unavailable',
        status: 503,
        retryable: true,
        details: { httpStatus: 503 },
      }),
    )
    expect(decoded.code).toBe(77)
  })

  it('a code outside the table is retryable at 429 and 503 only, the statuses of the two retryable codes', () => {
    // lance-rest.md @ eeb337ca, "Error Code to HTTP Status Mapping": 21 Throttling → 429, 17 ServiceUnavailable → 503,
    // each the only code of its status; a code sent at any other status may stand for any code of it.
    for (const status of [400, 404, 408, 409, 413, 429, 500, 502, 503, 504]) {
      const e = fromErrorResponse({ error: 'new thing', code: 77 }, { status })
      expect([e.code, e.kind, e.status, e.retryable]).toEqual([
        77,
        httpStatusToKind(status),
        status,
        [429, 503].includes(status),
      ])
      // The same facts as a reply without any code at 429 and 503 (Throttling, ServiceUnavailable).
      if (status === 429 || status === 503) expect(fromErrorResponse({ error: 'x' }, { status }).retryable).toBe(true)
    }
  })
})
