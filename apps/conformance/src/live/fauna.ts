import { inspect } from 'node:util'
import { type Adapter, ErrsError, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { describeThrown, describeValue, type Failure, Results } from '../checks/util.js'
import type { ReportRow } from '../run.js'
import type { Expect, Target, WireVector } from '../types.js'
import { compareExpect, formatMismatches } from '../vectors.js'
import { type Stub, startStub } from './http-stub.js'
import { importClient } from './index.js'

/** The client secret the drivers send as `Authorization: Bearer …`: must not leak from normalized errors. */
const SECRET = 'fnAEconformanceSecret9f8e7d'

function leak(e: ErrsError): string | undefined {
  const views = [
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
    inspect(e, { depth: 10 }),
  ]
  return views.find((v) => v.includes(SECRET))
}

async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn()
  } catch (e) {
    return e
  }
  return new Error('the driver resolved instead of throwing')
}

function judge(adapter: Adapter, raw: unknown, expect: Expect): Failure | undefined {
  const e = normalizeWith(adapter, raw)
  if (!ErrsError.is(e)) return { message: 'normalize did not return an ErrsError', actual: describeValue(e) }
  if (e.system !== adapter.system)
    return {
      message: 'not a fauna error',
      expected: adapter.system,
      actual: `${e.system} (driver threw ${describeThrown(raw)})`,
    }
  const ms = compareExpect(e, expect)
  if (ms.length)
    return { message: `normalized driver error differs: ${ms.map((m) => m.field).join(', ')}`, ...formatMismatches(ms) }
  if (e.cause !== raw && e !== raw)
    return { message: "the driver's error is not kept as cause", actual: describeValue(e.cause) }
  const where = leak(e)
  if (where) return { message: 'client secret leaked', actual: where.slice(0, 300) }
}

/** The parts of `faunadb` (FQL v4) the live group uses. */
interface FaunadbModule {
  Client: new (
    options: Record<string, unknown>,
  ) => {
    query(expr: unknown): Promise<unknown>
    close(options?: unknown): Promise<void>
  }
  query: { Add(a: number, b: number): unknown }
}

/** The parts of `fauna` (FQL v10) the live group uses. */
interface FaunaModule {
  Client: new (
    config: Record<string, unknown>,
    http?: unknown,
  ) => { query(q: unknown): Promise<unknown>; close(): void }
  FetchClient: new (options: Record<string, unknown>) => unknown
  fql(strings: TemplateStringsArray, ...args: unknown[]): unknown
}

function replies(t: Target, variant: 'v4' | 'v10'): WireVector[] {
  const v = t.vectors
  const rows = [...(v?.codes ?? []), ...(v?.examples ?? []), ...(v?.unknownCodes ?? [])]
  return rows.filter(
    (r) =>
      (variant === 'v10' ? r.variant === 'v10' : r.variant !== 'v10') &&
      r.wire !== undefined &&
      'status' in r.wire &&
      r.wire.body !== undefined,
  )
}

/**
 * Live faunadb: the real `faunadb` driver (FQL v4, from the user's project) against a local HTTP/1.1 server on
 * 127.0.0.1 replaying the vectors' replies; what it throws is normalized by the adapter and compared with them.
 */
