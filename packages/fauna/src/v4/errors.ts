import type { ErrsErrorInit, ErrsOptions } from '@errs/core'
import {
  adoptError,
  detailsRecord,
  ErrsError,
  type ErrsErrorClass,
  errorMessage,
  errsInit,
  frozenDetails,
  header,
  isArray,
  isHttpErrorStatus,
  isRecord,
  KIND_HTTP_STATUS,
  MAX_CAUSE_DEPTH,
  MAX_KEY,
  parseRetryAfter,
  read,
  readOptions,
  readString,
  redactBoundedText,
  redactString,
  statusFacts,
  toPlainData,
  truncate,
} from '@errs/core/kit'
import { type FaunaCodeInfo, MISSING_CODE, RETRYABLE_STATUSES } from '../codes.js'

import { at, lengthOf, messageText, prepared, takePrepared, withOptions } from '../shared.js'
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
  /** The errors of the query, first one decisive (its `code` becomes the error's message). */
  errors: FaunaErrorObject[]
}

/**
 * faunadb's `RequestResult`: the request and response of one call. Only `responseContent` and `statusCode` are
 * read. It may hold credentials (`requestHeaders` when a transport records them): errors keep it non-enumerable
 * and never write it into messages, problems, JSON or inspect output.
 */
export interface RequestResult {
  /** HTTP method of the request, e.g. `'POST'`. */
  method?: string
  /** Request path. */
  path?: string
  /** Query-string parameters. */
  query?: unknown
  /** The request body as sent (text). */
  requestRaw?: unknown
  /** The request body before encoding (the FQL expression). */
  requestContent?: unknown
  /** Request headers, when the transport records them (faunadb's own RequestResult does not). */
  requestHeaders?: Readonly<Record<string, string>>
  /** The reply body as received (text). */
  responseRaw?: unknown
  /** The parsed reply; for errors `{ errors: [...] }`. */
  responseContent?: unknown
  /** HTTP status of the reply. */
  statusCode?: number
  /** Reply headers. */
  responseHeaders?: Readonly<Record<string, string>>
  /** When the request started: milliseconds since the epoch. */
  startTime?: number
  /** When the reply ended: milliseconds since the epoch. */
  endTime?: number
}

/** @deprecated Use `ErrsOptions` from `@errs/core`: the one trailing options type of every constructor. */
export type FaunaErrorOptions = ErrsOptions

export { MISSING_CODE }

/** A description from untrusted input: strings bounded and redacted, other primitives as text, else undefined. */
function descriptionText(v: unknown): string | undefined {
  if (v === undefined || v === null || typeof v === 'object' || typeof v === 'function') return undefined
  return redactString(messageText(v))
}

/** `{ dialect: 'v4', description }` (no `description` key without one): the first keys of every v4 `details`. */
function v4Details(description: unknown): Record<string, unknown> {
  const text = descriptionText(description)
  const details = detailsRecord()
  details.dialect = 'v4'
  if (text !== undefined) details.description = text
  return details
}

/**
 * Core fields of a v4 error. `code` defaults to the class name (client-side errors: faunadb sets no code) and
 * its row; `details` is `v4Details(description)` (or the caller's, which starts with it and adds native fields),
 * then the caller's `options.details`. `facts` (kind, status, retryable, retryAfterMs) is a fresh object, used as
 * the options (the caller's options on top): one options object and one frozen `details`, no copies of either.
 */
function v4Init(
  code: string,
  row: FaunaCodeInfo | undefined,
  message: unknown,
  description: unknown,
  given: ErrsOptions,
  wireStatus?: number,
  facts: ErrsOptions = {},
  details: Record<string, unknown> = v4Details(description),
): ErrsErrorInit {
  // Read guarded, as every constructor reads its options: unreadable ones (null, a revoked Proxy) are none.
  const options = readOptions(given) ?? {}
  const own = options.details
  if (row !== undefined) facts.title = row.title ?? row.description
  const opts = withOptions(facts, options)
  opts.details = own === undefined ? Object.freeze(details) : frozenDetails({ ...details, ...own })
  return errsInit('fauna', code, row, messageText(message), opts, wireStatus)
}

