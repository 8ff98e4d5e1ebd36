import {
  brandClass,
  type ErrorKind,
  ErrsError,
  httpStatusToKind,
  isHttpErrorStatus,
  KIND_HTTP_STATUS,
  MAX_CAUSE_DEPTH,
  redactString,
  truncate,
} from '@errs/core'
import { type FaunaCodeInfo, isRetryableStatus, MISSING_CODE } from '../codes.js'
import {
  at,
  ensureFaunaRedaction,
  type FaunaErrorOptions,
  isArray,
  isRecord,
  lengthOf,
  MAX_CODE,
  messageText,
  plainData,
  read,
  readString,
  renameError,
  slots,
  upperSnake,
} from '../shared.js'
import {
  EMPTY_ERRORS,
  UNAUTHORIZED_HINT,
  V4_STATUS_CLASS,
  V4_STATUS_KIND,
  v4ClassStatus,
  v4ClientRow,
  v4CodeInfo,
} from './codes.js'

/** A path into the query: FQL function names and array offsets, e.g. `['add', 1]`. */
export type Position = (string | number)[]

/** One per-field failure of a `validation failed` error. */
export interface ValidationFailure {
  /** Path of the invalid field, e.g. `['name']`. */
  field: Position
  /** Failure code, e.g. `'invalid type'`, `'duplicate value'`. */
  code: string
  /** Human-readable text. */
  description: string
}

/** One element of a v4 `errors` array (faunadb's declaration mistypes `cause` and omits `failures`). */
export interface FaunaErrorObject {
  /** Fauna v4 error code: lower-case words, e.g. `'instance not found'`. */
  code: string
  /** Human-readable text. */
  description: string
  /** Where in the query the error arose; may be absent or empty. */
  position?: Position
  /** `call error` only: the error(s) raised inside the called UDF. */
  cause?: FaunaErrorObject[]
  /** `validation failed` only: the per-field failures. */
  failures?: ValidationFailure[]
}

/** A v4 error reply body. */
export interface FaunaHttpErrorResponseContent {
  errors: FaunaErrorObject[]
}

/**
 * faunadb's `RequestResult`: the request and response of one call. Only `responseContent` and `statusCode` are
 * read. It may hold credentials (`requestHeaders` when a transport records them): errors keep it non-enumerable
 * and never write it into messages, problems, JSON or inspect output.
 */
export interface RequestResult {
  method?: string
  path?: string
  query?: unknown
  requestRaw?: unknown
  requestContent?: unknown
  /** Request headers, when the transport records them (faunadb's own RequestResult does not). */
  requestHeaders?: Readonly<Record<string, string>>
  responseRaw?: unknown
  /** The parsed reply; for errors `{ errors: [...] }`. */
  responseContent?: unknown
  /** HTTP status of the reply. */
  statusCode?: number
  responseHeaders?: Readonly<Record<string, string>>
  startTime?: number
  endTime?: number
}

export type { FaunaErrorOptions }

export { MISSING_CODE }

/** A description from untrusted input: strings bounded and redacted, other primitives as text, else undefined. */
function descriptionText(v: unknown): string | undefined {
  if (v === undefined || v === null || typeof v === 'object' || typeof v === 'function') return undefined
  return redactString(messageText(v))
}

function v4Init(name: string, message: string, description: string | undefined, o: FaunaErrorOptions) {
  ensureFaunaRedaction()
  const row = v4ClientRow(name)
  const code = o.code ?? name
  const init = {
    system: 'fauna',
    code,
    reason: o.reason ?? row?.reason ?? upperSnake(code),
    kind: o.kind ?? row?.kind ?? ('unknown' as ErrorKind),
    message: messageText(o.message ?? message),
    status: o.status ?? row?.status,
    retryable: o.retryable ?? row?.retryable,
    title: o.title ?? row?.description ?? name,
    details: {
      dialect: 'v4',
      ...(descriptionText(description) !== undefined ? { description: descriptionText(description) } : {}),
      ...o.details,
    },
    cause: o.cause,
    retryAfterMs: o.retryAfterMs,
    requestId: o.requestId,
    instance: o.instance,
  }
  return init
}

