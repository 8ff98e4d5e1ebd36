import { typedArrayLength } from './bytes.js'
import { cutText } from './redact.js'

/**
 * Guarded reads of untrusted values: what a buggy driver, a Proxy-based client or another service hands you.
 * Nothing here throws, whatever the value (revoked proxies, throwing getters, hostile `toString`s).
 */

const FORBIDDEN_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype'])

/**
 * True when `value` may be written as an HTTP header value (RFC 9110 §5.5 field-value: visible ASCII, spaces and
 * tabs inside, no CR/LF/NUL), at most 8 KiB.
 */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 8192 && /^[\t\x20-\x7e]*$/.test(value)
}

/** True for a delay in milliseconds an error may carry (`retryAfterMs`): a finite number, at least 0. */
export function isDelayMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

/** Longest request id kept (`requestIdOf`). */
export const MAX_REQUEST_ID = 256

/**
 * A request id fit to be kept on an error and sent back in `x-request-id`: a header value (`isHeaderValue`: no
 * CR/LF/NUL, visible ASCII) that is not blank, of at most `MAX_REQUEST_ID` (256) characters; `undefined` for
 * anything else (not cut: a cut id would name another request). Never throws.
 */
export function requestIdOf(value: unknown): string | undefined {
  return isHeaderValue(value) && value.length <= MAX_REQUEST_ID && value.trim() !== '' ? value : undefined
}

/** True for keys that must never be copied from untrusted input (prototype pollution). */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key)
}

/**
 * The keys a reader of the first `max` keys of `value` looks at: `Object.keys(value)` (the reader cuts it), except
 * that an ArrayBuffer view (a typed array, a `Buffer`) longer than `max` gives its first `max` index keys, as
 * `Object.keys(value).slice(0, max)` would, without listing them all: that list costs time and memory in the
 * view's length (seconds for a few MiB). May throw as `Object.keys` does (a revoked proxy).
 */
export function keysOf(value: object, max: number): string[] {
  // The first `max` index keys are those of any `max` bytes. The count is the intrinsic one: a `length` the value
  // defines for itself could hide millions of index keys.
  const length = typedArrayLength(value)
  return Object.keys(length !== undefined && length > max ? new Uint8Array(max) : value)
}

/** `value[key]` for any value; `undefined` when the value is not an object or the read throws. */
export function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** `value[key]` when it is a string, else `undefined`. */
export function readString(value: unknown, key: string): string | undefined {
  const s = read(value, key)
  return typeof s === 'string' ? s : undefined
}

/** `Array.isArray` that cannot throw (it throws for a revoked proxy). */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value)
  } catch {
    return false
  }
}

/** A non-null object that is not an array (a revoked proxy is not one). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  try {
    return !Array.isArray(value)
  } catch {
    return false
  }
}

/** `value instanceof Uint8Array` that cannot throw, and whose `length` can be read. */
export function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array && typeof value.length === 'number'
  } catch {
    return false
  }
}

/** `value instanceof Error` that cannot throw (a hostile proxy's `getPrototypeOf` trap). */
export function isError(value: unknown): value is Error {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

/**
 * The own enumerable data of an untrusted object as `[key, value]` pairs: `__proto__`/`constructor`/`prototype`
 * keys dropped, members whose getter throws skipped, none at all when the object refuses to list its keys
 * (a revoked proxy). At most `max` keys are looked at. Never throws.
 */
export function ownEntries(value: object, max = 1024): Array<[string, unknown]> {
  let keys: string[]
  try {
    keys = keysOf(value, max)
  } catch {
    return []
  }
  const out: Array<[string, unknown]> = []
  const n = Math.min(keys.length, max)
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string
    if (isForbiddenKey(key)) continue
    try {
      out.push([key, (value as Record<string, unknown>)[key]])
    } catch {
      // A throwing getter: the member is left out.
    }
  }
  return out
}

/**
 * The members of `value` named by `template`'s keys, as `ownEntries` reads them (own enumerable, the first `max`
 * keys, a member whose getter throws left out, nothing when the keys cannot be listed), each read once; members not
 * named are never read. Returns a copy of `template` (give every key the value `undefined`) with the members found:
 * one object shape per template, so readers of the result stay fast. Never throws.
 */
export function ownMembers<T extends object>(value: object, template: T, max = 1024): T {
  const out = { ...template }
  let keys: string[]
  try {
    keys = keysOf(value, max)
  } catch {
    return out
  }
  const n = Math.min(keys.length, max)
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string
    if (!Object.hasOwn(template, key)) continue
    try {
      ;(out as Record<string, unknown>)[key] = (value as Record<string, unknown>)[key]
    } catch {
      // A throwing getter: the member is left out.
    }
  }
  return out
}

/** `ownEntries` as a plain object: a safe copy to read members from. Never throws. */
export function ownData(value: unknown, max = 1024): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (value === null || typeof value !== 'object') return out
  for (const [key, v] of ownEntries(value, max)) out[key] = v
  return out
}

/** Longest message `describeThrown` returns (16 KiB). */
const MAX_MESSAGE = 16 * 1024

function cut(text: string): string {
  return cutText(text, MAX_MESSAGE)
}

/**
 * The message of any thrown value, bounded to 16 KiB: a string as it is, an object's string `message`, else a
 * description of what was thrown (`Non-error value thrown: [object Object]`). Never throws. Not redacted: the
 * error it becomes redacts its message.
 */
export function describeThrown(value: unknown): string {
  if (typeof value === 'string') return cut(value)
  const m = read(value, 'message')
  if (typeof m === 'string') return cut(m)
  if (value === undefined) return 'undefined was thrown'
  if (value === null) return 'null was thrown'
  if (typeof value !== 'object' && typeof value !== 'function') return `Non-error value thrown: ${typeof value}`
  try {
    return `Non-error value thrown: ${Object.prototype.toString.call(value)}`
  } catch {
    return 'Unreadable value thrown'
  }
}
