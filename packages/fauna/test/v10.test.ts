import { describe, expect, it } from 'vitest'
import * as v10 from '../src/v10.js'

const failure = (code: string, extra: Record<string, unknown> = {}): v10.QueryFailure => ({
  error: { code, message: `${code}!`, ...extra },
  summary: 'error: here',
  txn_ts: 1689785459623670,
  stats: { compute_ops: 1, read_ops: 0 },
  query_tags: 'a=b,c=d',
})

describe('getServiceError: fauna-js 2.5.0 dispatch by code', () => {
  const table: [string, Record<string, unknown>, unknown][] = [
    ['invalid_query', {}, v10.QueryCheckError],
    ['invalid_request', {}, v10.InvalidRequestError],
    ['abort', { abort: { '@int': '42' } }, v10.AbortError],
    ['abort', {}, v10.QueryRuntimeError],
    [
      'constraint_failure',
      { constraint_failures: [{ paths: [['email']], message: 'dup', name: 'u' }] },
      v10.ConstraintFailureError,
    ],
    ['constraint_failure', {}, v10.QueryRuntimeError],
    ['unauthorized', {}, v10.AuthenticationError],
    ['forbidden', {}, v10.AuthorizationError],
    ['contended_transaction', {}, v10.ContendedTransactionError],
    ['limit_exceeded', {}, v10.ThrottlingError],
    ['time_out', {}, v10.QueryTimeoutError],
    ['internal_error', {}, v10.ServiceInternalError],
    ['document_not_found', {}, v10.QueryRuntimeError],
    ['something_new', {}, v10.QueryRuntimeError],
  ]
  for (const [code, extra, Class] of table) {
    it(`${code}${Object.keys(extra).length ? ' (with data)' : ''}`, () => {
      for (const status of [400, 401, 409, 500, 999, undefined]) {
        const e = v10.getServiceError(failure(code, extra), status)
        expect(e).toBeInstanceOf(Class as never)
        expect(e).toBeInstanceOf(v10.ServiceError)
        expect(e).toBeInstanceOf(v10.FaunaError)
        expect(e.httpStatus).toBe(status)
        expect(e.code).toBe(code)
        expect(e.message).toBe(`${code}!`)
        expect(e.stack?.split('\n')[0]).toBe(`${e.name}: ${e.message}`)
      }
    })
  }
  it('fields: queryInfo, constraint_failures, abort, stats', () => {
    const e = v10.getServiceError(failure('abort', { abort: { '@object': { '@x': { '@int': '1' } } } }), 400)
    expect((e as v10.AbortError).abort).toEqual({ '@x': 1 })
    expect(e.queryInfo).toEqual({
      txn_ts: 1689785459623670,
      summary: 'error: here',
      query_tags: { a: 'b', c: 'd' },
      stats: { compute_ops: 1, read_ops: 0 },
    })
    const c = v10.getServiceError(
      failure('constraint_failure', { constraint_failures: [{ paths: [['email']], message: 'dup' }] }),
    )
    expect(c.constraint_failures).toEqual([{ paths: [['email']], message: 'dup' }])
    expect(c.kind).toBe('failed_precondition')
    const t = v10.getServiceError(failure('time_out'), 503) as v10.QueryTimeoutError
    expect(t.stats).toEqual({ compute_ops: 1, read_ops: 0 })
    // core status: what time_out means (504); the wire status stays on httpStatus.
    expect([t.kind, t.status, t.httpStatus]).toEqual(['deadline_exceeded', 504, 503])
  })
  it('kinds', () => {
    const kinds: [string, string, boolean][] = [
      ['document_not_found', 'not_found', false],
      ['not_found', 'not_found', false],
      ['document_id_exists', 'already_exists', false],
      ['unauthorized', 'unauthenticated', false],
      ['forbidden', 'permission_denied', false],
      ['permission_denied', 'permission_denied', false],
      ['invalid_query', 'invalid_argument', false],
      ['invalid_argument', 'invalid_argument', false],
      ['constraint_failure', 'failed_precondition', false],
      ['abort', 'aborted', false],
      ['contended_transaction', 'aborted', true],
      ['limit_exceeded', 'resource_exhausted', true],
      ['time_out', 'deadline_exceeded', false],
      ['internal_error', 'internal', false],
    ]
    for (const [code, kind, retryable] of kinds) {
      const e = v10.getServiceError(failure(code), 400)
      expect([code, e.kind, e.retryable]).toEqual([code, kind, retryable])
    }
  })
})

