import { isForbiddenKey } from '@errs/core'

/** Deepest nesting decoded from the tagged format; deeper values become `null`. */
export const MAX_TAGGED_DEPTH = 64

const PASSTHROUGH_TAGS: ReadonlySet<string> = new Set(['@date', '@time', '@mod', '@bytes', '@stream'])
const WRAPPER_TAGS: ReadonlySet<string> = new Set(['@ref', '@doc', '@set'])

function decodeObject(o: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(o)) {
    if (isForbiddenKey(key)) continue
    out[key] = decodeTagged(o[key], depth + 1)
  }
  return out
}

/**
 * Decodes a value in Fauna's tagged JSON format (`{"@int":"42"}` → 42), as fauna-js does with its default
 * `long_type: 'number'`. Dates, times, modules and bytes stay strings; documents, refs and sets stay objects.
 * Never throws; `__proto__`/`constructor`/`prototype` keys are dropped.
 */
export function decodeTagged(value: unknown, depth = 0): unknown {
  if (depth > MAX_TAGGED_DEPTH) return null
  if (Array.isArray(value)) return value.map((v) => decodeTagged(v, depth + 1))
  if (value === null || typeof value !== 'object') return value
  let keys: string[]
  try {
    keys = Object.keys(value)
  } catch {
    return null
  }
  const o = value as Record<string, unknown>
  if (keys.length === 1) {
    const tag = keys[0] as string
    const inner = o[tag]
    if ((tag === '@int' || tag === '@long' || tag === '@double') && typeof inner === 'string') return Number(inner)
    if (tag === '@object' && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      return decodeObject(inner as Record<string, unknown>, depth)
    }
    if (PASSTHROUGH_TAGS.has(tag) && typeof inner === 'string') return inner
    if (WRAPPER_TAGS.has(tag)) return decodeTagged(inner, depth + 1)
  }
  return decodeObject(o, depth)
}

/** Encodes plain data in the tagged format (inverse of `decodeTagged` for JSON values). */
export function encodeTagged(value: unknown, depth = 0): unknown {
  if (depth > MAX_TAGGED_DEPTH) return null
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      return value >= -(2 ** 31) && value < 2 ** 31 ? { '@int': String(value) } : { '@long': String(value) }
    }
    return { '@double': String(value) }
  }
  if (Array.isArray(value)) return value.map((v) => encodeTagged(v, depth + 1))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  let tagged = false
  for (const key of Object.keys(value)) {
    if (isForbiddenKey(key)) continue
    if (key.startsWith('@')) tagged = true
    out[key] = encodeTagged((value as Record<string, unknown>)[key], depth + 1)
  }
  return tagged ? { '@object': out } : out
}