function setName(err: Error, name: string): void {
  if (err.name !== name) {
    Object.defineProperty(err, 'name', { value: name, writable: true, configurable: true, enumerable: false })
  }
}

/**
 * Base of every FQL v4 error (faunadb's `errors.FaunaError`): `name`, `message`, `description`.
 * Also an `ErrsError`: `system: 'fauna'`, `details.dialect` `'v4'`; native fields are getters over `details`.
 */
export class FaunaError extends ErrsError {
  static override readonly errsBrand: string = 'errs.fauna.v4.FaunaError'

  /**
   * @param name - the error's name (faunadb sets it from this argument)
   * @param message - the message (for HTTP errors: the Fauna code)
   * @param description - human-readable text
   * @param options - `ErrsOptions`: `cause`, and overrides of the core view
   */
  constructor(name: string, message: string, description?: string, options: ErrsOptions = {}) {
    const n = messageText(name) || 'FaunaError'
    super(takePrepared(options) ?? v4Init(n, v4ClientRow(n), message, description, options))
    // faunadb names the instance from the argument (`FaunaHTTPError('UnknownError')`). V8 formats `stack` lazily,
    // with the name the error has when it is first read, so the stack head follows.
    setName(this, n)
  }

  /** Human-readable text of the error (`message` holds the code for HTTP errors). */
  get description(): string | undefined {
    const d = this.details.description
    return typeof d === 'string' ? d : undefined
  }
}

/** The driver got a reply it cannot read (faunadb 4.8.2: an empty 200; here also non-JSON or unknown bodies). */
export class ProtocolError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.ProtocolError'
  constructor(message: string, options: ErrsOptions = {}) {
    super('ProtocolError', message, undefined, options)
  }
}

/** A value given to a query builder cannot be encoded as FQL. */
export class InvalidValue extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.InvalidValue'
  constructor(message: string, options: ErrsOptions = {}) {
    super('InvalidValue', message, undefined, options)
  }
}

function arityText(min: number | null, max: number | null): string {
  if (max === null) return `at least ${min}`
  if (min === null) return `up to ${max}`
  if (min === max) return String(min)
  return `from ${min} to ${max}`
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** An FQL function was called with the wrong number of arguments (e.g. `q.Add()`). */
export class InvalidArity extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.InvalidArity'

  constructor(min: number | null, max: number | null, actual: number, callerFunc: string, options: ErrsOptions = {}) {
    const o = readOptions(options) ?? {}
    const fn = messageText(callerFunc)
    const lo = numberOrNull(min)
    const hi = numberOrNull(max)
    const n = numberOrNull(actual) ?? 0
    const message =
      `${fn} function requires ${arityText(lo, hi)} argument(s) but ${n} were given\n` +
      `For more info, see the docs: https://docs.fauna.com/fauna/current/api/fql/functions/${fn.toLowerCase()}`
    super('InvalidArity', message, undefined, {
      ...o,
      details: { min: lo, max: hi, actual: n, callerFunc: fn, ...o.details },
    })
  }

  /** Fewest arguments accepted (`null` = no lower bound). */
  get min(): number | null {
    return numberOrNull(this.details.min)
  }
  /** Most arguments accepted (`null` = unbounded). */
  get max(): number | null {
    return numberOrNull(this.details.max)
  }
  /** Number of arguments given. */
  get actual(): number {
    return numberOrNull(this.details.actual) ?? 0
  }
}

/** The client was used after `close()`. */
export class ClientClosed extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.ClientClosed'
  constructor(message: string, description?: string, options: ErrsOptions = {}) {
    super('ClientClosed', message, description, options)
  }
}

/** Base of stream errors. */
export class StreamError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.StreamError'
  constructor(name: string, message: string, description?: string, options: ErrsOptions = {}) {
    super(name, message, description, options)
  }
}

