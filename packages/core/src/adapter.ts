import type { ErrsError, ErrsErrorInit } from './errs-error.js'
import { isArray, isRecord, ownData, read } from './guard.js'
import { type ErrorKind, KIND_HTTP_STATUS, type StatusFacts, statusFacts } from './kinds.js'

/** One row of an adapter's code table: the single source of truth for that code. */
export interface CodeInfo {
  /** Native code. */
  readonly code: number | string
  /** Native symbolic name. */
  readonly reason: string
  /** Canonical kind. */
  readonly kind: ErrorKind
  /** HTTP status a service should answer with for this code. */
  readonly status: number
  /** Native retry rule (what the system's own clients do). */
  readonly retryable: boolean
  /** Default message. */
  readonly message: string
  /** Native class the adapter creates for the code (a key of `Adapter.classes`). */
  readonly className?: string
  /**
   * For systems whose code strings repeat across dialects or protocol versions (Fauna v4 and v10 both have
   * `unauthorized`): which one this row belongs to. Pass it back as `ErrsOptions.variant`.
   */
  readonly variant?: string
}

/**
 * The one trailing options type of every error constructor, core's and the adapters': the context of one
 * occurrence, and overrides of the code table's row for it.
 */
export interface ErrsOptions {
  /** What caused this error (the driver's original error, the fetch failure, …). */
  cause?: unknown
  /** Structured context, plain data: the one store of native state (positions, bucket ids, query info, …). */
  details?: Readonly<Record<string, unknown>>
  /** Context only for trusted internal hops (a server stack trace, …): omitted from public problems. */
  internal?: Readonly<Record<string, unknown>>
  /** Message shown to untrusted readers when `message` holds internals. */
  publicMessage?: string
  /** Request id the server assigned. */
  requestId?: string
  /** Milliseconds to wait before retrying, when the system said. */
  retryAfterMs?: number
  /** URI of this occurrence (RFC 9457 `instance`). */
  instance?: string
  /** Kind of this occurrence, when sharper than its code's. */
  kind?: ErrorKind
  /** HTTP status of this occurrence; defaults to the row's (or the overriding kind's). */
  status?: number
  /** Retry rule of this occurrence; defaults to the row's. */
  retryable?: boolean
  /** Symbolic name for a code the table does not know (kept when rebuilding a newer peer's error). */
  reason?: string
  /** Short summary of the code. */
  title?: string
  /** Row variant (see `CodeInfo.variant`) when the code alone is ambiguous. */
  variant?: string
}

/**
 * Options a caller gave, as a plain object safe to read: its own enumerable members, each read once (a throwing
 * getter or a revoked Proxy gives none of them), `details` and `internal` copied the same way, shallow. `undefined`
 * when none were given. For a public decoder documented never to throw: its options come from its caller. The members'
 * types are checked where the fields are stored. Never throws.
 */
export function readOptions(options: unknown): ErrsOptions | undefined {
  if (options === undefined) return undefined
  const out = ownData(options) as ErrsOptions & Record<string, unknown>
  for (const key of ['details', 'internal'] as const) {
    const v = out[key]
    if (v !== undefined) out[key] = isRecord(v) ? ownData(v) : undefined
  }
  return out
}

/** No status retried as it is: `errsInit`'s default for an unknown code. */
const NO_RETRY_STATUSES: readonly number[] = []

/** Reason of every code an adapter's table does not know. */
export const UNKNOWN_CODE = 'UNKNOWN_CODE'

/**
 * The core fields of a native error, from its code table row (or the one unknown-code policy) and the options.
 *
 * Known code: reason, kind, status, retry rule and title from the row; `options` override.
 * Unknown code (`row` undefined): the code as sent, reason `UNKNOWN_CODE` (or `options.reason`); kind, status and
 * retry rule of the wire's HTTP status (`statusFacts`: its kind and the status itself, else `unknown` and 500),
 * retryable only when that status is one of `retryStatuses` (none by default: native clients retry by code, and
 * treat a code they do not know as an unknown server error; an adapter passes the statuses its system's clients or
 * servers say to retry whatever the code, as Lance's and the Fluss gateway's 429 and 503); title
 * `Unknown <system> error code`.
 *
 * @param wireStatus The HTTP status the error arrived with, if any (used only for unknown codes).
 * @param retryStatuses For an unknown code: the statuses the system's own clients retry whatever the code.
 */
