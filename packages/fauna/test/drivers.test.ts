import { inspect } from 'node:util'
import { isRetryable, kindOf, statusOf, toProblem } from '@errs/core'
import { Client, FetchClient, fql, StreamToken } from 'fauna'
import faunadb from 'faunadb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BadRequest,
  type ClientClosed,
  errors,
  type FaunaHTTPError,
  normalize,
  type StreamErrorEvent,
} from '../src/index.js'
import * as v10 from '../src/v10.js'
import { startServers } from './server.js'

const q = faunadb.query
const SECRET = 'fnCANARYsecret0123456789'
let servers: Awaited<ReturnType<typeof startServers>>

beforeAll(async () => {
  servers = await startServers()
})
afterAll(async () => {
  await servers.close()
})

function v4Client(options: Record<string, unknown> = {}) {
  return new faunadb.Client({
    secret: SECRET,
    endpoint: `http://127.0.0.1:${servers.h1Port}`,
    fetch: globalThis.fetch,
    ...options,
  })
}

async function v4Throw(status: number, body: string): Promise<unknown> {
  servers.reply({ status, body })
  const client = v4Client()
  try {
    await client.query(q.Add(1, 2))
    throw new Error('expected a failure')
  } catch (e) {
    return e
  } finally {
    await client.close({ force: true })
  }
}

const err = (code: string, description = 'text') => JSON.stringify({ errors: [{ position: [], code, description }] })