/**
 * Base of every FQL v4 error (faunadb's `errors.FaunaError`): `name`, `message`, `description`.
 * Also an `ErrsError`: `system: 'fauna'`, a `code`, `kind`, `status` and `retryable` decided at construction.
 */
export class FaunaError extends ErrsError {
  static {
    brandClass(this, 'errs.fauna.v4.FaunaError')
  }
  /** Human-readable text of the error (`message` holds the code for HTTP errors). */
  readonly description: string | undefined

  /**
   * @param name - the error's name (faunadb sets it from this argument)
   * @param message - the message (for HTTP errors: the Fauna code)
   * @param description - human-readable text
   * @param options - @errs extension: overrides of the core view
   */
  constructor(name: string, message: string, description?: string, options: FaunaErrorOptions = {}) {
    super(v4Init(name, message ?? '', description, options))
    this.description = descriptionText(description)
    renameError(this, name)
  }
}

/** The driver got a reply it cannot read (faunadb 4.8.2: an empty 200; here also non-JSON or unknown bodies). */
export class ProtocolError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.ProtocolError')
  }
  constructor(message: string, options: FaunaErrorOptions = {}) {
    super('ProtocolError', message, undefined, options)
  }
}

/** A value given to a query builder cannot be encoded as FQL. */
export class InvalidValue extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.InvalidValue')
  }
  constructor(message: string, options: FaunaErrorOptions = {}) {
    super('InvalidValue', message, undefined, options)
  }
}

function arityText(min: number | null, max: number | null): string {
  if (max === null) return `at least ${min}`
  if (min === null) return `up to ${max}`
  if (min === max) return String(min)
  return `from ${min} to ${max}`
}

/** An FQL function was called with the wrong number of arguments (e.g. `q.Add()`). */
export class InvalidArity extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.InvalidArity')
  }
  /** Fewest arguments accepted (`null` = no lower bound). */
  readonly min: number | null
  /** Most arguments accepted (`null` = unbounded). */
  readonly max: number | null
  /** Number of arguments given. */
  readonly actual: number

  constructor(
    min: number | null,
    max: number | null,
    actual: number,
    callerFunc: string,
    options: FaunaErrorOptions = {},
  ) {
    const fn = messageText(callerFunc)
    const message =
      `${fn} function requires ${arityText(min, max)} argument(s) but ${actual} were given\n` +
      `For more info, see the docs: https://docs.fauna.com/fauna/current/api/fql/functions/${fn.toLowerCase()}`
    super('InvalidArity', message, undefined, {
      ...options,
      details: { min, max, actual, callerFunc: fn, ...options.details },
    })
    this.min = min
    this.max = max
    this.actual = actual
  }
}

/** The client was used after `close()`. */
export class ClientClosed extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.ClientClosed')
  }
  constructor(message: string, description?: string, options: FaunaErrorOptions = {}) {
    super('ClientClosed', message, description, options)
  }
}

/** Base of stream errors. */
export class StreamError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.StreamError')
  }
  constructor(name: string, message: string, description?: string, options: FaunaErrorOptions = {}) {
    super(name, message, description, options)
  }
}

/** The fetch implementation cannot stream response bodies. */
export class StreamsNotSupported extends StreamError {
  static {
    brandClass(this, 'errs.fauna.v4.StreamsNotSupported')
  }
  constructor(description?: string, options: FaunaErrorOptions = {}) {
    super('StreamsNotSupported', 'streams not supported', description, options)
  }
}

/** The wire shape of a v4 stream error event (newline-delimited JSON on `POST /stream`). */
export interface StreamErrorEventData {
  type: 'error'
  txn?: number
  event: { code: string; description: string }
}

