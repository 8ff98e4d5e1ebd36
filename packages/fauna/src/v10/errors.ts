import {
  brandClass,
  type ErrorKind,
  ErrsError,
  httpStatusToKind,
  isForbiddenKey,
  isHttpErrorStatus,
  KIND_HTTP_STATUS,
  ownEntries,
  redactString,
  truncate,
} from '@errs/core'
import { EMPTY_RESPONSE_MESSAGE, isRetryableStatus, MISSING_CODE, unreadableFacts } from '../codes.js'
import {
  ensureFaunaRedaction,
  type FaunaErrorOptions,
  isArray,
  isRecord,
  MAX_CODE,
  messageText,
  plainData,
  read,
  readString,
  slots,
  upperSnake,
} from '../shared.js'
import { V10_PROTOCOL_ROW, V10_RETRIED_CLASSES, v10ClassRow, v10ClientRow, v10CodeInfo } from './codes.js'
import { decodeTagged } from './tagged.js'

export type { FaunaErrorOptions }

/** Query statistics Fauna returns with every reply. */
export interface QueryStats {
  compute_ops?: number
  read_ops?: number
  write_ops?: number
  query_time_ms?: number
  contention_retries?: number
  storage_bytes_read?: number
  storage_bytes_write?: number
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
  error: {
    /** v10 error code, snake_case, e.g. `'document_not_found'`. */
    code: string
    message: string
    constraint_failures?: ConstraintFailure[]
    /** The value passed to `abort()`, in the tagged format. */
    abort?: unknown
  }
  summary?: string
  txn_ts?: number
  stats?: QueryStats
  /** `"k=v,k2=v2"` on the wire. */
  query_tags?: string | Record<string, string>
  schema_version?: number
}

export { MISSING_CODE }

/**
 * Base of every FQL v10 error (fauna-js's abstract `FaunaError`). Also an `ErrsError`: `system: 'fauna'`.
 */
export class FaunaError extends ErrsError {
  static {
    brandClass(this, 'errs.fauna.v10.FaunaError')
  }

  /**
   * @param message - the message
   * @param options - @errs extension: overrides of the core view, and `cause`
   */
  constructor(message: string, options: FaunaErrorOptions = {}) {
    ensureFaunaRedaction()
    const className = (new.target as { prototype: { name: string } }).prototype.name
    const row = v10ClientRow(className)
    const code = options.code ?? className
    super({
      system: 'fauna',
      code,
      reason: options.reason ?? row?.reason ?? upperSnake(code),
      kind: options.kind ?? row?.kind ?? 'unknown',
      message: messageText(options.message ?? message),
      status: options.status ?? row?.status,
      retryable: options.retryable ?? row?.retryable,
      title: options.title ?? row?.description ?? className,
      details: { dialect: 'v10', ...options.details },
      cause: options.cause,
      retryAfterMs: options.retryAfterMs,
      requestId: options.requestId,
      instance: options.instance,
    })
  }
}

/** Most query tags kept. */
const MAX_TAGS = 256

/**
 * `query_tags` as fauna-js exposes them: the wire's `"k=v,k2=v2"` split as fauna-js splits it (`k=v=w` → `k: v`,
 * a pair without `=` → `''`), or an object's string members (other values dropped: a tag is a string). Bounded.
 */
export function parseQueryTags(tags: unknown): Record<string, string> | undefined {
  if (isRecord(tags)) {
    const out: Record<string, string> = {}
    let n = 0
    for (const [k, v] of ownEntries(tags)) {
      if (n++ >= MAX_TAGS) break
      if (typeof v === 'string') out[truncate(k, MAX_CODE)] = redactString(truncate(v, MAX_CODE))
    }
    return out
  }
  if (typeof tags !== 'string') return undefined
  const out: Record<string, string> = {}
  for (const pair of truncate(tags, 4096).split(',').slice(0, MAX_TAGS)) {
    if (pair === '') continue
    const [k = '', v = ''] = pair.split('=')
    if (!isForbiddenKey(k)) out[k] = redactString(v)
  }
  return out
}