describe('faunadb 4.8.2 against a local server', () => {
  const cases: [number, string, unknown, string][] = [
    [400, 'validation failed', errors.BadRequest, 'BadRequest'],
    [401, 'unauthorized', errors.Unauthorized, 'Unauthorized'],
    [403, 'permission denied', errors.PermissionDenied, 'PermissionDenied'],
    [404, 'instance not found', errors.NotFound, 'NotFound'],
    [405, 'method not allowed', errors.MethodNotAllowed, 'MethodNotAllowed'],
    [409, 'instance not unique', errors.FaunaHTTPError, 'UnknownError'],
    [429, 'too many requests', errors.TooManyRequests, 'TooManyRequests'],
    [500, 'internal server error', errors.InternalError, 'InternalError'],
    [503, 'unavailable', errors.UnavailableError, 'UnavailableError'],
  ]
  for (const [status, code, Class, name] of cases) {
    it(`${status} ${code} → ${name}, same message and description as the driver`, async () => {
      const original = (await v4Throw(status, err(code))) as Error & { description: string }
      expect(original.name).toBe(name)
      const ours = normalize(original)
      expect(ours).toBeInstanceOf(Class as never)
      expect(ours.name).toBe(name)
      expect(ours.message).toBe(original.message)
      expect((ours as FaunaHTTPError).description).toBe(original.description)
      expect((ours as FaunaHTTPError).httpStatusCode).toBe(status)
      expect((ours as FaunaHTTPError).code).toBe(code)
      expect(ours.status).toBe(status)
      expect(ours.cause).toBe(original)
    })
  }

  it('keeps validation failures and the UDF inner error of a call error', async () => {
    const validation = normalize(
      await v4Throw(
        400,
        JSON.stringify({
          errors: [
            {
              position: ['create_collection'],
              code: 'validation failed',
              description: 'document data is not valid.',
              failures: [
                { field: ['name'], code: 'invalid type', description: 'Invalid type String, expected Number.' },
              ],
            },
          ],
        }),
      ),
    ) as BadRequest
    expect(validation.kind).toBe('invalid_argument')
    expect(validation.position).toEqual(['create_collection'])
    expect(validation.errors()[0]?.failures?.[0]?.code).toBe('invalid type')

    const call = normalize(
      await v4Throw(
        400,
        JSON.stringify({
          errors: [
            {
              position: [],
              code: 'call error',
              description: 'Calling the function resulted in an error.',
              cause: [{ position: ['expr'], code: 'transaction aborted', description: 'custom error here' }],
            },
          ],
        }),
      ),
    ) as BadRequest
    expect(call.message).toBe('call error')
    expect(call.innerError?.code).toBe('transaction aborted')
    expect(call.innerError?.description).toBe('custom error here')
    expect(call.kind).toBe('aborted')
  })

  it('empty errors, non-JSON body (raw SyntaxError) and JSON without errors (raw TypeError)', async () => {
    const empty = normalize(await v4Throw(400, '{"errors":[]}')) as BadRequest
    expect(empty.message).toBe('(empty "errors")')
    expect(empty.description).toBe('(empty "errors")')

    const syntax = await v4Throw(502, '<html>Bad gateway</html>')
    expect((syntax as Error).name).toBe('SyntaxError')
    const p1 = normalize(syntax)
    expect(p1).toBeInstanceOf(errors.ProtocolError)
    expect(p1.cause).toBe(syntax)

    const typeError = await v4Throw(500, '{"message":"nope"}')
    expect((typeError as Error).name).toBe('TypeError')
    expect(normalize(typeError)).toBeInstanceOf(errors.ProtocolError)
  })

  it('ClientClosed after close()', async () => {
    const client = v4Client()
    await client.close({ force: true })
    const original = await client.query(q.Add(1, 2)).catch((e: unknown) => e)
    const ours = normalize(original)
    expect(ours).toBeInstanceOf(errors.ClientClosed)
    expect(ours.message).toBe('The Client has already been closed')
    expect((ours as ClientClosed).description).toMatch(/No subsequent requests/)
  })

  it('connection refused (fetch TypeError and raw HTTP/2 error) → NetworkError, retryable', async () => {
    const viaFetch = new faunadb.Client({
      secret: SECRET,
      endpoint: `http://127.0.0.1:${servers.closedPort}`,
      fetch: globalThis.fetch,
    })
    const e1 = await viaFetch.query(q.Add(1, 2)).catch((e: unknown) => e)
    await viaFetch.close({ force: true })
    const viaH2 = new faunadb.Client({ secret: SECRET, scheme: 'http', domain: '127.0.0.1', port: servers.closedPort })
    const e2 = await viaH2.query(q.Add(1, 2)).catch((e: unknown) => e)
    await viaH2.close({ force: true })
    for (const e of [e1, e2]) {
      const ours = normalize(e)
      expect(ours).toBeInstanceOf(errors.FaunaError)
      expect(ours.name).toBe('NetworkError')
      expect(ours.kind).toBe('unavailable')
      expect(ours.retryable).toBe(true)
      expect(ours.cause).toBe(e)
    }
  })

  it('timeout (HTTP/2 adapter) → TimeoutError', async () => {
    servers.reply(() => {})
    const client = new faunadb.Client({
      secret: SECRET,
      scheme: 'http',
      domain: '127.0.0.1',
      port: servers.h2Port,
      timeout: 0.2,
    })
    const original = await client.query(q.Add(1, 2)).catch((e: unknown) => e)
    await client.close({ force: true })
    expect((original as { isTimeoutError?: boolean }).isTimeoutError).toBe(true)
    const ours = normalize(original)
    expect(ours).toBeInstanceOf(errors.TimeoutError)
    expect(ours.message).toBe('Request aborted due to timeout')
    expect(ours.kind).toBe('deadline_exceeded')
  })

  it('stream error event: faunadb hands listeners a bare object; we recover code and description', async () => {
    servers.reply((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"type":"start","txn":1,"event":1}\n')
      setTimeout(() => {
        res.write(
          '{"type":"error","txn":2,"event":{"code":"permission denied","description":"Authorization lost during stream evaluation."}}\n',
        )
        res.end()
      }, 10)
    })
    const client = new faunadb.Client({ secret: SECRET, scheme: 'http', domain: '127.0.0.1', port: servers.h2Port })
    const received = await new Promise<unknown[]>((resolve) => {
      const stream = client.stream(q.Ref(q.Collection('c'), '1'))
      stream.on('error', (...args: unknown[]) => {
        stream.close()
        resolve(args)
      })
      stream.start()
    })
    await client.close({ force: true })
    expect(received[0]).not.toBeInstanceOf(Error)
    for (const value of [received[0], received[1]]) {
      const ours = normalize(value) as StreamErrorEvent
      expect(ours).toBeInstanceOf(errors.StreamErrorEvent)
      expect(ours.code).toBe('permission denied')
      expect(ours.message).toBe('permission denied')
      expect(ours.description).toBe('Authorization lost during stream evaluation.')
      expect(ours.kind).toBe('permission_denied')
    }
  })

  it('never shows the secret, even with the request result attached', async () => {
    const ours = normalize(await v4Throw(401, err('unauthorized', 'Unauthorized')))
    expect(servers.seen.at(-1)?.authorization).toBe(`Bearer ${SECRET}`)
    for (const text of [ours.message, JSON.stringify(ours), inspect(ours, { depth: 10 }), String(ours), ours.stack]) {
      expect(text).not.toContain(SECRET)
    }
    expect(JSON.stringify(toProblem(ours))).not.toContain(SECRET)
  })
})

