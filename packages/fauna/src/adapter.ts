/**
 * `@errs/fauna/adapter` — the `@errs/core` adapter for Fauna, both dialects under `system: 'fauna'`, with the
 * code table of both (`CODES`, `codeInfo`) and `normalize` / `recognize` for whatever either driver throws.
 * The only module that holds both dialects: `@errs/fauna` (FQL v4) and `@errs/fauna/v10` each load one.
 */
import type { Adapter, ErrsOptions } from '@errs/core'
import {
  codeText,
  fromProblem as coreFromProblem,
  type ErrsErrorClass,
  type HttpWire,
  isArray,
  isBytes,
  isRecord,
  normalizeWith,
  parseBody,
  read,
  readOptions,
  type WireValue,
} from '@errs/core/kit'
import { type FaunaCodeInfo, protocolOptions } from './codes.js'
import type { FaunaDialect } from './shared.js'
import {
  type AnyV4Error,
  createV4,
  encodeV4,
  fromFaunadb,
  fromLeakV4,
  fromStreamDataV4,
  isV4Error,
  V4_CLASSES,
  V4_CLIENT_CODES,
} from './v4/classes.js'
import { V4_CODES, v4CodeInfo } from './v4/codes.js'
import * as v4http from './v4/http.js'
import {
  createV10,
  encodeV10,
  fromFauna,
  fromLeakV10,
  fromStreamDataV10,
  V10_CLASSES,
  V10_CLIENT_CODES,
} from './v10/classes.js'
import { V10_CODES, V10_PROTOCOL_ROW, v10CodeInfo } from './v10/codes.js'
import * as v10decode from './v10/decode.js'
import * as v10 from './v10/errors.js'

/** Any error this package makes: a v4 error (incl. faunadb's TimeoutError/AbortError) or a v10 error. */
export type AnyFaunaError = AnyV4Error | v10.FaunaError

/** True for an error made by this package (any copy), of either dialect. */
export function isFaunaError(value: unknown): value is AnyFaunaError {
  return isV4Error(value) || v10.FaunaError.is(value)
}

/** The code table of both dialects (every row has `variant` `'v4'` or `'v10'`): the adapter's `codes`. */
export const CODES: readonly FaunaCodeInfo[] = /* @__PURE__ */ bothCodes()

/** Builds `CODES` (a function: no module-level code). */
function bothCodes(): readonly FaunaCodeInfo[] {
  return Object.freeze([...V4_CODES, ...V10_CODES])
}

/** @deprecated Use `CODES`. */
export const FAUNA_CODES: readonly FaunaCodeInfo[] = CODES

/**
 * The row of a code. `variant` picks the dialect; without it a v10 row wins when both dialects know the code
 * (`unauthorized`, `ProtocolError`, `NetworkError`), as in `dialectOfCode`.
 */
export function codeInfo(code: string, variant?: string): FaunaCodeInfo | undefined {
  if (variant === 'v4') return v4CodeInfo(code)
  if (variant === 'v10') return v10CodeInfo(code)
  return v10CodeInfo(code) ?? v4CodeInfo(code)
}

/**
 * Dialect of a code when the caller gave no `variant`: a v10 row wins when both dialects know the code
 * (`unauthorized`, `ProtocolError`, `NetworkError`) because v10 is the current API (FQL v4 is decommissioned);
 * unknown codes with spaces are v4 (its codes are words), others v10 (snake_case).
 */
export function dialectOfCode(code: string, variant?: string): FaunaDialect {
  if (variant === 'v4' || variant === 'v10') return variant
  if (v10CodeInfo(code)) return 'v10'
  if (v4CodeInfo(code)) return 'v4'
  return /\s/.test(code) ? 'v4' : 'v10'
}

/**
 * Makes the error for a code. The dialect: `options.variant`, else `options.details.dialect`, else
 * `dialectOfCode`. For v4 HTTP codes, `message` is the code itself (as in faunadb) and the `message` argument
 * becomes the `description`.
 */
