import type { Adapter, CodeInfo, ErrsError, ErrsErrorInit, ErrsOptions } from '@errs/core'
import { type ClientCodes, codeText, type ErrsErrorClass, type HttpWire, isArray, truncate } from '@errs/core/kit'

/** The two Fauna HTTP APIs, each with its own error model and driver. */
export type FaunaDialect = 'v4' | 'v10'

/** Longest code string kept from untrusted input. */
export const MAX_CODE = 256

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
export const MAX_MESSAGE = 16_384

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

/** `'instance not found'` / `'document_not_found'` / `'ClientClosed'` → `'INSTANCE_NOT_FOUND'` etc. */
export function upperSnake(code: string): string {
  const s = truncate(code, 128)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
  return s === '' ? 'UNKNOWN' : s
}

/**
 * `base` (a fresh object of the code's facts, which the caller owns) with the caller's options on top, as
 * `{ ...base, ...options }`, without a copy when there are none (the usual case). Options that override the kind
 * but give no status take the overriding kind's status, as `ErrsOptions.status` says (not the status `base` had for
 * the code's own kind). Options that cannot be read (a revoked Proxy, a throwing getter) are ignored: `base`.
 */
export function withOptions(base: ErrsOptions, options: ErrsOptions): ErrsOptions {
  try {
    for (const _ in options) {
      const out = { ...base, ...options }
      if (options.kind !== undefined && options.kind !== base.kind && options.status === undefined)
        out.status = undefined
      return out
    }
  } catch {
    // Hostile options: the code's facts alone.
  }
  return base
}

/**
 * An init prepared by a subclass for its dialect's `FaunaError` constructor (whose signature is the driver's:
 * faunadb's `(name, message, description)`, fauna-js's `(message)`), handed over through `super(…)`:
 * `prepared(init)` stores it and returns the module-private `HANDOFF` options, which the base constructor takes back
 * with `takePrepared` before anything else runs. Construction is synchronous, so one slot serves both dialects. No
 * per-error allocation or `WeakMap` entry.
 */
const HANDOFF: ErrsOptions = {}
let handedOff: ErrsErrorInit | undefined

/** Stores `init` for the next base constructor and returns the options that carry it. */
export function prepared(init: ErrsErrorInit): ErrsOptions {
  handedOff = init
  return HANDOFF
}

/** The init handed over with `options` (see `prepared`), once; undefined for any other options. */
export function takePrepared(options: ErrsOptions): ErrsErrorInit | undefined {
  if (options !== HANDOFF) return undefined
  const init = handedOff
  handedOff = undefined
  return init
}

/** What differs between the two dialects' adapters; `dialectAdapter` builds the rest. */
export interface DialectSpec<E extends ErrsError> {
  codes: readonly CodeInfo[]
  /** The dialect's class table: name → entry holding the class. */
  classTable: Readonly<Record<string, { readonly Class: ErrsErrorClass<E> }>>
  clientCodes: ClientCodes
  create(code: string, message: string | undefined, options: ErrsOptions | undefined): E
  fromHttp(reply: HttpWire): E
  encode(error: E): HttpWire
  recognize(value: unknown): E | undefined
}

/** One dialect as a core adapter (system `fauna`, an HTTP wire form, the classes of its class table by name). */
export function dialectAdapter<E extends ErrsError>(spec: DialectSpec<E>): Adapter<E> {
  return Object.freeze({
    system: 'fauna',
    wire: 'http' as const,
    codes: spec.codes,
    classes: Object.freeze(Object.fromEntries(Object.entries(spec.classTable).map(([n, e]) => [n, e.Class]))),
    clientCodes: spec.clientCodes,
    create: (code: number | string, message?: string, options?: ErrsOptions) =>
      spec.create(codeText(code), message, options),
    decode: (wire: unknown) => spec.fromHttp(wire as HttpWire),
    encode: (error: E) => spec.encode(error),
    recognize: spec.recognize,
  })
}
