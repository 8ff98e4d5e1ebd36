import type { Adapter, ErrsOptions } from '@errs/core'
import {
  type ClientCodes,
  describeThrown,
  type ErrsErrorClass,
  type HttpWire,
  isHttpErrorStatus,
  isRecord,
  normalizeWith,
  read,
  readString,
  toPlainData,
} from '@errs/core/kit'
import { leakOf, leakOptions } from '../leaks.js'
import { dialectAdapter, has } from '../shared.js'
import { encodeProblem, replyHeaders } from '../wire.js'
import { EMPTY_ERRORS, V4_CODES, v4ClientRow, v4CodeInfo } from './codes.js'
import * as v4 from './errors.js'
import { fromHttp } from './http.js'

/** Any error of the v4 dialect (faunadb's TimeoutError/AbortError are not FaunaErrors, as in faunadb). */
export type AnyV4Error = v4.FaunaError | v4.TimeoutError | v4.AbortError

/** True for a v4 error of this package (any copy). */
export function isV4Error(value: unknown): value is AnyV4Error {
  return v4.FaunaError.is(value) || v4.TimeoutError.is(value) || v4.AbortError.is(value)
}

/** How one v4 class is made: from a code (`create`) and from what faunadb 4.8 threw (`recognize`). */
export interface V4ClassEntry {
  readonly Class: ErrsErrorClass<AnyV4Error>
  /** Makes the error for a code whose row names this class (client-side codes). */
  fromCode?(code: string, message: string | undefined, options: ErrsOptions): AnyV4Error
  /** Makes the error for a value faunadb threw with this `name`; undefined when the shape does not fit. */
  fromDriver?(value: unknown, name: string, options: ErrsOptions): AnyV4Error | undefined
}

const text = (value: unknown) => describeThrown(value)
const descriptionOf = (value: unknown) => readString(value, 'description')
const rowMessage = (code: string, message: string | undefined) => message ?? v4ClientRow(code)?.message ?? code

function httpEntry(
  Class: ErrsErrorClass<v4.FaunaHTTPError>,
  make: (rr: v4.RequestResult, name: string, o: ErrsOptions) => v4.FaunaHTTPError,
): V4ClassEntry {
  return {
    Class,
    fromDriver: (value, name, o) => {
      const rr = read(value, 'requestResult')
      return isRecord(rr) ? make(rr as v4.RequestResult, name, o) : undefined
    },
  }
}