export function errsInit(
  system: string,
  code: number | string,
  row: CodeInfo | undefined,
  message: string | undefined,
  options: ErrsOptions = {},
  wireStatus?: number,
  retryStatuses: readonly number[] = NO_RETRY_STATUSES,
): ErrsErrorInit {
  const bare = row === undefined ? statusFacts(wireStatus, retryStatuses) : undefined
  const fallbackKind: ErrorKind = row?.kind ?? (bare as StatusFacts).kind
  const kind = options.kind ?? fallbackKind
  const status =
    options.status ??
    (options.kind !== undefined && options.kind !== fallbackKind
      ? KIND_HTTP_STATUS[kind]
      : (row?.status ?? (bare as StatusFacts).status))
  const title = options.title ?? row?.message ?? `Unknown ${system} error code`
  const init: ErrsErrorInit = {
    system,
    code,
    reason: row?.reason ?? options.reason ?? UNKNOWN_CODE,
    kind,
    status,
    retryable: options.retryable ?? row?.retryable ?? (bare as StatusFacts).retryable,
    title,
    message: message ?? row?.message ?? `${title} ${String(code)}`,
  }
  return withOccurrence(init, options)
}

/** The fields of one occurrence (not of its code) that options, an init and a core view have alike. */
export interface Occurrence {
  /** Structured context, plain data (`ErrsError.details`). */
  details?: Readonly<Record<string, unknown>>
  /** Context for trusted internal hops only (`ErrsError.internal`). */
  internal?: Readonly<Record<string, unknown>>
  /** Message shown to untrusted readers when `message` holds internals. */
  publicMessage?: string
  /** Request id the server assigned. */
  requestId?: string
  /** Milliseconds to wait before retrying, when the system said. */
  retryAfterMs?: number
  /** URI of this occurrence (RFC 9457 `instance`). */
  instance?: string
  /** What caused this error. */
  cause?: unknown
}

/**
 * Copies the occurrence fields that `from` sets (not `undefined`) onto `to`, and returns `to`: options into an
 * init (`errsInit`), an init back into options (the problem rebuild), a core view into options (an adapter's
 * `recognize`). A core view's `details` and `internal` are records or `undefined` (`coreView` checks them).
 */
export function withOccurrence<T extends Occurrence>(
  to: T,
  from: Omit<Occurrence, 'details' | 'internal'> & { readonly details?: unknown; readonly internal?: unknown },
): T {
  if (from.details !== undefined) to.details = from.details as Readonly<Record<string, unknown>>
  if (from.internal !== undefined) to.internal = from.internal as Readonly<Record<string, unknown>>
  if (from.publicMessage !== undefined) to.publicMessage = from.publicMessage
  if (from.requestId !== undefined) to.requestId = from.requestId
  if (from.retryAfterMs !== undefined) to.retryAfterMs = from.retryAfterMs
  if (from.instance !== undefined) to.instance = from.instance
  if (from.cause !== undefined) to.cause = from.cause
  return to
}

/**
 * The lookup of a code table: `codeIndex(rows)(code)` is the first row of `code` (compared as `Map` keys), and
 * `codeIndex(rows)(code, variant)` the first row of that variant whose code has the same text (`String(code)`);
 * `undefined` when there is none. Two maps, so a lookup builds no key string.
 */
