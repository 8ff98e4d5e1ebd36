import type { ErrsErrorInit, ErrsOptions } from '@errs/core'
import {
  adoptError,
  detailsRecord,
  ErrsError,
  type ErrsErrorClass,
  ensureBranded,
  errorMessage,
  errsInit,
  frozenDetails,
  isArray,
  isForbiddenKey,
  isRecord,
  keptKey,
  MAX_KEY,
  ownEntries,
  REDACTED,
  read,
  readOptions,
  readString,
  redactBoundedText,
  statusFacts,
  toPlainData,
  truncate,
} from '@errs/core/kit'
import {
  EMPTY_RESPONSE_MESSAGE,
  type FaunaCodeInfo,
  MISSING_CODE,
  RETRYABLE_STATUSES,
  unreadableFacts,
} from '../codes.js'

import { messageText, prepared, slots, takePrepared, withOptions } from '../shared.js'
import { V10_PROTOCOL_ROW, V10_RETRIED_CLASSES, v10ClassRow, v10ClientRow, v10CodeInfo } from './codes.js'
import { decodeTagged, MAX_TAGGED_NODES } from './tagged.js'

/** @deprecated Use `ErrsOptions` from `@errs/core`: the one trailing options type of every constructor. */
export type FaunaErrorOptions = ErrsOptions

/** Query statistics Fauna returns with every reply (fauna/fauna-js `src/wire-protocol.ts` `QueryStats` @ v2.5.0). */
export interface QueryStats {
  /** Transactional compute operations consumed. */
  compute_ops?: number
  /** Transactional read operations consumed. */
  read_ops?: number
  /** Transactional write operations consumed. */
  write_ops?: number
  /** Query processing time, in milliseconds. */
  query_time_ms?: number
  /** Times the transaction was retried because of contention. */
  contention_retries?: number
  /** Bytes read from storage. */
  storage_bytes_read?: number
  /** Bytes written to storage. */
  storage_bytes_write?: number
  /** Operation types that hit their rate limit during the query. */
  rate_limits_hit?: ('read' | 'write' | 'compute')[]
  /** Added by the client: how many attempts the query took. */
  attempts?: number
}

/** What fauna-js copies from a failure into `ServiceError.queryInfo` (not `schema_version`, as in fauna-js). */
export interface QueryInfo {
  /** Transaction timestamp. */
  txn_ts?: number
  /** Rendered diagnostic with source positions. */
  summary?: string
  /** Query tags (the wire's `"k=v,k2=v2"` string becomes an object). */
  query_tags?: Record<string, string>
  /** Query statistics. */
  stats?: QueryStats
}

/** A check or unique constraint that failed. */
export interface ConstraintFailure {
  /** What failed. */
  message: string
  /** The constraint's name, when it has one. */
  name?: string
  /** Paths of the offending fields. */
  paths?: (number | string)[][]
}

/** A decoded FQL value (JSON data after decoding the tagged format). */
export type QueryValue = unknown

/** A v10 error reply body (`QueryFailure` in fauna-js's wire protocol). */
export interface QueryFailure {
  /** The error. */
  error: {
    /** v10 error code, snake_case, e.g. `'document_not_found'`. */
    code: string
    /** Human-readable message. */
    message: string
    /** The failed check or unique constraints (`constraint_failure`). */
    constraint_failures?: ConstraintFailure[]
    /** The value passed to `abort()`, in the tagged format. */
    abort?: unknown
  }
  /** Rendered diagnostic with source positions. */
  summary?: string
  /** Transaction timestamp: microseconds since the epoch. */
  txn_ts?: number
  /** Cost and time of the query. */
  stats?: QueryStats
  /** `"k=v,k2=v2"` on the wire. */
  query_tags?: string | Record<string, string>
  /** Schema version the query ran against. */
  schema_version?: number
}

export { MISSING_CODE }

/** The class's name: the last segment of its brand (classes declare `errsBrand`; branded on first use). */
function nameOf(target: unknown): string {
  ensureBranded(target)
  return (target as { prototype: { name: string } }).prototype.name
}

