import type { ErrsErrorInit, ErrsOptions } from '@errs/core'
import {
  ErrsError,
  errsInit,
  frozenDetails,
  isRecord,
  keptKey,
  ownEntries,
  REDACTED,
  readOptions,
  redactBoundedText,
  truncate,
} from '@errs/core/kit'
import { codeInfo, ErrorCode, type ErrorCodeName, type UNKNOWN_REASON } from './codes.js'

/**
 * The trailing options of every Lance error: core's `ErrsOptions` (cause, details, internal, requestId,
 * retryAfterMs, instance, publicMessage and per-occurrence overrides such as `retryable`) plus the two
 * `ErrorResponse` members the Java `LanceNamespaceException` carries, stored where core keeps them:
 * `detail` in `internal.detail`, `context` in `details.context`.
 */
export interface LanceErrorOptions extends ErrsOptions {
  /** `ErrorResponse.detail`: a longer explanation, possibly a server stack trace (kept in `internal.detail`). */
  detail?: string
  /** `ErrorResponse.context`: string key/values; over REST every response header as `header.<name>`. */
  context?: Readonly<Record<string, string>>
}

/** Options of `InternalError`, which also stands for codes this package does not know. */
export interface InternalErrorOptions extends LanceErrorOptions {
  /** The unknown code received; kept on the error instead of being collapsed to 18. */
  code?: number
}

const EMPTY_CONTEXT: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({})
const MAX_CONTEXT_ENTRIES = 256

/**
 * Base of every Lance Namespace error (Python `LanceNamespaceError`, Java `LanceNamespaceException`).
 *
 * The native view: `code` (the Lance code, 0–23, or the unknown number received), `message`, `detail`,
 * `instance`, `context`. The core view (`kind`, `status`, `retryable`, `reason`, …) comes from the code table
 * (an unknown code follows core's one policy: reason `UNKNOWN_CODE`). `detail` and `context` are getters over the
 * one store: `detail` may hold a server stack trace, so it lives in `internal` (public problems never show it);
 * `context` lives in `details.context`.
 */
export class LanceNamespaceError extends ErrsError {
  static override readonly errsBrand: string = 'errs.lance.LanceNamespaceError'
  /** The Lance Namespace error code (see `ErrorCode`); an unknown code is kept as received. */
  declare readonly code: number
  /** The `ErrorCode` name of `code`, e.g. `'TABLE_NOT_FOUND'`; `'UNKNOWN_CODE'` for a code outside the table. */
  declare readonly reason: ErrorCodeName | typeof UNKNOWN_REASON

  constructor(code: number, message?: string, options?: LanceErrorOptions) {
    super(lanceInit(code, message, options))
  }

  /** Longer explanation the server gave (`ErrorResponse.detail`), possibly a stack trace; bounded and redacted. */
  get detail(): string | undefined {
    const d = this.internal.detail
    return typeof d === 'string' ? d : undefined
  }

  /** Key/value context the server gave (`ErrorResponse.context`); empty when none. */
  get context(): Readonly<Record<string, string>> {
    const c = this.details.context
    return isRecord(c) ? (c as Readonly<Record<string, string>>) : EMPTY_CONTEXT
  }
}

/**
 * What `new LanceNamespaceError(code, message, options)` (and so every class of a code) is made of. `built`: the
 * options are the REST decoder's own, made of checked values in one shape (`readReply`), taken as they are; a
 * caller's are read guarded (`readOptions`).
 */
export function lanceInit(
  code: number,
  message: string | undefined,
  options: LanceErrorOptions | undefined,
  built = false,
): ErrsErrorInit {
  // A code that is no finite number (an untyped caller's `{ code: '4' }` or hostile object to `InternalError`, whose
  // `String` would throw in the default message) is INTERNAL, as `fromErrorCode` makes it.
  const c = typeof code === 'number' && Number.isFinite(code) ? code : ErrorCode.INTERNAL
  return errsInit('lance', c, codeInfo(c), textOf(message), storeOptions(built ? options : readOptions(options)))
}

/**
 * `LanceErrorOptions` as core `ErrsOptions`: `detail` into `internal`, `context` into `details`; bounded. `options`
 * are own data (`readOptions` read a caller's: each member once; options that cannot be read, such as `null` or a
 * revoked Proxy, are none), so that a constructor never throws on them.
 */
function storeOptions(options: LanceErrorOptions | undefined): ErrsOptions | undefined {
  if (options === undefined) return undefined
  const { detail, context, instance, publicMessage } = options
  const ctx = redactedContext(context)
  const hasDetail = typeof detail === 'string'
  if (ctx === undefined && !hasDetail && typeof instance !== 'string' && typeof publicMessage !== 'string') {
    return options
  }
  // Every member core reads, in one shape (an absent member is undefined, which core reads as absent).
  const { details, internal } = options
  return {
    kind: options.kind,
    status: options.status,
    retryable: options.retryable,
    reason: options.reason,
    title: options.title,
    // Frozen here, so that core keeps these fresh records instead of copying them once more.
    details: ctx === undefined ? details : frozenDetails({ ...details, context: ctx }),
    // A server stack trace: bounded and redacted once, here, so that no output carries it unredacted.
    internal: hasDetail ? Object.freeze({ ...internal, detail: redactBoundedText(detail) }) : internal,
    publicMessage: typeof publicMessage === 'string' ? truncate(publicMessage) : publicMessage,
    requestId: options.requestId,
    retryAfterMs: options.retryAfterMs,
    instance: typeof instance === 'string' ? redactBoundedText(instance, 2048) : instance,
    cause: options.cause,
  }
}

/** A message given as anything: strings as they are (cut to the bound), other values as their text. */
function textOf(message: unknown): string | undefined {
  if (message === undefined) return undefined
  if (typeof message === 'string') return truncate(message)
  try {
    return truncate(String(message))
  } catch {
    return undefined
  }
}

/**
 * A frozen copy of `ErrorResponse.context` with string values only, at most 256 entries, keys and values bounded
 * and redacted, and values of secret-named keys (`header.authorization`) hidden; `undefined` when empty.
 */
function redactedContext(context: unknown): Readonly<Record<string, string>> | undefined {
  if (!isRecord(context)) return undefined
  const out: Record<string, string> = {}
  let n = 0
  for (const [key, value] of ownEntries(context, MAX_CONTEXT_ENTRIES * 4)) {
    if (typeof value !== 'string') continue
    if (++n > MAX_CONTEXT_ENTRIES) break
    // The key is redacted too: a secret or a token used as a key is hidden as one in a value is.
    const view = keptKey(key)
    out[view.text] = view.secret ? REDACTED : redactBoundedText(value)
  }
  return n > 0 ? Object.freeze(out) : undefined
}
