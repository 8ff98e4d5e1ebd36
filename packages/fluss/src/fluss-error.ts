import {
  brandClass,
  classifyForeign,
  type ErrorKind,
  ErrsError,
  isErrorKind,
  KIND_HTTP_STATUS,
  ownData,
  rawPreview,
  truncate,
} from '@errs/core'
import { CLIENT_CODES, codeInfo, codeOfName, ErrorCode, isInt32, UNKNOWN_CODE_REASON } from './codes.js'
import { boundedText, describeThrown, isHeaderValue, isRecord, previewOf, read } from './guard.js'
import { registerSecrets, type SecretsOption } from './secrets.js'

/** Everything but the message and the code: overrides and context for one occurrence. */
export interface FlussErrorOptions {
  /** Kind, when this occurrence is sharper than its code's (a `CLIENT_ERROR` that is a connection failure). */
  kind?: ErrorKind
  /** HTTP status; defaults to the code's (or the overriding kind's). */
  status?: number
  /** Retry rule; defaults to Java's rule for the code. */
  retryable?: boolean
  /** Structured context (table, partition, bucket ids, request id of a frame, raw input of a bad payload). */
  details?: Readonly<Record<string, unknown>>
  /** Context for trusted hops only. */
  internal?: Readonly<Record<string, unknown>>
  /** Message for untrusted readers; by default the first line of an UNKNOWN_SERVER_ERROR's stack trace. */
  publicMessage?: string
  retryAfterMs?: number
  requestId?: string
  instance?: string
  cause?: unknown
  /** Symbolic name for a code this version does not know (kept when rebuilding a newer peer's error). */
  reason?: string
}

/** Options of `FlussError.from`. */
export interface FlussErrorFromOptions {
  /**
   * Secrets to hide before anything is built: literal strings, or a Fluss client configuration whose
   * `client.security.sasl.password` (and any other secret-named key) is registered process-wide.
   */
  secrets?: SecretsOption
}

function statusOfKind(kind: ErrorKind): number {
  // Fluss's REST gateway answers failed_precondition with 409; the code table does the same.
  return kind === 'failed_precondition' ? 409 : KIND_HTTP_STATUS[kind]
}

function firstLine(text: string): string {
  const i = text.search(/\r?\n/)
  return i < 0 ? text : text.slice(0, i)
}

/** UNKNOWN_SERVER_ERROR's default message: the message of a code this table does not know, as in Java and Rust. */
const UNKNOWN_SERVER_ERROR_MESSAGE = codeInfo(ErrorCode.UNKNOWN_SERVER_ERROR)?.message as string

/** The message of any value given as one, bounded before anything reads it. */
function messageText(message: unknown): string {
  if (typeof message === 'string') return truncate(message)
  try {
    return truncate(String(message))
  } catch {
    return describeThrown(message)
  }
}

/** Symbolic names only (`TABLE_NOT_EXIST`): free text never becomes a `reason`. */
const REASON = /^[A-Z][A-Z0-9_]{0,63}$/

interface ReadOptions {
  kind?: ErrorKind
  status?: number
  retryable?: boolean
  reason?: string
  publicMessage?: string
  context: {
    details?: Readonly<Record<string, unknown>>
    internal?: Readonly<Record<string, unknown>>
    retryAfterMs?: number
    requestId?: string
    instance?: string
    cause?: unknown
  }
}

/** The options of one occurrence, each read guarded and checked: a hostile options object cannot throw. */
function readOptions(options: unknown): ReadOptions {
  const out: ReadOptions = { context: {} }
  if (options === null || typeof options !== 'object') return out
  const kind = read(options, 'kind')
  if (isErrorKind(kind)) out.kind = kind
  const status = read(options, 'status')
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) out.status = status
  const retryable = read(options, 'retryable')
  if (typeof retryable === 'boolean') out.retryable = retryable
  const reason = read(options, 'reason')
  if (typeof reason === 'string' && REASON.test(reason)) out.reason = reason
  const publicMessage = read(options, 'publicMessage')
  if (typeof publicMessage === 'string') out.publicMessage = truncate(publicMessage)
  const c = out.context
  const details = read(options, 'details')
  if (isRecord(details)) c.details = ownData(details)
  const internal = read(options, 'internal')
  if (isRecord(internal)) c.internal = ownData(internal)
  const retryAfterMs = read(options, 'retryAfterMs')
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    c.retryAfterMs = retryAfterMs
  }
  // A request id travels in headers (`x-request-id`): only a valid header value is kept.
  const requestId = read(options, 'requestId')
  if (isHeaderValue(requestId)) c.requestId = requestId
  const instance = read(options, 'instance')
  if (typeof instance === 'string') c.instance = truncate(instance, 2048)
  const cause = read(options, 'cause')
  if (cause !== undefined) c.cause = cause
  return out
}

