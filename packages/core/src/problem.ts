import type { Adapter } from './adapter.js'
import { MAX_CAUSE_DEPTH, ownData, rawPreview, toPlainData, truncate } from './bounds.js'
import { ErrsError, type ErrsErrorInit } from './errs-error.js'
import { type ErrorKind, httpStatusToKind, isErrorKind } from './kinds.js'
import { wrapForeign } from './normalize.js'
import { redactString } from './redact.js'

/** Media type of the problem wire form (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** An RFC 9457 problem as @errs writes it: the standard members plus the core fields as extensions. */
export interface Problem {
  /** `urn:errs:<system>:<reason>`: identifies the problem type without pretending to be a URL we own. */
  type: string
  /** Short summary of the code (the same for every occurrence). */
  title: string
  /** HTTP status. */
  status: number
  /** This occurrence's message (redacted; the public message unless internal exposure was asked for). */
  detail: string
  /** URI of this occurrence, when known. */
  instance?: string
  system: string
  code: number | string
  reason: string
  kind: ErrorKind
  retryable: boolean
  /** Class name of the native error, so the receiving adapter can rebuild the same class. */
  name: string
  retryAfterMs?: number
  requestId?: string
  details?: Record<string, unknown>
  /** The cause, as a nested problem (depth bounded). */
  cause?: Problem
  /** Only with `exposeInternal`: the stack (redacted). */
  stack?: string
  /** Only with `exposeInternal`: internal context (redacted). */
  internal?: Record<string, unknown>
}

/** A problem read from untrusted input: every member type-checked and bounded, wrong-typed members dropped. */
export type ProblemData = Partial<Omit<Problem, 'cause'>> & { type: string; cause?: ProblemData }

export interface ToProblemOptions {
  /** Include stacks, internal context and full messages: for trusted internal hops only. Default false. */
  exposeInternal?: boolean
  /** Deepest cause chain written. Default 8. */
  maxCauseDepth?: number
}

/** URN of a problem type: `urn:errs:fluss:TABLE_NOT_EXIST`. */
export function problemType(system: string, reason: string): string {
  return `urn:errs:${encodeURIComponent(system)}:${encodeURIComponent(reason)}`
}

/**
 * The RFC 9457 wire form of any thrown value (non-ErrsErrors are classified first).
 * Redacted; no stack or internal context unless `exposeInternal`.
 */
export function toProblem(err: unknown, options: ToProblemOptions = {}): Problem {
  return ErrsError.is(err)
    ? problemOf(err, options, 0, err.cause)
    : problemOf(wrapForeign(err), options, 0, causeOf(err))
}

/** The `cause` of a foreign value (its wrapper's cause is the value itself, which must not be written twice). */
function causeOf(value: unknown): unknown {
  try {
    return (value as { cause?: unknown } | null)?.cause
  } catch {
    return undefined
  }
}

function problemOf(err: ErrsError, options: ToProblemOptions, depth: number, cause: unknown): Problem {
  const internal = options.exposeInternal === true
  const problem: Problem = {
    type: problemType(err.system, err.reason),
    title: truncate(redactString(err.title)),
    status: err.status,
    detail: truncate(redactString(internal ? err.message : (err.publicMessage ?? err.message))),
    system: err.system,
    code: err.code,
    reason: err.reason,
    kind: err.kind,
    retryable: err.retryable,
    name: err.name,
  }
  if (err.instance !== undefined) problem.instance = truncate(redactString(err.instance))
  if (err.retryAfterMs !== undefined) problem.retryAfterMs = err.retryAfterMs
  if (err.requestId !== undefined) problem.requestId = truncate(err.requestId)
  if (Object.keys(err.details).length > 0) {
    problem.details = toPlainData(err.details, { redact: true }) as Record<string, unknown>
  }
  if (internal) {
    if (err.stack) problem.stack = truncate(redactString(err.stack))
    if (Object.keys(err.internal).length > 0) {
      problem.internal = toPlainData(err.internal, { redact: true }) as Record<string, unknown>
    }
  }
  if (cause !== undefined && cause !== null && depth + 1 < (options.maxCauseDepth ?? MAX_CAUSE_DEPTH)) {
    problem.cause = ErrsError.is(cause)
      ? problemOf(cause, options, depth + 1, cause.cause)
      : problemOf(wrapForeign(cause), options, depth + 1, causeOf(cause))
  }
  return problem
}

/** Longest problem+json text parsed (1 MiB); a longer one is kept, truncated, as a malformed problem. */
export const MAX_PROBLEM_TEXT = 1024 * 1024

export interface FromProblemOptions {
  /** Adapters able to rebuild their native classes; others come back as plain ErrsErrors. */
  adapters?: readonly Adapter[]
}

/**
 * Rebuilds an error from a problem (object or JSON text) sent by another service. Never throws: unreadable
 * input becomes an ErrsError (`system: 'errs'`, reason `MALFORMED_PROBLEM`) keeping the raw payload, truncated.
 */