describe('fauna 2.5.0 against a local server (FetchClient)', () => {
  function v10Client(port = servers.h1Port) {
    const url = new URL(`http://127.0.0.1:${port}`)
    return new Client(
      { secret: SECRET, endpoint: url, max_attempts: 1 },
      new FetchClient({
        url: url.toString(),
        fetch_keepalive: false,
        http2_session_idle_ms: 5000,
        http2_max_streams: 100,
      }),
    )
  }
  async function v10Throw(status: number, body: string): Promise<unknown> {
    servers.reply({ status, body })
    const client = v10Client()
    try {
      await client.query(fql`1 + 1`)
      throw new Error('expected a failure')
    } catch (e) {
      return e
    } finally {
      client.close()
    }
  }
  const failure = (code: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ error: { code, message: `${code} happened`, ...extra }, summary: 's', txn_ts: 7 })

  const cases: [number, string, Record<string, unknown>, unknown][] = [
    [400, 'invalid_query', {}, v10.QueryCheckError],
    [400, 'invalid_request', {}, v10.InvalidRequestError],
    [400, 'abort', { abort: { '@int': '42' } }, v10.AbortError],
    [
      400,
      'constraint_failure',
      { constraint_failures: [{ paths: [['email']], message: 'dup' }] },
      v10.ConstraintFailureError,
    ],
    [400, 'document_not_found', {}, v10.QueryRuntimeError],
    [401, 'unauthorized', {}, v10.AuthenticationError],
    [403, 'forbidden', {}, v10.AuthorizationError],
    [409, 'contended_transaction', {}, v10.ContendedTransactionError],
    [429, 'limit_exceeded', {}, v10.ThrottlingError],
    [440, 'time_out', {}, v10.QueryTimeoutError],
    [500, 'internal_error', {}, v10.ServiceInternalError],
  ]
  for (const [status, code, extra, Class] of cases) {
    it(`${status} ${code}`, async () => {
      const original = (await v10Throw(status, failure(code, extra))) as Error & { httpStatus: number }
      const ours = v10.normalize(original) as v10.ServiceError
      expect(ours).toBeInstanceOf(Class as never)
      expect(ours.name).toBe(original.name)
      expect(ours.code).toBe(code)
      expect(ours.message).toBe(original.message)
      expect(ours.httpStatus).toBe(status)
      expect(ours.queryInfo?.txn_ts).toBe(7)
      expect(ours.cause).toBe(original)
      if (code === 'abort') expect((ours as v10.AbortError).abort).toBe(42)
    })
  }

  it("core's isRetryable, kindOf and statusOf read fauna's raw ThrottlingError (its httpStatus) without normalizing", async () => {
    // fauna-js 2.5.0 keeps the status in `httpStatus` (src/errors.ts) and retries only ThrottlingError (src/client.ts).
    const raw = await v10Throw(429, failure('limit_exceeded'))
    expect((raw as Error).name).toBe('ThrottlingError')
    expect([kindOf(raw), isRetryable(raw), statusOf(raw)]).toEqual(['resource_exhausted', true, 429])
  })

  it('non-JSON body → ProtocolError; closed client; connection refused', async () => {
    const p = v10.normalize(await v10Throw(502, 'Bad gateway'))
    expect(p).toBeInstanceOf(v10.ProtocolError)
    expect((p as v10.ProtocolError).httpStatus).toBe(502)

    const closed = v10Client()
    closed.close()
    expect(v10.normalize(await closed.query(fql`1`).catch((e: unknown) => e))).toBeInstanceOf(v10.ClientClosedError)

    const refused = v10Client(servers.closedPort)
    const n = v10.normalize(await refused.query(fql`1`).catch((e: unknown) => e))
    refused.close()
    expect(n).toBeInstanceOf(v10.NetworkError)
    expect(n.retryable).toBe(true)
  })

  it('stream error event → ServiceError with httpStatus undefined', async () => {
    servers.reply((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"type":"status","txn_ts":1,"cursor":"a"}\n')
      setTimeout(() => {
        res.write('{"type":"error","error":{"code":"permission_denied","message":"lost"},"txn_ts":2}\n')
        res.end()
      }, 10)
    })
    const client = v10Client()
    const original = await (async () => {
      try {
        for await (const _ of client.stream(new StreamToken('tok'))) {
          // status events
        }
      } catch (e) {
        return e
      }
    })()
    client.close()
    const ours = v10.normalize(original) as v10.ServiceError
    expect(ours).toBeInstanceOf(v10.QueryRuntimeError)
    expect(ours.httpStatus).toBeUndefined()
    expect(ours.kind).toBe('permission_denied')
  })
})
