import {
  brandClass,
  type ErrorKind,
  ErrsError,
  httpStatusToKind,
  isForbiddenKey,
  isHttpErrorStatus,
  KIND_DEFAULT_RETRYABLE,
  redactString,
  toPlainData,
  truncate,
} from '@errs/core'
import { clientRow, codeRow } from '../codes.js'
import { type FaunaErrorOptions, isRecord, MAX_CODE, read, readString, upperSnake } from '../shared.js'
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

/** Code put on the core view when a failure has no string `error.code`. */
export const MISSING_CODE = '(missing "code")'

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
    const className = (new.target as { prototype: { name: string } }).prototype.name
    const row = clientRow('v10', className)
    const code = options.code ?? className
    super({
      system: 'fauna',
      code,
      reason: options.reason ?? row?.reason ?? upperSnake(code),
      kind: options.kind ?? row?.kind ?? 'unknown',
      message: options.message ?? message ?? '',
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

function parseQueryTags(tags: unknown): Record<string, string> | undefined {
  if (isRecord(tags)) {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(tags).slice(0, 256)) if (!isForbiddenKey(k)) out[k] = String(v)
    return out
  }
  if (typeof tags !== 'string') return undefined
  const out: Record<string, string> = {}
  for (const pair of truncate(tags, 4096).split(',').slice(0, 256)) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const k = eq < 0 ? pair : pair.slice(0, eq)
    if (!isForbiddenKey(k)) out[k] = eq < 0 ? '' : pair.slice(eq + 1)
  }
  return out
}

function constraintFailuresOf(v: unknown): ConstraintFailure[] | undefined {
  if (!Array.isArray(v)) return undefined
  return v.slice(0, 1024).map((f): ConstraintFailure => {
    const out: ConstraintFailure = { message: truncate(readString(f, 'message') ?? '') }
    const name = readString(f, 'name')
    if (name !== undefined) out.name = truncate(name, MAX_CODE)
    const paths = read(f, 'paths')
    if (Array.isArray(paths)) {
      out.paths = paths
        .slice(0, 256)
        .filter(Array.isArray)
        .map((p: unknown[]) =>
          p.slice(0, 256).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number'),
        )
    }
    return out
  })
}

function statsOf(v: unknown): QueryStats | undefined {
  return isRecord(v) ? (toPlainData(v, { maxDepth: 3 }) as QueryStats) : undefined
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
    const error = read(failure, 'error')
    const rawCode = readString(error, 'code')
    const code = rawCode === undefined ? MISSING_CODE : redactString(truncate(rawCode, MAX_CODE))
    const message = readString(error, 'message') ?? ''
    const row = codeRow('v10', code)
    const status = typeof httpStatus === 'number' && Number.isInteger(httpStatus) ? httpStatus : undefined
    let kind: ErrorKind = row?.kind ?? 'unknown'
    let retryable = row?.retryable ?? false
    if (row === undefined && isHttpErrorStatus(status)) {
      kind = httpStatusToKind(status)
      retryable = KIND_DEFAULT_RETRYABLE[kind]
    }
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
    super(message, {
      code,
      reason: row?.reason ?? upperSnake(code),
      kind,
      status: isHttpErrorStatus(status) ? status : (row?.status ?? undefined),
      retryable,
      title: row?.description ?? code,
      ...options,
      details: { ...details, ...options.details },
    })
    this.httpStatus = status
    this.queryInfo = queryInfo
    this.constraint_failures = constraintFailures
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
      details: { abort: toPlainData(abort), ...options.details },
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

  constructor(init: { message: string; httpStatus: number }, options: FaunaErrorOptions = {}) {
    const httpStatus = read(init, 'httpStatus')
    const status = typeof httpStatus === 'number' ? httpStatus : 0
    const kind: ErrorKind = isHttpErrorStatus(status) ? httpStatusToKind(status) : 'unavailable'
    super(readString(init, 'message') ?? '', {
      kind,
      status: isHttpErrorStatus(status) ? status : 503,
      retryable: KIND_DEFAULT_RETRYABLE[kind],
      ...options,
      details: { httpStatus: status, ...options.details },
    })
    this.httpStatus = status
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