/** The fetch implementation cannot stream response bodies. */
export class StreamsNotSupported extends StreamError {
  static override readonly errsBrand: string = 'errs.fauna.v4.StreamsNotSupported'
  constructor(description?: string, options: ErrsOptions = {}) {
    super('StreamsNotSupported', 'streams not supported', description, options)
  }
}

/** The wire shape of a v4 stream error event (newline-delimited JSON on `POST /stream`). */
export interface StreamErrorEventData {
  /** Always `'error'`. */
  type: 'error'
  /** Transaction timestamp of the event: microseconds since the epoch. */
  txn?: number
  /** The error itself. */
  event: {
    /** A v4 code, e.g. `'permission denied'`. */
    code: string
    /** Human-readable description. */
    description: string
  }
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
  static override readonly errsBrand: string = 'errs.fauna.v4.StreamErrorEvent'
  declare readonly code: string
  /** The event as received, when it is an object: a private field, so no output ever shows it. */
  #original: object | undefined

  constructor(event: unknown, options: ErrsOptions = {}) {
    const o = readOptions(options) ?? {}
    const payload = eventPayload(event)
    const code = codeOf(payload)
    const row = v4CodeInfo(code)
    const txn = read(event, 'txn')
    const init = v4Init(code, row, code, readString(payload, 'description'), {
      ...(row === undefined ? { status: 500 } : {}),
      ...o,
      details: { ...(typeof txn === 'number' ? { txn } : {}), ...o.details },
    })
    super('StreamErrorEvent', code, undefined, prepared(init))
    if (event !== null && typeof event === 'object') this.#original = event
  }

  /** The event as received (or, for an error rebuilt from a problem, its wire shape). */
  get event(): unknown {
    const original = #original in this ? this.#original : undefined
    if (original !== undefined) return original
    const event: Record<string, unknown> = { code: this.code }
    if (this.description !== undefined) event.description = this.description
    return { type: 'error', ...(this.txn !== undefined ? { txn: this.txn } : {}), event }
  }

  /** Transaction time of the event, when present. */
  get txn(): number | undefined {
    const t = this.details.txn
    return typeof t === 'number' ? t : undefined
  }
}

/** `errors` of a RequestResult, as the array it is (or empty when absent). */
function errorsOf(requestResult: unknown): unknown[] {
  const errors = read(read(requestResult, 'responseContent'), 'errors')
  return isArray(errors) ? errors : []
}

/** The code of an error object: bounded, and redacted (a server may echo a credential anywhere). */
function codeOf(obj: unknown): string {
  const code = readString(obj, 'code')
  return code === undefined ? MISSING_CODE : redactBoundedText(code, MAX_KEY)
}

