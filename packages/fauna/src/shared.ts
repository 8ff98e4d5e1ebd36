import type { ErrorKind } from '@errs/core'
import {
  isErrorKind,
  isForbiddenKey,
  isHttpErrorStatus,
  KIND_HTTP_STATUS,
  ownData,
  rawPreview,
  truncate,
} from '@errs/core'

/** The two Fauna HTTP APIs, each with its own error model and driver. */
export type FaunaDialect = 'v4' | 'v10'

/** Overrides of the core view accepted by every constructor as a trailing argument (an @errs extension). */
export interface FaunaErrorOptions {
  /** Native code for the core view. */
  code?: string
  /** Symbolic name of the code. */
  reason?: string
  /** Canonical kind. */
  kind?: ErrorKind
  /** HTTP status for the core view. */
  status?: number
  /** Whether retrying may succeed. */
  retryable?: boolean
  /** Short summary of the code. */
  title?: string
  /** Replaces the message the driver would compute (used when rebuilding from a problem). */
  message?: string
  /** Extra structured context merged into `details`. */
  details?: Readonly<Record<string, unknown>>
  /** What caused this error (e.g. the driver's original error). */
  cause?: unknown
  /** Milliseconds to wait before retrying, when the server said. */
  retryAfterMs?: number
  /** Server-assigned request id, when known. */
  requestId?: string
  /** URI of this occurrence. */
  instance?: string
}

/** Longest code string kept from untrusted input. */
export const MAX_CODE = 256

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** Reads a property without letting a hostile getter or proxy throw. */
export function read(v: unknown, key: string): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined
  try {
    return (v as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

export function readString(v: unknown, key: string): string | undefined {
  const s = read(v, key)
  return typeof s === 'string' ? s : undefined
}

/** `'instance not found'` / `'document_not_found'` / `'ClientClosed'` → `'INSTANCE_NOT_FOUND'` etc. */
export function upperSnake(code: string): string {
  const s = truncate(code, 128)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
  return s === '' ? 'UNKNOWN' : s
}

/** A bounded, trimmed code string from untrusted input. */
export function cleanCode(code: string): string {
  return truncate(code, MAX_CODE)
}

/** True for an integer HTTP status an error may carry (400..599). */
export const isErrorStatus = isHttpErrorStatus

/** A status to show on the core view: the wire status when it is an error status, else the fallback. */
export function coreStatus(wire: unknown, fallback: number): number {
  return isHttpErrorStatus(wire) ? wire : fallback
}

export function kindStatus(kind: ErrorKind): number {
  return KIND_HTTP_STATUS[kind]
}

export { isErrorKind }

/** The outcome of reading an HTTP body. */
export type ParsedBody =
  | { ok: true; value: unknown; raw: unknown }
  | { ok: false; empty: boolean; raw: unknown; reason: string }

/** Largest body text parsed (8 MiB); longer text is kept, truncated, on a ProtocolError. */
export const MAX_BODY_TEXT = 8 * 1024 * 1024

/** Parses an HTTP body given as text, bytes or an already parsed value. Never throws. */
export function parseBody(body: unknown): ParsedBody {
  let text: string
  if (typeof body === 'string') text = body
  else if (body instanceof Uint8Array) {
    try {
      text = new TextDecoder('utf-8', { fatal: false }).decode(body)
    } catch {
      return { ok: false, empty: false, raw: body, reason: 'body is not UTF-8 text' }
    }
  } else if (body === undefined || body === null) return { ok: false, empty: true, raw: body, reason: 'empty body' }
  else return { ok: true, value: body, raw: body }
  if (text.trim() === '') return { ok: false, empty: true, raw: text, reason: 'empty body' }
  if (text.length > MAX_BODY_TEXT) return { ok: false, empty: false, raw: text, reason: 'body too large' }
  try {
    return { ok: true, value: JSON.parse(text), raw: text }
  } catch {
    return { ok: false, empty: false, raw: text, reason: 'body is not JSON' }
  }
}

/** `details.raw`: a bounded, redacted preview of what could not be read. */
export function rawOf(raw: unknown): string {
  return rawPreview(raw)
}

/** Lower-cased header names; unreadable input gives an empty object. */
export function headerMap(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(headers)) return out
  try {
    for (const key of Object.keys(headers).slice(0, 256)) {
      const v = headers[key]
      if (typeof v === 'string' && !isForbiddenKey(key)) out[key.toLowerCase()] = v
    }
  } catch {
    // Hostile headers: ignore them.
  }
  return out
}

/** Copies own enumerable data, dropping `__proto__`/`constructor`/`prototype` keys. */
export function safeOwn(v: unknown): Record<string, unknown> {
  return isRecord(v) ? ownData(v) : {}
}

/**
 * Sets `name` as an own property, for classes whose instances take their name from a constructor argument
 * (faunadb's `FaunaError(name, …)`, `FaunaHTTPError('UnknownError', …)`). The stack head follows by itself: V8
 * formats `stack` lazily, on first read, with the name the error has then (and other engines print no head).
 * Reading `stack` here would force that formatting on every construction.
 */
export function renameError(err: Error, name: string): void {
  if (err.name !== name) {
    Object.defineProperty(err, 'name', { value: name, writable: true, configurable: true, enumerable: false })
  }
}