/**
 * The one error class of Apache Fluss, with the Python client's idiom — `message`, `error_code`, `is_retriable`,
 * `new FlussError(message, error_code = ErrorCode.CLIENT_ERROR)` — and the @errs core view on the same object:
 * `code` (= `error_code`), `reason` (the `ErrorCode` name), `kind`, `status`, `retryable`.
 *
 * Raised for every code of the table; codes it does not know keep their number (kind `unknown`, not retriable).
 *
 * @example
 * ```ts
 * if (e instanceof FlussError && e.error_code === ErrorCode.TABLE_NOT_EXIST) console.log('Table does not exist')
 * ```
 */
export class FlussError extends ErrsError {
  static {
    brandClass(this, 'errs.fluss.FlussError')
  }

  /** Fluss error code (the Java `Errors` code, or -2 for errors raised in the client); raw, never collapsed. */
  readonly error_code: number
  /** Whether retrying may succeed: Java's rule (`RetriableException`), equal to `retryable`. */
  readonly is_retriable: boolean
  /** Java exception class for the code, e.g. `'TableNotExistException'`; `undefined` for CLIENT_ERROR and NONE. */
  readonly exceptionClass: string | undefined

  /**
   * @param message What went wrong; `undefined` gives the code's default message.
   * @param error_code A Fluss code; anything that is not an int32 becomes `CLIENT_ERROR`.
   */
  constructor(message?: string, error_code: number = ErrorCode.CLIENT_ERROR, options: FlussErrorOptions = {}) {
    const code = isInt32(error_code) ? error_code : ErrorCode.CLIENT_ERROR
    const row = codeInfo(code)
    // Java (`Errors.forCode` → UNKNOWN_SERVER_ERROR, `Errors.exception(null)`) and fluss-rust (`ApiError::from`:
    // `FlussError::for_code(code).message()`) give a code they do not know UNKNOWN_SERVER_ERROR's default message.
    const fallback = row?.message ?? UNKNOWN_SERVER_ERROR_MESSAGE
    // Bounded first: nothing (redaction included) ever sees more than MAX_STRING characters of the message.
    const text = message === undefined ? fallback : messageText(message)
    const o = readOptions(options)
    const kindOption = o.kind
    const kind = kindOption ?? row?.kind ?? 'unknown'
    // A -1 message is the server's Java stack trace (up to 2,048 chars): problems show only its first line.
    const shown =
      o.publicMessage ??
      (code === ErrorCode.UNKNOWN_SERVER_ERROR && firstLine(text) !== text ? firstLine(text) : undefined)
    super({
      ...o.context,
      system: 'fluss',
      code,
      reason: row?.reason ?? o.reason ?? UNKNOWN_CODE_REASON,
      kind,
      status: o.status ?? (kindOption === undefined && row ? row.status : statusOfKind(kind)),
      retryable: o.retryable ?? row?.retryable ?? false,
      title: row?.message ?? `Unknown Fluss error code ${code}.`,
      message: text,
      ...(shown === undefined ? {} : { publicMessage: shown }),
    })
    this.error_code = code
    this.is_retriable = this.retryable
    // Java's Errors.forCode turns an unknown code into UNKNOWN_SERVER_ERROR, hence its class.
    this.exceptionClass = row ? row.exceptionClass : 'UnknownServerException'
  }

