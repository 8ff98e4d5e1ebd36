import type { ErrsError, ErrsErrorInit } from './errs-error.js'
import type { ErrorKind } from './kinds.js'
import type { ProblemData } from './problem.js'

/** One row of an adapter's code table: the single source of truth for that code. */
export interface CodeInfo {
  /** Native code. */
  readonly code: number | string
  /** Native symbolic name. */
  readonly reason: string
  /** Canonical kind. */
  readonly kind: ErrorKind
  /** HTTP status. */
  readonly status: number
  /** Native retry rule. */
  readonly retryable: boolean
  /** Default message. */
  readonly message: string
  /** Native class the adapter creates for the code. */
  readonly className?: string
  /**
   * For systems whose code strings repeat across dialects or protocol versions (Fauna v4 and v10 both have
   * `unauthorized`): which one this row belongs to. Pass it back as `CreateOptions.variant`.
   */
  readonly variant?: string
}

/** Options when creating an error by code. */
export interface CreateOptions {
  details?: Readonly<Record<string, unknown>>
  cause?: unknown
  requestId?: string
  retryAfterMs?: number
  instance?: string
  /** Row variant (see `CodeInfo.variant`) when the code alone is ambiguous. */
  variant?: string
}

/**
 * The occurrence context of `CreateOptions` (details, cause, requestId, retryAfterMs, instance), with the members
 * that are undefined left out: what an adapter's `create` hands to its native constructor.
 */
export function occurrenceOptions(options: CreateOptions = {}): Omit<CreateOptions, 'variant'> {
  const out: Omit<CreateOptions, 'variant'> = {}
  if (options.details !== undefined) out.details = options.details
  if (options.cause !== undefined) out.cause = options.cause
  if (options.requestId !== undefined) out.requestId = options.requestId
  if (options.retryAfterMs !== undefined) out.retryAfterMs = options.retryAfterMs
  if (options.instance !== undefined) out.instance = options.instance
  return out
}

/** An HTTP reply as a wire form: status, headers (lower-case names) and the parsed or raw body. */
export interface HttpWire {
  status: number
  headers?: Readonly<Record<string, string>>
  body: unknown
}

/** A system's primary native wire form: bytes (binary RPC) or an HTTP reply. */
export type WireValue = Uint8Array | HttpWire

/**
 * The contract every adapter exports as `adapter`, and what the conformance suite checks.
 * A third party implements it for another system with nothing but the public API of @errs/core.
 */
export interface Adapter<E extends ErrsError = ErrsError> {
  /** System name, as in `ErrsError.system`. */
  readonly system: string
  /** The complete code table, as data. */
  readonly codes: readonly CodeInfo[]
  /** Makes the native error for a code (unknown codes are kept, not collapsed). */
  create(code: number | string, message?: string, options?: CreateOptions): E
  /** Decodes the primary native wire form. Never throws: bad input gives a typed error keeping the raw input. */
  decode(wire: WireValue): E
  /** Encodes an error into the primary native wire form (inverse of `decode`). */
  encode(error: E): WireValue
  /** Rebuilds the native error from a problem's core fields (`init`) and its raw members (`problem`). */
  fromProblem(init: ErrsErrorInit, problem: ProblemData): E
  /** The native error when `value` comes from this system (by brand or shape), else `undefined`. */
  recognize(value: unknown): E | undefined
  /** Wraps anything thrown into this system's error (client error when nothing else fits). */
  normalize(value: unknown): E
}
