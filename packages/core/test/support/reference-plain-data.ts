import {
  isArray,
  isBytes,
  isError,
  isForbiddenKey,
  MAX_DETAILS_DEPTH,
  MAX_ENTRIES,
  MAX_KEY,
  MAX_NODES,
  MAX_STRING,
  type PlainDataOptions,
  rawPreview,
  read,
  redactBoundedText,
  truncate,
} from '../../src/kit.js'
import { isSecretKey, REDACTED, redactBounded, redactString } from '../../src/redact.js'

// The specification of `toPlainData`, for differential tests (test/plain-data.test.ts, test/key-view.test.ts). The
// implementation walks with one state object, the path from the root by depth as its cycle check, and remembers what
// it found of each short key (`keyView`): this walks with a closure and a Set, and looks every key up afresh, with a
// secret-name check of its own (the default words and the registered key patterns as the registry is now), so that
// a stale memory in the implementation shows as a difference.

const WORDS =
  /secret|passw(?:or)?d|pwd|passphrase|token|authorization|(?:api|private|access|account|master|sas)[-_. ]?key|credential|cookie|session|signature|(?<![a-z])sig(?![a-z])/i

/** The redaction registry every copy of core shares (`globalThis[Symbol.for('errs.redaction')]`). */
export interface Registry {
  keys: RegExp[]
  values: RegExp[]
  secrets: string[]
}
const REGISTRY = Symbol.for('errs.redaction')

/** The shared registry, made first if no test made it yet. */
export function registry(): Registry {
  isSecretKey('')
  return (globalThis as unknown as Record<symbol, Registry>)[REGISTRY] as Registry
}

/** Puts `r` in place of the shared registry (as another copy of core, or a replacement, would). */
export function setRegistry(r: Registry): void {
  Object.defineProperty(globalThis, REGISTRY, { value: r, configurable: true })
}

/** A registry holding what `r` holds, in arrays of its own. */
export function cloneRegistry(r: Registry): Registry {
  return { keys: [...r.keys], values: [...r.values], secrets: [...r.secrets] }
}

/** Whether a key names a secret, from the registry as it is now (no memory). */
export function referenceIsSecretKey(key: string): boolean {
  if (WORDS.test(key)) return true
  return registry().keys.some((k) => {
    k.lastIndex = 0
    return k.test(key)
  })
}

export function referenceToPlainData(value: unknown, options: PlainDataOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? MAX_DETAILS_DEPTH
  const maxString = options.maxString ?? MAX_STRING
  const redact = options.redact ?? false
  let budget = options.maxNodes ?? MAX_NODES
  const seen = new Set<object>()
  const walk = (v: unknown, depth: number): unknown => {
    if (--budget < 0) return '[Truncated]'
    switch (typeof v) {
      case 'string':
        return redact ? redactBoundedText(v, maxString) : truncate(v, maxString)
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
      if (isBytes(obj)) return rawPreview(obj, maxString)
      if (isArray(obj)) {
        const out: unknown[] = []
        let length = 0
        try {
          length = obj.length
        } catch {
          return '[Unreadable]'
        }
        const n = Math.min(length, MAX_ENTRIES)
        for (let i = 0; i < n && budget > 0; i++) {
          const item = walk(read(obj, String(i)), depth + 1)
          out.push(item === undefined ? null : item)
        }
        if (length > out.length) out.push(`…[${length - out.length} more]`)
        return out
      }
      const out: Record<string, unknown> = {}
      if (isError(obj)) {
        out.name = walk(read(obj, 'name'), depth + 1)
        out.message = walk(read(obj, 'message'), depth + 1)
        const code = read(obj, 'code')
        if (code !== undefined) out.code = walk(code, depth + 1)
        return out
      }
      let keys: string[]
      try {
        keys = Object.keys(obj)
      } catch {
        return '[Unreadable]'
      }
      let count = 0
      for (const key of keys) {
        if (isForbiddenKey(key)) continue
        if (++count > MAX_ENTRIES || budget <= 0) {
          out['…'] = 'more keys truncated'
          break
        }
        // Keys: cut to MAX_KEY first, then redacted; a secret name (judged on the cut key) hides the value.
        const cut = key.length > MAX_KEY
        const outKey = redact ? (cut ? redactBounded(key, MAX_KEY) : redactString(key)) : truncate(key, MAX_KEY)
        if (redact && referenceIsSecretKey(key.slice(0, MAX_KEY))) {
          out[outKey] = REDACTED
          continue
        }
        let item: unknown
        try {
          item = (obj as Record<string, unknown>)[key]
        } catch {
          continue
        }
        const copied = walk(item, depth + 1)
        if (copied !== undefined) out[outKey] = copied
      }
      return out
    } finally {
      seen.delete(obj)
    }
  }
  return walk(value, 0)
}
