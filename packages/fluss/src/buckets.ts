import { isArray, isForbiddenKey, isRecord, problemDetail, read, redactBoundedText } from '@errs/core/kit'
import { ErrorCode, isInt32 } from './codes.js'
import { errorCodeOf, errorMessageOf, FlussError, malformedInput, textOf } from './fluss-error.js'

/** Where a per-entry error sits: copied into the error's `details`. */
export interface BucketErrorContext {
  /** Fluss `table_id` (int64): a number when exact, else its decimal string. */
  tableId?: number | string
  /** Fluss `partition_id` (int64): a number when exact, else its decimal string. */
  partitionId?: number | string
  /** Fluss `bucket_id` (int32). */
  bucketId?: number
  /** Path of the entry inside the response, e.g. `'tablesResp[0].bucketsResp[2]'`. */
  path?: string
}

/**
 * A per-bucket error as it sits in a response, in the protocol's field names (the optional `error_code` /
 * `error_message` pair of `Pb…RespForBucket` messages in apache/fluss `fluss-rpc/src/main/proto/FlussApi.proto`
 * @ 545c553).
 */
export interface BucketErrorJson {
  /** `int32` code of `ErrorCode`; 0 (`NONE`) means the entry succeeded. */
  error_code: number
  /** The server's message; absent means the code's default message. */
  error_message?: string
  /** `int64` table id: a number, or a decimal string when it exceeds 2^53. */
  table_id?: number | string
  /** `int64` partition id (partitioned tables only): a number, or a decimal string when it exceeds 2^53. */
  partition_id?: number | string
  /** `int32` bucket id. */
  bucket_id?: number
}