function eventPayload(event: unknown): unknown {
  // Real wire shape {type:"error", txn, event:{code, description}} (faunadb-go stream_events.go).
  const inner = read(event, 'event')
  if (isRecord(inner)) return inner
  // faunadb 4.8.2 expects {event:"error", data:{…}} (the first streaming commit's shape).
  const data = read(event, 'data')
  if (isRecord(data)) return data
  // What faunadb actually hands to `error` listeners: the bare {code, description}.
  return event
}

/**
 * An error event inside a v4 stream, e.g. `permission denied` when authorization is lost mid-stream.
 * Accepts the real wire event, faunadb's expected `{data}` shape and the bare `{code, description}` that
 * faunadb 4.8.2 delivers to listeners (it reads the wrong field and loses `code` and `description`).
 */
export class StreamErrorEvent extends StreamError {
  static {
    brandClass(this, 'errs.fauna.v4.StreamErrorEvent')
  }
  declare readonly code: string
  /** The event as received. */
  readonly event: unknown
  /** Transaction time of the event, when present. */
  readonly txn: number | undefined

  constructor(event: unknown, options: FaunaErrorOptions = {}) {
    const payload = eventPayload(event)
    const code = codeOf(payload)
    const description = readString(payload, 'description')
    const row = v4CodeInfo(code)
    const txn = read(event, 'txn')
    super('StreamErrorEvent', code, description, {
      code,
      reason: row?.reason ?? upperSnake(code),
      kind: row?.kind ?? 'unknown',
      status: row?.status ?? 500,
      retryable: row?.retryable ?? false,
      title: row?.description ?? code,
      ...options,
      details: { ...(typeof txn === 'number' ? { txn } : {}), ...options.details },
    })
    this.event = event
    this.txn = typeof txn === 'number' ? txn : undefined
  }
}

/** `errors` of a reply, as the array it is (or empty when absent). */
function errorsOf(requestResult: unknown): unknown[] {
  const errors = read(read(requestResult, 'responseContent'), 'errors')
  return isArray(errors) ? errors : []
}

/** The code of an error object: bounded, and redacted (a server may echo a credential anywhere). */
function codeOf(obj: unknown): string {
  ensureFaunaRedaction()
  const code = readString(obj, 'code')
  return code === undefined ? MISSING_CODE : redactString(truncate(code, MAX_CODE))
}

/** faunadb's `message` for a reply: the first error's code, or `(empty "errors")`. */
function messageOf(errors: readonly unknown[]): string {
  return lengthOf(errors) === 0 ? EMPTY_ERRORS : codeOf(at(errors, 0))
}

function positionOf(obj: unknown): Position {
  const p = read(obj, 'position')
  if (!isArray(p)) return []
  const out: Position = []
  for (const item of slots(p, 256)) {
    if (typeof item === 'string') out.push(truncate(item, MAX_CODE))
    else if (typeof item === 'number' && Number.isFinite(item)) out.push(item)
  }
  return out
}

/** The UDF's innermost error of a `call error` chain (bounded depth), or undefined. */
function innerOf(first: unknown): unknown {
  let current = first
  let inner: unknown
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && codeOf(current) === 'call error'; depth++) {
    const cause = read(current, 'cause')
    const next = isArray(cause) ? at(cause, 0) : isRecord(cause) ? cause : undefined
    if (next === undefined) break
    inner = next
    current = next
  }
  return inner
}

interface V4Class {
  kind: ErrorKind
  /** The status the error means (core `status`). */
  status: number
  retryable: boolean
  row: FaunaCodeInfo | undefined
}

/**
 * Kind, status and retryability of a v4 reply. faunadb picks the class by status; the kind and the status a
 * service should answer with come from the code, because the code is what the server meant ('instance already
 * exists' arrives as 400 BadRequest but is already_exists, 409). Exceptions: 429, 500 and 503 describe the server's
 * condition and win over the code (their status kept); `call error` takes the row of the UDF's inner error; an
 * unknown code or an empty `errors` array falls back to the transport status (standard status and kind,
 * retryable only where Fauna says to retry: `RETRYABLE_STATUSES`).
 */
