import { ErrsError } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { describeValue, Results } from '../checks/util.js'
import type { ReportRow } from '../run.js'
import type { Target } from '../types.js'
import { compareExpect, formatMismatches } from '../vectors.js'
import { startStub } from './http-stub.js'
import { importClient } from './index.js'

/** The parts of `@lancedb/lancedb` the live group uses. */
interface LanceDbModule {
  connect(
    uri: string,
    options: Record<string, unknown>,
  ): Promise<{ openTable(name: string): Promise<unknown>; close(): void }>
}

/**
 * Live: the real `@lancedb/lancedb` (remote `db://` connection, retries off) against a local HTTP server replying
 * with the vectors' ErrorResponse bodies; its plain `Error { code: 'GenericFailure' }` is normalized by
 * `@errs/lance` and compared with the vectors.
 */
export async function runLanceLive(t: Target, client: string): Promise<ReportRow[]> {
  const lancedb = await importClient<LanceDbModule>(client)
  const adapter = t.adapter
  const vectors = { codes: [], examples: [], ...t.vectors }
  const r = new Results('live lancedb')
  const stub = await startStub()
  try {
    const db = await lancedb.connect('db://conformance', {
      apiKey: 'sk-conformance-key',
      hostOverride: stub.url,
      clientConfig: { retryConfig: { retries: 0, connectRetries: 0, readRetries: 0 } },
    })
    const rows = [...vectors.codes, ...(vectors.examples ?? [])].filter(
      (v) =>
        v.wire !== undefined && 'status' in v.wire && v.wire.body !== undefined && !v.wire.headers?.['retry-after'],
    )
    for (const row of rows) {
      const wire = row.wire as { status: number; body: unknown }
      await r.checkAsync(`openTable → ${row.name ?? String(row.code)}`, async () => {
        stub.reply = { status: wire.status, body: wire.body }
        let raw: unknown
        try {
          await db.openTable('conformance_table')
          return { message: 'openTable resolved instead of throwing' }
        } catch (e) {
          raw = e
        }
        const e = normalizeWith(adapter, raw)
        if (!ErrsError.is(e) || e.system !== 'lance')
          return { message: 'normalize did not give a lance error', actual: describeValue(e) }
        const ms = compareExpect(e, row.expect)
        if (ms.length) {
          return {
            message: `normalized lancedb error differs: ${ms.map((m) => m.field).join(', ')} (lancedb said: ${describeValue(raw)})`,
            ...formatMismatches(ms),
          }
        }
        if (e.cause !== raw) return { message: "lancedb's error is not kept as cause", actual: describeValue(e.cause) }
      })
    }
    db.close()
  } finally {
    await stub.close()
  }
  return r.list.map((x) => ({ ...x, target: t.name }))
}