/**
 * Plain, bounded, redacted data for `details` (the one store of native state): `details` is an enumerable field,
 * which structured loggers write as it is, so a secret in a reply never rests there.
 */
function plain<T>(value: T): T {
  return toPlainData(value, { maxDepth: 16, redact: true }) as T
}

/**
 * Base of every FQL v10 error (fauna-js's abstract `FaunaError`). Also an `ErrsError`: `system: 'fauna'`,
 * `details.dialect` `'v10'`. Client-side classes take their core view from the row of their class name.
 */
export class FaunaError extends ErrsError {
  static override readonly errsBrand: string = 'errs.fauna.v10.FaunaError'

  /**
   * @param message - the message (cut to 16 KiB, then redacted)
   * @param options - `ErrsOptions`: `cause`, and overrides of the core view
   */
  constructor(message: string, options: ErrsOptions = {}) {
    super(takePrepared(options) ?? clientInit(nameOf(new.target), message, options))
  }
}

function clientInit(className: string, message: unknown, given: ErrsOptions): ErrsErrorInit {
  // Read guarded, as every constructor reads its options: unreadable ones (null, a revoked Proxy) are none.
  const options = readOptions(given) ?? {}
  const row = v10ClientRow(className)
  const own = options.details
  const opts = withOptions(row !== undefined ? { title: row.title ?? row.description } : {}, options)
  opts.details = frozenDetails(own === undefined ? { dialect: 'v10' } : { dialect: 'v10', ...own })
  return errsInit('fauna', row?.code ?? className, row, messageText(message), opts)
}

/**
 * One query tag into the kept tags, redacted as every copy in `details` is (core kit's `keptKey`): the name is
 * redacted as a text is (a secret or a token used as a tag name is hidden), and the value of a tag whose name names a
 * secret (`session=…`, `api_key=…`) is hidden whole, as `toPlainData` hides the value of a secret-named key.
 */
function putTag(out: Record<string, string>, name: string, value: string): void {
  const view = keptKey(name)
  out[view.text] = view.secret ? REDACTED : redactBoundedText(value, MAX_KEY)
}

/** Most query tags kept. */
const MAX_TAGS = 256

/**
 * `query_tags` as fauna-js exposes them: the wire's `"k=v,k2=v2"` split as fauna-js splits it (`k=v=w` → `k: v`,
 * a pair without `=` → `''`), or an object's string members (other values dropped: a tag is a string). Bounded, and
 * redacted as `putTag` says.
 */
export function parseQueryTags(tags: unknown): Record<string, string> | undefined {
  if (isRecord(tags)) {
    const out: Record<string, string> = {}
    let n = 0
    for (const [k, v] of ownEntries(tags)) {
      if (n++ >= MAX_TAGS) break
      if (typeof v === 'string') putTag(out, k, v)
    }
    return out
  }
  if (typeof tags !== 'string') return undefined
  // `text.split(',').slice(0, MAX_TAGS)`, each pair as `pair.split('=')` gives `[k, v]`, scanned in place.
  const text = truncate(tags, 4096)
  const out: Record<string, string> = {}
  const end = text.length
  for (let n = 0, start = 0; n < MAX_TAGS; n++) {
    const comma = text.indexOf(',', start)
    const stop = comma < 0 ? end : comma
    if (stop > start) {
      const eq = text.indexOf('=', start)
      let k: string
      let v = ''
      if (eq < 0 || eq >= stop) k = text.slice(start, stop)
      else {
        k = text.slice(start, eq)
        const eq2 = text.indexOf('=', eq + 1)
        v = text.slice(eq + 1, eq2 < 0 || eq2 > stop ? stop : eq2)
      }
      if (!isForbiddenKey(k)) putTag(out, k, v)
    }
    if (comma < 0) break
    start = comma + 1
  }
  return out
}

/**
 * `constraint_failures` as fauna-js keeps them: at most 1,024 failures of at most 256 paths of at most 256 elements,
 * and `MAX_TAGGED_NODES` path elements in all (shared arrays would otherwise multiply into millions); texts bounded
 * and redacted, as everything `details` keeps.
 */