function classify(errors: readonly unknown[], status: number | undefined, name: string): V4Class {
  const n = lengthOf(errors)
  const first = at(errors, 0)
  const code = n === 0 ? EMPTY_ERRORS : codeOf(first)
  const row = v4CodeInfo(code)
  const forced = status === undefined ? undefined : V4_STATUS_KIND[status]
  if (forced && status !== undefined) return { ...forced, status, row }
  const inner = code === 'call error' ? innerOf(first) : undefined
  const effective = inner === undefined ? row : (v4CodeInfo(codeOf(inner)) ?? row)
  if (effective !== undefined && (code !== EMPTY_ERRORS || status === undefined)) {
    return {
      kind: effective.kind,
      status: effective.status ?? KIND_HTTP_STATUS[effective.kind],
      retryable: effective.retryable ?? false,
      row,
    }
  }
  const s = isHttpErrorStatus(status) ? status : v4ClassStatus(name)
  if (s !== undefined) {
    const kind = httpStatusToKind(s)
    return { kind, status: s, retryable: isRetryableStatus('v4', s), row }
  }
  return { kind: 'unknown', status: 500, retryable: false, row }
}

function statusOfResult(requestResult: unknown): number | undefined {
  const s = read(requestResult, 'statusCode')
  return typeof s === 'number' && Number.isSafeInteger(s) ? s : undefined
}

/**
 * An error reply from Fauna (faunadb's `FaunaHTTPError`): `message` is the first error's code, `description`
 * its text, `errors()` the whole array. faunadb names it `UnknownError` for statuses it has no class for.
 * Beyond faunadb: `code`, `position` and `httpStatusCode` are set, and `innerError` exposes a UDF's failure.
 */
export class FaunaHTTPError extends FaunaError {
  static {
    brandClass(this, 'errs.fauna.v4.FaunaHTTPError')
  }
  declare readonly code: string
  /** Where in the query the first error arose (`[]` when the server sent none). */
  readonly position: Position
  /** HTTP status of the reply; undefined only when the RequestResult has none. */
  readonly httpStatusCode: number | undefined
  /** `call error` only: the error raised inside the called UDF (innermost of `errors()[0].cause`). */
  readonly innerError: FaunaErrorObject | undefined
  /** The request and response (non-enumerable: it may hold credentials). */
  declare readonly requestResult: RequestResult

  /**
   * @param name - class name to report (`'UnknownError'` for unmapped statuses)
   * @param requestResult - the request and response; `responseContent.errors` is read
   */
  constructor(name: string, requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    const errors = errorsOf(requestResult)
    const first = at(errors, 0)
    const httpStatusCode = statusOfResult(requestResult)
    const c = classify(errors, httpStatusCode, name)
    const message = messageOf(errors)
    const description = lengthOf(errors) === 0 ? EMPTY_ERRORS : readString(first, 'description')
    const inner = message === 'call error' ? innerOf(first) : undefined
    const position = positionOf(first)
    super(name, message, description, {
      code: message,
      reason: c.row?.reason ?? upperSnake(message),
      kind: c.kind,
      status: c.status,
      retryable: c.retryable,
      title: c.row?.description ?? message,
      ...options,
      details: {
        position,
        ...(httpStatusCode !== undefined ? { httpStatusCode } : {}),
        ...(inner !== undefined ? { innerCode: codeOf(inner) } : {}),
        errors: plainData(errors, { redact: true }),
        ...options.details,
      },
    })
    this.position = position
    this.httpStatusCode = httpStatusCode
    this.innerError = inner as FaunaErrorObject | undefined
    Object.defineProperty(this, 'requestResult', {
      value: requestResult,
      enumerable: false,
      writable: false,
      configurable: true,
    })
  }

  /** The reply's `errors` array, as sent. */
  errors(): FaunaErrorObject[] {
    return errorsOf(this.requestResult) as FaunaErrorObject[]
  }

  /** faunadb's dispatch: throws the class for `requestResult.statusCode` when it is not 2xx. */
  static raiseForStatusCode(requestResult: RequestResult): void {
    const code = read(requestResult, 'statusCode')
    if (typeof code === 'number' && code >= 200 && code < 300) return
    throw errorForStatus(requestResult)
  }
}

