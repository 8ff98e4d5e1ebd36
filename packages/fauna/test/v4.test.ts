import { ErrsError, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import {
  AbortError,
  BadRequest,
  ClientClosed,
  errorForStatus,
  errors,
  FaunaError,
  FaunaHTTPError,
  fromHttp,
  fromResponse,
  fromStreamEvent,
  InternalError,
  InvalidArity,
  InvalidValue,
  MethodNotAllowed,
  NotFound,
  PermissionDenied,
  ProtocolError,
  type RequestResult,
  StreamError,
  StreamErrorEvent,
  StreamsNotSupported,
  TimeoutError,
  TooManyRequests,
  Unauthorized,
  UnavailableError,
} from '../src/index.js'
import * as v10 from '../src/v10.js'

const rr = (statusCode: number, errs: unknown[]): RequestResult => ({ statusCode, responseContent: { errors: errs } })
const one = (code: string, description = 'text', extra: Record<string, unknown> = {}) => [
  { position: [], code, description, ...extra },
]

describe('the seed: accessing exception/error details', () => {
  it('reproduces name, message, description, httpStatusCode, code, position and errors()', () => {
    const body = {
      errors: [
        {
          position: ['collection', 'paginate', 'documents'],
          code: 'invalid ref',
          description: "Ref refers to undefined collection 'does_not_exist'",
        },
      ],
    }
    const e: unknown = fromHttp({ status: 400, body: JSON.stringify(body) })
    if (!(e instanceof errors.BadRequest)) throw new Error('expected BadRequest')
    expect([e.name, e.message, e.description, e.httpStatusCode]).toEqual([
      'BadRequest',
      'invalid ref',
      "Ref refers to undefined collection 'does_not_exist'",
      400,
    ])
    const [first] = e.errors()
    expect([first?.code, first?.position, first?.description]).toEqual([
      'invalid ref',
      ['collection', 'paginate', 'documents'],
      "Ref refers to undefined collection 'does_not_exist'",
    ])
    expect(e.errors()).toEqual(body.errors)
    expect(e.code).toBe('invalid ref')
    expect(e.position).toEqual(['collection', 'paginate', 'documents'])
  })
})

describe('v4 classes: names, parents, stack heads', () => {
  const cases: [Error, string, (abstract new (...a: never[]) => unknown)[]][] = [
    [new FaunaError('Custom', 'msg', 'desc'), 'Custom', [FaunaError, ErrsError, Error]],
    [new ProtocolError('p'), 'ProtocolError', [FaunaError]],
    [new InvalidValue('bad'), 'InvalidValue', [FaunaError]],
    [new InvalidArity(1, null, 0, 'Add'), 'InvalidArity', [FaunaError]],
    [new ClientClosed('closed', 'd'), 'ClientClosed', [FaunaError]],
    [new StreamError('S', 'm', 'd'), 'S', [FaunaError]],
    [new StreamsNotSupported('d'), 'StreamsNotSupported', [StreamError, FaunaError]],
    [
      new StreamErrorEvent({ type: 'error', event: { code: 'c', description: 'd' } }),
      'StreamErrorEvent',
      [StreamError],
    ],
    [new FaunaHTTPError('UnknownError', rr(409, one('x'))), 'UnknownError', [FaunaHTTPError, FaunaError]],
    [new BadRequest(rr(400, one('x'))), 'BadRequest', [FaunaHTTPError]],
    [new Unauthorized(rr(401, one('unauthorized'))), 'Unauthorized', [FaunaHTTPError]],
    [new PermissionDenied(rr(403, one('x'))), 'PermissionDenied', [FaunaHTTPError]],
    [new NotFound(rr(404, one('x'))), 'NotFound', [FaunaHTTPError]],
    [new MethodNotAllowed(rr(405, one('x'))), 'MethodNotAllowed', [FaunaHTTPError]],
    [new TooManyRequests(rr(429, one('x'))), 'TooManyRequests', [FaunaHTTPError]],
    [new InternalError(rr(500, one('x'))), 'InternalError', [FaunaHTTPError]],
    [new UnavailableError(rr(503, one('x'))), 'UnavailableError', [FaunaHTTPError]],
    [new TimeoutError(), 'TimeoutError', [ErrsError, Error]],
    [new AbortError(), 'AbortError', [ErrsError, Error]],
  ]
  for (const [e, name, parents] of cases) {
    it(name, () => {
      expect(e.name).toBe(name)
      for (const P of parents) expect(e).toBeInstanceOf(P)
      expect(e.stack?.split('\n')[0]).toBe(`${name}: ${e.message.split('\n')[0]}`)
      expect(String(e)).toBe(`${name}: ${e.message}`)
    })
  }
  it('instanceof is exact between siblings and across dialects', () => {
    const nf = new NotFound(rr(404, one('instance not found')))
    expect(nf).not.toBeInstanceOf(BadRequest)
    expect(nf).not.toBeInstanceOf(v10.FaunaError)
    expect(new TimeoutError()).not.toBeInstanceOf(FaunaError)
    expect(new AbortError()).not.toBeInstanceOf(v10.AbortError)
    expect(BadRequest.is(nf)).toBe(false)
    expect(FaunaHTTPError.is(nf)).toBe(true)
  })
})

describe('v4 fields', () => {
  it('InvalidArity keeps min/max/actual and faunadb’s message', () => {
    const e = new InvalidArity(1, null, 0, 'Add')
    expect(e.message).toBe(
      'Add function requires at least 1 argument(s) but 0 were given\n' +
        'For more info, see the docs: https://docs.fauna.com/fauna/current/api/fql/functions/add',
    )
    expect([e.min, e.max, e.actual]).toEqual([1, null, 0])
    expect(new InvalidArity(null, 2, 3, 'X').message).toMatch(/^X function requires up to 2 argument/)
    expect(new InvalidArity(2, 2, 3, 'X').message).toMatch(/^X function requires 2 argument/)
    expect(new InvalidArity(1, 3, 0, 'X').message).toMatch(/^X function requires from 1 to 3 argument/)
  })
  it('Unauthorized appends faunadb’s hint (typographic apostrophe)', () => {
    const e = new Unauthorized(rr(401, one('unauthorized', 'Unauthorized')))
    expect(e.message).toBe(
      'unauthorized. Check that endpoint, schema, port and secret are correct during client’s instantiation',
    )
    expect(e.description).toBe('Unauthorized')
    expect(e.kind).toBe('unauthenticated')
  })
  it('empty errors array', () => {
    const e = new BadRequest(rr(400, []))
    expect([e.message, e.description, e.errors()]).toEqual(['(empty "errors")', '(empty "errors")', []])
    expect(e.kind).toBe('invalid_argument')
  })
  it('a RequestResult without errors or status does not throw (faunadb throws a TypeError)', () => {
    const e = new FaunaHTTPError('UnknownError', {})
    expect(e.message).toBe('(empty "errors")')
    expect(e.httpStatusCode).toBeUndefined()
  })
  it('validation failed: failures are typed', () => {
    const e = fromHttp({
      status: 400,
      body: {
        errors: one('validation failed', 'document data is not valid.', {
          failures: [{ field: ['name'], code: 'invalid type', description: 'Invalid type String, expected Number.' }],
        }),
      },
    }) as BadRequest
    expect(e.errors()[0]?.failures?.[0]?.field).toEqual(['name'])
    expect(e.kind).toBe('invalid_argument')
  })
  it('call error exposes the inner error and takes its kind', () => {
    const e = fromHttp({
      status: 400,
      body: {
        errors: one('call error', 'Calling the function resulted in an error.', {
          cause: [{ position: ['expr'], code: 'instance not found', description: 'Document not found.' }],
        }),
      },
    }) as BadRequest
    expect(e.name).toBe('BadRequest')
    expect(e.innerError).toEqual({ position: ['expr'], code: 'instance not found', description: 'Document not found.' })
    expect(e.kind).toBe('not_found')
    // core status: what the inner error means; the wire status stays on httpStatusCode.
    expect([e.status, e.httpStatusCode]).toEqual([404, 400])
    expect(e.details.innerCode).toBe('instance not found')
  })
  it('raiseForStatusCode throws by status and ignores 2xx', () => {
    expect(() => FaunaHTTPError.raiseForStatusCode(rr(200, []))).not.toThrow()
    expect(() => FaunaHTTPError.raiseForStatusCode(rr(404, one('instance not found')))).toThrow(NotFound)
    try {
      FaunaHTTPError.raiseForStatusCode(rr(413, one('x')))
    } catch (e) {
      expect((e as Error).name).toBe('UnknownError')
      expect(e).toBeInstanceOf(FaunaHTTPError)
    }
  })
})

describe('v4 kinds and statuses (code first; 429/500/503 by status; documented in the README)', () => {
  // [wire status, code, kind, retryable, core status]: the core status is what the code means (faunadb-csharp
  // ExceptionCode.cs names the codes; v4 sends 'instance already exists' at 400, faunadb-python tests/test_errors.py);
  // unknown codes keep the transport status, retryable only for 429/503
  // (https://docs.fauna.com/fauna/v4/build/best_practices/errors: retry a 503 with backoff).
  const cases: [number, string, string, boolean, number][] = [
    [404, 'instance not found', 'not_found', false, 404],
    [400, 'instance already exists', 'already_exists', false, 409],
    [400, 'instance not unique', 'already_exists', false, 409],
    [401, 'unauthorized', 'unauthenticated', false, 401],
    [403, 'permission denied', 'permission_denied', false, 403],
    [400, 'validation failed', 'invalid_argument', false, 400],
    [400, 'invalid argument', 'invalid_argument', false, 400],
    [400, 'transaction aborted', 'aborted', false, 400],
    [429, 'anything', 'resource_exhausted', true, 429],
    [503, 'unavailable', 'unavailable', true, 503],
    [500, 'internal server error', 'internal', false, 500],
    [409, 'some new code', 'aborted', false, 409],
    [413, 'some new code', 'resource_exhausted', false, 413],
  ]
  for (const [wire, code, kind, retryable, status] of cases) {
    it(`${wire} ${code} → ${kind}, ${status}`, () => {
      const e = errorForStatus(rr(wire, one(code)))
      expect([e.kind, e.retryable, e.status, e.code, e.httpStatusCode]).toEqual([kind, retryable, status, code, wire])
    })
  }
})

describe('fromHttp / fromResponse / fromStreamEvent', () => {
  it('statuses pick faunadb’s classes', () => {
    const names = [400, 401, 403, 404, 405, 429, 500, 503, 409, 440, 502].map(
      (status) => fromHttp({ status, body: { errors: one('x') } }).name,
    )
    expect(names).toEqual([
      'BadRequest',
      'Unauthorized',
      'PermissionDenied',
      'NotFound',
      'MethodNotAllowed',
      'TooManyRequests',
      'InternalError',
      'UnavailableError',
      'UnknownError',
      'UnknownError',
      'UnknownError',
    ])
  })
  it('non-JSON, JSON without errors, empty 200 → ProtocolError with the raw body kept', () => {
    const html = fromHttp({ status: 502, body: '<html>bad gateway</html>' })
    expect(html).toBeInstanceOf(ProtocolError)
    expect(html.message).toBe('Error parsing response as JSON (HTTP 502)')
    expect(html.details.raw).toBe('<html>bad gateway</html>')
    // Not retryable: faunadb (src/Client.js @ 4.8.2) retries nothing, and Fauna's docs name only 429 and, for v4, 503
    // (https://docs.fauna.com/fauna/v4/build/best_practices/errors) as statuses to retry.
    expect([html.kind, html.status, html.retryable]).toEqual(['unavailable', 502, false])
    const noErrors = fromHttp({ status: 500, body: '{"message":"x"}' })
    expect(noErrors.message).toBe('Response is in an unknown format (HTTP 500)')
    expect(noErrors.details.raw).toBe('{"message":"x"}')
    const empty = fromHttp({ status: 200, body: '' })
    expect(empty.message).toBe('There was an issue communicating with Fauna. Response is empty. Please try again.')
    expect(fromHttp({ status: 200, body: { resource: 3 } }).message).toBe('Response carries no error (HTTP 200)')
    const long = fromHttp({ status: 502, body: 'x'.repeat(100_000) })
    expect(String(long.details.raw).length).toBeLessThan(5000)
  })
  it('Retry-After is read', () => {
    const e = fromHttp({ status: 429, headers: { 'Retry-After': '3' }, body: { errors: one('x') } })
    expect(e.retryAfterMs).toBe(3000)
  })
  it('fromResponse reads a fetch Response', async () => {
    const e = await fromResponse(new Response(JSON.stringify({ errors: one('instance not found') }), { status: 404 }))
    expect(e).toBeInstanceOf(NotFound)
    const broken = await fromResponse({
      status: 500,
      headers: { get: () => null },
      text: () => Promise.reject(new Error('boom')),
    })
    expect(broken).toBeInstanceOf(ProtocolError)
  })
  it('stream error events in the real wire shape keep code and description', () => {
    const wire = '{"type":"error","txn":5,"event":{"code":"permission denied","description":"Authorization lost."}}'
    const e = fromStreamEvent(wire) as StreamErrorEvent
    expect(e).toBeInstanceOf(StreamErrorEvent)
    expect([e.code, e.message, e.description, e.txn, e.kind]).toEqual([
      'permission denied',
      'permission denied',
      'Authorization lost.',
      5,
      'permission_denied',
    ])
    expect((fromStreamEvent({ event: 'error', data: { code: 'c', description: 'd' } }) as StreamErrorEvent).code).toBe(
      'c',
    )
    expect(fromStreamEvent({ type: 'start', txn: 1, event: 1 })).toBeUndefined()
    expect(fromStreamEvent('not json')).toBeInstanceOf(ProtocolError)
  })
})

describe('errors errorForStatus makes are the errors the constructors make', () => {
  // `errorForStatus` (hence `fromHttp` and `raiseForStatusCode`) makes its error without running a constructor (core
  // kit's `adoptError`): the object must be the one `new <class>(requestResult)` makes, field for field, its
  // RequestResult the same object, with its stack starting at `errorForStatus`. Classes by status: faunadb 4.8.2
  // `src/errors.js` (`FaunaHTTPError.raiseForStatusCode`).
  const descriptors = (e: object): Record<string, PropertyDescriptor> => {
    const all = Object.getOwnPropertyDescriptors(e) as Record<string, PropertyDescriptor>
    delete all.stack
    return all
  }
  const cases: [number, (r: RequestResult) => FaunaHTTPError][] = [
    [400, (r) => new BadRequest(r)],
    [401, (r) => new Unauthorized(r)],
    [403, (r) => new PermissionDenied(r)],
    [404, (r) => new NotFound(r)],
    [405, (r) => new MethodNotAllowed(r)],
    [429, (r) => new TooManyRequests(r)],
    [500, (r) => new InternalError(r)],
    [503, (r) => new UnavailableError(r)],
    [418, (r) => new FaunaHTTPError('UnknownError', r)],
  ]
  for (const [status, make] of cases) {
    it(`${status}`, () => {
      const result: RequestResult = {
        ...rr(status, one('invalid ref', "Ref refers to undefined collection 'x' (secret=fnAE1234)")),
        responseHeaders: { 'retry-after': '2' },
      }
      const made = make(result)
      function decodingCaller(): FaunaHTTPError {
        return errorForStatus(result)
      }
      const decoded = decodingCaller()
      expect(Object.getPrototypeOf(decoded)).toBe(Object.getPrototypeOf(made))
      expect([decoded.name, decoded.constructor]).toEqual([made.name, made.constructor])
      expect(Object.keys(decoded)).toEqual(Object.keys(made))
      expect(descriptors(decoded)).toEqual(descriptors(made))
      expect(decoded.requestResult).toBe(result)
      expect([decoded.errors(), decoded.position, decoded.description]).toEqual([
        made.errors(),
        made.position,
        made.description,
      ])
      const trusted = (e: FaunaHTTPError) => ({ ...toProblem(e, { exposeInternal: true }), stack: undefined })
      expect(trusted(decoded)).toEqual(trusted(made))
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(made))
      const lines = String(decoded.stack).split('\n')
      expect(lines[0]).toBe(`${made.name}: ${made.message}`)
      expect(lines[1]).toMatch(/\berrorForStatus\b/)
      expect(lines[2]).toMatch(/\bdecodingCaller\b/)
    })
  }
  it("fromHttp keeps the reply it read as the RequestResult; its stack and raiseForStatusCode's start at the call", () => {
    const text = '{"errors":[{"position":[],"code":"invalid ref","description":"no"}]}'
    function decodingCaller(): FaunaHTTPError {
      return fromHttp({ status: 400, body: text, headers: { 'x-txn-time': '1' } }) as FaunaHTTPError
    }
    const decoded = decodingCaller()
    expect(decoded).toBeInstanceOf(BadRequest)
    expect([decoded.requestResult.responseRaw, decoded.requestResult.statusCode]).toEqual([text, 400])
    const decodedLines = String(decoded.stack).split('\n')
    expect([decodedLines[1], decodedLines[2]]).toEqual([
      expect.stringMatching(/\bfromHttp\b/),
      expect.stringMatching(/\bdecodingCaller\b/),
    ])
    function raisingCaller(): void {
      FaunaHTTPError.raiseForStatusCode(rr(404, one('instance not found')))
    }
    let thrown: unknown
    try {
      raisingCaller()
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(NotFound)
    const lines = String((thrown as Error).stack).split('\n')
    expect([lines[1], lines[2]]).toEqual([
      expect.stringMatching(/\braiseForStatusCode\b/),
      expect.stringMatching(/\braisingCaller\b/),
    ])
  })
})
