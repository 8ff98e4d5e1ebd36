import type { Adapter, ErrsOptions } from '@errs/core'
import {
  type ClientCodes,
  describeThrown,
  type ErrsErrorClass,
  type HttpWire,
  isRecord,
  normalizeWith,
  read,
  readString,
  toPlainData,
} from '@errs/core/kit'
import { leakOf, leakOptions } from '../leaks.js'
import { dialectAdapter, has } from '../shared.js'
import { encodeProblem, replyHeaders } from '../wire.js'
import { V10_CODES, v10ClientRow, v10CodeInfo } from './codes.js'
import { fromHttp, isQueryFailure } from './decode.js'
import * as v10 from './errors.js'
import { encodeTagged } from './tagged.js'

/** How one v10 class is made: from a code (`create`) and from what fauna 2.5 threw (`recognize`). */
export interface V10ClassEntry {
  readonly Class: ErrsErrorClass<v10.FaunaError>
  /** Makes the error for a code whose row names this class. */
  fromCode(code: string, message: string | undefined, options: ErrsOptions): v10.FaunaError
  /** Makes the error for a value fauna threw with this `name`; undefined when the shape does not fit. */
  fromDriver(value: unknown, options: ErrsOptions): v10.FaunaError | undefined
}

const text = (value: unknown) => describeThrown(value)
const rowMessage = (code: string, message: string | undefined) => message ?? v10ClientRow(code)?.message ?? code

/** What fauna-js's ServiceError holds, as the failure it was made from (`queryInfo` back to the top level). */
function failureOf(value: unknown): v10.QueryFailure {
  const info = read(value, 'queryInfo')
  const error: Record<string, unknown> = { code: read(value, 'code'), message: text(value) }
  const cf = read(value, 'constraint_failures')
  if (cf !== undefined) error.constraint_failures = cf
  if (has(value, 'abort')) error.abort = encodeTagged(read(value, 'abort'))
  return {
    error: error as v10.QueryFailure['error'],
    summary: readString(info, 'summary'),
    txn_ts: read(info, 'txn_ts') as number | undefined,
    stats: read(info, 'stats') as v10.QueryStats | undefined,
    query_tags: read(info, 'query_tags') as Record<string, string> | undefined,
  }
}

function serviceEntry(
  Class: new (f: v10.QueryFailure, s?: number, o?: ErrsOptions) => v10.ServiceError,
): V10ClassEntry {
  return {
    Class,
    fromCode: (code, message, o) => {
      const row = v10CodeInfo(code)
      const error: v10.QueryFailure['error'] = { code, message: message ?? row?.message ?? code }
      if (code === 'abort') error.abort = null
      if (code === 'constraint_failure') error.constraint_failures = []
      return v10.getServiceError({ error }, row?.wireStatus ?? 400, o)
    },
    // fauna-js's ServiceError always has `code` and `queryInfo` (own keys); a DOMException AbortError has no
    // `queryInfo`.
    fromDriver: (value, o) => {
      if (!has(value, 'code') || !has(value, 'queryInfo')) return undefined
      const status = read(value, 'httpStatus')
      return new Class(failureOf(value), typeof status === 'number' ? status : undefined, o)
    },
  }
}

function clientEntry(Class: new (message: string, o?: ErrsOptions) => v10.FaunaError): V10ClassEntry {
  return {
    Class,
    fromCode: (code, message, o) => new Class(rowMessage(code, message), o),
    fromDriver: (value, o) => new Class(text(value), o),
  }
}

/** Builds `V10_CLASSES` (a function: no module-level code, so a bundler drops it when it is unused). */
function v10Classes(): Readonly<Record<string, V10ClassEntry>> {
  const TABLE: Record<string, V10ClassEntry> = {
    ClientError: clientEntry(v10.ClientError),
    ClientClosedError: clientEntry(v10.ClientClosedError),
    NetworkError: clientEntry(v10.NetworkError),
    ProtocolError: {
      Class: v10.ProtocolError,
      fromCode: (code, message, o) =>
        new v10.ProtocolError({ message: rowMessage(code, message), httpStatus: v10ClientRow(code)?.status ?? 0 }, o),
      fromDriver: (value, o) => {
        const httpStatus = read(value, 'httpStatus')
        return typeof httpStatus === 'number'
          ? new v10.ProtocolError({ message: text(value), httpStatus }, o)
          : undefined
      },
    },
  }
  for (const [name, Class] of Object.entries(v10.V10_SERVICE_CLASSES)) TABLE[name] = serviceEntry(Class)
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V10ClassEntry>, TABLE))
}

/**
 * fauna 2.5.0's classes by `name`: one table for `create`, `recognize` and the adapter's `classes`
 * (fauna/fauna-js src/errors.ts @ v2.5.0). Null prototype: a name read from input never reaches
 * `Object.prototype`.
 */
export const V10_CLASSES: Readonly<Record<string, V10ClassEntry>> = /* @__PURE__ */ v10Classes()

/** Which v10 code wraps a client-side failure of each kind (core `normalizeWith`). */
export const V10_CLIENT_CODES: ClientCodes = /* @__PURE__ */ Object.freeze({
  unknown: 'ClientError',
  unavailable: 'NetworkError',
})