  /** Python client's `str(e)`: `FlussError(code=7): …`, or `FlussError: …` for CLIENT_ERROR. */
  override toString(): string {
    return this.error_code === ErrorCode.CLIENT_ERROR
      ? `FlussError: ${this.message}`
      : `FlussError(code=${this.error_code}): ${this.message}`
  }

  /**
   * Any thrown value as a FlussError: FlussErrors as they are; Fluss-shaped values (`error_code`/`errorCode`,
   * a plain core error of system `fluss`) with their code; anything else as `CLIENT_ERROR` with the value as
   * `cause` — kind `unavailable` and retryable for a connection failure (ECONNREFUSED, ECONNRESET, ETIMEDOUT…),
   * `invalid_argument` for a schema mismatch raised by a writer. Never throws.
   */
  static from(value: unknown, options: FlussErrorFromOptions = {}): FlussError {
    const secrets = read(options, 'secrets')
    if (secrets !== undefined && secrets !== null && typeof secrets === 'object')
      registerSecrets(secrets as SecretsOption)
    return recognizeFluss(value) ?? wrapClientError(value)
  }
}

function isError(value: unknown): value is Error {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

/** A non-empty string, else undefined (protobuf-es reads an unset proto2 string as ''). Bounded. */
export function textOf(value: unknown): string | undefined {
  return boundedText(value)
}

/** The `error_code` / `errorCode` of a value, when it is an object carrying one. */
export function errorCodeOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined
  const snake = read(value, 'error_code')
  return snake !== undefined ? snake : read(value, 'errorCode')
}

/** The `error_message` / `errorMessage` of a value, else undefined. */
export function errorMessageOf(value: unknown): unknown {
  const snake = read(value, 'error_message')
  return snake !== undefined && snake !== null ? snake : read(value, 'errorMessage')
}

/**
 * The core fields of a value branded as an ErrsError, read guarded and checked: a forged brand
 * (`{ [Symbol.for('errs.core.ErrsError')]: true }`) proves nothing about the fields.
 */
function coreFieldsOf(
  value: unknown,
):
  | { system: string; code: unknown; reason: unknown; kind: ErrorKind; status?: number; retryable?: boolean }
  | undefined {
  const system = read(value, 'system')
  const kind = read(value, 'kind')
  if (typeof system !== 'string' || !isErrorKind(kind)) return undefined
  const status = read(value, 'status')
  const retryable = read(value, 'retryable')
  return {
    system,
    code: read(value, 'code'),
    reason: read(value, 'reason'),
    kind,
    ...(typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? { status } : {}),
    ...(typeof retryable === 'boolean' ? { retryable } : {}),
  }
}

/** A FlussError (any copy of this package) whose fields are what they claim: not a forged brand. */
function isWellFormedFlussError(value: unknown): value is FlussError {
  if (!FlussError.is(value)) return false
  const code = read(value, 'error_code')
  return (
    isInt32(code) &&
    read(value, 'code') === code &&
    typeof read(value, 'message') === 'string' &&
    typeof read(value, 'is_retriable') === 'boolean' &&
    coreFieldsOf(value)?.system === 'fluss' &&
    isRecord(read(value, 'details'))
  )
}

/**
 * The FlussError a value already is or plainly describes, else undefined: a FlussError (any copy), a core error
 * of system `fluss` (rebuilt), or an object/error with an int32 `error_code`/`errorCode` other than 0.
 * Never throws.
 */
export function recognizeFluss(value: unknown): FlussError | undefined {
  if (isWellFormedFlussError(value)) return value
  if (ErrsError.is(value)) {
    const f = coreFieldsOf(value)
    if (f === undefined || f.system !== 'fluss') return undefined
    const code = isInt32(f.code)
      ? f.code
      : typeof f.reason === 'string'
        ? (codeOfName(f.reason) ?? ErrorCode.CLIENT_ERROR)
        : ErrorCode.CLIENT_ERROR
    const message = read(value, 'message')
    return new FlussError(typeof message === 'string' ? message : undefined, code, {
      kind: f.kind,
      ...(f.status === undefined ? {} : { status: f.status }),
      ...(f.retryable === undefined ? {} : { retryable: f.retryable }),
      details: read(value, 'details') as never,
      internal: read(value, 'internal') as never,
      publicMessage: read(value, 'publicMessage') as never,
      retryAfterMs: read(value, 'retryAfterMs') as never,
      requestId: read(value, 'requestId') as never,
      instance: read(value, 'instance') as never,
      cause: read(value, 'cause'),
      reason: f.reason as never,
    })
  }
  const code = errorCodeOf(value)
  if (!isInt32(code) || code === ErrorCode.NONE) return undefined
  const message = textOf(errorMessageOf(value)) ?? (isError(value) ? textOf(read(value, 'message')) : undefined)
  return new FlussError(message, code, isError(value) ? { cause: value } : {})
}