/** The position of an error object of the redacted copy of `errors` (bounded; non-string, non-number items dropped). */
function positionOf(obj: unknown): Position {
  const p = read(obj, 'position')
  const out: Position = []
  if (!isArray(p)) return out
  const n = Math.min(lengthOf(p), 256)
  for (let i = 0; i < n; i++) {
    const item = at(p, i)
    if (typeof item === 'string') out.push(truncate(item, MAX_KEY))
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
  kind: ErrsOptions['kind']
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
function classify(empty: boolean, code: string, inner: unknown, status: number | undefined, name: string): V4Class {
  const row = v4CodeInfo(code)
  const forced = status === undefined ? undefined : V4_STATUS_KIND[status]
  if (forced && status !== undefined) return { kind: forced.kind, status, retryable: forced.retryable, row }
  const effective = inner === undefined ? row : (v4CodeInfo(codeOf(inner)) ?? row)
  if (effective !== undefined && (!empty || status === undefined)) {
    return { kind: effective.kind, status: effective.status, retryable: effective.retryable, row }
  }
  const s = isHttpErrorStatus(status) ? status : v4ClassStatus(name)
  if (s !== undefined) return { ...statusFacts(s, RETRYABLE_STATUSES.v4), row }
  return { kind: 'unknown', status: KIND_HTTP_STATUS.unknown, retryable: false, row }
}

function statusOfResult(requestResult: unknown): number | undefined {
  const s = read(requestResult, 'statusCode')
  return typeof s === 'number' && Number.isSafeInteger(s) ? s : undefined
}

/**
 * Core fields of a FaunaHTTPError: code, kind, status, retry rule; native state in `details`. The `errors` array
 * (faunadb's `errors()`) is copied bounded and redacted (`toPlainData`), as the description is: `details` is an
 * enumerable field, which structured loggers write as it is.
 */
function httpInit(
  name: string,
  requestResult: unknown,
  options: ErrsOptions,
  suffix = '',
  headersRead = false,
): ErrsErrorInit {
  const errors = errorsOf(requestResult)
  const first = at(errors, 0)
  const empty = lengthOf(errors) === 0
  const httpStatusCode = statusOfResult(requestResult)
  const code = empty ? EMPTY_ERRORS : codeOf(first)
  const inner = code === 'call error' ? innerOf(first) : undefined
  const c = classify(empty, code, inner, httpStatusCode, name)
  const details = v4Details(empty ? EMPTY_ERRORS : readString(first, 'description'))
  // One redacted copy of `errors`; the position is read from it (already bounded and redacted).
  const copied = toPlainData(errors, { redact: true })
  details.position = positionOf(isArray(copied) ? at(copied, 0) : undefined)
  if (httpStatusCode !== undefined) details.httpStatusCode = httpStatusCode
  if (inner !== undefined) {
    details.innerCode = codeOf(inner)
    details.innerError = toPlainData(inner, { redact: true })
  }
  details.errors = copied
  const facts: ErrsOptions = { kind: c.kind, status: c.status, retryable: c.retryable }
  // faunadb keeps the reply's headers on the RequestResult: a 429's Retry-After is what a retry should wait. A
  // decoder that read them (`headersRead`) has its `retryAfterMs` in `options`, which wins over `facts`.
  const retryAfter = headersRead ? undefined : header(read(requestResult, 'responseHeaders'), 'retry-after')
  if (retryAfter !== undefined) {
    const retryAfterMs = parseRetryAfter(retryAfter)
    if (retryAfterMs !== undefined) facts.retryAfterMs = retryAfterMs
  }
  return v4Init(code, c.row, code + suffix, undefined, options, httpStatusCode, facts, details)
}

/** A class whose constructor returns the object it is given: `super(o)` in a subclass makes `this` that object. */
const Given = class {
  constructor(o: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point of the class (see `Kept`)
    return o
  }
} as new (
  o: object,
) => object

/**
 * The RequestResult a `FaunaHTTPError` was made from, when it is an object: a private field added to the error itself
 * by `new Kept(error, requestResult)` (the base returns the error, so the field lands on it), by the constructor and
 * by `errorForStatus` alike (which runs no constructor). No output ever shows it; `requestResult` reads it.
 */
class Kept extends Given {
  #result: object
  constructor(o: object, result: object) {
    super(o)
    this.#result = result
  }
  static of(o: unknown): object | undefined {
    return typeof o === 'object' && o !== null && #result in o ? o.#result : undefined
  }
}

/**
 * An error reply from Fauna (faunadb's `FaunaHTTPError`): `message` is the first error's code, `description`
 * its text, `errors()` the whole array. faunadb names it `UnknownError` for statuses it has no class for.
 * Beyond faunadb: `code`, `position` and `httpStatusCode`, and `innerError` exposes a UDF's failure. Native
 * fields are getters over `details` (the `errors` array is kept there, bounded; outputs redact it).
 */
export class FaunaHTTPError extends FaunaError {
  static override readonly errsBrand: string = 'errs.fauna.v4.FaunaHTTPError'
  declare readonly code: string

  /**
   * @param name - class name to report (`'UnknownError'` for unmapped statuses)
   * @param requestResult - the request and response; `responseContent.errors` and `statusCode` are read
   * @param options - `ErrsOptions`: `cause`, and overrides of the core view
   */
  constructor(name: string, requestResult: RequestResult, options: ErrsOptions = {}) {
    const n = messageText(name) || 'UnknownError'
    const init = takePrepared(options) ?? httpInit(n, requestResult, options)
    super(n, init.message, undefined, prepared(init))
    if (requestResult !== null && typeof requestResult === 'object') new Kept(this, requestResult)
  }

  /** Where in the query the first error arose (`[]` when the server sent none). */
  get position(): Position {
    const p = this.details.position
    return isArray(p) ? (p as Position) : []
  }

  /** HTTP status of the reply; undefined only when the RequestResult has none. */
  get httpStatusCode(): number | undefined {
    const s = this.details.httpStatusCode
    return typeof s === 'number' ? s : undefined
  }

  /** `call error` only: the error raised inside the called UDF (innermost of `errors()[0].cause`). */
  get innerError(): FaunaErrorObject | undefined {
    const inner = this.details.innerError
    return isRecord(inner) ? (inner as unknown as FaunaErrorObject) : undefined
  }

  /**
   * The request and response, as given (a view `{ statusCode, responseContent: { errors } }` for an error
   * rebuilt from a problem). Not enumerable and never written anywhere: it may hold credentials.
   */
  get requestResult(): RequestResult {
    const original = Kept.of(this)
    if (original !== undefined) return original as RequestResult
    const rr: RequestResult = { responseContent: { errors: this.errors() } }
    if (this.httpStatusCode !== undefined) rr.statusCode = this.httpStatusCode
    return rr
  }

  /** The reply's `errors` array (a bounded copy, as faunadb's `errors()`; outputs redact it). */
  errors(): FaunaErrorObject[] {
    const errors = this.details.errors
    return isArray(errors) ? (errors as FaunaErrorObject[]) : []
  }

  /** faunadb's dispatch: throws the class for `requestResult.statusCode` when it is not 2xx. */
  static raiseForStatusCode(requestResult: RequestResult): void {
    const code = read(requestResult, 'statusCode')
    if (typeof code === 'number' && code >= 200 && code < 300) return
    // `errorForStatus`, written out: the stack starts here, one frame of ours fewer to walk.
    const plan = planForStatus(requestResult)
    throw madeForStatus(plan, new Error(errorMessage(plan.init)))
  }
}

/** HTTP 400. */
export class BadRequest extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.BadRequest'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('BadRequest', requestResult, options)
  }
}

