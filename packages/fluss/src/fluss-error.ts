import {
  brandClass,
  classifyForeign,
  type ErrorKind,
  ErrsError,
  KIND_HTTP_STATUS,
  rawPreview,
  truncate,
} from '@errs/core'
import { codeInfo, codeOfName, ErrorCode, isInt32, UNKNOWN_CODE_REASON } from './codes.js'
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
    const text = message === undefined ? (row?.message ?? `Unknown Fluss error code ${code}.`) : String(message)
    const { kind: kindOption, status, retryable, reason, publicMessage, ...context } = options
    const kind = kindOption ?? row?.kind ?? 'unknown'
    // A -1 message is the server's Java stack trace (up to 2,048 chars): problems show only its first line.
    const shown =
      publicMessage ??
      (code === ErrorCode.UNKNOWN_SERVER_ERROR && firstLine(text) !== text ? firstLine(text) : undefined)
    super({
      ...context,
      system: 'fluss',
      code,
      reason: row?.reason ?? reason ?? UNKNOWN_CODE_REASON,
      kind,
      status: status ?? (kindOption === undefined && row ? row.status : statusOfKind(kind)),
      retryable: retryable ?? row?.retryable ?? false,
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
    if (options.secrets !== undefined) registerSecrets(options.secrets)
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

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** A non-empty string, else undefined (protobuf-es reads an unset proto2 string as ''). */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
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
 * The FlussError a value already is or plainly describes, else undefined: a FlussError (any copy), a core error
 * of system `fluss` (rebuilt), or an object/error with an int32 `error_code`/`errorCode` other than 0.
 */
export function recognizeFluss(value: unknown): FlussError | undefined {
  if (FlussError.is(value)) return value
  if (ErrsError.is(value)) {
    if (value.system !== 'fluss') return undefined
    const code = typeof value.code === 'number' ? value.code : (codeOfName(value.reason) ?? Number(value.code))
    return new FlussError(value.message, code, {
      kind: value.kind,
      status: value.status,
      retryable: value.retryable,
      details: value.details,
      internal: value.internal,
      ...(value.publicMessage === undefined ? {} : { publicMessage: value.publicMessage }),
      ...(value.retryAfterMs === undefined ? {} : { retryAfterMs: value.retryAfterMs }),
      ...(value.requestId === undefined ? {} : { requestId: value.requestId }),
      ...(value.instance === undefined ? {} : { instance: value.instance }),
      ...(value.cause === undefined ? {} : { cause: value.cause }),
      reason: value.reason,
    })
  }
  const code = errorCodeOf(value)
  if (!isInt32(code) || code === ErrorCode.NONE) return undefined
  const message = textOf(errorMessageOf(value)) ?? (isError(value) ? textOf(read(value, 'message')) : undefined)
  return new FlussError(message === undefined ? undefined : truncate(message), code, {
    ...(isError(value) ? { cause: value } : {}),
  })
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

function messageOf(value: unknown): string {
  if (typeof value === 'string') return truncate(value)
  const m = read(value, 'message')
  if (typeof m === 'string') return truncate(m)
  if (value === undefined) return 'undefined was thrown'
  try {
    return `Non-error value thrown: ${Object.prototype.toString.call(value)}`
  } catch {
    return 'Unreadable value thrown'
  }
}

/** Anything else as CLIENT_ERROR: the Python client's code for errors raised inside the client. */
function wrapClientError(value: unknown): FlussError {
  const message = messageOf(value)
  if (ErrsError.is(value)) {
    return new FlussError(message, ErrorCode.CLIENT_ERROR, {
      kind: value.kind,
      status: value.status,
      retryable: value.retryable,
      cause: value,
    })
  }
  const c = classifyForeign(value)
  if (c.kind !== 'unknown') {
    // Connection failures: CLIENT_ERROR as the Python docs say, but honest about being transient.
    return new FlussError(message, ErrorCode.CLIENT_ERROR, {
      kind: c.kind,
      status: c.status,
      retryable: c.retryable,
      details: { clientFailure: c.reason },
      cause: value,
    })
  }
  if (isSchemaMismatch(value)) {
    return new FlussError(message, ErrorCode.CLIENT_ERROR, {
      kind: 'invalid_argument',
      retryable: false,
      details: { clientFailure: 'SCHEMA_MISMATCH' },
      cause: value,
    })
  }
  return new FlussError(message, ErrorCode.CLIENT_ERROR, value === undefined ? {} : { cause: value })
}

/** CLIENT_ERROR for input a decoder cannot read: the raw input kept, bounded and redacted. */
export function malformedInput(
  decoder: string,
  problem: string,
  raw: unknown,
  extra: Readonly<Record<string, unknown>> = {},
): FlussError {
  return new FlussError(`Cannot decode Fluss ${decoder}: ${problem}`, ErrorCode.CLIENT_ERROR, {
    kind: 'invalid_argument',
    retryable: false,
    details: { ...extra, decoder, raw: rawPreview(raw) },
  })
}
