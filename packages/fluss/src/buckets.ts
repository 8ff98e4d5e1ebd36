import { ownEntries, truncate } from '@errs/core'
import { ErrorCode, isInt32 } from './codes.js'
import { errorCodeOf, errorMessageOf, FlussError, malformedInput, textOf } from './fluss-error.js'
import { isBytes, isRecord } from './json.js'

/** Where a per-entry error sits: copied into the error's `details`. */
export interface BucketErrorContext {
  tableId?: number | string
  partitionId?: number | string
  bucketId?: number
  /** Path of the entry inside the response, e.g. `'tablesResp[0].bucketsResp[2]'`. */
  path?: string
}

/** A per-bucket error as it sits in a response, in the protocol's field names. */
export interface BucketErrorJson {
  error_code: number
  error_message?: string
  table_id?: number | string
  partition_id?: number | string
  bucket_id?: number
}

function read(value: object, snake: string, camel: string): unknown {
  try {
    const v = (value as Record<string, unknown>)[snake]
    return v !== undefined ? v : (value as Record<string, unknown>)[camel]
  } catch {
    return undefined
  }
}

/** int64 ids come as bigint (protobuf-es), string (JSON) or number: a number when exact, else a string. */
function idOf(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(-Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : String(value)
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) {
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : value
  }
  return undefined
}

/** The ids an entry carries itself (flat, or in a nested `table_bucket` as in NotifyLeaderAndIsr). */
function idsOf(entry: object): BucketErrorContext {
  const ctx: BucketErrorContext = {}
  const nested = read(entry, 'table_bucket', 'tableBucket')
  for (const source of isRecord(nested) ? [nested, entry] : [entry]) {
    const tableId = idOf(read(source, 'table_id', 'tableId'))
    const partitionId = idOf(read(source, 'partition_id', 'partitionId'))
    const bucketId = idOf(read(source, 'bucket_id', 'bucketId'))
    if (tableId !== undefined) ctx.tableId = tableId
    if (partitionId !== undefined) ctx.partitionId = partitionId
    if (typeof bucketId === 'number') ctx.bucketId = bucketId
  }
  return ctx
}

function detailsOf(ctx: BucketErrorContext): Record<string, unknown> {
  const d: Record<string, unknown> = {}
  if (ctx.tableId !== undefined) d.tableId = ctx.tableId
  if (ctx.partitionId !== undefined) d.partitionId = ctx.partitionId
  if (ctx.bucketId !== undefined) d.bucketId = ctx.bucketId
  if (ctx.path !== undefined) d.path = ctx.path
  return d
}

/**
 * The error of one entry of a successful response (produce, fetch, put-kv, lookup, prefix-lookup, list-offsets,
 * ACL results …): `error_code`/`errorCode` and `error_message`/`errorMessage` beside its ids. `undefined` when
 * the entry succeeded (code absent or 0). The entry's table/partition/bucket ids (over `context`) go to `details`.
 * Never throws: a code that is not an int32 gives a `CLIENT_ERROR` keeping the entry.
 */
export function fromBucketError(entry: unknown, context: BucketErrorContext = {}): FlussError | undefined {
  if (entry === null || typeof entry !== 'object') return undefined
  const code = errorCodeOf(entry)
  if (code === undefined || code === null || code === ErrorCode.NONE) return undefined
  const ctx = { ...context, ...idsOf(entry) }
  if (!isInt32(code)) return malformedInput('bucket error', 'error_code is not an int32 integer', entry, detailsOf(ctx))
  const message = textOf(errorMessageOf(entry))
  return new FlussError(message === undefined ? undefined : truncate(message), code, { details: detailsOf(ctx) })
}

/** An error as a per-bucket entry (inverse of `fromBucketError`), ids taken from its `details`. */
export function toBucketError(error: FlussError): BucketErrorJson {
  const out: BucketErrorJson = { error_code: error.error_code, error_message: error.message }
  const { tableId, partitionId, bucketId } = error.details
  if (typeof tableId === 'number' || typeof tableId === 'string') out.table_id = tableId
  if (typeof partitionId === 'number' || typeof partitionId === 'string') out.partition_id = partitionId
  if (typeof bucketId === 'number') out.bucket_id = bucketId
  return out
}

const MAX_DEPTH = 16
const MAX_NODES = 100_000

/**
 * Every per-entry error inside a decoded response (protobuf-es message or plain JSON, camelCase or snake_case),
 * in document order, each with the ids of its entry and of its parents (a fetch bucket gets its table's
 * `tableId`) and its `path`. A nested `error` ErrorResponse (tiering heartbeat) counts too. Never throws.
 */
export function collectBucketErrors(response: unknown): FlussError[] {
  const out: FlussError[] = []
  let nodes = 0
  const visit = (value: unknown, ctx: BucketErrorContext, path: string, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || ++nodes > MAX_NODES) return
    if (isBytes(value)) return
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], ctx, `${path}[${i}]`, depth + 1)
      return
    }
    const here: BucketErrorContext = { ...ctx, ...idsOf(value) }
    const at = path === '' ? undefined : path
    const own = fromBucketError(value, { ...here, ...(at === undefined ? {} : { path: at }) })
    if (own) out.push(own)
    for (const [key, child] of ownEntries(value)) {
      if (key === 'error' && isRecord(child)) {
        const nested = fromBucketError(child, { ...here, path: path === '' ? 'error' : `${path}.error` })
        if (nested) out.push(nested)
        continue
      }
      visit(child, here, path === '' ? key : `${path}.${key}`, depth + 1)
    }
  }
  visit(response, {}, '', 0)
  return out
}
