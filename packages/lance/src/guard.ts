import { MAX_RAW, MAX_STRING, rawPreview, redactString, toPlainData, truncate } from '@errs/core'

// Guarded reads of untrusted values: every helper here returns instead of throwing, whatever it is given
// (revoked Proxies, throwing getters, hostile `toJSON`, huge sparse arrays).

/** `value[key]`, or `undefined` when reading it throws. */
export function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** A non-null, non-array object (false, never a throw, for a revoked Proxy). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  try {
    return !Array.isArray(value)
  } catch {
    return false
  }
}

/** `value instanceof Uint8Array`, false when the check throws. */
export function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array
  } catch {
    return false
  }
}

/**
 * A thrown value fit to keep as `cause`, or `undefined`: primitives, and objects that can be inspected (their
 * prototype, keys and, for errors, `message` and `stack` can be read). A revoked Proxy, or an Error whose
 * `message` getter throws, is dropped: keeping it would make the error itself impossible to log.
 */
export function safeCause(value: unknown): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value
  try {
    Object.getPrototypeOf(value)
    Reflect.ownKeys(value)
    Object.prototype.toString.call(value)
    // Loggers read these without asking: a typed array whose `length` getter throws cannot be printed.
    if (ArrayBuffer.isView(value) && typeof (value as Uint8Array).length !== 'number') return undefined
    if (value instanceof Error) {
      const message: unknown = value.message
      const stack: unknown = value.stack
      if (typeof message !== 'string' || (stack !== undefined && typeof stack !== 'string')) return undefined
    }
    return value
  } catch {
    return undefined
  }
}

/** Bounded, redacted text of any raw payload for `details.raw`; the bound is applied before redaction. */
export function safePreview(raw: unknown, max: number = MAX_RAW): string {
  try {
    if (typeof raw === 'string') return rawPreview(raw.length > max * 4 ? raw.slice(0, max * 4) : raw, max)
    if (isBytes(raw)) return rawPreview(raw, max)
    // Plain data first: bounded in width, depth and string length, so huge sparse arrays cost nothing.
    return rawPreview(toPlainData(raw, { redact: true, maxString: max }), max)
  } catch {
    return '[unreadable]'
  }
}

/** Cut to `max` first, then redacted (linear whatever the input). */
export function boundedRedact(text: string, max: number = MAX_STRING): string {
  return redactString(truncate(text, max))
}

/**
 * True when `value` may be written as an HTTP header value (RFC 9110 field-value: visible ASCII, obs-text, SP and
 * HTAB inside; no CR, LF, NUL or other controls, nothing above U+00FF, no leading or trailing whitespace).
 */
export function isHeaderValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 8192 &&
    /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value)
  )
}