function create(code: number | string, message?: string, given?: ErrsOptions): AnyFaunaError {
  const c = codeText(code)
  // The caller's options, read guarded (`create` never throws).
  const options = readOptions(given) ?? {}
  const d = read(options.details, 'dialect')
  const dialect = dialectOfCode(c, options.variant ?? (d === 'v4' || d === 'v10' ? d : undefined))
  const { variant: _variant, ...rest } = options
  return dialect === 'v4' ? createV4(c, message, rest) : createV10(c, message, rest)
}

function isFaunaProblem(value: unknown): boolean {
  if (!isRecord(value)) return false
  const type = read(value, 'type')
  return typeof type === 'string' && (read(value, 'system') === 'fauna' || type.startsWith('urn:errs:fauna:'))
}

/**
 * Decodes a Fauna HTTP reply `{ status, headers?, body }` of either dialect, chosen by the body's shape:
 * `{ errors: [...] }` → v4 (class by status); `{ error: { code, … } }` → v10 (class by code); a stream error
 * event of either dialect; a problem (how client-side errors are encoded). Bytes are read as a body without
 * status. Never throws: anything else is a v10 ProtocolError with the raw input kept.
 */
function decode(wire: WireValue): AnyFaunaError {
  try {
    const reply = isBytes(wire) ? { status: undefined, body: wire } : wire
    if (!isRecord(reply)) {
      return new v10.ProtocolError(
        { message: 'Not an HTTP reply', httpStatus: 0 },
        protocolOptions(V10_PROTOCOL_ROW, undefined, wire, false),
      )
    }
    const parsed = parseBody(read(reply, 'body'))
    const value = parsed.ok ? parsed.value : undefined
    const withBody = { status: read(reply, 'status') as number, headers: read(reply, 'headers') as never, body: value }
    if (isFaunaProblem(value)) {
      // Core picks a class by name: a v4 problem is rebuilt with the v4 classes first (the names both dialects
      // use, such as ProtocolError, map to v10 classes in `classes`).
      const v4Problem = read(read(value, 'details'), 'dialect') === 'v4'
      const err = coreFromProblem(value, { adapters: [(v4Problem ? V4_FIRST : adapter) as unknown as Adapter] })
      if (isFaunaError(err)) return err
    }
    if (isRecord(value) && isArray(read(value, 'errors'))) return v4http.fromHttp(withBody)
    if (isRecord(value) && read(value, 'type') === 'error') {
      if (isRecord(read(value, 'event')) || typeof read(value, 'code') === 'string') {
        return v4http.fromStreamEvent(value) ?? v10decode.fromHttp(withBody)
      }
      return v10decode.fromStreamEvent(value) ?? v10decode.fromHttp(withBody)
    }
    return v10decode.fromHttp(reply as never)
  } catch (cause) {
    return new v10.ProtocolError({ message: 'Unreadable reply', httpStatus: 0 }, { cause })
  }
}

/** Encodes an error as the HTTP reply of its dialect (see `encodeV4`, `encodeV10`). */
function encode(error: AnyFaunaError): HttpWire {
  return v10.FaunaError.is(error) ? encodeV10(error) : encodeV4(error as AnyV4Error)
}

/** Options of `normalize` and `recognize`. */
export interface NormalizeFaunaOptions {
  /**
   * Dialect for values whose dialect cannot be told from their shape: raw errors (default `'v4'`, because only
   * faunadb leaks them; fauna 2.5 wraps everything) and anything unrecognised (default: v10 `ClientError`; with
   * `'v4'`, a v4 `FaunaError`).
   */
  dialect?: FaunaDialect
}

/**
 * This package's error for a value thrown by `faunadb` 4.8 or `fauna` 2.5 (recognised by shape, no dependency on
 * either), the original kept as `cause`; an error of this package as it is; undefined for anything else.
 */
