import type { Adapter, ErrsErrorInit, ErrsOptions } from '@errs/core'
import {
  codeText,
  coreView,
  ErrsError,
  errsInit,
  frozenDetails,
  hasErrsBrand,
  isDelayMs,
  isError,
  isErrorKind,
  isHttpErrorStatus,
  isHttpStatus,
  isRecord,
  KIND_HTTP_STATUS,
  normalizeWith,
  ownData,
  rawPreview,
  read,
  statusFacts,
  truncate,
  withOccurrence,
} from '@errs/core/kit'
import { CLIENT_CODES, codeInfo, codeOfName, ErrorCode, isInt32, TABLE } from './codes.js'
import { registerSecrets, type SecretsOption } from './secrets.js'

/** @deprecated Use `ErrsOptions` from `@errs/core` (the one options type of every error constructor). */
export type FlussErrorOptions = ErrsOptions

/** Options of `FlussError.from`. */
export interface FlussErrorFromOptions {
  /**
   * Secrets to hide before anything is built: literal strings, or a Fluss client configuration whose
   * `client.security.sasl.password` (and any other secret-named key) is registered process-wide.
   */
  secrets?: SecretsOption
}

/**
 * UNKNOWN_SERVER_ERROR's default message: the message of a code this table does not know, as in Java and Rust.
 * Read when needed, not at module level (a property read on a call's result is a side effect a bundler keeps).
 */
function unknownServerErrorMessage(): string {
  return codeInfo(ErrorCode.UNKNOWN_SERVER_ERROR)?.message as string
}

function firstLine(text: string): string {
  const i = text.search(/\r?\n/)
  return i < 0 ? text : text.slice(0, i)
}

/** Symbolic names only (`TABLE_NOT_EXIST`): free text never becomes a `reason`. */
const REASON = /^[A-Z][A-Z0-9_]{0,63}$/

/** Options a decoder of this package built and handed to the next `FlussError` constructor (see `checked`). */
let handedOver: ErrsOptions | undefined

/**
 * Marks options this package built from values it has already checked (a kind of `ERROR_KINDS`, an HTTP error
 * status, text cut to its bound, fresh frozen `details`): the next `FlussError` constructor takes them as they are
 * instead of reading and copying every member again. Construction is synchronous, so one slot serves. Internal.
 */
export function checked(options: ErrsOptions): ErrsOptions {
  handedOver = options
  return options
}

/** The options handed over by `checked`, once. */
function takeChecked(): ErrsOptions | undefined {
  const o = handedOver
  handedOver = undefined
  return o
}

/**
 * The options of one occurrence, each member read guarded and type-checked (a hostile options object cannot
 * throw or smuggle an ill-formed kind, status or reason in).
 */
function checkedOptions(options: unknown): ErrsOptions {
  const out: ErrsOptions = {}
  if (options === null || typeof options !== 'object') return out
  const kind = read(options, 'kind')
  if (isErrorKind(kind)) out.kind = kind
  const status = read(options, 'status')
  if (isHttpStatus(status)) out.status = status
  const retryable = read(options, 'retryable')
  if (typeof retryable === 'boolean') out.retryable = retryable
  const reason = read(options, 'reason')
  if (typeof reason === 'string' && REASON.test(reason)) out.reason = reason
  for (const key of ['publicMessage', 'requestId', 'instance', 'title'] as const) {
    const v = read(options, key)
    if (typeof v === 'string') out[key] = truncate(v)
  }
  for (const key of ['details', 'internal'] as const) {
    const v = read(options, key)
    if (isRecord(v)) out[key] = ownData(v)
  }
  const retryAfterMs = read(options, 'retryAfterMs')
  if (isDelayMs(retryAfterMs)) out.retryAfterMs = retryAfterMs
  const cause = read(options, 'cause')
  if (cause !== undefined) out.cause = cause
  return out
}