describe('client classes', () => {
  it('names, parents and fields', () => {
    const cause = new Error('socket')
    const cases: [v10.FaunaError, string][] = [
      [new v10.ClientError('c', { cause }), 'ClientError'],
      [new v10.ClientClosedError('Your client is closed. No further requests can be issued.'), 'ClientClosedError'],
      [new v10.NetworkError('The network connection encountered a problem.', { cause }), 'NetworkError'],
      [new v10.ProtocolError({ message: 'p', httpStatus: 502 }), 'ProtocolError'],
    ]
    for (const [e, name] of cases) {
      expect(e.name).toBe(name)
      expect(e).toBeInstanceOf(v10.FaunaError)
      expect(e).not.toBeInstanceOf(v10.ServiceError)
      expect(e.stack?.split('\n')[0]).toBe(`${name}: ${e.message}`)
    }
    expect(cases[0]?.[0].cause).toBe(cause)
    expect((cases[3]?.[0] as v10.ProtocolError | undefined)?.httpStatus).toBe(502)
    expect(cases[2]?.[0].retryable).toBe(true)
  })
})

describe('decoding', () => {
  it('query replies', () => {
    const e = v10.fromHttp({ status: 400, body: JSON.stringify(failure('invalid_query')) })
    expect(e).toBeInstanceOf(v10.QueryCheckError)
    const p = v10.fromHttp({ status: 502, body: '<html>' })
    expect(p).toBeInstanceOf(v10.ProtocolError)
    expect((p as v10.ProtocolError).httpStatus).toBe(502)
    expect(p.details.raw).toBe('<html>')
    const unknown = v10.fromHttp({ status: 502, body: '{"x":1}' })
    expect(unknown.message).toBe('Response is in an unknown format (HTTP 502)')
    const empty = v10.fromHttp({ status: 200, body: '' })
    expect(empty.message).toBe('There was an issue communicating with Fauna. Response is empty. Please try again.')
    // fauna-js 2.5.0 (src/client.ts `#query`) reports an empty 200 with httpStatus 500.
    expect((empty as v10.ProtocolError).httpStatus).toBe(500)
  })
  it('fromResponse', async () => {
    const e = await v10.fromResponse(new Response(JSON.stringify(failure('limit_exceeded')), { status: 429 }))
    expect(e).toBeInstanceOf(v10.ThrottlingError)
    expect((e as v10.ThrottlingError).httpStatus).toBe(429)
  })
  it('stream events', () => {
    const e = v10.fromStreamEvent(
      '{"type":"error","error":{"code":"permission_denied","message":"lost"},"txn_ts":2,"cursor":"c"}',
    )
    expect(e).toBeInstanceOf(v10.QueryRuntimeError)
    expect((e as v10.ServiceError).httpStatus).toBeUndefined()
    expect(e?.status).toBe(403)
    expect(v10.fromStreamEvent({ type: 'add', txn_ts: 1, data: {} })).toBeUndefined()
    expect(v10.fromStreamEvent('{')).toBeInstanceOf(v10.ProtocolError)
  })
  it('feed pages', () => {
    const page = {
      events: [
        { type: 'add', txn_ts: 1 },
        { type: 'error', error: { code: 'abort', message: 'm', abort: 'oops' }, txn_ts: 2 },
      ],
      cursor: 'c',
      has_next: false,
    }
    const e = v10.fromFeedPage(page) as v10.AbortError
    expect(e).toBeInstanceOf(v10.AbortError)
    expect([e.abort, e.httpStatus]).toEqual(['oops', undefined])
    expect(v10.fromFeedPage({ events: [], cursor: 'c', has_next: false })).toBeUndefined()
    expect(v10.fromFeedPage(failure('invalid_request'), 400)).toBeInstanceOf(v10.InvalidRequestError)
    expect(v10.fromFeedPage(42)).toBeInstanceOf(v10.ProtocolError)
  })
  it('tagged format', () => {
    expect(v10.decodeTagged({ '@int': '1', x: 1 })).toEqual({ '@int': '1', x: 1 })
    expect(
      v10.decodeTagged([{ '@long': '9007199254740991' }, { '@double': '1.5' }, { '@date': '2024-01-01' }]),
    ).toEqual([9007199254740991, 1.5, '2024-01-01'])
    for (const v of [1, 1.5, 2 ** 40, 'x', null, true, [1, { '@a': 2 }], { b: [3] }]) {
      expect(v10.decodeTagged(v10.encodeTagged(v))).toEqual(v)
    }
  })
})