/** HTTP 401; the message gets faunadb's hint about endpoint, schema, port and secret. */
export class Unauthorized extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.Unauthorized'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    const init = takePrepared(options) ?? httpInit('Unauthorized', requestResult, options, hintOf('Unauthorized'))
    super('Unauthorized', requestResult, prepared(init))
  }
}

/** HTTP 403. */
export class PermissionDenied extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.PermissionDenied'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('PermissionDenied', requestResult, options)
  }
}

/** HTTP 404. */
export class NotFound extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.NotFound'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('NotFound', requestResult, options)
  }
}

/** HTTP 405. */
export class MethodNotAllowed extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.MethodNotAllowed'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('MethodNotAllowed', requestResult, options)
  }
}

/** HTTP 429 (faunadb ≥ 4.3.0). */
export class TooManyRequests extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.TooManyRequests'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('TooManyRequests', requestResult, options)
  }
}

/** HTTP 500. */
export class InternalError extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.InternalError'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('InternalError', requestResult, options)
  }
}

/** HTTP 503 (in v4 also a timeout). */
export class UnavailableError extends FaunaHTTPError {
  static override readonly errsBrand: string = 'errs.fauna.v4.UnavailableError'
  constructor(requestResult: RequestResult, options: ErrsOptions = {}) {
    super('UnavailableError', requestResult, options)
  }
}

type HttpClass = new (requestResult: RequestResult, options?: ErrsOptions) => FaunaHTTPError

/** Class per HTTP status, exactly faunadb 4.8.2's `raiseForStatusCode`. */
export const V4_HTTP_CLASSES: Readonly<Record<string, HttpClass>> = /* @__PURE__ */ (() =>
  Object.freeze(
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
  ))()

/** The text faunadb's constructor of the class `name` appends to the message (Unauthorized's hint), or ''. */
function hintOf(name: string): string {
  return name === 'Unauthorized' ? UNAUTHORIZED_HINT : ''
}

