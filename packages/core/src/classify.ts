import { describeThrown, isArray, read } from './guard.js'
import { type ErrorKind, isErrorKind, isHttpErrorStatus, isHttpStatus, KIND_HTTP_STATUS, statusFacts } from './kinds.js'

/** How a value that is not an ErrsError is classified. */
export interface ForeignClassification {
  /** The canonical kind. */
  kind: ErrorKind
  /** Whether retrying may succeed (connection failures and timeouts: yes). */
  retryable: boolean
  /** The HTTP status that represents it. */
  status: number
  /** The value's own code (`'ECONNREFUSED'`) or error name (`'TypeError'`), else `'unknown'`. */
  code: string
  /** Symbolic name: the syscall code, `ABORTED`, `TIMEOUT`, `NETWORK_ERROR`, `HTTP_<status>` or `UNKNOWN`. */
  reason: string
}

/** Node system error codes of a connection that failed or dropped: unavailable, retryable. */
const CONNECTION_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** Messages of the TypeError that `fetch` throws on a network failure, per runtime. */
const FETCH_NETWORK_MESSAGES: readonly string[] = [
  'fetch failed', // Node (undici)
  'Failed to fetch', // Chromium
  'NetworkError when attempting to fetch resource.', // Firefox
  'Load failed', // Safari
  'Network request failed', // React Native
]

/** A bounded token (a name or code read from a thrown value): letters, digits, `_ . : -`, at most 64. */
const TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/

function syscallCode(value: unknown, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 4) return undefined
  const code = read(value, 'code')
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code
  // undici wraps the socket error: TypeError('fetch failed', { cause: Error{ code: 'ECONNREFUSED' } }).
  return syscallCode(read(value, 'cause'), depth + 1)
}

/** Classifies any thrown value that is not an ErrsError. Never throws. */
export function classifyForeign(value: unknown): ForeignClassification {
  const name = read(value, 'name')
  const nameStr = typeof name === 'string' && TOKEN.test(name) ? name : undefined
  if (nameStr === 'AbortError') {
    return { kind: 'cancelled', retryable: false, status: 499, code: nameStr, reason: 'ABORTED' }
  }
  if (nameStr === 'TimeoutError') {
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError: the call may be retried.
    return { kind: 'deadline_exceeded', retryable: true, status: 504, code: nameStr, reason: 'TIMEOUT' }
  }
  const sys = syscallCode(value)
  if (sys !== undefined) {
    return { kind: 'unavailable', retryable: true, status: 503, code: sys, reason: sys }
  }
  const message = read(value, 'message')
  if (nameStr === 'TypeError' && typeof message === 'string' && FETCH_NETWORK_MESSAGES.includes(message)) {
    return { kind: 'unavailable', retryable: true, status: 503, code: nameStr, reason: 'NETWORK_ERROR' }
  }
  // `status` (fetch-style, axios), `statusCode` (Node, many HTTP clients), `httpStatus` (fauna-js's ServiceError).
  const status = read(value, 'status') ?? read(value, 'statusCode') ?? read(value, 'httpStatus')
  if (isHttpErrorStatus(status)) {
    return {
      ...statusFacts(status),
      code: nameStr ?? String(status),
      reason: `HTTP_${status}`,
    }
  }
  return { kind: 'unknown', retryable: false, status: 500, code: nameStr ?? 'unknown', reason: 'UNKNOWN' }
}

/** The brand ErrsError instances carry (see `brandClass`): read directly, these helpers sit in retry loops. */
const ERRS_MARK = Symbol.for('errs.core.ErrsError')

/** True when `value` carries the ErrsError brand of any copy of `@errs/core` (identity only, not well-formedness). */
export function hasErrsBrand(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  try {
    return (value as Record<symbol, unknown>)[ERRS_MARK] === true
  } catch {
    return false
  }
}

