import { join } from 'node:path'
import { inspect } from 'node:util'
import { type Adapter, ErrsError, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { Client, FetchClient, fql } from 'fauna'
import faunadb from 'faunadb'
import { describeThrown, describeValue, type Failure, Results } from '../checks/util.js'
import type { ReportRow } from '../run.js'
import type { Expect, WireVector } from '../types.js'
import { compareExpect, formatMismatches, loadVectors } from '../vectors.js'
import { type Stub, startStub } from './http-stub.js'

/** The client secret the drivers send as `Authorization: Bearer …`: must not leak from normalized errors. */
const FAUNA: string = '@errs/fauna/adapter'
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
  if (e.system !== 'fauna')
    return {
      message: 'not a fauna error',
      expected: 'fauna',
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

/**
 * Live: the real `faunadb` 4.8.2 and `fauna` 2.5.0 drivers against a local HTTP/1.1 server replaying the vectors'
 * replies; what they throw is normalized by `@errs/fauna` and compared with the vectors.
 */
export async function runFaunaLive(vectorsDir: string): Promise<ReportRow[]> {
  const { adapter } = (await import(FAUNA)) as { adapter: Adapter }
  const vectors = loadVectors(join(vectorsDir, 'fauna.json'))
  const rows: WireVector[] = [...vectors.codes, ...(vectors.examples ?? []), ...(vectors.unknownCodes ?? [])]
  const v4 = new Results('live')
  const v10 = new Results('live')
  let stub: Stub | undefined
  try {
    stub = await startStub()
    const s = stub
    const c4 = new faunadb.Client({
      secret: SECRET,
      endpoint: s.url,
      fetch: globalThis.fetch,
      checkNewVersion: false,
    } as never)
    const c10 = new Client(
      { secret: SECRET, endpoint: new URL(s.url), max_attempts: 1, query_timeout_ms: 5000 },
      new FetchClient({ url: s.url, fetch_keepalive: false, http2_session_idle_ms: 5000, http2_max_streams: 100 }),
    )
    const q4 = () => c4.query(faunadb.query.Add(1, 2))
    const q10 = () => c10.query(fql`1 + 1`)
    for (const row of rows) {
      if (!row.wire || !('status' in row.wire) || row.wire.body === undefined) continue
      const wire = row.wire
      const results = row.variant === 'v10' ? v10 : v4
      await results.checkAsync(
        `${row.variant === 'v10' ? 'fauna' : 'faunadb'}: ${row.name ?? String(row.code)}`,
        async () => {
          s.reply = { status: wire.status, body: wire.body }
          return judge(adapter, await thrown(row.variant === 'v10' ? q10 : q4), row.expect)
        },
      )
    }
    // What faunadb leaks raw (fauna.md §6.1, §7 item 5) and what fauna wraps as ProtocolError.
    const specials: [string, 'v4' | 'v10', () => void, Expect][] = [
      [
        'faunadb: non-JSON body (raw SyntaxError)',
        'v4',
        () => {
          s.reply = { status: 502, bodyText: '<html>Bad Gateway</html>' }
        },
        {},
      ],
      [
        'faunadb: JSON without errors (raw TypeError)',
        'v4',
        () => {
          s.reply = { status: 500, body: { nope: true } }
        },
        {},
      ],
      [
        'faunadb: 200 empty body → ProtocolError',
        'v4',
        () => {
          s.reply = { status: 200, bodyText: '' }
        },
        { className: 'ProtocolError' },
      ],
      [
        'fauna: non-JSON 502 → ProtocolError',
        'v10',
        () => {
          s.reply = { status: 502, bodyText: '<html>Bad Gateway</html>' }
        },
        { className: 'ProtocolError' },
      ],
      [
        'fauna: JSON without error → ProtocolError',
        'v10',
        () => {
          s.reply = { status: 502, body: { nope: true } }
        },
        { className: 'ProtocolError' },
      ],
    ]
    for (const [name, variant, set, expect] of specials) {
      const results = variant === 'v10' ? v10 : v4
      await results.checkAsync(name, async () => {
        set()
        return judge(adapter, await thrown(variant === 'v10' ? q10 : q4), expect)
      })
    }
    await v4.checkAsync('faunadb: query after close → ClientClosed', async () => {
      const c = new faunadb.Client({ secret: SECRET, endpoint: s.url, fetch: globalThis.fetch } as never)
      await c.close()
      return judge(adapter, await thrown(() => c.query(faunadb.query.Add(1, 2))), { className: 'ClientClosed' })
    })
    await v10.checkAsync('fauna: query after close → ClientClosedError', async () => {
      const c = new Client(
        { secret: SECRET, endpoint: new URL(s.url), max_attempts: 1 },
        new FetchClient({ url: s.url, fetch_keepalive: false, http2_session_idle_ms: 5000, http2_max_streams: 100 }),
      )
      c.close()
      return judge(adapter, await thrown(() => c.query(fql`1`)), { className: 'ClientClosedError' })
    })
    // Connection refused: a port nobody listens on (the stub's, after closing it).
    const closed = s.url
    await s.close()
    stub = undefined
    await v4.checkAsync('faunadb: connection refused → unavailable, retryable', async () => {
      const c = new faunadb.Client({ secret: SECRET, endpoint: closed, fetch: globalThis.fetch } as never)
      return judge(adapter, await thrown(() => c.query(faunadb.query.Add(1, 2))), {
        kind: 'unavailable',
        retryable: true,
      })
    })
    await v10.checkAsync('fauna: connection refused → NetworkError, unavailable, retryable', async () => {
      const c = new Client(
        { secret: SECRET, endpoint: new URL(closed), max_attempts: 1 },
        new FetchClient({ url: closed, fetch_keepalive: false, http2_session_idle_ms: 5000, http2_max_streams: 100 }),
      )
      const raw = await thrown(() => c.query(fql`1`))
      c.close()
      return judge(adapter, raw, { className: 'NetworkError', kind: 'unavailable', retryable: true })
    })
    await c4.close({ force: true } as never).catch(() => {})
    c10.close()
  } finally {
    await stub?.close()
  }
  return [
    ...v4.list.map((r) => ({ ...r, target: '@errs/fauna', group: 'live faunadb' })),
    ...v10.list.map((r) => ({ ...r, target: '@errs/fauna', group: 'live fauna' })),
  ]
}