/** What `new FlussError(message, error_code, options)` is made of (see the constructor). */
export function flussInit(
  message: string | undefined,
  error_code: number,
  options: ErrsOptions | undefined,
): ErrsErrorInit {
  const code = isInt32(error_code) ? error_code : ErrorCode.CLIENT_ERROR
  const row = codeInfo(code)
  const text = message === undefined ? (row?.message ?? unknownServerErrorMessage()) : truncate(messageText(message))
  // No options (the common case): nothing to check. Options this package's decoders built (`checked`) are taken
  // as they are; anyone else's are read member by member.
  let o = options === undefined ? undefined : options === handedOver ? takeChecked() : checkedOptions(options)
  // Fluss's REST gateway answers failed_precondition with 409 (the code table does too), not core's 400.
  if (o !== undefined && o.kind !== undefined && o.status === undefined && o.kind !== row?.kind) {
    o.status = o.kind === 'failed_precondition' ? 409 : KIND_HTTP_STATUS[o.kind]
  }
  // A -1 message is the server's Java stack trace (up to 2,048 chars): problems show only its first line.
  if (code === ErrorCode.UNKNOWN_SERVER_ERROR && o?.publicMessage === undefined) {
    const first = firstLine(text)
    if (first !== text) o = { ...o, publicMessage: first }
  }
  return errsInit('fluss', code, row, text, o)
}

/**
 * The one error class of Apache Fluss, with the Python client's idiom — `message`, `error_code`, `is_retriable`,
 * `new FlussError(message, error_code = ErrorCode.CLIENT_ERROR)` — and the core view on the same object:
 * `code` (= `error_code`), `reason` (the `ErrorCode` name), `kind`, `status`, `retryable`.
 *
 * Raised for every code of the table; codes it does not know keep their number (kind `unknown`, not retriable)
 * and, without a message, get UNKNOWN_SERVER_ERROR's default message as the Java and Rust clients do.
 *
 * The native fields are getters over the core fields (one store), so core can rebuild a `FlussError` from a
 * problem without running this constructor.
 *
 * @example
 * ```ts
 * if (e instanceof FlussError && e.error_code === ErrorCode.TABLE_NOT_EXIST) console.log('Table does not exist')
 * ```
 */
export class FlussError extends ErrsError {
  // Declared, not a static `brandClass` block (a side effect that would keep the class in every bundle): core
  // brands the class on first use.
  /** Brand id: instances of every copy of this class answer `instanceof` of every other. */
  static override readonly errsBrand: string = 'errs.fluss.FlussError'

  /**
   * @param message What went wrong; `undefined` gives the code's default message (UNKNOWN_SERVER_ERROR's for a
   *   code the table does not know: Java's `Errors.forCode`, fluss-rust's `FlussError::for_code(code).message()`).
   * @param error_code A Fluss code; anything that is not an int32 becomes `CLIENT_ERROR`.
   * @param options Context and overrides of this occurrence (core `ErrsOptions`).
   */
  constructor(message?: string, error_code: number = ErrorCode.CLIENT_ERROR, options?: ErrsOptions) {
    // Worked out in a helper: this frame is captured in the error's stack, and a small frame costs less to capture.
    super(flussInit(message, error_code, options))
  }

  /** Fluss error code (the Java `Errors` code, or -2 for errors raised in the client); raw, never collapsed. */
  get error_code(): number {
    const code: unknown = this.code
    if (isInt32(code)) return code
    return codeOfName(this.reason) ?? ErrorCode.CLIENT_ERROR
  }

  /**
   * Whether retrying may succeed: a property, as in the Python client (`if e.is_retriable:`; a `#[getter]` in
   * apache/fluss `fluss-rust/bindings/python/src/error.rs` @ 545c553, `@property` in its `fluss/__init__.pyi`),
   * answering by Java's rule (`RetriableException`), equal to `retryable`. The Python client answers by the Rust
   * client's (`FlussError::is_retriable` in `fluss-rust/crates/fluss/src/rpc/fluss_api_error.rs` @ 545c553), whose
   * table has no codes 58–71 and 73 (`for_code` reads them as `UnknownServerError`): it says false for the
   * retriable 70 and 73, where this says true.
   */
  get is_retriable(): boolean {
    return this.retryable
  }

  /**
   * Java exception class for the code, e.g. `'TableNotExistException'`; `undefined` for CLIENT_ERROR and NONE;
   * `'UnknownServerException'` for a code the table does not know (Java's `Errors.forCode` gives it that class).
   */
  get exceptionClass(): string | undefined {
    const row = codeInfo(this.error_code)
    return row ? row.exceptionClass : 'UnknownServerException'
  }