/** The core fields of a branded value, read once, guarded and type-checked. */
export interface CoreView {
  /** `ErrsError.system`. */
  system: string
  /** `ErrsError.code` (a finite number or a string). */
  code: number | string
  /** `ErrsError.reason`. */
  reason: string
  /** `ErrsError.kind` (a known kind). */
  kind: ErrorKind
  /** `ErrsError.status` (an integer in 100–599). */
  status: number
  /** `ErrsError.retryable`. */
  retryable: boolean
  /** `ErrsError.title`, else the reason. */
  title: string
  /** `Error.message`. */
  message: string
  /** `Error.name`, else `'ErrsError'`. */
  name: string
  /** `ErrsError.publicMessage`, when a string. */
  publicMessage: string | undefined
  /** `ErrsError.retryAfterMs`, when a finite number ≥ 0. */
  retryAfterMs: number | undefined
  /** `ErrsError.requestId`, when a string. */
  requestId: string | undefined
  /** `ErrsError.instance`, when a string. */
  instance: string | undefined
  /** `ErrsError.details`, when a non-array object. */
  details: unknown
  /** `ErrsError.internal`, when a non-array object. */
  internal: unknown
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * The core view of a value carrying the ErrsError brand, when its core fields are well-formed; `undefined` for
 * anything else, including a forged brand on an object whose fields are not (the brand proves identity only).
 * Never throws.
 */
export function coreView(value: unknown): CoreView | undefined {
  if (!hasErrsBrand(value)) return undefined
  const kind = read(value, 'kind')
  const status = read(value, 'status')
  const retryable = read(value, 'retryable')
  const system = read(value, 'system')
  const reason = read(value, 'reason')
  const code = read(value, 'code')
  const message = read(value, 'message')
  if (
    !isErrorKind(kind) ||
    typeof retryable !== 'boolean' ||
    typeof status !== 'number' ||
    !Number.isInteger(status) ||
    status < 100 ||
    status > 599 ||
    typeof system !== 'string' ||
    typeof reason !== 'string' ||
    typeof message !== 'string' ||
    (typeof code !== 'string' && !(typeof code === 'number' && Number.isFinite(code)))
  ) {
    return undefined
  }
  const retryAfterMs = read(value, 'retryAfterMs')
  const details = read(value, 'details')
  const internal = read(value, 'internal')
  return {
    system,
    code,
    reason,
    kind,
    status,
    retryable,
    message,
    title: str(read(value, 'title')) ?? reason,
    name: str(read(value, 'name')) ?? 'ErrsError',
    publicMessage: str(read(value, 'publicMessage')),
    retryAfterMs:
      typeof retryAfterMs === 'number' && retryAfterMs >= 0 && Number.isFinite(retryAfterMs) ? retryAfterMs : undefined,
    requestId: str(read(value, 'requestId')),
    instance: str(read(value, 'instance')),
    details: details !== null && typeof details === 'object' && !isArray(details) ? details : undefined,
    internal: internal !== null && typeof internal === 'object' && !isArray(internal) ? internal : undefined,
  }
}

/** The kind of a branded value when it is one of the sixteen (fast path for the hot retry loop). */
function ownKind(value: unknown): ErrorKind | undefined {
  if (!hasErrsBrand(value)) return undefined
  const kind = read(value, 'kind')
  return isErrorKind(kind) ? kind : undefined
}

/** Canonical kind of any thrown value. Never throws. */
export function kindOf(value: unknown): ErrorKind {
  return ownKind(value) ?? classifyForeign(value).kind
}

/** Whether retrying the call that threw `value` may succeed. Never throws. */
export function isRetryable(value: unknown): boolean {
  if (ownKind(value) !== undefined) {
    const r = read(value, 'retryable')
    if (typeof r === 'boolean') return r
  }
  return classifyForeign(value).retryable
}

/** HTTP status that best represents any thrown value (500 when nothing is known). Never throws. */
export function statusOf(value: unknown): number {
  const kind = ownKind(value)
  if (kind !== undefined) {
    const s = read(value, 'status')
    if (isHttpStatus(s)) return s
    return KIND_HTTP_STATUS[kind]
  }
  return classifyForeign(value).status
}

/**
 * The core fields of a foreign value as `normalize` wraps it: `system: 'runtime'`, the classification, the value's
 * own message. What both `wrapForeign` and the problem writer (which constructs no error) start from.
 */
export function foreignFields(value: unknown): {
  system: 'runtime'
  code: string
  reason: string
  kind: ErrorKind
  status: number
  retryable: boolean
  message: string
} {
  const c = classifyForeign(value)
  return {
    system: 'runtime',
    code: c.code,
    reason: c.reason,
    kind: c.kind,
    status: c.status,
    retryable: c.retryable,
    message: describeThrown(value),
  }
}