/**
 * What `errorForStatus` makes, worked out but not yet made: the class, its init, the name faunadb gives the error and
 * the RequestResult it keeps. The public function the caller called makes it (`madeForStatus(plan, new Error(…))`),
 * so that the stack starts there: V8 walks every frame between the caller and `new Error` to capture it, and each
 * optimized frame of ours costs more to walk than a frame it keeps.
 */
export class PlannedHttpError {
  constructor(
    readonly Class: ErrsErrorClass<FaunaHTTPError>,
    readonly init: ErrsErrorInit,
    readonly name: string,
    readonly requestResult: unknown,
  ) {}
}

/**
 * The plan of the error faunadb would throw for a RequestResult (see `errorForStatus`). `headersRead`: the caller
 * read the RequestResult's `responseHeaders` into `options` (`retryAfterMs`), as `fromHttp` does, so they are not
 * read again. Never throws.
 */
export function planForStatus(
  requestResult: RequestResult,
  options: ErrsOptions = {},
  headersRead = false,
): PlannedHttpError {
  const status = read(requestResult, 'statusCode')
  const known = typeof status === 'number' ? V4_STATUS_CLASS[status] : undefined
  const Ctor = known === undefined ? undefined : V4_HTTP_CLASSES[known]
  const name = Ctor === undefined || known === undefined ? 'UnknownError' : known
  const init = takePrepared(options) ?? httpInit(name, requestResult, options, hintOf(name), headersRead)
  return new PlannedHttpError(Ctor ?? FaunaHTTPError, init, name, requestResult)
}

/**
 * The planned error, made from `error` (a plain `Error` the caller just made with `new Error(errorMessage(plan.init))`):
 * the object `new <class>(requestResult, options)` makes (core kit's `adoptError`), named as faunadb names it, its
 * RequestResult kept.
 */
export function madeForStatus(plan: PlannedHttpError, error: Error): FaunaHTTPError {
  const made = adoptError(plan.Class, error, plan.init)
  setName(made, plan.name)
  const rr = plan.requestResult
  if (rr !== null && typeof rr === 'object') new Kept(made, rr)
  return made
}

/**
 * The error faunadb would throw for a RequestResult (class by status; `UnknownError` otherwise). Never throws.
 * The object `new <class>(requestResult, options)` makes, from a plain `Error` made here: its stack starts here,
 * captured without walking the four constructor frames (the class's, FaunaHTTPError's, FaunaError's, ErrsError's;
 * core kit's `adoptError`).
 */
export function errorForStatus(requestResult: RequestResult, options?: ErrsOptions): FaunaHTTPError {
  // The caller's options, read guarded (this never throws, whatever they are).
  const plan = planForStatus(requestResult, readOptions(options))
  return madeForStatus(plan, new Error(errorMessage(plan.init)))
}

/** faunadb's `TimeoutError` (`faunadb/src/_http`): the client `timeout` elapsed. Not a FaunaError, as in faunadb. */
export class TimeoutError extends ErrsError {
  static override readonly errsBrand: string = 'errs.fauna.v4.TimeoutError'
  constructor(message?: string, options: ErrsOptions = {}) {
    const row = v4ClientRow('TimeoutError')
    super(v4Init('TimeoutError', row, message ?? row?.message, undefined, options))
  }
  /** faunadb's marker. */
  get isTimeoutError(): true {
    return true
  }
}

/**
 * faunadb's `AbortError` (`faunadb/src/_http`): the caller aborted the request through `options.signal`
 * ("client connection was aborted"). Not a FaunaError, as in faunadb.
 */
export class AbortError extends ErrsError {
  static override readonly errsBrand: string = 'errs.fauna.v4.AbortError'
  constructor(message?: string, options: ErrsOptions = {}) {
    const row = v4ClientRow('AbortError')
    super(v4Init('AbortError', row, message ?? row?.message, undefined, options))
  }
  /** faunadb's marker. */
  get isAbortError(): true {
    return true
  }
}