function constraintFailuresOf(v: unknown): ConstraintFailure[] | undefined {
  if (!isArray(v)) return undefined
  let left = MAX_TAGGED_NODES
  const text = (x: string) => redactBoundedText(x, MAX_KEY)
  return slots(v, 1024).map((f): ConstraintFailure => {
    const out: ConstraintFailure = { message: redactBoundedText(messageText(read(f, 'message'))) }
    const name = readString(f, 'name')
    if (name !== undefined) out.name = text(name)
    const paths = read(f, 'paths')
    if (isArray(paths)) {
      const kept: (string | number)[][] = []
      for (const p of slots(paths, 256)) {
        if (left <= 0) break
        if (!isArray(p)) continue
        const path: (string | number)[] = []
        for (const x of slots(p, Math.min(256, left))) {
          if (typeof x === 'string') path.push(text(x))
          else if (typeof x === 'number') path.push(x)
        }
        left -= Math.max(1, path.length)
        kept.push(path)
      }
      out.paths = kept
    }
    return out
  })
}

function statsOf(v: unknown): QueryStats | undefined {
  return isRecord(v) ? (toPlainData(v, { maxDepth: 3, redact: true }) as QueryStats) : undefined
}

/**
 * The code of a failure as fauna-js keeps it (`failure.error.code`, whatever its type): strings bounded and
 * redacted, numbers and booleans as text, anything else `MISSING_CODE`.
 */
function codeText(v: unknown): string {
  if (typeof v === 'string') return redactBoundedText(v, MAX_KEY)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return MISSING_CODE
}

/**
 * The core view of a service error. Known code: its row (kind, the status the code means, retryability). Unknown
 * code: the row of the class (a `ThrottlingError` whatever its code stands for `limit_exceeded`), else the
 * transport status's kind and standard status, retryable only for statuses Fauna's clients retry. A class
 * fauna-js retries (`ThrottlingError`) is retryable whatever its code and status. Native state goes to `details`:
 * `httpStatus`, `queryInfo`, `constraint_failures` (and `abort`, added by AbortError).
 */
function serviceInit(className: string, failure: unknown, httpStatus: unknown, given: ErrsOptions): ErrsErrorInit {
  const options = readOptions(given) ?? {}
  const error = read(failure, 'error')
  const code = codeText(read(error, 'code'))
  const status = typeof httpStatus === 'number' && Number.isFinite(httpStatus) ? httpStatus : undefined
  const known = v10CodeInfo(code)
  const row: FaunaCodeInfo | undefined = known ?? v10ClassRow(className)
  const facts: ErrsOptions =
    row !== undefined
      ? { kind: row.kind, status: row.status, retryable: row.retryable }
      : statusFacts(status, RETRYABLE_STATUSES.v10)
  if (V10_RETRIED_CLASSES.includes(className)) facts.retryable = true
  if (known !== undefined) facts.title = known.title ?? known.description
  const summary = read(failure, 'summary')
  const txn = read(failure, 'txn_ts')
  const queryInfo: QueryInfo = {}
  if (typeof txn === 'number') queryInfo.txn_ts = txn
  if (typeof summary === 'string') queryInfo.summary = redactBoundedText(summary)
  const tags = parseQueryTags(read(failure, 'query_tags'))
  if (tags !== undefined) queryInfo.query_tags = tags
  const stats = statsOf(read(failure, 'stats'))
  if (stats !== undefined) queryInfo.stats = stats
  const details = detailsRecord()
  details.dialect = 'v10'
  if (status !== undefined) details.httpStatus = status
  details.queryInfo = queryInfo
  const constraintFailures = constraintFailuresOf(read(error, 'constraint_failures'))
  if (constraintFailures !== undefined) details.constraint_failures = constraintFailures
  const own = options.details
  const opts = withOptions(facts, options)
  opts.details = own === undefined ? Object.freeze(details) : frozenDetails({ ...details, ...own })
  return errsInit('fauna', code, known, messageText(read(error, 'message')), opts, status)
}