/**
 * The v10 error for a code: its row's class (service codes as fauna-js's `getServiceError` makes them, with the
 * row's wire status as `httpStatus`); unknown codes a QueryRuntimeError keeping the code.
 */
export function createV10(code: string, message: string | undefined, options: ErrsOptions = {}): v10.FaunaError {
  const row = v10CodeInfo(code)
  return (V10_CLASSES[row?.className ?? 'QueryRuntimeError'] as V10ClassEntry).fromCode(code, message, options)
}

/** fauna 2.5.0's errors, recognised by `name` and fields through `V10_CLASSES` (no dependency on fauna). */
export function fromFauna(value: unknown, o: ErrsOptions): v10.FaunaError | undefined {
  const name = readString(value, 'name')
  return name === undefined ? undefined : V10_CLASSES[name]?.fromDriver(value, o)
}

/** A v10 stream error event handed over as data: `{ type: "error", error: { code, message } }`. */
export function fromStreamDataV10(value: unknown, o: ErrsOptions): v10.FaunaError | undefined {
  if (!isRecord(value) || v10.FaunaError.is(value) || value instanceof Error) return undefined
  return read(value, 'type') === 'error' && isQueryFailure(value) ? v10.getServiceError(value, undefined, o) : undefined
}

/** The raw errors a transport throws, as v10 classes (fauna 2.5 wraps its own; others reach us raw). */
export function fromLeakV10(value: unknown, o: ErrsOptions): v10.FaunaError | undefined {
  const leak = leakOf(value)
  if (leak?.what === 'unreadable') {
    return new v10.ProtocolError({ message: leak.message, httpStatus: 0 }, leakOptions(value, o))
  }
  if (leak?.what === 'network') return new v10.NetworkError(leak.message, leakOptions(value, o))
  return undefined
}

/**
 * This package's v10 error for a value thrown by `fauna` 2.5 (recognised by shape, no dependency on fauna), the
 * original kept as `cause` (a redacted stand-in when its message or stack shows a secret): its classes, stream error events as data, raw transport errors; a v10 error of this
 * package as it is; undefined for anything else. Never throws.
 */
export function recognize(value: unknown): v10.FaunaError | undefined {
  if (v10.FaunaError.is(value)) return value
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  const o: ErrsOptions = { cause: value }
  try {
    return fromFauna(value, o) ?? fromStreamDataV10(value, o) ?? fromLeakV10(value, o)
  } catch {
    return undefined
  }
}

/**
 * Encodes a v10 error as the reply fauna-js reads: a service error as its query failure body at `httpStatus` (a
 * stream `{ type: "error", … }` event when `httpStatus` is undefined), client-side errors as a problem. Secrets
 * are redacted.
 */
export function encodeV10(error: v10.FaunaError): HttpWire {
  if (!v10.ServiceError.is(error)) return encodeProblem(error)
  const failureError: Record<string, unknown> = { code: error.code, message: error.message }
  if (error.constraint_failures !== undefined) failureError.constraint_failures = error.constraint_failures
  if (v10.AbortError.is(error)) failureError.abort = encodeTagged(error.abort)
  const body: Record<string, unknown> = { error: failureError }
  const info = error.queryInfo
  if (info?.summary !== undefined) body.summary = info.summary
  if (info?.txn_ts !== undefined) body.txn_ts = info.txn_ts
  if (info?.stats !== undefined) body.stats = info.stats
  if (info?.query_tags !== undefined) {
    body.query_tags = Object.entries(info.query_tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
  }
  const safe = (toPlainData(body, { redact: true }) ?? {}) as Record<string, unknown>
  const headers = replyHeaders(error, 'application/json')
  return error.httpStatus === undefined
    ? { status: error.status, headers, body: { type: 'error', ...safe } }
    : { status: error.httpStatus, headers, body: safe }
}

/** The v10 dialect as a core adapter (what `normalize` runs on; the both-dialect adapter is `@errs/fauna/adapter`). */
export const v10Adapter: Adapter<v10.FaunaError> = /* @__PURE__ */ makeV10Adapter()

/** Builds `v10Adapter` (a function: no module-level code). */
function makeV10Adapter(): Adapter<v10.FaunaError> {
  return dialectAdapter<v10.FaunaError>({
    codes: V10_CODES,
    classTable: V10_CLASSES,
    clientCodes: V10_CLIENT_CODES,
    create: createV10,
    fromHttp,
    encode: encodeV10,
    recognize,
  })
}

/**
 * Turns anything thrown by a `fauna` call into a v10 error of this package (never throws): fauna-js's classes by
 * shape, stream error events, raw transport errors; anything else a `ClientError` (a `NetworkError` for network
 * failures). The original is kept as `cause` (a redacted stand-in when its message or stack shows a secret).
 * Core's `normalizeWith` over the v10 dialect.
 */
export function normalize(value: unknown): v10.FaunaError {
  return normalizeWith(v10Adapter, value, normalize)
}

/** True for a v10 error of this package (any copy). */
export function isV10Error(value: unknown): value is v10.FaunaError {
  return v10.FaunaError.is(value)
}
