import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import type { Adapter, ErrsError } from '@errs/core'
import type { WireValue } from '@errs/core/kit'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { describeValue } from './checks/util.js'
import { SetupError } from './load.js'
import type { Expect, VectorFile, VectorWire } from './types.js'

/** Path of the JSON Schema of the vector format (shipped as `@errs/conformance/vectors.schema.json`). */
export const VECTORS_SCHEMA_URL = new URL('../vectors.schema.json', import.meta.url)

let validator: ValidateFunction | undefined

function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(VECTORS_SCHEMA_URL, 'utf8')) as object
    validator = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    }).compile(schema)
  }
  return validator
}

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length] as number
}

function describeError(e: ErrorObject): string {
  const at = e.instancePath || '(top level)'
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {})
    const near = allowed
      .map((a) => [a, distance(a.toLowerCase(), extra.toLowerCase())] as const)
      .sort((x, y) => x[1] - y[1])[0]
    const hint = near && near[1] <= Math.max(2, Math.floor(extra.length / 3)) ? ` — did you mean "${near[0]}"?` : ''
    return `${at}: unknown member "${extra}"${hint} (allowed: ${allowed.join(', ')})`
  }
  if (e.keyword === 'required')
    return `${at}: missing member "${(e.params as { missingProperty: string }).missingProperty}"`
  if (e.keyword === 'enum')
    return `${at}: ${JSON.stringify(e.data)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  if (e.keyword === 'not' && e.instancePath.endsWith('/source'))
    return `${at}: ${JSON.stringify(e.data)} is not an upstream source (cite a repository path at a version or a documentation URL)`
  return `${at}: ${e.message ?? e.keyword}${e.keyword === 'type' ? ` (got ${JSON.stringify(e.data)?.slice(0, 60)})` : ''}`
}

/**
 * Errors of a parsed vector file against `vectors.schema.json`, as readable lines (empty when valid). Typos in
 * member names come first, with the closest allowed name; a failed `oneOf` (the wire forms) is reported by the
 * branch that came closest.
 */
export function vectorErrors(data: unknown): string[] {
  const v = validate()
  if (v(data)) return []
  const errors = v.errors ?? []
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath))
  const lines: string[] = []
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if' || e.keyword === 'allOf') continue
    // Inside a wire (oneOf): keep only the errors of the branch the payload chose (hex/base64/status).
    if (oneOfPaths.has(e.instancePath) && e.keyword === 'required') continue
    if (oneOfPaths.has(e.instancePath) && e.keyword === 'additionalProperties') {
      const wire = (e.params as { additionalProperty: string }).additionalProperty
      const branch = (e.parentSchema as { required?: string[] } | undefined)?.required?.[0]
      const data = e.data as Record<string, unknown>
      if (branch && !(branch in data)) continue
      if (['hex', 'base64', 'status'].includes(wire) && branch !== wire) continue
    }
    lines.push(describeError(e))
  }
  for (const p of oneOfPaths) {
    if (!lines.some((l) => l.startsWith(`${p}:`) || l.startsWith(`${p}/`)))
      lines.push(`${p}: a wire is {"hex"}, {"base64"} or {"status", "headers"?, "body" | "bodyText" | "bodyBase64"}`)
  }
  return [...new Set(lines)].slice(0, 20)
}

/** Reads a vector file and validates it against the schema. Throws `SetupError` with every problem found. */
export function loadVectors(file: string): VectorFile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new SetupError(`vector file ${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new SetupError(`vector file ${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  const errors = vectorErrors(data)
  if (errors.length) {
    throw new SetupError(
      `vector file ${file} does not match vectors.schema.json:\n${errors.map((l) => `  ${l}`).join('\n')}`,
    )
  }
  return data as VectorFile
}

/** The wire form an adapter speaks: bytes or an HTTP reply. */
export type WireForm = 'bytes' | 'http'

/** The wire form the adapter declares (`adapter.wire`); the `codes` group fails an adapter that declares none. */
export function wireFormOf(adapter: Adapter<ErrsError>): WireForm {
  return (adapter as { wire?: unknown }).wire === 'bytes' ? 'bytes' : 'http'
}

export function vectorWireForm(wire: VectorWire): WireForm {
  return 'hex' in wire || 'base64' in wire ? 'bytes' : 'http'
}

/** The adapter-facing wire value of a vector wire. */
export function toWire(wire: VectorWire): WireValue {
  if ('hex' in wire) return new Uint8Array(Buffer.from(wire.hex, 'hex'))
  if ('base64' in wire) return new Uint8Array(Buffer.from(wire.base64, 'base64'))
  const body =
    wire.bodyBase64 !== undefined
      ? new Uint8Array(Buffer.from(wire.bodyBase64, 'base64'))
      : (wire.bodyText ?? wire.body)
  return {
    status: wire.status,
    ...(wire.headers ? { headers: wire.headers } : {}),
    body: body === undefined ? null : body,
  }
}

/** Short description of a vector wire for reports. */
export function describeWire(wire: VectorWire): string {
  if ('hex' in wire) return `hex ${wire.hex.length > 48 ? `${wire.hex.slice(0, 48)}…` : wire.hex}`
  if ('base64' in wire) return `base64 ${wire.base64.slice(0, 48)}`
  const body =
    wire.bodyText ??
    (wire.bodyBase64 !== undefined ? `<${wire.bodyBase64.length} base64 chars>` : JSON.stringify(wire.body))
  return `HTTP ${wire.status} ${body && body.length > 80 ? `${body.slice(0, 80)}…` : body}`
}

export interface Mismatch {
  field: string
  expected: unknown
  actual: unknown
}

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key]
  } catch (e) {
    return `<getter threw: ${String(e)}>`
  }
}

/** Compares an error with an expectation: only the members the expectation has. */
export function compareExpect(err: unknown, expect: Expect): Mismatch[] {
  const out: Mismatch[] = []
  const e = err as ErrsError
  const check = (field: string, expected: unknown, actual: unknown) => {
    if (!isDeepStrictEqual(expected, actual)) out.push({ field, expected, actual })
  }
  if (expect.className !== undefined) {
    const name = read(e, 'name')
    const ok = Array.isArray(expect.className) ? expect.className.includes(name as string) : expect.className === name
    if (!ok) out.push({ field: 'className', expected: expect.className, actual: name })
  }
  for (const key of [
    'code',
    'reason',
    'kind',
    'status',
    'retryable',
    'message',
    'requestId',
    'retryAfterMs',
  ] as const) {
    if (expect[key] !== undefined) check(key, expect[key], read(e, key))
  }
  if (expect.string !== undefined) {
    let s: string
    try {
      s = String(err)
    } catch (x) {
      s = `<String() threw: ${String(x)}>`
    }
    check('String(err)', expect.string, s)
  }
  for (const [k, v] of Object.entries(expect.details ?? {})) check(`details.${k}`, v, read(read(e, 'details'), k))
  for (const [k, v] of Object.entries(expect.fields ?? {})) check(k, v, plain(member(e, k)))
  return out
}

/**
 * A native member's value: a field or getter as read; a method of no parameters (faunadb's `errors()`) by what it returns when called on the error.
 */
function member(e: unknown, key: string): unknown {
  const v = read(e, key)
  if (typeof v !== 'function' || v.length !== 0) return v
  try {
    const r: unknown = Reflect.apply(v, e, [])
    const then = read(r, 'then')
    if (typeof then === 'function') {
      // An async method: its rejection must not end the run; a promise is no native field value.
      Reflect.apply(then, r, [undefined, () => undefined])
      return `<${key}() returned a promise>`
    }
    return typeof r === 'string' && r.length > 4096 ? `${r.slice(0, 4096)}…[${r.length} chars]` : r
  } catch (x) {
    return `<${key}() threw: ${describeValue(x)}>`
  }
}

/** Plain data view of a native field (class instances and frozen arrays compare as plain JSON data). */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  try {
    return JSON.parse(JSON.stringify(v))
  } catch {
    return v
  }
}

export function formatMismatches(ms: Mismatch[]): {
  expected: Record<string, unknown>
  actual: Record<string, unknown>
} {
  const expected: Record<string, unknown> = {}
  const actual: Record<string, unknown> = {}
  for (const m of ms) {
    expected[m.field] = m.expected
    actual[m.field] = m.actual
  }
  return { expected, actual }
}