  /** Python client's `str(e)`: `FlussError(code=7): …`, or `FlussError: …` for CLIENT_ERROR. */
  override toString(): string {
    return this.error_code === ErrorCode.CLIENT_ERROR
      ? `FlussError: ${this.message}`
      : `FlussError(code=${this.error_code}): ${this.message}`
  }

  /**
   * Any thrown value as a FlussError — `normalizeWith(adapter, value)` of `@errs/core/kit`: FlussErrors as they
   * are; Fluss-shaped values (`error_code`/`errorCode`, a core error of system `fluss`) with their code; a schema
   * mismatch raised by a writer as `CLIENT_ERROR` of kind `invalid_argument`; anything else by the code
   * `CLIENT_CODES` names for its kind (a connection failure is `NETWORK_EXCEPTION`, retriable, as in fluss-rust;
   * a timeout `REQUEST_TIME_OUT`; the rest `CLIENT_ERROR`), the value kept as `cause` (a redacted stand-in when its message or stack shows a secret).
   * Never throws.
   */
  static from(value: unknown, options: FlussErrorFromOptions = {}): FlussError {
    const secrets = read(options, 'secrets')
    if (secrets !== null && typeof secrets === 'object') registerSecrets(secrets as SecretsOption)
    // `normalizeWith` reads system, classes, clientCodes, create and recognize only (see `adapterCore`).
    // Its stack starts at this method's frame (`normalizeWith`'s default entry): naming the class here would make the
    // bundler rename it (`_FlussError`, tsup.shared.ts).
    return normalizeWith(adapterCore as unknown as Adapter<FlussError>, value)
  }
}

/** The message of any value given as one (a non-string `toString` that throws included). */
function messageText(message: unknown): string {
  if (typeof message === 'string') return message
  try {
    return String(message)
  } catch {
    return 'Unreadable message'
  }
}

/** A non-empty string, cut to the bound, else undefined (protobuf-es reads an unset proto2 string as ''). */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? truncate(value) : undefined
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

/** A code given as a number, a Java name (`'TABLE_NOT_EXIST'`) or a numeric string. */
function codeFrom(code: unknown): number | undefined {
  if (typeof code === 'number') return code
  if (typeof code !== 'string') return undefined
  const named = codeOfName(code)
  if (named !== undefined) return named
  return /^-?\d{1,10}$/.test(code) ? Number(code) : undefined
}

/**
 * Makes the FlussError of a code (number, numeric string or Java name, e.g. `'TABLE_NOT_EXIST'`); unknown
 * numbers are kept as they are; a name this table does not know gives `CLIENT_ERROR` with `details.requestedCode`.
 * Never throws.
 */
export function createFlussError(code: number | string, message?: string, options?: ErrsOptions): FlussError {
  const n = codeFrom(code)
  if (n !== undefined) return new FlussError(message, n, options)
  const o = checkedOptions(options)
  const requested = codeText(code)
  return new FlussError(message ?? `Unknown Fluss error name '${requested}'.`, ErrorCode.CLIENT_ERROR, {
    ...o,
    details: { ...o.details, requestedCode: requested },
  })
}

const SCHEMA_MISMATCH_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'SchemaMismatchError',
  'SchemaError',
  'ArrowInvalid',
])
const SCHEMA_MISMATCH_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(['SCHEMA_MISMATCH', 'ERR_SCHEMA_MISMATCH'])
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
 * The FlussError a value plainly is or describes, else undefined — the adapter's `recognize`: a well-formed core
 * error of system `fluss` (rebuilt, its reason kept for codes this version does not know); an object or error with
 * an int32 `error_code`/`errorCode` other than 0; a schema mismatch raised by a writer (`CLIENT_ERROR`, kind
 * `invalid_argument`). Errors of other systems and forged brands are not recognized. Never throws.
 */
