import { isArray, isForbiddenKey, read, toPlainData, truncate } from '@errs/core/kit'
import { at, lengthOf, MAX_MESSAGE } from '../shared.js'

/** Deepest nesting decoded from the tagged format; deeper values become `null`. */
export const MAX_TAGGED_DEPTH = 64

/**
 * Most nodes one `decodeTagged` / `encodeTagged` call visits: every value, object member and array slot counts,
 * shared references each time they are reached. Past it, values become `null` and arrays end. This bounds the
 * work by what is done, not by depth alone: a shared-reference chain (`{ a: next, b: next }`, 2^depth paths) or
 * a sparse `new Array(5e7)` costs at most this many steps.
 */
export const MAX_TAGGED_NODES = 100_000

const PASSTHROUGH_TAGS: ReadonlySet<string> = /* @__PURE__ */ new Set(['@date', '@time', '@mod', '@bytes', '@stream'])
const WRAPPER_TAGS: ReadonlySet<string> = /* @__PURE__ */ new Set(['@ref', '@doc', '@set'])

interface Walk {
  left: number
  /** Objects on the current path: a reference back to one of them (a cycle) becomes `null`. */
  readonly path: Set<object>
}

function keysOf(o: object): string[] | undefined {
  try {
    return Object.keys(o)
  } catch {
    return undefined
  }
}

function decodeArray(a: readonly unknown[], depth: number, w: Walk): unknown[] {
  const n = lengthOf(a)
  const out: unknown[] = []
  for (let i = 0; i < n && w.left > 0; i++) out.push(decode(at(a, i), depth + 1, w))
  return out
}

function decodeObject(o: object, keys: readonly string[], depth: number, w: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    if (w.left <= 0) break
    if (isForbiddenKey(key)) continue
    out[key] = decode(read(o, key), depth + 1, w)
  }
  return out
}

function decode(value: unknown, depth: number, w: Walk): unknown {
  if (--w.left < 0) return null
  if (typeof value === 'string') return truncate(value, MAX_MESSAGE)
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value
  // Binary data (fauna-js decodes `@bytes` into a `Uint8Array`) is never walked index by index: core's bounded view.
  if (ArrayBuffer.isView(value)) return toPlainData(value)
  if (depth > MAX_TAGGED_DEPTH || w.path.has(value)) return null
  w.path.add(value)
  try {
    if (isArray(value)) return decodeArray(value, depth, w)
    const keys = keysOf(value)
    if (keys === undefined) return null
    if (keys.length === 1) {
      const tag = keys[0] as string
      const inner = read(value, tag)
      if ((tag === '@int' || tag === '@long' || tag === '@double') && typeof inner === 'string') return Number(inner)
      if (tag === '@object' && inner !== null && typeof inner === 'object' && !isArray(inner)) {
        const innerKeys = keysOf(inner)
        return innerKeys === undefined ? null : decodeObject(inner, innerKeys, depth + 1, w)
      }
      if (PASSTHROUGH_TAGS.has(tag) && typeof inner === 'string') return truncate(inner, MAX_MESSAGE)
      if (WRAPPER_TAGS.has(tag)) return decode(inner, depth + 1, w)
    }
    return decodeObject(value, keys, depth, w)
  } finally {
    w.path.delete(value)
  }
}

/**
 * Decodes a value in Fauna's tagged JSON format (`{"@int":"42"}` → 42), as fauna-js does with its default
 * `long_type: 'number'`. Dates, times, modules and bytes stay strings; documents, refs and sets stay objects.
 * Binary data in memory (a `Uint8Array`, as fauna-js decodes `@bytes`; any typed array or `DataView`) becomes core's
 * bounded view of it (`toPlainData`: a hex dump of at most 8 KiB, or the text when redaction hides anything in it).
 * The result is always a tree of plain data: cycles become `null`, shared references are copied, the work is
 * bounded by `MAX_TAGGED_NODES` and strings by 16 KiB. Never throws; `__proto__`/`constructor`/`prototype` keys
 * are dropped.
 * @param value - the tagged value (already parsed JSON, or any in-memory value)
 * @param depth - nesting depth to start from (values deeper than `MAX_TAGGED_DEPTH` become `null`)
 */
export function decodeTagged(value: unknown, depth = 0): unknown {
  // A depth that is no count (NaN, negative, not a number) starts at 0: the depth bound must hold.
  const start = typeof depth === 'number' && depth > 0 ? depth : 0
  return decode(value, start, { left: MAX_TAGGED_NODES, path: new Set() })
}

function encode(value: unknown, depth: number, w: Walk): unknown {
  if (--w.left < 0) return null
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      return value >= -(2 ** 31) && value < 2 ** 31 ? { '@int': String(value) } : { '@long': String(value) }
    }
    return { '@double': String(value) }
  }
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value
  if (ArrayBuffer.isView(value)) return toPlainData(value)
  if (depth > MAX_TAGGED_DEPTH || w.path.has(value)) return null
  w.path.add(value)
  try {
    if (isArray(value)) {
      const n = lengthOf(value)
      const out: unknown[] = []
      for (let i = 0; i < n && w.left > 0; i++) out.push(encode(at(value, i), depth + 1, w))
      return out
    }
    const keys = keysOf(value) ?? []
    const out: Record<string, unknown> = {}
    let tagged = false
    for (const key of keys) {
      if (w.left <= 0) break
      if (isForbiddenKey(key)) continue
      if (key.startsWith('@')) tagged = true
      out[key] = encode(read(value, key), depth + 1, w)
    }
    return tagged ? { '@object': out } : out
  } finally {
    w.path.delete(value)
  }
}

/**
 * Encodes plain data in the tagged format (inverse of `decodeTagged` for JSON values). Bounded like it; binary data
 * becomes core's bounded view of it, as in `decodeTagged`.
 */
export function encodeTagged(value: unknown, depth = 0): unknown {
  return encode(value, depth, { left: MAX_TAGGED_NODES, path: new Set() })
}
