import type { ErrsError } from './errs-error.js'
import {
  type ErrorKind,
  httpStatusToKind,
  isHttpErrorStatus,
  KIND_DEFAULT_RETRYABLE,
  KIND_HTTP_STATUS,
} from './kinds.js'

/** How a value that is not an ErrsError is classified. */
export interface ForeignClassification {
  kind: ErrorKind
  retryable: boolean
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

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

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
  const nameStr = typeof name === 'string' ? name : undefined
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
  const status = read(value, 'status') ?? read(value, 'statusCode')
  if (isHttpErrorStatus(status)) {
    const kind = httpStatusToKind(status)
    return {
      kind,
      retryable: KIND_DEFAULT_RETRYABLE[kind],
      status,
      code: nameStr ?? String(status),
      reason: `HTTP_${status}`,
    }
  }
  return { kind: 'unknown', retryable: false, status: 500, code: nameStr ?? 'unknown', reason: 'UNKNOWN' }
}

/** The brand ErrsError instances carry (see `brandClass`): read directly, these helpers sit in retry loops. */
const ERRS_MARK = Symbol.for('errs.core.ErrsError')

function asErrsError(value: unknown): ErrsError | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return (value as Record<symbol, unknown>)[ERRS_MARK] === true ? (value as ErrsError) : undefined
  } catch {
    return undefined
  }
}

/** True when `value` is an ErrsError made by any copy of @errs/core. */
export function isErrsError(value: unknown): value is ErrsError {
  return asErrsError(value) !== undefined
}

/** Canonical kind of any thrown value. */
export function kindOf(value: unknown): ErrorKind {
  return asErrsError(value)?.kind ?? classifyForeign(value).kind
}

/** Whether retrying the call that threw `value` may succeed. */
export function isRetryable(value: unknown): boolean {
  return asErrsError(value)?.retryable ?? classifyForeign(value).retryable
}

/** HTTP status that best represents any thrown value (500 when nothing is known). */
export function statusOf(value: unknown): number {
  const own = asErrsError(value)
  if (own) return own.status
  const c = classifyForeign(value)
  return c.status ?? KIND_HTTP_STATUS[c.kind]
}
