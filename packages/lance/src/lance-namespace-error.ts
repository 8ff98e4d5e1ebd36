import { brandClass, ErrsError, type ErrsErrorInit, isSecretKey, ownEntries, REDACTED, truncate } from '@errs/core'
import { codeInfo, type ErrorCodeName, UNKNOWN_REASON } from './codes.js'
import { boundedRedact, isRecord } from './guard.js'

/** What a Lance error carries besides its code and message (all optional). */
export interface LanceErrorOptions {
  /** `ErrorResponse.detail`: a longer explanation, possibly a server stack trace. */
  detail?: string
  /** `ErrorResponse.instance`: the failing route, a request id or anything the server can trace. */
  instance?: string
  /** `ErrorResponse.context`: string key/values; over REST every response header as `header.<name>`. */
  context?: Readonly<Record<string, string>>
  /** What caused this error (the raw LanceDB error, the fetch failure, …). */
  cause?: unknown
  /** Request id the server assigned (`x-request-id`, LanceDB's `request_id=`). */
  requestId?: string
  /** Milliseconds to wait before retrying, from `Retry-After`. */
  retryAfterMs?: number
  /** Extra structured context (plain data), e.g. `{ httpStatus, raw, operation }`. */
  details?: Readonly<Record<string, unknown>>
  /** Message for untrusted readers when `message` holds internals (a database path); default `message`. */
  publicMessage?: string
  /**
   * This occurrence's retry rule when it differs from the code's row (a LanceDB `Incompatible transaction` is
   * ConcurrentModification but, as in pylance, not retryable).
   */
  retryable?: boolean
}

/** Options of `InternalError`, which also stands for codes this package does not know. */
export interface InternalErrorOptions extends LanceErrorOptions {
  /** The unknown code received; kept on the error instead of being collapsed to 18. */
  code?: number
}

const EMPTY_CONTEXT: Readonly<Record<string, string>> = Object.freeze({})

/**
 * Base of every Lance Namespace error (Python `LanceNamespaceError`, Java `LanceNamespaceException`).
 *
 * The native view: `code` (the Lance code, 0–23, or the unknown number received), `message`, `detail`,
 * `instance`, `context`. The core view (`kind`, `status`, `retryable`, `reason`, …) comes from the code table.
 * `detail` may hold a server stack trace, so it travels in `internal`: problems show it only with `exposeInternal`.
 */
export class LanceNamespaceError extends ErrsError {
  static {
    brandClass(this, 'errs.lance.LanceNamespaceError')
  }
  /** The Lance Namespace error code (see `ErrorCode`); an unknown code is kept as received. */
  declare readonly code: number
  /** The `ErrorCode` name of `code`, e.g. `'TABLE_NOT_FOUND'`; `'UNKNOWN'` for a code outside the table. */
  declare readonly reason: ErrorCodeName | typeof UNKNOWN_REASON
  /** Longer explanation the server gave (`ErrorResponse.detail`), possibly a stack trace. */
  readonly detail: string | undefined
  /** Key/value context the server gave (`ErrorResponse.context`); empty when none. */
  readonly context: Readonly<Record<string, string>>

  constructor(code: number, message?: string, options: LanceErrorOptions = {}) {
    const row = codeInfo(code)
    const context = redactedContext(options.context)
    const details = context ? { ...options.details, context } : options.details
    const init: ErrsErrorInit = {
      system: 'lance',
      code,
      reason: row?.reason ?? UNKNOWN_REASON,
      // An unknown code (a newer server's) says nothing we can trust beyond "it failed".
      kind: row?.kind ?? 'unknown',
      status: row?.status ?? 500,
      retryable: options.retryable ?? row?.retryable ?? false,
      title: row?.message ?? 'Unknown Lance Namespace error code',
      // Cut to the bound before core redacts it: redaction time stays bounded whatever the caller passes.
      message: truncate(textOf(message) ?? row?.message ?? `Unknown Lance Namespace error code ${code}`),
    }
    if (details !== undefined) init.details = details
    // A server stack trace: bounded and redacted once, here, so that no output carries it unredacted.
    const detail = typeof options.detail === 'string' ? boundedRedact(options.detail) : undefined
    if (detail !== undefined) init.internal = { detail }
    if (typeof options.publicMessage === 'string') init.publicMessage = truncate(options.publicMessage)
    if (typeof options.instance === 'string') init.instance = boundedRedact(options.instance, 2048)
    if (options.requestId !== undefined) init.requestId = options.requestId
    if (options.retryAfterMs !== undefined) init.retryAfterMs = options.retryAfterMs
    if (options.cause !== undefined) init.cause = options.cause
    super(init)
    this.detail = detail
    this.context = context ?? EMPTY_CONTEXT
  }
}

/** A message given as anything: strings as they are, other values as their text; `undefined` when unreadable. */
function textOf(message: unknown): string | undefined {
  if (message === undefined || typeof message === 'string') return message
  try {
    return String(message)
  } catch {
    return undefined
  }
}

const MAX_CONTEXT_ENTRIES = 256

/**
 * A frozen copy of `ErrorResponse.context` with string values only, at most 256 entries, keys and values bounded,
 * values redacted and values of secret-named keys (`header.authorization`) hidden; `undefined` when empty.
 */
function redactedContext(context: unknown): Readonly<Record<string, string>> | undefined {
  if (!isRecord(context)) return undefined
  const out: Record<string, string> = {}
  let n = 0
  for (const [key, value] of ownEntries(context)) {
    if (typeof value !== 'string') continue
    if (++n > MAX_CONTEXT_ENTRIES) break
    out[truncate(key, 256)] = isSecretKey(key) ? REDACTED : boundedRedact(value)
  }
  return n > 0 ? Object.freeze(out) : undefined
}