describe('errors of a failure are the errors the constructors make', () => {
  // `getServiceError` (and so `fromHttp`, `fromStreamEvent`, `fromFeedPage`) makes its error without running the
  // class's constructor (core kit's `adoptError`): the object must be the one `new Class(failure, httpStatus,
  // options)` makes, field for field, with its stack starting at `getServiceError`.
  const failure = (error: Record<string, unknown>) =>
    ({
      error,
      summary: 'error: x\nat *query*:1:1',
      txn_ts: 1689785459623670,
      stats: { compute_ops: 1, read_ops: 0, write_ops: 0 },
      query_tags: 'app=orders,env=prod',
    }) as unknown as v10.QueryFailure
  const cases: [v10.QueryFailure, new (f: v10.QueryFailure, s?: number, o?: object) => v10.ServiceError][] = [
    [failure({ code: 'invalid_function_invocation', message: 'no al' }), v10.QueryRuntimeError],
    [failure({ code: 'document_not_found', message: 'gone' }), v10.QueryRuntimeError],
    [failure({ code: 'unauthorized', message: 'bad secret' }), v10.AuthenticationError],
    [failure({ code: 'abort', message: 'aborted', abort: { '@int': '7' } }), v10.AbortError],
    [
      failure({
        code: 'constraint_failure',
        message: 'no',
        constraint_failures: [{ message: 'unique', paths: [['a']] }],
      }),
      v10.ConstraintFailureError,
    ],
    [failure({ code: 'abort', message: 'no value' }), v10.QueryRuntimeError],
    [failure({ code: 'a_new_code', message: 'newer server' }), v10.QueryRuntimeError],
  ]
  it.each(cases.map(([f, C]) => [(f.error as { code: string }).code, f, C] as const))('%s', (_, f, Class) => {
    const made = new Class(f, 400, { requestId: 'r-1' })
    function decodingCaller() {
      return v10.getServiceError(f, 400, { requestId: 'r-1' })
    }
    const got = decodingCaller()
    expect(Object.getPrototypeOf(got)).toBe(Class.prototype)
    expect([got.name, got.constructor, v10.ServiceError.is(got)]).toEqual([made.name, Class, true])
    expect(Object.keys(got)).toEqual(Object.keys(made))
    expect({ ...got, message: got.message }).toEqual({ ...made, message: made.message })
    expect([got.queryInfo, got.httpStatus, got.constraint_failures]).toEqual([
      made.queryInfo,
      made.httpStatus,
      made.constraint_failures,
    ])
    if (got instanceof v10.AbortError) expect(got.abort).toEqual((made as v10.AbortError).abort)
    expect(JSON.stringify(got)).toBe(JSON.stringify(made))
    const lines = String(got.stack).split('\n')
    expect(lines[0]).toBe(`${made.name}: ${made.message}`)
    expect(lines[1]).toMatch(/\bgetServiceError\b/)
    expect(lines[2]).toMatch(/\bdecodingCaller\b/)
  })
  it('fromHttp and fromResponse make the same error, with a stack that starts at the call', async () => {
    const [f, Class] = cases[0] as (typeof cases)[number]
    const body = JSON.stringify(f)
    function decodingCaller() {
      return v10.fromHttp({ status: 400, body, headers: { 'x-request-id': 'r-1' } })
    }
    const got = decodingCaller()
    const made = new Class(f, 400, { requestId: 'r-1' })
    expect(Object.getPrototypeOf(got)).toBe(Class.prototype)
    expect({ ...got, message: got.message }).toEqual({ ...made, message: made.message })
    const lines = String(got.stack).split('\n')
    expect([lines[1], lines[2]]).toEqual([
      expect.stringMatching(/\bfromHttp\b/),
      expect.stringMatching(/\bdecodingCaller\b/),
    ])
    const viaResponse = await v10.fromResponse(new Response(body, { status: 400, headers: { 'x-request-id': 'r-1' } }))
    expect({ ...viaResponse, message: viaResponse.message }).toEqual({ ...made, message: made.message })
    expect(String(viaResponse.stack).split('\n')[1]).toMatch(/\bfromResponse\b/)
  })
})
