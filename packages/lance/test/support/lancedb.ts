// What the tests that use the real `@lancedb/lancedb` client share.
import { createRequire } from 'node:module'

/** The real client (its CommonJS build, as the package's `main` gives it). */
export const lancedb = createRequire(import.meta.url)('@lancedb/lancedb') as typeof import('@lancedb/lancedb')
export type Connection = Awaited<ReturnType<typeof lancedb.connect>>
export type Table = Awaited<ReturnType<Connection['openTable']>>

/** What `work` rejects with; throws when it resolves. */
export async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work()
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

/**
 * An `Error` as the Node binding throws a Rust error: the message its Display text, `code` napi's
 * `GenericFailure` (lancedb/lancedb nodejs/src/error.rs).
 */
export const lancedbError = (message: string): Error => Object.assign(new Error(message), { code: 'GenericFailure' })