/** HTTP 400. */
export class BadRequest extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.BadRequest')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('BadRequest', requestResult, options)
  }
}

/** HTTP 401; the message gets faunadb's hint about endpoint, schema, port and secret. */
export class Unauthorized extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.Unauthorized')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('Unauthorized', requestResult, {
      ...options,
      message: options.message ?? messageOf(errorsOf(requestResult)) + UNAUTHORIZED_HINT,
    })
  }
}

/** HTTP 403. */
export class PermissionDenied extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.PermissionDenied')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('PermissionDenied', requestResult, options)
  }
}

/** HTTP 404. */
export class NotFound extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.NotFound')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('NotFound', requestResult, options)
  }
}

/** HTTP 405. */
export class MethodNotAllowed extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.MethodNotAllowed')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('MethodNotAllowed', requestResult, options)
  }
}

/** HTTP 429 (faunadb ≥ 4.3.0). */
export class TooManyRequests extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.TooManyRequests')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('TooManyRequests', requestResult, options)
  }
}

/** HTTP 500. */
export class InternalError extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.InternalError')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('InternalError', requestResult, options)
  }
}

/** HTTP 503 (in v4 also a timeout). */
export class UnavailableError extends FaunaHTTPError {
  static {
    brandClass(this, 'errs.fauna.v4.UnavailableError')
  }
  constructor(requestResult: RequestResult, options: FaunaErrorOptions = {}) {
    super('UnavailableError', requestResult, options)
  }
}

type HttpClass = new (requestResult: RequestResult, options?: FaunaErrorOptions) => FaunaHTTPError

/** Class per HTTP status, exactly faunadb 4.8.2's `raiseForStatusCode`. */
export const V4_HTTP_CLASSES: Readonly<Record<string, HttpClass>> = Object.freeze(
  // Null prototype: a class name read from untrusted input (a problem's `name`) never reaches Object.prototype.
  Object.assign(Object.create(null), {
    BadRequest,
    Unauthorized,
    PermissionDenied,
    NotFound,
    MethodNotAllowed,
    TooManyRequests,
    InternalError,
    UnavailableError,
  }),
)

/** The error faunadb would throw for a RequestResult (class by status; `UnknownError` otherwise). Never throws. */
export function errorForStatus(requestResult: RequestResult, options: FaunaErrorOptions = {}): FaunaHTTPError {
  const status = read(requestResult, 'statusCode')
  const name = typeof status === 'number' ? V4_STATUS_CLASS[status] : undefined
  const Ctor = name === undefined ? undefined : V4_HTTP_CLASSES[name]
  return Ctor ? new Ctor(requestResult, options) : new FaunaHTTPError('UnknownError', requestResult, options)
}

/** faunadb's `TimeoutError` (`faunadb/src/_http`): the client `timeout` elapsed. Not a FaunaError, as in faunadb. */
export class TimeoutError extends ErrsError {
  static {
    brandClass(this, 'errs.fauna.v4.TimeoutError')
  }
  /** faunadb's marker. */
  readonly isTimeoutError = true as const
  constructor(message?: string, options: FaunaErrorOptions = {}) {
    super(v4Init('TimeoutError', message ?? (v4ClientRow('TimeoutError')?.message as string), undefined, options))
  }
}

/**
 * faunadb's `AbortError` (`faunadb/src/_http`): the caller aborted the request through `options.signal`
 * ("client connection was aborted"). Not a FaunaError, as in faunadb.
 */
export class AbortError extends ErrsError {
  static {
    brandClass(this, 'errs.fauna.v4.AbortError')
  }
  /** faunadb's marker. */
  readonly isAbortError = true as const
  constructor(message?: string, options: FaunaErrorOptions = {}) {
    super(v4Init('AbortError', message ?? (v4ClientRow('AbortError')?.message as string), undefined, options))
  }
}