/**
 * Fauna answered with an error (fauna-js's `ServiceError`): `code`, `message`, `httpStatus` (undefined for errors
 * delivered inside streams and feeds), `queryInfo` and `constraint_failures`. Native fields are getters over the
 * one store (`details`).
 */
export class ServiceError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ServiceError'
  /** The v10 error code, e.g. `'document_not_found'`: safe for program logic. */
  declare readonly code: string

  /**
   * @param failure - the error reply body (or error event)
   * @param httpStatus - the reply's HTTP status, when there is one (kept as given, even outside 100–599)
   * @param options - `ErrsOptions`: `cause`, and overrides of the core view
   */
  constructor(failure: QueryFailure, httpStatus?: number, options: ErrsOptions = {}) {
    super('', prepared(serviceInit(nameOf(new.target), failure, httpStatus, options)))
  }

  /** HTTP status of the reply; undefined for errors delivered in stream and feed events. */
  get httpStatus(): number | undefined {
    const s = this.details.httpStatus
    return typeof s === 'number' ? s : undefined
  }

  /** Transaction time, summary, query tags and stats of the failed query. */
  get queryInfo(): QueryInfo | undefined {
    const info = this.details.queryInfo
    return isRecord(info) ? (info as QueryInfo) : undefined
  }

  /** Constraint failures, when the query hit any. */
  get constraint_failures(): ConstraintFailure[] | undefined {
    const cf = this.details.constraint_failures
    return isArray(cf) ? (cf as ConstraintFailure[]) : undefined
  }
}

/** A runtime error in the query (the default for codes with no class of their own). */
export class QueryRuntimeError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.QueryRuntimeError'
}

/** The query failed static checks (`invalid_query`). */
export class QueryCheckError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.QueryCheckError'
}

/** The request was malformed (`invalid_request`). */
export class InvalidRequestError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.InvalidRequestError'
}

/** A check or unique constraint failed (`constraint_failure` with `constraint_failures`). */
export class ConstraintFailureError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ConstraintFailureError'
  /** The constraints that failed (never undefined, as in fauna-js). */
  override get constraint_failures(): ConstraintFailure[] {
    return super.constraint_failures ?? []
  }
}

/** `AbortError`'s options: the value passed to `abort()`, decoded from the tagged format, first in `details`. */
function abortOptions(failure: QueryFailure, given: ErrsOptions): ErrsOptions {
  const abort = plain(decodeTagged(read(read(failure, 'error'), 'abort')))
  const options = readOptions(given) ?? {}
  return { ...options, details: { abort, ...options.details } }
}

/** The query called `abort()` (`abort` with an `abort` value). */
export class AbortError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.AbortError'
  constructor(failure: QueryFailure, httpStatus?: number, options: ErrsOptions = {}) {
    super(failure, httpStatus, abortOptions(failure, options))
  }
  /** The value passed to `abort()`, decoded from the tagged format. */
  get abort(): QueryValue {
    return this.details.abort
  }
}

/** The secret is missing, invalid or expired (`unauthorized`). */
export class AuthenticationError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.AuthenticationError'
}

/** The secret lacks privileges (`forbidden`). */
export class AuthorizationError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.AuthorizationError'
}

/** Too much contention on the data (`contended_transaction`): retry. */
export class ContendedTransactionError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ContendedTransactionError'
}

/** Throughput limits were exceeded (`limit_exceeded`): fauna-js retries it whatever its status. */
export class ThrottlingError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ThrottlingError'
}

/** The query ran past its timeout (`time_out`). */
export class QueryTimeoutError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.QueryTimeoutError'
  /** Query statistics (fauna-js duplicates `queryInfo.stats` here). */
  get stats(): QueryStats | undefined {
    return this.queryInfo?.stats
  }
}

/** Fauna failed unexpectedly (`internal_error`). */
export class ServiceInternalError extends ServiceError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ServiceInternalError'
}

/** A client-level failure: Fauna was not called. */
export class ClientError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ClientError'
}

/** The client was used after `close()`. */
export class ClientClosedError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ClientClosedError'
}

/** The request never reached Fauna or the connection failed. */
export class NetworkError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v10.NetworkError'
}

