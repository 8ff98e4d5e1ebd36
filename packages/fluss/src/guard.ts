/**
 * Guarded reads of untrusted values: none of these throws, whatever the value (revoked Proxies, getters that
 * throw, typed arrays with a hostile `length`, huge sparse arrays, cycles).
 */

import { MAX_RAW, MAX_STRING, truncate } from '@errs/core'

/** `value[key]` of an object or function; `undefined` for anything else or when the read throws. */
export function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** `Array.isArray` that cannot throw (it does for a revoked Proxy). */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value)
  } catch {
    return false
  }
}

/** A non-null, non-array object. Never throws, even for a revoked Proxy (which is not a record). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  try {
    return !Array.isArray(value)
  } catch {
    return false
  }
}

const TYPED_ARRAY_PROTO = Object.getPrototypeOf(Uint8Array.prototype) as object
const intrinsic = (name: string) =>
  Object.getOwnPropertyDescriptor(TYPED_ARRAY_PROTO, name)?.get as (this: unknown) => unknown
const TA_BUFFER = intrinsic('buffer')
const TA_OFFSET = intrinsic('byteOffset')
const TA_LENGTH = intrinsic('byteLength')
const TA_TAG = Object.getOwnPropertyDescriptor(TYPED_ARRAY_PROTO, Symbol.toStringTag)?.get as (this: unknown) => unknown

/**
 * The bytes of a real `Uint8Array`, as a fresh view read through the intrinsic getters (an own `length` getter that
 * throws, or a Proxy around an array, cannot interfere); `undefined` for anything else. Never throws.
 */
export function bytesOf(value: unknown): Uint8Array | undefined {
  if (value === null || typeof value !== 'object') return undefined
  try {
    if (TA_TAG.call(value) !== 'Uint8Array') return undefined
    const buffer = TA_BUFFER.call(value) as ArrayBuffer
    return new Uint8Array(buffer, TA_OFFSET.call(value) as number, TA_LENGTH.call(value) as number)
  } catch {
    return undefined
  }
}

/** Any typed array or DataView (binary payloads are never walked). Never throws. */
export function isBinary(value: unknown): boolean {
  try {
    return ArrayBuffer.isView(value)
  } catch {
    return false
  }
}

/**
 * A string bounded to `max` characters before anything else (redaction, patterns) sees it; `undefined` for a
 * non-string or an empty string (protobuf-es reads an unset proto2 string as '').
 */
export function boundedText(value: unknown, max: number = MAX_STRING): string | undefined {
  return typeof value === 'string' && value !== '' ? truncate(value, max) : undefined
}

/**
 * A valid HTTP field value (RFC 9110 `field-value`, and what the Fetch `Headers` class accepts without throwing):
 * visible ASCII, obs-text (0x80–0xFF), inner spaces and tabs; no CR, LF or NUL, no leading or trailing
 * whitespace, not empty, at most 256 characters (request ids).
 */
export function isHeaderValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 256 &&
    /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value)
  )
}

/** Most slots (array items, object members) a preview or walk visits, whatever the input's size. */
export const MAX_SLOTS = 4096

/**
 * A bounded text view of any raw input, built by visiting at most `MAX_SLOTS` slots and writing at most `max`
 * characters (JSON-like for objects, hex for bytes) — cut BEFORE it is redacted. Never throws.
 */
export function previewOf(raw: unknown, max: number = MAX_RAW): string {
  if (typeof raw === 'string') return raw.slice(0, max)
  const bytes = bytesOf(raw)
  if (bytes) {
    const n = Math.min(bytes.length, Math.ceil(max / 2))
    let hex = ''
    for (let i = 0; i < n; i++) hex += (bytes[i] as number).toString(16).padStart(2, '0')
    return bytes.length > n ? `${hex}…[${bytes.length} bytes]` : hex
  }
  let out = ''
  let slots = 0
  const seen = new Set<object>()
  const full = () => out.length >= max || slots >= MAX_SLOTS
  const write = (v: unknown, depth: number): void => {
    if (full()) return
    slots++
    switch (typeof v) {
      case 'string':
        out += JSON.stringify(v.slice(0, max - out.length))
        return
      case 'number':
      case 'boolean':
        out += String(v)
        return
      case 'bigint':
        out += `"${String(v)}"`
        return
      case 'undefined':
      case 'function':
      case 'symbol':
        out += 'null'
        return
    }
    if (v === null) {
      out += 'null'
      return
    }
    const o = v as object
    if (seen.has(o) || depth > 8) {
      out += '"[…]"'
      return
    }
    seen.add(o)
    if (isBinary(o)) {
      out += '"[binary]"'
    } else if (isArray(o)) {
      out += '['
      let length = 0
      try {
        length = o.length
      } catch {}
      for (let i = 0; i < length && !full(); i++) {
        if (i > 0) out += ','
        write(read(o, String(i)), depth + 1)
      }
      out += full() && length > 0 ? '…]' : ']'
    } else {
      let keys: string[] = []
      try {
        keys = Object.keys(o)
      } catch {
        out += '"[unreadable]"'
        seen.delete(o)
        return
      }
      out += '{'
      for (let i = 0; i < keys.length && !full(); i++) {
        if (i > 0) out += ','
        const key = keys[i] as string
        out += `${JSON.stringify(key.slice(0, 256))}:`
        write(read(o, key), depth + 1)
      }
      out += '}'
    }
    seen.delete(o)
  }
  write(raw, 0)
  return out.slice(0, max)
}

/** The message of any thrown value, bounded to `MAX_STRING` before anything else reads it. Never throws. */
export function describeThrown(value: unknown): string {
  if (typeof value === 'string') return truncate(value)
  const message = read(value, 'message')
  if (typeof message === 'string') return truncate(message)
  if (value === undefined) return 'undefined was thrown'
  try {
    return `Non-error value thrown: ${Object.prototype.toString.call(value)}`
  } catch {
    return 'Unreadable value thrown'
  }
}