const SCHEMA_MISMATCH_NAMES: ReadonlySet<string> = new Set(['SchemaMismatchError', 'SchemaError', 'ArrowInvalid'])
const SCHEMA_MISMATCH_CODES: ReadonlySet<string> = new Set(['SCHEMA_MISMATCH', 'ERR_SCHEMA_MISMATCH'])
const SCHEMA_MISMATCH_TEXT =
  /schema mismatch|(?:does not|doesn't|do not|don't) match (?:the )?(?:table(?:'s)? )?schema|(?:unknown|unexpected|missing) (?:column|field)\b/i

/** A row that does not fit the table schema, as writers report it (by name, code or wording). */
function isSchemaMismatch(value: unknown): boolean {
  const name = read(value, 'name')
  const code = read(value, 'code')
  const message = typeof value === 'string' ? value : read(value, 'message')
  return (
    (typeof name === 'string' && SCHEMA_MISMATCH_NAMES.has(name)) ||
    (typeof code === 'string' && SCHEMA_MISMATCH_CODES.has(code)) ||
    (typeof message === 'string' && SCHEMA_MISMATCH_TEXT.test(message.slice(0, 4096)))
  )
}

/**
 * Anything else, by the client code of its kind (`CLIENT_CODES`): a connection failure is NETWORK_EXCEPTION,
 * a request that ran out of time REQUEST_TIME_OUT — their rows' kind, status and retry rule stand; everything
 * else is CLIENT_ERROR, with the kind, status and retry rule the value's own classification gives.
 */
function wrapClientError(value: unknown): FlussError {
  const message = describeThrown(value)
  if (ErrsError.is(value)) {
    const f = coreFieldsOf(value)
    return new FlussError(message, ErrorCode.CLIENT_ERROR, {
      ...(f === undefined ? {} : { kind: f.kind }),
      ...(f?.status === undefined ? {} : { status: f.status }),
      ...(f?.retryable === undefined ? {} : { retryable: f.retryable }),
      cause: value,
    })
  }
  const c = classifyForeign(value)
  if (c.kind !== 'unknown') {
    const code = CLIENT_CODES[c.kind]
    if (code !== undefined) {
      return new FlussError(message, code, { details: { clientFailure: c.reason }, cause: value })
    }
    return new FlussError(message, CLIENT_CODES.unknown, {
      kind: c.kind,
      status: c.status,
      retryable: c.retryable,
      details: { clientFailure: c.reason },
      cause: value,
    })
  }
  if (isSchemaMismatch(value)) {
    return new FlussError(message, CLIENT_CODES.unknown, {
      kind: 'invalid_argument',
      retryable: false,
      details: { clientFailure: 'SCHEMA_MISMATCH' },
      cause: value,
    })
  }
  return new FlussError(message, CLIENT_CODES.unknown, value === undefined ? {} : { cause: value })
}

/** CLIENT_ERROR for input a decoder cannot read: the raw input kept, bounded (before redaction). */
export function malformedInput(
  decoder: string,
  problem: string,
  raw: unknown,
  extra: Readonly<Record<string, unknown>> = {},
): FlussError {
  return new FlussError(`Cannot decode Fluss ${decoder}: ${problem}`, ErrorCode.CLIENT_ERROR, {
    kind: 'invalid_argument',
    retryable: false,
    details: { ...extra, decoder, raw: rawPreview(previewOf(raw)) },
  })
}