/** A reply that is not a Fauna reply (non-JSON, unknown shape, empty). */
export class ProtocolError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v10.ProtocolError'

  /**
   * @param init - the message and the reply's HTTP status (kept as given, even outside 100–599)
   * @param options - `ErrsOptions`: `cause`, and overrides of the core view
   */
  constructor(init: { message: string; httpStatus: number }, options: ErrsOptions = {}) {
    const o = readOptions(options) ?? {}
    const raw = read(init, 'httpStatus')
    const httpStatus = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0
    const message = messageText(read(init, 'message'))
    // fauna-js's empty-reply error claims status 500 but asks to try again: it is the class's own row.
    const facts = unreadableFacts(V10_PROTOCOL_ROW, httpStatus, message === EMPTY_RESPONSE_MESSAGE)
    super(message, { ...facts, ...o, details: { ...o.details, httpStatus } })
  }

  /** HTTP status of the reply. */
  get httpStatus(): number {
    const s = this.details.httpStatus
    return typeof s === 'number' ? s : 0
  }
}

type ServiceClass = new (failure: QueryFailure, httpStatus?: number, options?: ErrsOptions) => ServiceError

/** v10 service classes by name (null prototype: a name read from input never reaches `Object.prototype`). */
export const V10_SERVICE_CLASSES: Readonly<Record<string, ServiceClass>> = /* @__PURE__ */ (() =>
  Object.freeze(
    Object.assign(Object.create(null), {
      ServiceError,
      QueryRuntimeError,
      QueryCheckError,
      InvalidRequestError,
      ConstraintFailureError,
      AbortError,
      AuthenticationError,
      AuthorizationError,
      ContendedTransactionError,
      ThrottlingError,
      QueryTimeoutError,
      ServiceInternalError,
    }),
  ))()

/**
 * What `getServiceError` makes, worked out but not yet made: the class and its init. The public function the caller
 * called makes it (`adoptError(plan.Class, new Error(errorMessage(plan.init)), plan.init)`), so that the stack starts there:
 * V8 walks every frame between the caller and `new Error` to capture it, and each optimized frame of ours costs more
 * to walk than a frame it keeps.
 */
export class PlannedServiceError {
  constructor(
    readonly Class: ErrsErrorClass<ServiceError>,
    readonly init: ErrsErrorInit,
  ) {}
}

/** The plan of `getServiceError(failure, httpStatus, options)`. Never throws. */
export function planServiceError(
  failure: QueryFailure,
  httpStatus?: number,
  options?: ErrsOptions,
): PlannedServiceError {
  const error = read(failure, 'error')
  const code = readString(error, 'code')
  const name = code === undefined ? undefined : v10CodeInfo(code)?.className
  let Class = name === undefined ? undefined : V10_SERVICE_CLASSES[name]
  if (Class === AbortError && read(error, 'abort') === undefined) Class = undefined
  if (Class === ConstraintFailureError && read(error, 'constraint_failures') === undefined) Class = undefined
  const C = Class ?? QueryRuntimeError
  // The caller's options, read guarded (this never throws, whatever they are).
  const o = readOptions(options) ?? {}
  return new PlannedServiceError(
    C,
    serviceInit(nameOf(C), failure, httpStatus, C === AbortError ? abortOptions(failure, o) : o),
  )
}

/**
 * fauna-js 2.5.0's `getServiceError`: the class for a failure by its code only (the table's `className`);
 * `httpStatus` is recorded, not used. `abort` without an `abort` value and `constraint_failure` without
 * `constraint_failures` give QueryRuntimeError, as in fauna-js. Never throws.
 */
export function getServiceError(failure: QueryFailure, httpStatus?: number, options?: ErrsOptions): ServiceError {
  // `new Class(failure, httpStatus, options)`, from a plain `Error` made here: its stack starts here, captured
  // without walking the three constructor frames (the class's, ServiceError's, FaunaError's) nor ErrsError's (core
  // kit's `adoptError`).
  const plan = planServiceError(failure, httpStatus, options)
  return adoptError(plan.Class, new Error(errorMessage(plan.init)), plan.init)
}