function constraintFailuresOf(v: unknown): ConstraintFailure[] | undefined {
  if (!isArray(v)) return undefined
  return slots(v, 1024).map((f): ConstraintFailure => {
    const out: ConstraintFailure = { message: messageText(read(f, 'message')) }
    const name = readString(f, 'name')
    if (name !== undefined) out.name = truncate(name, MAX_CODE)
    const paths = read(f, 'paths')
    if (isArray(paths)) {
      out.paths = slots(paths, 256)
        .filter(isArray)
        .map((p) => slots(p, 256).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number'))
    }
    return out
  })
}

function statsOf(v: unknown): QueryStats | undefined {
  return isRecord(v) ? (plainData(v, { maxDepth: 3 }) as QueryStats | undefined) : undefined
}

/**
 * The code of a failure as fauna-js keeps it (`failure.error.code`, whatever its type): strings bounded and
 * redacted, numbers and booleans as text, anything else `MISSING_CODE`.
 */
function codeText(v: unknown): string {
  if (typeof v === 'string') return redactString(truncate(v, MAX_CODE))
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return MISSING_CODE
}

interface ServiceFacts {
  code: string
  message: string
  httpStatus: number | undefined
  options: FaunaErrorOptions
  queryInfo: QueryInfo
  constraintFailures: ConstraintFailure[] | undefined
}

/**
 * Core view of a service error. Known code: its row (kind, the status the code means, retryability). Unknown
 * code: the row of the class (a `ThrottlingError` whatever its code stands for `limit_exceeded`), else the
 * transport status's kind and standard status, retryable only for statuses Fauna's clients retry. A class
 * fauna-js retries (`ThrottlingError`) is retryable whatever its code and status.
 */
function serviceFacts(className: string, failure: unknown, httpStatus: unknown): ServiceFacts {
  ensureFaunaRedaction()
  const error = read(failure, 'error')
  const code = codeText(read(error, 'code'))
  const status = typeof httpStatus === 'number' && Number.isFinite(httpStatus) ? httpStatus : undefined
  const row = v10CodeInfo(code) ?? v10ClassRow(className)
  let kind: ErrorKind
  let coreStatus: number
  let retryable: boolean
  if (row !== undefined) {
    kind = row.kind
    coreStatus = row.status ?? KIND_HTTP_STATUS[kind]
    retryable = row.retryable ?? false
  } else {
    kind = isHttpErrorStatus(status) ? httpStatusToKind(status) : 'unknown'
    coreStatus = isHttpErrorStatus(status) ? status : KIND_HTTP_STATUS[kind]
    retryable = isRetryableStatus('v10', status)
  }
  if (V10_RETRIED_CLASSES.includes(className)) retryable = true
  const summaryRaw = read(failure, 'summary')
  const txnRaw = read(failure, 'txn_ts')
  const queryInfo: QueryInfo = {
    txn_ts: typeof txnRaw === 'number' ? txnRaw : undefined,
    summary: typeof summaryRaw === 'string' ? truncate(summaryRaw) : undefined,
    query_tags: parseQueryTags(read(failure, 'query_tags')),
    stats: statsOf(read(failure, 'stats')),
  }
  const constraintFailures = constraintFailuresOf(read(error, 'constraint_failures'))
  const details: Record<string, unknown> = {}
  if (status !== undefined) details.httpStatus = status
  for (const [k, v] of Object.entries(queryInfo)) if (v !== undefined) details[k] = v
  if (constraintFailures !== undefined) details.constraint_failures = constraintFailures
  const known = v10CodeInfo(code)
  return {
    code,
    message: messageText(read(error, 'message')),
    httpStatus: status,
    options: {
      code,
      reason: known?.reason ?? upperSnake(code),
      kind,
      status: coreStatus,
      retryable,
      title: known?.description ?? code,
      details,
    },
    queryInfo,
    constraintFailures,
  }
}

/**
 * Fauna answered with an error (fauna-js's `ServiceError`): `code`, `message`, `httpStatus` (undefined for errors
 * delivered inside streams and feeds), `queryInfo` and `constraint_failures`.
 */
export class ServiceError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v10.ServiceError')
  }
  /** The v10 error code, e.g. `'document_not_found'`: safe for program logic. */
  declare readonly code: string
  /** HTTP status of the reply; undefined for errors delivered in stream and feed events. */
  readonly httpStatus: number | undefined
  /** Transaction time, summary, query tags and stats of the failed query. */
  readonly queryInfo: QueryInfo | undefined
  /** Constraint failures, when the query hit any. */
  readonly constraint_failures: ConstraintFailure[] | undefined

  /**
   * @param failure - the error reply body (or error event)
   * @param httpStatus - the reply's HTTP status, when there is one
   */
  constructor(failure: QueryFailure, httpStatus?: number, options: FaunaErrorOptions = {}) {
    const className = (new.target as { prototype: { name: string } }).prototype.name
    const facts = serviceFacts(className, failure, httpStatus)
    super(facts.message, {
      ...facts.options,
      ...options,
      details: { ...facts.options.details, ...options.details },
    })
    this.httpStatus = facts.httpStatus
    this.queryInfo = facts.queryInfo
    this.constraint_failures = facts.constraintFailures
  }
}

/** A runtime error in the query (the default for codes with no class of their own). */
export class QueryRuntimeError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.QueryRuntimeError')
  }
}

/** The query failed static checks (`invalid_query`). */
export class QueryCheckError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.QueryCheckError')
  }
}

/** The request was malformed (`invalid_request`). */
export class InvalidRequestError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.InvalidRequestError')
  }
}

/** A check or unique constraint failed (`constraint_failure` with `constraint_failures`). */
export class ConstraintFailureError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.ConstraintFailureError')
  }
  /** The constraints that failed. */
  declare readonly constraint_failures: ConstraintFailure[]
  constructor(failure: QueryFailure, httpStatus?: number, options: FaunaErrorOptions = {}) {
    super(failure, httpStatus, options)
    if (this.constraint_failures === undefined) {
      Object.defineProperty(this, 'constraint_failures', { value: [], enumerable: true })
    }
  }
}