export function recognizeFluss(value: unknown): FlussError | undefined {
  if (hasErrsBrand(value)) {
    const view = coreView(value)
    if (view === undefined || view.system !== 'fluss') return undefined
    if (FlussError.is(value)) return value
    const code = isInt32(view.code) ? view.code : (codeFrom(view.code) ?? codeOfName(view.reason))
    const options: ErrsOptions = {
      kind: view.kind,
      status: view.status,
      retryable: view.retryable,
      reason: view.reason,
      cause: read(value, 'cause'),
    }
    return new FlussError(view.message, code ?? ErrorCode.CLIENT_ERROR, withOccurrence(options, view))
  }
  const code = errorCodeOf(value)
  if (isInt32(code) && code !== ErrorCode.NONE) {
    const message = textOf(errorMessageOf(value)) ?? (isError(value) ? textOf(read(value, 'message')) : undefined)
    return new FlussError(message, code, isError(value) ? { cause: value } : {})
  }
  if (isSchemaMismatch(value)) {
    const message = typeof value === 'string' ? value : read(value, 'message')
    return new FlussError(typeof message === 'string' ? message : 'Schema mismatch', ErrorCode.CLIENT_ERROR, {
      kind: 'invalid_argument',
      retryable: false,
      details: { clientFailure: 'SCHEMA_MISMATCH' },
      cause: value,
    })
  }
  return undefined
}

/**
 * What every Fluss adapter shares, whatever its wire form: system, code table, classes, client codes, `create`
 * and `recognize`. Both entries' `adapter`s spread it and add `wire`, `decode` and `encode`; `FlussError.from`
 * hands it to `normalizeWith`, which reads only these members (never `decode`/`encode`), so the class does not
 * depend on the wire codecs (no import cycle).
 */
export const adapterCore = /* @__PURE__ */ Object.freeze({
  system: 'fluss' as const,
  codes: TABLE,
  classes: /* @__PURE__ */ Object.freeze({ FlussError }),
  clientCodes: CLIENT_CODES,
  create: createFlussError,
  recognize: recognizeFluss,
})

/**
 * The statuses a Fluss client retries whatever the code: none. Java's clients retry by exception class
 * (`RetriableException`), and read a code they do not know as `UNKNOWN_SERVER_ERROR`, not retriable (apache/fluss
 * `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java` @ 545c553, `forCode`). What core's
 * `statusFacts` gets for a reply of Fluss that is unreadable or carries an unknown code.
 */
export const NOT_RETRIED: readonly number[] = /* @__PURE__ */ Object.freeze([])

/**
 * The statuses Fluss's HTTP surface, the REST gateway, answers with `Retry-After: 1` whatever the code (apache/fluss
 * `fluss-gateway/src/error.rs` @ 545c553: the `ResourceExhausted` 429 and `Unavailable` 503 kinds): retryable for its
 * known codes, and what core's `statusFacts` gets for a gateway code this table does not know or an HTTP reply whose
 * body cannot be read.
 */
export const GATEWAY_RETRY_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([429, 503])

/**
 * CLIENT_ERROR for input a decoder cannot read: the raw input kept in `details.raw`, bounded (cut before it is
 * redacted). Input that cannot be read is a reply gone wrong, not a bad request of the caller's client, so the error
 * is never a 4xx of its own making: with the HTTP error status of the reply it came with (`extra.httpStatus`) it
 * takes core's one decision of a bare status (`statusFacts`: kind and status from that status — a 500 is
 * `internal`/500, a 503 `unavailable`/503 — retriable at the gateway's retry statuses, 429 and 503, as every gateway
 * reply with them); without one (RPC bytes), CLIENT_ERROR's own row (`unknown`/500), not retriable. A problem of an
 * unexpected (5xx) error carries only its kind's title, never `details.raw`.
 */
export function malformedInput(
  decoder: string,
  problem: string,
  raw: unknown,
  extra: Readonly<Record<string, unknown>> = {},
): FlussError {
  const httpStatus = extra.httpStatus
  const message = `Cannot decode Fluss ${decoder}: ${problem}`
  // Built from checked values only (the extras are this package's numbers and strings): `checked` hands them over.
  const details = frozenDetails({ ...extra, decoder, raw: rawPreview(raw) })
  return new FlussError(
    message,
    ErrorCode.CLIENT_ERROR,
    checked(
      isHttpErrorStatus(httpStatus)
        ? { ...statusFacts(httpStatus, GATEWAY_RETRY_STATUSES), details }
        : { retryable: false, details },
    ),
  )
}