export function recognize(value: unknown, options: NormalizeFaunaOptions = {}): AnyFaunaError | undefined {
  if (isFaunaError(value)) return value
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  const o: ErrsOptions = { cause: value }
  try {
    return (
      fromFaunadb(value, o) ??
      fromFauna(value, o) ??
      fromStreamDataV4(value, o) ??
      fromStreamDataV10(value, o) ??
      (options.dialect === 'v10' ? fromLeakV10(value, o) : fromLeakV4(value, o))
    )
  } catch {
    return undefined
  }
}

/**
 * Every native class by instance `name`, both dialects. Names both dialects use (`ProtocolError`, `FaunaError`,
 * `AbortError`, `NetworkError`) map to the v10 class, as codes both dialects know do (`dialectOfCode`); the v4
 * class is also under `v4:<name>` for a core that picks classes by `details.dialect` (a problem says its dialect
 * in `details.dialect`).
 */
const CLASSES: Readonly<Record<string, ErrsErrorClass<AnyFaunaError>>> = /* @__PURE__ */ (() => {
  const out: Record<string, ErrsErrorClass<AnyFaunaError>> = Object.create(null)
  for (const [name, entry] of Object.entries(V4_CLASSES)) out[name] = entry.Class
  for (const [name, entry] of Object.entries(V10_CLASSES)) {
    if (out[name] !== undefined) out[`v4:${name}`] = out[name] as ErrsErrorClass<AnyFaunaError>
    out[name] = entry.Class
  }
  return Object.freeze(out)
})()

/**
 * The `@errs/core` adapter for Fauna, both dialects under `system: 'fauna'`, wire form HTTP. Every code row has
 * `variant` `'v4'` or `'v10'`; `create(code, message, { variant })` honours it (v10 when omitted and both
 * dialects know the code). Client-side failures are wrapped in v10 codes (`ClientError`, `NetworkError`).
 */
export const adapter: Adapter<AnyFaunaError> = /* @__PURE__ */ Object.freeze({
  system: 'fauna',
  wire: 'http' as const,
  codes: CODES,
  classes: CLASSES,
  clientCodes: V10_CLIENT_CODES,
  create,
  decode,
  encode,
  recognize: (value: unknown) => recognize(value),
})

/** The adapter with the v4 classes under the names both dialects use: what a v4 problem is rebuilt with. */
const V4_FIRST: Adapter<AnyFaunaError> = /* @__PURE__ */ (() =>
  Object.freeze({
    ...adapter,
    classes: Object.freeze(
      Object.assign(
        Object.create(null) as Record<string, ErrsErrorClass<AnyFaunaError>>,
        CLASSES,
        Object.fromEntries(Object.entries(V4_CLASSES).map(([name, entry]) => [name, entry.Class])),
      ),
    ),
  }))()

const V4_LEANING: Adapter<AnyFaunaError> = /* @__PURE__ */ Object.freeze({
  ...adapter,
  clientCodes: V4_CLIENT_CODES,
  create: (code: number | string, message?: string, options: ErrsOptions = {}) =>
    create(code, message, { variant: 'v4', ...options }),
  recognize: (value: unknown) => recognize(value, { dialect: 'v4' }),
})

const V10_LEANING: Adapter<AnyFaunaError> = /* @__PURE__ */ Object.freeze({
  ...adapter,
  recognize: (value: unknown) => recognize(value, { dialect: 'v10' }),
})

/**
 * Turns anything thrown by a Fauna call into this package's error (never throws): driver errors of both
 * dialects by shape, raw SyntaxError/TypeError/network errors that faunadb leaks, anything else a v10
 * `ClientError` (or a v4 `FaunaError` with `{ dialect: 'v4' }`). The original is kept as `cause` (a redacted
 * stand-in when its message or stack shows a secret: core's `keptCause`).
 */
export function normalize(value: unknown, options: NormalizeFaunaOptions = {}): AnyFaunaError {
  const dialect = read(options, 'dialect')
  const target = dialect === 'v4' ? V4_LEANING : dialect === 'v10' ? V10_LEANING : adapter
  return normalizeWith(target, value, normalize)
}
