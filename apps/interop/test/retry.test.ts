// The core README's retry recipes (p-retry, cockatiel) with the real libraries against real driver errors: the
// `faunadb` client and the `@lancedb/lancedb` client against local servers on 127.0.0.1, and a Fluss error JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { isRetryable, retryDelay } from '@errs/core/retry'
import { normalize as normalizeFauna } from '@errs/fauna'
import { decodeErrorJson, ErrorCode, FlussError } from '@errs/fluss'
import { normalize as normalizeLance, ThrottlingError } from '@errs/lance'
import faunadb from 'faunadb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { policy, withPRetry } from '../src/recipes.js'

const lancedb = createRequire(import.meta.url)('@lancedb/lancedb') as typeof import('@lancedb/lancedb')

type Reply = { status: number; body: unknown; headers?: Record<string, string> }

/** A server answering with the queued replies in order (the last one repeats), recording when each request came. */
function scripted() {
  let queue: Reply[] = []
  const at: number[] = []
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume()
    req.on('end', () => {
      at.push(performance.now())
      const reply = (queue.length > 1 ? queue.shift() : queue[0]) as Reply
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      res.end(JSON.stringify(reply.body))
    })
  })
  return {
    server,
    at,
    script(replies: Reply[]) {
      queue = replies
      at.length = 0
    },
    gaps: () => at.slice(1).map((t, i) => t - (at[i] as number)),
  }
}

const fauna = scripted()
const lance = scripted()
let faunaBase = ''
let lanceBase = ''
const opened: { close(): unknown }[] = []

beforeAll(async () => {
  for (const s of [fauna, lance]) await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r))
  faunaBase = `http://127.0.0.1:${(fauna.server.address() as AddressInfo).port}`
  lanceBase = `http://127.0.0.1:${(lance.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const c of opened) await c.close()
  for (const s of [fauna, lance]) await new Promise((r) => s.server.close(r))
})

// faunadb 4.8.2 throws TooManyRequests for HTTP 429 (fauna/faunajs v4.8.2 `src/errors.js`, `FaunaHTTPError.
// raiseForStatusCode`); Fauna answers throughput excess with 429 (https://docs.fauna.com/fauna/current/manage/
// plans-billing/plan-details). The body is faunadb's `{ errors: [{ position, code, description }] }`.
const TOO_MANY: Reply = {
  status: 429,
  headers: { 'retry-after': '1' },
  body: { errors: [{ position: [], code: 'too many requests', description: 'Rate limit exceeded' }] },
}
const BAD_REQUEST: Reply = {
  status: 400,
  body: { errors: [{ position: [], code: 'invalid expression', description: 'No form/function found.' }] },
}

/** One query with the real faunadb client; driver errors are normalized where they are caught. */
async function faunaQuery(): Promise<unknown> {
  const client = new faunadb.Client({ secret: 'fnSECRET', endpoint: faunaBase, fetch: globalThis.fetch })
  try {
    return await client.query(faunadb.query.Add(1, 2))
  } catch (e) {
    throw normalizeFauna(e)
  } finally {
    await client.close({ force: true })
  }
}

/** `tableNames()` with the real LanceDB remote client, its own retries off; errors normalized where caught. */
async function lanceTableNames(): Promise<string[]> {
  const db = await lancedb.connect('db://mydb', {
    apiKey: 'k',
    hostOverride: lanceBase,
    clientConfig: { retryConfig: { retries: 0, connectRetries: 0, readRetries: 0 } },
  })
  opened.push(db)
  try {
    return await db.tableNames()
  } catch (e) {
    throw normalizeLance(e)
  }
}

// Lance Namespace code 21 THROTTLING, HTTP 429 (lance-format/lance-namespace `docs/src/namespace/operations/errors.md` at 0.11.1).
const THROTTLED: Reply = { status: 429, body: { error: 'slow down', code: 21 } }
const TABLES: Reply = { status: 200, body: { tables: ['a'] } }

// Fluss NOT_LEADER_OR_FOLLOWER (12) is a RetriableException, TABLE_NOT_EXIST (7) is not (apache/fluss
// `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java` at main).
function flussCall(codes: number[]) {
  let calls = 0
  const call = async () => {
    const code = codes[calls++]
    if (code !== undefined) throw decodeErrorJson({ error_code: code, error_message: `error ${code}` })
    return 'ok'
  }
  return { call, calls: () => calls }
}

