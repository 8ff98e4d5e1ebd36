// The README's TypeScript examples, verbatim (test/readme.test.ts checks it); `tsc` type-checks this file.
import {
  ErrorCode,
  fromErrorCode,
  fromResponse,
  isExpectedError,
  normalize,
  TableNotFoundError,
  ThrottlingError,
  toErrorResponse,
} from '../src/index.js'

export async function describeTable() {
  try {
    const res = await fetch(`${base}/v1/table/${id}/describe`, { method: 'POST', body })
    if (!res.ok) throw await fromResponse(res, { operation: 'DescribeTable' })
    return await res.json()
  } catch (e) {
    if (e instanceof TableNotFoundError) return undefined // e.code === ErrorCode.TABLE_NOT_FOUND (4)
    if (e instanceof ThrottlingError) console.log(`retry in ${e.retryAfterMs ?? 1000} ms`)
    if (!isExpectedError('DescribeTable', e)) report(e)
    throw e
  }
}

export async function withLanceDb() {
  try {
    return await openTable('users') // any @lancedb/lancedb call
  } catch (raw) {
    const e = normalize(raw) // typed: code, message without Rust paths, detail, instance, requestId; cause = raw
    if (e.code === ErrorCode.TABLE_NOT_FOUND) return undefined
    throw e
  }
}

export function handler(): Response {
  const e = fromErrorCode(4, "Table 'users' not found in namespace 'production'", {
    instance: '/v1/table/production$users/describe',
  })
  const { status, headers, body } = toErrorResponse(e) // 404, { code: 4, error: "Table 'users' …", instance }
  return new Response(JSON.stringify(body), { status, headers })
}

// What the examples assume.
declare const base: string
declare const id: string
declare const body: string
declare function report(e: unknown): void
declare function openTable(name: string): Promise<unknown>