export function fromProblem(input: unknown, options: FromProblemOptions = {}): ErrsError {
  let value = input
  if (typeof input === 'string') {
    if (input.length > MAX_PROBLEM_TEXT) return malformed(`problem text longer than ${MAX_PROBLEM_TEXT} chars`, input)
    try {
      value = JSON.parse(input)
    } catch {
      return malformed('problem is not valid JSON', input)
    }
  }
  const data = readProblem(value, 0)
  if (!data) return malformed('problem is not a JSON object', input)
  return rebuild(data, options.adapters ?? [])
}

function malformed(message: string, raw: unknown): ErrsError {
  return new ErrsError({
    system: 'errs',
    code: 'MALFORMED_PROBLEM',
    reason: 'MALFORMED_PROBLEM',
    kind: 'unknown',
    message: `Cannot read problem+json: ${message}`,
    details: { raw: rawPreview(raw) },
  })
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? truncate(v) : undefined)

/** Reads a problem object member by member; wrong-typed members are ignored (RFC 9457 §3.1). */
export function readProblem(value: unknown, depth: number): ProblemData | undefined {
  if (!isPlainObject(value)) return undefined
  // Own data only: a hostile object's getters or prototype never reach us twice.
  const o = ownData(value)
  const type = str(o.type) ?? 'about:blank'
  const data: ProblemData = { type }
  const urn = /^urn:errs:([^:]+):(.+)$/.exec(type)
  const title = str(o.title)
  if (title !== undefined) data.title = title
  if (typeof o.status === 'number' && Number.isInteger(o.status) && o.status >= 100 && o.status <= 599) {
    data.status = o.status
  }
  const detail = str(o.detail)
  if (detail !== undefined) data.detail = detail
  const instance = str(o.instance)
  if (instance !== undefined) data.instance = instance
  const system = str(o.system) ?? (urn ? safeDecode(urn[1] as string) : undefined)
  if (system !== undefined) data.system = system
  if ((typeof o.code === 'number' && Number.isFinite(o.code)) || typeof o.code === 'string') {
    data.code = typeof o.code === 'string' ? truncate(o.code) : o.code
  }
  const reason = str(o.reason) ?? (urn ? safeDecode(urn[2] as string) : undefined)
  if (reason !== undefined) data.reason = reason
  if (isErrorKind(o.kind)) data.kind = o.kind
  if (typeof o.retryable === 'boolean') data.retryable = o.retryable
  if (typeof o.retryAfterMs === 'number' && Number.isFinite(o.retryAfterMs) && o.retryAfterMs >= 0) {
    data.retryAfterMs = o.retryAfterMs
  }
  const requestId = str(o.requestId)
  if (requestId !== undefined) data.requestId = requestId
  const name = str(o.name)
  if (name !== undefined) data.name = name
  if (isPlainObject(o.details)) data.details = toPlainData(o.details) as Record<string, unknown>
  const stack = str(o.stack)
  if (stack !== undefined) data.stack = stack
  if (isPlainObject(o.internal)) data.internal = toPlainData(o.internal) as Record<string, unknown>
  if (depth + 1 < MAX_CAUSE_DEPTH) {
    const cause = readProblem(o.cause, depth + 1)
    if (cause) data.cause = cause
  }
  return data
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The core fields a problem describes, with defaults for what it left out. */
export function problemToInit(data: ProblemData, cause?: unknown): ErrsErrorInit {
  const kind = data.kind ?? (data.status !== undefined ? httpStatusToKind(data.status) : 'unknown')
  const init: ErrsErrorInit = {
    system: data.system ?? 'problem',
    code: data.code ?? data.status ?? data.type,
    reason: data.reason ?? data.title ?? 'UNKNOWN',
    kind,
    message: data.detail ?? data.title ?? data.reason ?? 'Unknown error',
  }
  if (data.status !== undefined) init.status = data.status
  if (data.retryable !== undefined) init.retryable = data.retryable
  if (data.title !== undefined) init.title = data.title
  if (data.details !== undefined) init.details = data.details
  if (data.retryAfterMs !== undefined) init.retryAfterMs = data.retryAfterMs
  if (data.requestId !== undefined) init.requestId = data.requestId
  if (data.instance !== undefined) init.instance = data.instance
  if (data.internal !== undefined || data.stack !== undefined) {
    init.internal = { ...data.internal, ...(data.stack !== undefined ? { remoteStack: data.stack } : {}) }
  }
  if (cause !== undefined) init.cause = cause
  return init
}

function rebuild(data: ProblemData, adapters: readonly Adapter[]): ErrsError {
  const cause = data.cause ? rebuild(data.cause, adapters) : undefined
  const init = problemToInit(data, cause)
  const adapter = adapters.find((a) => a.system === init.system)
  if (adapter) {
    try {
      const native = adapter.fromProblem(init, data)
      if (ErrsError.is(native)) return native
    } catch {
      // An adapter that cannot rebuild this problem must not lose it: fall through to the plain error.
    }
  }
  return new ErrsError(init)
}