/** Builds `V4_CLASSES` (a function: no module-level code, so a bundler drops it when it is unused). */
function v4Classes(): Readonly<Record<string, V4ClassEntry>> {
  const TABLE: Record<string, V4ClassEntry> = {
    FaunaError: {
      Class: v4.FaunaError,
      fromCode: (code, message, o) => new v4.FaunaError(code, rowMessage(code, message), undefined, o),
      fromDriver: (value, name, o) =>
        has(value, 'description') ? new v4.FaunaError(name, text(value), descriptionOf(value), o) : undefined,
    },
    ProtocolError: {
      Class: v4.ProtocolError,
      fromCode: (code, message, o) => new v4.ProtocolError(rowMessage(code, message), o),
      // fauna (v10) ProtocolErrors carry `httpStatus`; faunadb's carry `description` (undefined).
      fromDriver: (value, _name, o) =>
        read(value, 'httpStatus') === undefined ? new v4.ProtocolError(text(value), o) : undefined,
    },
    InvalidValue: {
      Class: v4.InvalidValue,
      fromCode: (code, message, o) => new v4.InvalidValue(rowMessage(code, message), o),
      fromDriver: (value, _name, o) => new v4.InvalidValue(text(value), o),
    },
    InvalidArity: {
      Class: v4.InvalidArity,
      fromDriver: (value, _name, o) => {
        const num = (k: string) => {
          const v = read(value, k)
          return typeof v === 'number' ? v : null
        }
        const message = text(value)
        const e = new v4.InvalidArity(num('min'), num('max'), num('actual') ?? 0, message.split(' ')[0] ?? '', o)
        return e
      },
    },
    ClientClosed: {
      Class: v4.ClientClosed,
      fromCode: (code, message, o) => new v4.ClientClosed(rowMessage(code, message), undefined, o),
      fromDriver: (value, _name, o) => new v4.ClientClosed(text(value), descriptionOf(value), o),
    },
    StreamError: {
      Class: v4.StreamError,
      fromDriver: (value, name, o) =>
        has(value, 'description') ? new v4.StreamError(name, text(value), descriptionOf(value), o) : undefined,
    },
    StreamsNotSupported: {
      Class: v4.StreamsNotSupported,
      // The message given to `create` is the human text: faunadb's `description` (its message is fixed).
      fromCode: (_code, message, o) => new v4.StreamsNotSupported(message, o),
      fromDriver: (value, _name, o) => new v4.StreamsNotSupported(descriptionOf(value), o),
    },
    StreamErrorEvent: {
      Class: v4.StreamErrorEvent,
      fromDriver: (value, _name, o) => {
        const event = read(value, 'event')
        return new v4.StreamErrorEvent(
          isRecord(event) ? event : { code: text(value), description: descriptionOf(value) },
          o,
        )
      },
    },
    NetworkError: {
      // faunadb has no NetworkError class: a FaunaError named NetworkError stands for the raw errors it leaks.
      Class: v4.FaunaError,
      fromCode: (code, message, o) => new v4.FaunaError('NetworkError', rowMessage(code, message), undefined, o),
    },
    TimeoutError: {
      Class: v4.TimeoutError,
      fromCode: (code, message, o) => new v4.TimeoutError(rowMessage(code, message), o),
    },
    AbortError: {
      Class: v4.AbortError,
      fromCode: (code, message, o) => new v4.AbortError(rowMessage(code, message), o),
    },
    FaunaHTTPError: httpEntry(v4.FaunaHTTPError, (rr, name, o) => new v4.FaunaHTTPError(name, rr, o)),
    UnknownError: httpEntry(v4.FaunaHTTPError, (rr, _name, o) => new v4.FaunaHTTPError('UnknownError', rr, o)),
  }
  for (const [name, Ctor] of Object.entries(v4.V4_HTTP_CLASSES)) {
    TABLE[name] = httpEntry(Ctor, (rr, _n, o) => new Ctor(rr, o))
  }
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V4ClassEntry>, TABLE))
}

/**
 * faunadb 4.8.2's classes by instance `name`: one table for `create`, `recognize` and the adapter's `classes`
 * (faunadb/faunadb-js src/errors.js, src/_http/errors.js @ 4.8.2). Null prototype: a name read from input
 * never reaches `Object.prototype`.
 */
export const V4_CLASSES: Readonly<Record<string, V4ClassEntry>> = /* @__PURE__ */ v4Classes()

/** Which v4 code wraps a client-side failure of each kind (core `normalizeWith`). */
export const V4_CLIENT_CODES: ClientCodes = /* @__PURE__ */ Object.freeze({
  unknown: 'FaunaError',
  unavailable: 'NetworkError',
  deadline_exceeded: 'TimeoutError',
  cancelled: 'AbortError',
})

/**
 * The v4 error for a code: client-side codes (the class name) by their class; HTTP codes as faunadb would throw
 * them for a reply with the row's wire status (`message` becomes the `description`, as `message` is the code in
 * faunadb); unknown codes as a BadRequest keeping the code.
 */
export function createV4(code: string, message: string | undefined, options: ErrsOptions = {}): AnyV4Error {
  const row = v4CodeInfo(code)
  const entry = row !== undefined && row.className === row.code ? V4_CLASSES[row.className] : undefined
  if (entry?.fromCode) return entry.fromCode(code, message, options)
  if (code === EMPTY_ERRORS) {
    // faunadb's message and description are both fixed for an empty `errors` array: a caller's text is kept.
    const o = message === undefined ? options : { ...options, details: { ...options.details, message } }
    return v4.errorForStatus({ statusCode: row?.wireStatus ?? 400, responseContent: { errors: [] } }, o)
  }
  const errors = [{ code, description: message ?? row?.description ?? code, position: [] }]
  return v4.errorForStatus({ statusCode: row?.wireStatus ?? 400, responseContent: { errors } }, options)
}

/**
 * Stream error events handed to listeners as data: faunadb 4.8.2 passes the bare `{ code, description }` and the
 * whole `{ type: "error", txn, event }` event.
 */
export function fromStreamDataV4(value: unknown, o: ErrsOptions): AnyV4Error | undefined {
  if (!isRecord(value) || v4.FaunaError.is(value) || value instanceof Error) return undefined
  const event = read(value, 'event')
  if (read(value, 'type') === 'error' && isRecord(event) && typeof read(event, 'code') === 'string') {
    return new v4.StreamErrorEvent(value, o)
  }
  if (typeof read(value, 'code') === 'string' && typeof read(value, 'description') === 'string') {
    return new v4.StreamErrorEvent(value, o)
  }
  return undefined
}

