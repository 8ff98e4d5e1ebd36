import { isSecretKey, REDACTED, redactString } from './redact.js'

/** Longest string kept from untrusted input or shown in a problem (16 KiB). */
export const MAX_STRING = 16 * 1024
/** Deepest `cause` chain kept (problem+json and rebuilt errors). */
export const MAX_CAUSE_DEPTH = 8
/** Deepest nesting kept inside `details`. */
export const MAX_DETAILS_DEPTH = 8
/** Most keys / array items kept per object inside `details`. */
export const MAX_ENTRIES = 256
/** Longest raw payload kept on an error made from unreadable input (4 KiB). */
export const MAX_RAW = 4 * 1024

const FORBIDDEN_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype'])

/** True for keys that must never be copied from untrusted input (prototype pollution). */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key)
}

/** Cuts a string to `max` characters, saying how much was cut. */
export function truncate(text: string, max: number = MAX_STRING): string {
  if (text.length <= max) return text
  return `${text.slice(0, max)}…[truncated ${text.length - max} chars]`
}

/** A bounded text view of any raw payload, for `details.raw` of errors made from unreadable input. */
export function rawPreview(raw: unknown, max: number = MAX_RAW): string {
  let text: string
  if (typeof raw === 'string') text = raw
  else if (raw instanceof Uint8Array) {
    const n = Math.min(raw.length, Math.ceil(max / 2))
    let hex = ''
    for (let i = 0; i < n; i++) hex += (raw[i] as number).toString(16).padStart(2, '0')
    text = raw.length > n ? `${hex}…[${raw.length} bytes]` : hex
  } else {
    try {
      text = JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? String(raw)
    } catch {
      text = Object.prototype.toString.call(raw)
    }
  }
  return truncate(redactString(text.length > max * 4 ? text.slice(0, max * 4) : text), max)
}

/**
 * The own enumerable data of an untrusted object as `[key, value]` pairs: `__proto__`/`constructor`/`prototype`
 * keys dropped, members whose getter throws skipped, none at all when the object refuses to list its keys
 * (a revoked proxy). Never throws.
 */
export function ownEntries(value: object): Array<[string, unknown]> {
  let keys: string[]
  try {
    keys = Object.keys(value)
  } catch {
    return []
  }
  const out: Array<[string, unknown]> = []
  for (const key of keys) {
    if (isForbiddenKey(key)) continue
    try {
      out.push([key, (value as Record<string, unknown>)[key]])
    } catch {
      // A throwing getter: the member is left out.
    }
  }
  return out
}

/** `ownEntries` as a plain object: a safe copy to read members from. Never throws. */
export function ownData(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, v] of ownEntries(value)) out[key] = v
  return out
}

export interface PlainDataOptions {
  /** Hide values of secret-named keys and secrets inside strings. */
  redact?: boolean
  maxDepth?: number
  maxString?: number
}

/**
 * Copies any value into bounded, JSON-safe plain data: forbidden keys dropped, strings capped, depth and
 * width capped, cycles cut, functions and symbols dropped, errors reduced to name/message/code.
 * Never throws (getters that throw are skipped).
 */
export function toPlainData(value: unknown, options: PlainDataOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? MAX_DETAILS_DEPTH
  const maxString = options.maxString ?? MAX_STRING
  const redact = options.redact ?? false
  const seen = new Set<object>()
  const walk = (v: unknown, depth: number): unknown => {
    switch (typeof v) {
      case 'string':
        return truncate(redact ? redactString(v) : v, maxString)
      case 'number':
        return Number.isFinite(v) ? v : String(v)
      case 'boolean':
        return v
      case 'bigint':
        return String(v)
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined
    }
    if (v === null) return null
    const obj = v as object
    if (seen.has(obj)) return '[Circular]'
    if (depth >= maxDepth) return '[Truncated]'
    seen.add(obj)
    try {
      if (obj instanceof Uint8Array) return rawPreview(obj, maxString)
      if (Array.isArray(obj)) {
        const out: unknown[] = []
        const n = Math.min(obj.length, MAX_ENTRIES)
        for (let i = 0; i < n; i++) {
          const item = walk(obj[i], depth + 1)
          out.push(item === undefined ? null : item)
        }
        if (obj.length > n) out.push(`…[${obj.length - n} more]`)
        return out
      }
      const out: Record<string, unknown> = {}
      if (obj instanceof Error) {
        out.name = walk(obj.name, depth + 1)
        out.message = walk(obj.message, depth + 1)
        const code = (obj as { code?: unknown }).code
        if (code !== undefined) out.code = walk(code, depth + 1)
        return out
      }
      let count = 0
      for (const key of Object.keys(obj)) {
        if (isForbiddenKey(key)) continue
        if (++count > MAX_ENTRIES) {
          out['…'] = 'more keys truncated'
          break
        }
        if (redact && isSecretKey(key)) {
          out[key] = REDACTED
          continue
        }
        let item: unknown
        try {
          item = (obj as Record<string, unknown>)[key]
        } catch {
          continue
        }
        const copied = walk(item, depth + 1)
        if (copied !== undefined) out[key] = copied
      }
      return out
    } finally {
      seen.delete(obj)
    }
  }
  return walk(value, 0)
}

/** Deep-freezes plain data made by `toPlainData`. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value as object)) deepFreeze(v)
  }
  return value
}