export async function runFaunadbLive(t: Target, client: string): Promise<ReportRow[]> {
  const mod = await importClient<FaunadbModule & { default?: FaunadbModule }>(client)
  const faunadb = (mod.default ?? mod) as FaunadbModule
  const adapter = t.adapter
  const r = new Results('live faunadb')
  let stub: Stub | undefined = await startStub()
  try {
    const s = stub
    const make = (endpoint: string) =>
      new faunadb.Client({ secret: SECRET, endpoint, fetch: globalThis.fetch, checkNewVersion: false })
    const c4 = make(s.url)
    const q4 = () => c4.query(faunadb.query.Add(1, 2))
    for (const row of replies(t, 'v4')) {
      const wire = row.wire as { status: number; body: unknown }
      await r.checkAsync(`faunadb: ${row.name ?? String(row.code)}`, async () => {
        s.reply = { status: wire.status, body: wire.body }
        return judge(adapter, await thrown(q4), row.expect)
      })
    }
    // What faunadb throws raw (faunadb 4.8.2 src/Client.js: JSON.parse before any FaunaError; a body without
    // `errors` fails inside FaunaHTTPError) and its ProtocolError for an empty 200.
    const specials: [string, () => void, Expect][] = [
      [
        'faunadb: non-JSON body (raw SyntaxError)',
        () => {
          s.reply = { status: 502, bodyText: '<html>Bad Gateway</html>' }
        },
        {},
      ],
      [
        'faunadb: JSON without errors (raw TypeError)',
        () => {
          s.reply = { status: 500, body: { nope: true } }
        },
        {},
      ],
      [
        'faunadb: 200 empty body → ProtocolError',
        () => {
          s.reply = { status: 200, bodyText: '' }
        },
        { className: 'ProtocolError' },
      ],
    ]
    for (const [name, set, expect] of specials) {
      await r.checkAsync(name, async () => {
        set()
        return judge(adapter, await thrown(q4), expect)
      })
    }
    await r.checkAsync('faunadb: query after close → ClientClosed', async () => {
      const c = make(s.url)
      await c.close()
      return judge(adapter, await thrown(() => c.query(faunadb.query.Add(1, 2))), { className: 'ClientClosed' })
    })
    const closed = s.url
    await s.close()
    stub = undefined
    await r.checkAsync('faunadb: connection refused → unavailable, retryable', async () => {
      const c = make(closed)
      return judge(adapter, await thrown(() => c.query(faunadb.query.Add(1, 2))), {
        kind: 'unavailable',
        retryable: true,
      })
    })
    await c4.close({ force: true }).catch(() => {})
  } finally {
    await stub?.close()
  }
  return r.list.map((x) => ({ ...x, target: t.name }))
}

/**
 * Live fauna: the real `fauna` driver (FQL v10, from the user's project) against a local HTTP/1.1 server on
 * 127.0.0.1 replaying the vectors' replies; what it throws is normalized by the adapter and compared with them.
 */
export async function runFaunaLive(t: Target, client: string): Promise<ReportRow[]> {
  const mod = await importClient<FaunaModule & { default?: FaunaModule }>(client)
  const fauna = (mod.Client ? mod : (mod.default ?? mod)) as FaunaModule
  const { Client, FetchClient, fql } = fauna
  const adapter = t.adapter
  const r = new Results('live fauna')
  let stub: Stub | undefined = await startStub()
  const http = (url: string) =>
    new FetchClient({ url, fetch_keepalive: false, http2_session_idle_ms: 5000, http2_max_streams: 100 })
  try {
    const s = stub
    const c10 = new Client(
      { secret: SECRET, endpoint: new URL(s.url), max_attempts: 1, query_timeout_ms: 5000 },
      http(s.url),
    )
    const q10 = () => c10.query(fql`1 + 1`)
    for (const row of replies(t, 'v10')) {
      const wire = row.wire as { status: number; body: unknown }
      await r.checkAsync(`fauna: ${row.name ?? String(row.code)}`, async () => {
        s.reply = { status: wire.status, body: wire.body }
        return judge(adapter, await thrown(q10), row.expect)
      })
    }
    // fauna 2.5.0 src/client.ts: a body that is not JSON, or JSON without `error`, is a ProtocolError.
    const specials: [string, () => void, Expect][] = [
      [
        'fauna: non-JSON 502 → ProtocolError',
        () => {
          s.reply = { status: 502, bodyText: '<html>Bad Gateway</html>' }
        },
        { className: 'ProtocolError' },
      ],
      [
        'fauna: JSON without error → ProtocolError',
        () => {
          s.reply = { status: 502, body: { nope: true } }
        },
        { className: 'ProtocolError' },
      ],
    ]
    for (const [name, set, expect] of specials) {
      await r.checkAsync(name, async () => {
        set()
        return judge(adapter, await thrown(q10), expect)
      })
    }
    await r.checkAsync('fauna: query after close → ClientClosedError', async () => {
      const c = new Client({ secret: SECRET, endpoint: new URL(s.url), max_attempts: 1 }, http(s.url))
      c.close()
      return judge(adapter, await thrown(() => c.query(fql`1`)), { className: 'ClientClosedError' })
    })
    const closed = s.url
    await s.close()
    stub = undefined
    await r.checkAsync('fauna: connection refused → NetworkError, unavailable, retryable', async () => {
      const c = new Client({ secret: SECRET, endpoint: new URL(closed), max_attempts: 1 }, http(closed))
      const raw = await thrown(() => c.query(fql`1`))
      c.close()
      return judge(adapter, raw, { className: 'NetworkError', kind: 'unavailable', retryable: true })
    })
    c10.close()
  } finally {
    await stub?.close()
  }
  return r.list.map((x) => ({ ...x, target: t.name }))
}