/** faunadb 4.8.2's errors, recognised by `name` and fields through `V4_CLASSES` (no dependency on faunadb). */
export function fromFaunadb(value: unknown, o: ErrsOptions): AnyV4Error | undefined {
  if (read(value, 'isTimeoutError') === true) return new v4.TimeoutError(text(value), o)
  if (read(value, 'isAbortError') === true) return new v4.AbortError(text(value), o)
  const name = readString(value, 'name')
  const entry = name === undefined ? undefined : V4_CLASSES[name]
  return name === undefined ? undefined : entry?.fromDriver?.(value, name, o)
}

/** The raw errors faunadb leaks, as v4 classes. */
export function fromLeakV4(value: unknown, given: ErrsOptions): AnyV4Error | undefined {
  const leak = leakOf(value)
  if (leak === undefined) return undefined
  const o = leakOptions(value, given)
  switch (leak.what) {
    case 'unreadable':
      return new v4.ProtocolError(leak.message, o)
    case 'network':
      return new v4.FaunaError('NetworkError', leak.message, undefined, o)
    case 'abort':
      return new v4.AbortError(leak.message, o)
    case 'timeout':
      return new v4.TimeoutError(leak.message, o)
  }
  return undefined
}

/**
 * This package's v4 error for a value thrown by `faunadb` 4.8 (recognised by shape, no dependency on faunadb),
 * the original kept as `cause`
 * (a redacted stand-in when its message or stack shows a secret): its classes, stream error data, and the raw `SyntaxError`/`TypeError`/network
 * errors it leaks; a v4 error of this package as it is; undefined for anything else. Never throws.
 */
export function recognize(value: unknown): AnyV4Error | undefined {
  if (isV4Error(value)) return value
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  const o: ErrsOptions = { cause: value }
  try {
    return fromFaunadb(value, o) ?? fromStreamDataV4(value, o) ?? fromLeakV4(value, o)
  } catch {
    return undefined
  }
}

/** The v4 dialect as a core adapter (what `normalize` runs on; the both-dialect adapter is `@errs/fauna/adapter`). */
export const v4Adapter: Adapter<AnyV4Error> = /* @__PURE__ */ makeV4Adapter()

/** Builds `v4Adapter` (a function: no module-level code). */
function makeV4Adapter(): Adapter<AnyV4Error> {
  return dialectAdapter<AnyV4Error>({
    codes: V4_CODES,
    classTable: V4_CLASSES,
    clientCodes: V4_CLIENT_CODES,
    create: createV4,
    fromHttp,
    encode: encodeV4,
    recognize,
  })
}

/**
 * Turns anything thrown by a `faunadb` call into a v4 error of this package (never throws): faunadb's classes by
 * shape, the raw errors it leaks, anything else a `FaunaError` (`NetworkError`, `TimeoutError`, `AbortError` for
 * failures of those kinds). The original is kept as `cause` (a redacted stand-in when its message or stack shows a secret).
 * Core's `normalizeWith` over the v4 dialect.
 */
export function normalize(value: unknown): AnyV4Error {
  return normalizeWith(v4Adapter, value, normalize)
}

/**
 * Encodes a v4 error as the reply faunadb reads: HTTP errors as `{ errors }` at their wire status, stream error
 * events as `{ type: "error", txn, event }`, client-side errors as a problem. Secrets are redacted.
 */
export function encodeV4(error: AnyV4Error): HttpWire {
  if (v4.FaunaHTTPError.is(error)) {
    const wire = error.httpStatusCode
    return {
      status: isHttpErrorStatus(wire) ? wire : error.status,
      headers: replyHeaders(error, 'application/json'),
      body: { errors: toPlainData(error.errors(), { redact: true }) },
    }
  }
  if (v4.StreamErrorEvent.is(error)) {
    const event: Record<string, unknown> = { code: error.code }
    if (error.description !== undefined) event.description = error.description
    return {
      status: error.status,
      headers: replyHeaders(error, 'application/json'),
      body: { type: 'error', ...(error.txn !== undefined ? { txn: error.txn } : {}), event },
    }
  }
  return encodeProblem(error)
}