/** The query called `abort()` (`abort` with an `abort` value). */
export class AbortError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.AbortError')
  }
  /** The value passed to `abort()`, decoded from the tagged format. */
  readonly abort: QueryValue
  constructor(failure: QueryFailure, httpStatus?: number, options: FaunaErrorOptions = {}) {
    const abort = decodeTagged(read(read(failure, 'error'), 'abort'))
    super(failure, httpStatus, {
      ...options,
      details: { abort: plainData(abort), ...options.details },
    })
    this.abort = abort
  }
}

/** The secret is missing, invalid or expired (`unauthorized`). */
export class AuthenticationError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.AuthenticationError')
  }
}

/** The secret lacks privileges (`forbidden`). */
export class AuthorizationError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.AuthorizationError')
  }
}

/** Too much contention on the data (`contended_transaction`): retry. */
export class ContendedTransactionError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.ContendedTransactionError')
  }
}

/** Throughput limits were exceeded (`limit_exceeded`): the driver retries with backoff. */
export class ThrottlingError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.ThrottlingError')
  }
}

/** The query ran past its timeout (`time_out`). */
export class QueryTimeoutError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.QueryTimeoutError')
  }
  /** Query statistics (fauna-js duplicates `queryInfo.stats` here). */
  readonly stats: QueryStats | undefined
  constructor(failure: QueryFailure, httpStatus?: number, options: FaunaErrorOptions = {}) {
    super(failure, httpStatus, options)
    this.stats = this.queryInfo?.stats
  }
}

/** Fauna failed unexpectedly (`internal_error`). */
export class ServiceInternalError extends ServiceError {
  static {
    brandClass(this, 'errs.fauna.v10.ServiceInternalError')
  }
}

/** A client-level failure: Fauna was not called. */
export class ClientError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v10.ClientError')
  }
}

/** The client was used after `close()`. */
export class ClientClosedError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v10.ClientClosedError')
  }
}

/** The request never reached Fauna or the connection failed. */
export class NetworkError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v10.NetworkError')
  }
}

/** A reply that is not a Fauna reply (non-JSON, unknown shape, empty). */
export class ProtocolError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v10.ProtocolError')
  }
  /** HTTP status of the reply. */
  readonly httpStatus: number

  /**
   * @param init - the message and the reply's HTTP status (kept as given, even outside 100–599)
   * @param options - `@errs/core` extension: overrides of the core view
   */
  constructor(init: { message: string; httpStatus: number }, options: FaunaErrorOptions = {}) {
    const raw = read(init, 'httpStatus')
    const httpStatus = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0
    const message = messageText(read(init, 'message'))
    // fauna-js's empty-reply error claims status 500 but asks to try again: it is the class's own row.
    const facts = unreadableFacts(V10_PROTOCOL_ROW, httpStatus, message === EMPTY_RESPONSE_MESSAGE)
    super(message, {
      ...facts,
      ...options,
      details: { httpStatus, ...options.details },
    })
    this.httpStatus = httpStatus
  }
}

type ServiceClass = new (failure: QueryFailure, httpStatus?: number, options?: FaunaErrorOptions) => ServiceError

/** v10 service classes by name. */
export const V10_SERVICE_CLASSES: Readonly<Record<string, ServiceClass>> = Object.freeze(
  // Null prototype: a class name read from untrusted input (a problem's `name`) never reaches Object.prototype.
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
)

/**
 * fauna-js 2.5.0's dispatch, by code only: the class for a failure; `httpStatus` is recorded, not used.
 * `abort` without an `abort` value and `constraint_failure` without `constraint_failures` give QueryRuntimeError.
 */
export function getServiceError(failure: QueryFailure, httpStatus?: number, options?: FaunaErrorOptions): ServiceError {
  const error = read(failure, 'error')
  switch (readString(error, 'code')) {
    case 'invalid_query':
      return new QueryCheckError(failure, httpStatus, options)
    case 'invalid_request':
      return new InvalidRequestError(failure, httpStatus, options)
    case 'abort':
      if (read(error, 'abort') !== undefined) return new AbortError(failure, httpStatus, options)
      break
    case 'constraint_failure':
      if (read(error, 'constraint_failures') !== undefined) {
        return new ConstraintFailureError(failure, httpStatus, options)
      }
      break
    case 'unauthorized':
      return new AuthenticationError(failure, httpStatus, options)
    case 'forbidden':
      return new AuthorizationError(failure, httpStatus, options)
    case 'contended_transaction':
      return new ContendedTransactionError(failure, httpStatus, options)
    case 'limit_exceeded':
      return new ThrottlingError(failure, httpStatus, options)
    case 'time_out':
      return new QueryTimeoutError(failure, httpStatus, options)
    case 'internal_error':
      return new ServiceInternalError(failure, httpStatus, options)
  }
  return new QueryRuntimeError(failure, httpStatus, options)
}
