import type { ErrorKind } from '@errs/core'
import {
  addRedactionPatterns,
  isErrorKind,
  isForbiddenKey,
  isHttpErrorStatus,
  KIND_HTTP_STATUS,
  MAX_RAW,
  ownData,
  ownEntries,
  rawPreview,
  toPlainData,
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

/** `Array.isArray` that never throws (a revoked Proxy makes the real one throw). */
export function isArray(v: unknown): v is unknown[] {
  try {
    return Array.isArray(v)
  } catch {
    return false
  }
}

/** A non-null, non-array object. Never throws, even for a revoked Proxy (which is then not a record). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  try {
    return !Array.isArray(v)
  } catch {
    return false
  }
}

/** `key in v` for an untrusted object; false when `v` is not an object or the check throws. */
export function has(v: unknown, key: string): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false
  try {
    return key in v
  } catch {
    return false
  }
}

/** Length of an untrusted array, read once; 0 when the read throws or is not a length. */
export function lengthOf(v: readonly unknown[]): number {
  try {
    const n = v.length
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 0
  } catch {
    return 0
  }
}

/** Reads slot `i` of an untrusted array; undefined when the read throws. */
export function at(v: readonly unknown[], i: number): unknown {
  try {
    return v[i]
  } catch {
    return undefined
  }
}

/**
 * The first `max` slots of an untrusted array, copied (holes become `undefined`). Work is bounded by `max`, not
 * by `length` (a `new Array(2 ** 32 - 1)` costs `max` reads). Never throws.
 */
export function slots(v: unknown, max: number): unknown[] {
  if (!isArray(v)) return []
  const n = Math.min(lengthOf(v), max)
  const out: unknown[] = new Array(n)
  for (let i = 0; i < n; i++) out[i] = at(v, i)
  return out
}

/** Longest message kept (16 KiB, core's `MAX_STRING`); the text is cut before it is redacted. */
export const MAX_MESSAGE = 16 * 1024

/**
 * Text of an untrusted message: strings as sent, other primitives as `String(v)` would give (as fauna-js's
 * `new Error(message)` does), anything else `''` (no `toString` of an untrusted object is called). Bounded.
 */
export function messageText(v: unknown): string {
  let s: string
  switch (typeof v) {
    case 'string':
      s = v
      break
    case 'number':
    case 'boolean':
    case 'bigint':
      s = String(v)
      break
    default:
      s = v === null ? 'null' : ''
  }
  return truncate(s, MAX_MESSAGE)
}

/**
 * Bare Fauna secrets in free text: a key or token secret is `fn` followed by base64url characters (40 in
 * all today), optionally scoped (`fnA…:db:role`, `fnA…:@doc/Users/1`); a server message such as
 * "Invalid secret fnA…" (v10) or a v4 description "key fnA…" repeats it.
 * Source: https://docs.fauna.com/fauna/current/reference/fql-api/auth/key (`secret: "fn..."`).
 */
export const FAUNA_SECRET_PATTERN = /(?<![A-Za-z0-9_-])fn[A-Za-z0-9_-]{16,}(?::[A-Za-z0-9_@/.-]+)*/g

const REDACTION_FLAG = Symbol.for('errs.fauna.redaction')

/**
 * Registers `FAUNA_SECRET_PATTERN` with core's redaction, once per process (all copies of this package share
 * the flag). Called where Fauna text is first handled (every error constructor), so that importing the package
 * has no side effect.
 */
export function ensureFaunaRedaction(): void {
  const g = globalThis as unknown as Record<symbol, unknown>
  if (g[REDACTION_FLAG] === true) return
  Object.defineProperty(globalThis, REDACTION_FLAG, { value: true, configurable: true })
  addRedactionPatterns({ values: [FAUNA_SECRET_PATTERN] })
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

/** `value instanceof Uint8Array`, never throwing (a revoked Proxy makes `instanceof` throw). */
export function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array
  } catch {
    return false
  }
}

/** Core's `toPlainData`, never throwing (a Proxy whose traps throw makes it throw); undefined then. */
export function plainData(value: unknown, options?: Parameters<typeof toPlainData>[1]): unknown {
  try {
    return toPlainData(value, options)
  } catch {
    return undefined
  }
}

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
  else if (isBytes(body)) {
    try {
      if (body.byteLength > MAX_BODY_TEXT) return { ok: false, empty: false, raw: '', reason: 'body too large' }
      text = new TextDecoder('utf-8', { fatal: false }).decode(body)
    } catch {
      return { ok: false, empty: false, raw: '', reason: 'body is not UTF-8 text' }
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
  try {
    return rawPreview(typeof raw === 'string' || isBytes(raw) ? raw : previewJson(raw))
  } catch {
    return '[unreadable]'
  }
}

/** Most nodes (values, array slots, members) `previewJson` visits. */
const PREVIEW_NODES = 1024

/**
 * JSON text of an untrusted value for a preview, bounded by the work done: at most `PREVIEW_NODES` nodes are
 * visited (array slots included, so a sparse `new Array(2 ** 32 - 1)` costs no more), strings cut, depth 8,
 * cycles cut. Never throws.
 */
export function previewJson(value: unknown): string {
  let left = PREVIEW_NODES
  const ancestors = new Set<object>()
  const walk = (v: unknown, depth: number): string => {
    if (--left < 0) return '"…"'
    switch (typeof v) {
      case 'string':
        return JSON.stringify(truncate(v, MAX_RAW))
      case 'number':
        return Number.isFinite(v) ? String(v) : 'null'
      case 'boolean':
        return String(v)
      case 'bigint':
        return JSON.stringify(String(v))
      case 'object':
        break
      default:
        return 'null'
    }
    if (v === null) return 'null'
    if (ancestors.has(v) || depth >= 8) return '"…"'
    ancestors.add(v)
    try {
      if (isArray(v)) {
        const n = lengthOf(v)
        const parts: string[] = []
        for (let i = 0; i < n && left > 0; i++) parts.push(walk(at(v, i), depth + 1))
        if (parts.length < n) parts.push('"…"')
        return `[${parts.join(',')}]`
      }
      const parts: string[] = []
      for (const [k, item] of ownEntries(v)) {
        if (left <= 0) {
          parts.push('"…":"…"')
          break
        }
        parts.push(`${JSON.stringify(truncate(k, 256))}:${walk(item, depth + 1)}`)
      }
      return `{${parts.join(',')}}`
    } finally {
      ancestors.delete(v)
    }
  }
  return walk(value, 0)
}

/** Lower-cased header names; unreadable input gives an empty object. */
export function headerMap(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(headers)) return out
  let keys: string[]
  try {
    keys = Object.keys(headers)
  } catch {
    return out
  }
  for (let i = 0; i < keys.length && i < 256; i++) {
    const key = keys[i] as string
    const v = read(headers, key)
    if (typeof v === 'string' && !isForbiddenKey(key)) out[key.toLowerCase()] = truncate(v, 8192)
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