function read2(value: unknown, snake: string, camel: string): unknown {
  const v = read(value, snake)
  return v !== undefined ? v : read(value, camel)
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
function idsOf(entry: unknown): BucketErrorContext {
  const ctx: BucketErrorContext = {}
  const nested = read2(entry, 'table_bucket', 'tableBucket')
  for (const source of isRecord(nested) ? [nested, entry] : [entry]) {
    const tableId = idOf(read2(source, 'table_id', 'tableId'))
    const partitionId = idOf(read2(source, 'partition_id', 'partitionId'))
    const bucketId = idOf(read2(source, 'bucket_id', 'bucketId'))
    if (tableId !== undefined) ctx.tableId = tableId
    if (partitionId !== undefined) ctx.partitionId = partitionId
    if (typeof bucketId === 'number') ctx.bucketId = bucketId
  }
  return ctx
}

/** Longest `details.path` kept (then the cut's marker). */
const MAX_PATH = 1024

function detailsOf(ctx: BucketErrorContext): Record<string, unknown> {
  const d: Record<string, unknown> = {}
  if (ctx.tableId !== undefined) d.tableId = ctx.tableId
  if (ctx.partitionId !== undefined) d.partitionId = ctx.partitionId
  if (ctx.bucketId !== undefined) d.bucketId = ctx.bucketId
  // The path is made of the response's keys (or is the caller's): cut to its bound, then redacted, as every text
  // `details` keeps (structured loggers write `details` as it is).
  if (ctx.path !== undefined) d.path = redactBoundedText(ctx.path, MAX_PATH)
  return d
}

/** The caller's context, read guarded and checked. */
function contextOf(context: unknown): BucketErrorContext {
  const ctx: BucketErrorContext = {}
  const tableId = idOf(read(context, 'tableId'))
  const partitionId = idOf(read(context, 'partitionId'))
  const bucketId = idOf(read(context, 'bucketId'))
  const path = read(context, 'path')
  if (tableId !== undefined) ctx.tableId = tableId
  if (partitionId !== undefined) ctx.partitionId = partitionId
  if (typeof bucketId === 'number') ctx.bucketId = bucketId
  if (typeof path === 'string') ctx.path = path
  return ctx
}

/**
 * The error of one entry of a successful response (produce, fetch, put-kv, lookup, prefix-lookup, list-offsets,
 * ACL results …): `error_code`/`errorCode` and `error_message`/`errorMessage` beside its ids. `undefined` when
 * the entry succeeded (code absent or 0). The entry's table/partition/bucket ids (over `context`) go to `details`.
 * Never throws, for any input: a code that is not an int32 gives a `CLIENT_ERROR` keeping the entry.
 */
export function fromBucketError(entry: unknown, context: BucketErrorContext = {}): FlussError | undefined {
  return entryError(entry, contextOf(context))
}

function entryError(entry: unknown, context: BucketErrorContext): FlussError | undefined {
  if (entry === null || typeof entry !== 'object') return undefined
  const code = errorCodeOf(entry)
  if (code === undefined || code === null || code === ErrorCode.NONE) return undefined
  const ctx = { ...context, ...idsOf(entry) }
  if (!isInt32(code)) return malformedInput('bucket error', 'error_code is not an int32 integer', entry, detailsOf(ctx))
  return new FlussError(textOf(errorMessageOf(entry)), code, { details: detailsOf(ctx) })
}

/**
 * An error as a per-bucket entry (inverse of `fromBucketError`), ids taken from its `details`. The entry is part
 * of Fluss's own RPC responses between a Fluss server and its clients, a trusted form: like a Fluss server
 * (`ApiError.fromThrowable` in apache/fluss `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/ApiError.java`
 * @ 545c553) it carries the full message — an UNKNOWN_SERVER_ERROR's stack trace too — redacted (`problemDetail` of
 * `@errs/core/kit` with `exposeInternal`). Answer untrusted readers with `toProblem`/`toResponse` or
 * `encodeErrorJson`, which write the public message.
 */
export function toBucketError(error: FlussError): BucketErrorJson {
  const out: BucketErrorJson = { error_code: error.error_code, error_message: problemDetail(error, TRUSTED) }
  const { tableId, partitionId, bucketId } = error.details
  if (typeof tableId === 'number' || typeof tableId === 'string') out.table_id = tableId
  if (typeof partitionId === 'number' || typeof partitionId === 'string') out.partition_id = partitionId
  if (typeof bucketId === 'number') out.bucket_id = bucketId
  return out
}

/** The trusted form of `problemDetail`: the full message, redacted. */
const TRUSTED = /* @__PURE__ */ Object.freeze({ exposeInternal: true })

const MAX_DEPTH = 16
/** Most slots (array items and object members) one walk visits, however large or sparse the input. */
const MAX_WALK_SLOTS = 100_000

/**
 * `path` followed by `part`, the part (a key of the response) at most one character past `MAX_PATH`, and nothing
 * added once the path is past it: `details.path` keeps `MAX_PATH` characters, so a key of megabytes costs each error
 * of its entries no more than that (the marker then counts what was cut of this bounded path).
 */
function longer(path: string, part: string): string {
  return path.length > MAX_PATH ? path : path + (part.length > MAX_PATH ? part.slice(0, MAX_PATH + 1) : part)
}

/**
 * Every per-entry error inside a decoded response (protobuf-es message or plain JSON, camelCase or snake_case),
 * in document order, each with the ids of its entry and of its parents (a fetch bucket gets its table's
 * `tableId`) and its `path`. A nested `error` ErrorResponse (tiering heartbeat) counts too. Never throws, for any
 * input; the walk stops after 100,000 slots (array items and object members, holes of sparse arrays included) or
 * 16 levels, so its time is bounded whatever the input claims its length is.
 */
export function collectBucketErrors(response: unknown): FlussError[] {
  const out: FlussError[] = []
  let slots = 0
  const visit = (value: unknown, ctx: BucketErrorContext, path: string, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return
    // Binary payloads (record batches) are never walked; `ArrayBuffer.isView` cannot throw, even for a Proxy.
    if (ArrayBuffer.isView(value)) return
    if (isArray(value)) {
      let length = 0
      try {
        length = value.length
      } catch {}
      for (let i = 0; i < length && slots < MAX_WALK_SLOTS; i++) {
        slots++
        visit(read(value, String(i)), ctx, longer(path, `[${i}]`), depth + 1)
      }
      return
    }
    const here: BucketErrorContext = { ...ctx, ...idsOf(value) }
    const at = path === '' ? undefined : path
    const own = entryError(value, { ...here, ...(at === undefined ? {} : { path: at }) })
    if (own) out.push(own)
    let keys: string[]
    try {
      keys = Object.keys(value)
    } catch {
      return
    }
    for (let i = 0; i < keys.length && slots < MAX_WALK_SLOTS; i++) {
      slots++
      const key = keys[i] as string
      if (isForbiddenKey(key)) continue
      const child = read(value, key)
      if (key === 'error' && isRecord(child)) {
        const nested = entryError(child, { ...here, path: path === '' ? 'error' : `${path}.error` })
        if (nested) out.push(nested)
        continue
      }
      visit(child, here, longer(path, path === '' ? key : `.${key}`), depth + 1)
    }
  }
  visit(response, {}, '', 0)
  return out
}