export function codeIndex<R extends CodeInfo>(rows: readonly R[]): (code: unknown, variant?: string) => R | undefined {
  const byCode = new Map<unknown, R>()
  const byVariant = new Map<string, Map<string, R>>()
  for (const row of rows) {
    if (!byCode.has(row.code)) byCode.set(row.code, row)
    if (row.variant === undefined) continue
    let codes = byVariant.get(row.variant)
    if (codes === undefined) {
      codes = new Map()
      byVariant.set(row.variant, codes)
    }
    const text = String(row.code)
    if (!codes.has(text)) codes.set(text, row)
  }
  return (code, variant) =>
    variant === undefined
      ? byCode.get(code)
      : byVariant.get(variant)?.get(typeof code === 'string' ? code : String(code))
}

/** An HTTP reply as a wire form: status, headers (lower-case names) and the parsed or raw body. */
export interface HttpWire {
  /** The HTTP status. */
  status: number
  /** Response headers, lower-case names. */
  headers?: Readonly<Record<string, string>>
  /** The body: text, UTF-8 bytes, or a value a client already parsed. */
  body: unknown
}

/** A system's primary native wire form: bytes (binary RPC) or an HTTP reply. */
export type WireValue = Uint8Array | HttpWire

/** A native error class: constructible, and an `ErrsError` subclass. */
export type ErrsErrorClass<E extends ErrsError = ErrsError> = abstract new (...args: never[]) => E

/** Which code wraps a client-side failure of each kind (`unknown` is the default for every other kind). */
export type ClientCodes = Readonly<Partial<Record<ErrorKind, number | string>>> & {
  /** The code of every client-side failure whose kind has no code of its own. */
  readonly unknown: number | string
}

/**
 * The contract every adapter exports as `adapter`, and what the conformance suite checks.
 * A third party implements it for another system with nothing but `@errs/core` and `@errs/core/kit`.
 *
 * Core does the rest from it: `fromProblem` rebuilds the native class by name from `classes`, and
 * `normalizeWith(adapter, value)` (kit) wraps anything thrown.
 */
export interface Adapter<E extends ErrsError = ErrsError> {
  /** System name, as in `ErrsError.system`. */
  readonly system: string
  /** What `decode` takes and `encode` returns: RPC bytes, or an HTTP reply `{ status, headers, body }`. */
  readonly wire: 'bytes' | 'http'
  /** The complete code table, as data. */
  readonly codes: readonly CodeInfo[]
  /**
   * Every native class by its `name` (the upstream class name). Names that repeat across a system's dialects are
   * listed again as `<variant>:<name>`; a problem's `details.dialect` (or `details.variant`) picks among them.
   */
  readonly classes: Readonly<Record<string, ErrsErrorClass<E>>>
  /** Which code wraps a client-side failure of each kind. */
  readonly clientCodes: ClientCodes
  /** Makes the native error for a code (unknown codes are kept, not collapsed). */
  create(code: number | string, message?: string, options?: ErrsOptions): E
  /** Decodes the primary native wire form. Never throws: bad input gives a typed error keeping the raw input. */
  decode(wire: WireValue): E
  /** Encodes an error into the primary native wire form (inverse of `decode`). */
  encode(error: E): WireValue
  /** The native error when `value` comes from this system (its classes, its drivers' errors, its shapes). */
  recognize(value: unknown): E | undefined
}

/**
 * The `adapters` option of `fromProblem`, `fromResponse` and `normalize`, read guarded: an array's adapters (objects
 * naming a `system`), at most 64; anything else (`null` options, a revoked Proxy, a throwing getter) is none.
 */
export function adaptersOf(options: unknown): readonly Adapter[] {
  const out: Adapter[] = []
  try {
    const list = read(options, 'adapters')
    if (!isArray(list)) return out
    const n = Math.min(list.length, 64)
    for (let i = 0; i < n; i++) {
      const a: unknown = list[i]
      if (a !== null && typeof a === 'object' && typeof read(a, 'system') === 'string') out.push(a as Adapter)
    }
  } catch {
    // A hostile list: the adapters read so far.
  }
  return out
}
