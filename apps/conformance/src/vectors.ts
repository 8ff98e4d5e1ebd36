import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import type { Adapter, ErrsError } from '@errs/core'
import type { WireValue } from '@errs/core/kit'
import type { Expect, VectorFile, VectorWire } from './types.js'

/** Reads and sanity-checks a vector file. Throws with a clear message when the file is not a vector file. */
export function loadVectors(file: string): VectorFile {
  const data = JSON.parse(readFileSync(file, 'utf8')) as VectorFile
  if (typeof data !== 'object' || data === null || typeof data.system !== 'string' || !Array.isArray(data.codes)) {
    throw new Error(`${file}: not a vector file (needs "system" and "codes")`)
  }
  for (const [i, row] of data.codes.entries()) {
    if (row === null || typeof row !== 'object' || !('code' in row) || !('expect' in row)) {
      throw new Error(`${file}: codes[${i}] needs "code" and "expect" (and "wire" unless it never travels)`)
    }
  }
  return data
}

/** The wire form an adapter speaks: bytes or an HTTP reply. */
export type WireForm = 'bytes' | 'http'

export function wireFormOf(adapter: Adapter<ErrsError>): WireForm {
  const first = adapter.codes[0]
  try {
    const wire = adapter.encode(adapter.create(first?.code ?? 0, undefined, { variant: first?.variant }))
    return wire instanceof Uint8Array ? 'bytes' : 'http'
  } catch {
    return 'http'
  }
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
  for (const [k, v] of Object.entries(expect.fields ?? {})) check(k, v, plain(read(e, k)))
  return out
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