describe('the driver errors are classified as their systems retry them', () => {
  it('faunadb 429 TooManyRequests: retryable, Retry-After read', async () => {
    fauna.script([TOO_MANY])
    const e = await faunaQuery().catch((x: unknown) => x)
    expect((e as Error).name).toBe('TooManyRequests')
    expect(isRetryable(e)).toBe(true)
    expect((e as { retryAfterMs?: number }).retryAfterMs).toBe(1000)
    expect(retryDelay(e, 1, { random: () => 0 })).toBe(1000)
  })

  it('LanceDB 429 code 21: ThrottlingError, retryable', async () => {
    lance.script([THROTTLED])
    const e = await lanceTableNames().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ThrottlingError)
    expect(isRetryable(e)).toBe(true)
  })

  it('Fluss: NOT_LEADER_OR_FOLLOWER retryable, TABLE_NOT_EXIST not', () => {
    expect(isRetryable(decodeErrorJson({ error_code: ErrorCode.NOT_LEADER_OR_FOLLOWER }))).toBe(true)
    expect(isRetryable(decodeErrorJson({ error_code: ErrorCode.TABLE_NOT_EXIST }))).toBe(false)
  })
})

describe('p-retry recipe', () => {
  it('faunadb: retries the 429 after its Retry-After (1 s), then succeeds', async () => {
    fauna.script([TOO_MANY, { status: 200, body: { resource: 3 } }])
    expect(await withPRetry(faunaQuery)).toBe(3)
    expect(fauna.at).toHaveLength(2)
    expect(fauna.gaps()[0]).toBeGreaterThanOrEqual(950)
  })

  it('faunadb: a 400 BadRequest is not retried', async () => {
    fauna.script([BAD_REQUEST])
    const e = await withPRetry(faunaQuery).catch((x: unknown) => x)
    expect((e as Error).name).toBe('BadRequest')
    expect(fauna.at).toHaveLength(1)
  })

  it('LanceDB: retries two 429s with full-jitter backoff (no Retry-After: at most 100 ms, then 200 ms)', async () => {
    lance.script([THROTTLED, THROTTLED, TABLES])
    expect(await withPRetry(lanceTableNames)).toEqual(['a'])
    expect(lance.at).toHaveLength(3)
    const [first, second] = lance.gaps() as [number, number]
    expect(first).toBeLessThan(100 + 250) // the delay plus a LanceDB connection's own overhead
    expect(second).toBeLessThan(200 + 250)
  })

  it('Fluss: retries NOT_LEADER_OR_FOLLOWER; gives up on TABLE_NOT_EXIST at once', async () => {
    const retriable = flussCall([ErrorCode.NOT_LEADER_OR_FOLLOWER, ErrorCode.NOT_LEADER_OR_FOLLOWER])
    expect(await withPRetry(retriable.call)).toBe('ok')
    expect(retriable.calls()).toBe(3)
    const fatal = flussCall([ErrorCode.TABLE_NOT_EXIST])
    const e = await withPRetry(fatal.call).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(FlussError)
    expect((e as FlussError).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
    expect(fatal.calls()).toBe(1)
  })

  it('gives up after its retries, with the last error', async () => {
    const always = flussCall([12, 12, 12, 12, 12, 12, 12])
    const e = await withPRetry(always.call).catch((x: unknown) => x)
    expect((e as FlussError).error_code).toBe(12)
    expect(always.calls()).toBe(5) // retries: 4
  })
})

describe('cockatiel recipe', () => {
  const delays: number[] = []
  policy.onRetry(({ delay }) => delays.push(delay))

  it('faunadb: backs off by the Retry-After (1 s), then succeeds', async () => {
    delays.length = 0
    fauna.script([TOO_MANY, { status: 200, body: { resource: 3 } }])
    expect(await policy.execute(faunaQuery)).toBe(3)
    expect(delays).toEqual([1000])
    expect(fauna.gaps()[0]).toBeGreaterThanOrEqual(950)
  })

  it('faunadb: a 400 BadRequest is not retried', async () => {
    delays.length = 0
    fauna.script([BAD_REQUEST])
    const e = await policy.execute(faunaQuery).catch((x: unknown) => x)
    expect((e as Error).name).toBe('BadRequest')
    expect(delays).toEqual([])
  })

  it('LanceDB: full-jitter backoff within 100 ms, then 200 ms', async () => {
    delays.length = 0
    lance.script([THROTTLED, THROTTLED, TABLES])
    expect(await policy.execute(lanceTableNames)).toEqual(['a'])
    expect(delays).toHaveLength(2)
    expect(delays[0]).toBeLessThanOrEqual(100)
    expect(delays[1]).toBeLessThanOrEqual(200)
  })

  it('Fluss: retries NOT_LEADER_OR_FOLLOWER up to maxAttempts; TABLE_NOT_EXIST at once', async () => {
    delays.length = 0
    const always = flussCall([12, 12, 12, 12, 12, 12])
    const e = await policy.execute(always.call).catch((x: unknown) => x)
    expect((e as FlussError).error_code).toBe(12)
    expect(always.calls()).toBe(5) // maxAttempts: 4 retries
    expect(delays).toHaveLength(4)
    const fatal = flussCall([ErrorCode.TABLE_NOT_EXIST])
    await expect(policy.execute(fatal.call)).rejects.toBeInstanceOf(FlussError)
    expect(fatal.calls()).toBe(1)
  })
})
