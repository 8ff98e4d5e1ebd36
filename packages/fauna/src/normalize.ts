import { classifyForeign, truncate } from '@errs/core'
import { type FaunaDialect, type FaunaErrorOptions, has, isRecord, read, readString } from './shared.js'
import * as v4 from './v4/errors.js'
import { isQueryFailure } from './v10/decode.js'
import * as v10 from './v10/errors.js'
import { encodeTagged } from './v10/tagged.js'

/** Any error this package makes: a v4 error (incl. faunadb's TimeoutError/AbortError) or a v10 error. */
export type AnyFaunaError = v4.FaunaError | v4.TimeoutError | v4.AbortError | v10.FaunaError

/** True for an error made by this package (any copy), of either dialect. */
export function isFaunaError(value: unknown): value is AnyFaunaError {
  return v4.FaunaError.is(value) || v10.FaunaError.is(value) || v4.TimeoutError.is(value) || v4.AbortError.is(value)
}

const V4_HTTP_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(v4.V4_HTTP_CLASSES),
  'UnknownError',
  'FaunaHTTPError',
])

function messageOf(value: unknown): string {
  try {
    const m = read(value, 'message')
    if (typeof m === 'string') return truncate(m)
    if (typeof value === 'string') return truncate(value)
    return value === undefined
      ? 'undefined was thrown'
      : `Non-error value thrown: ${Object.prototype.toString.call(value)}`
  } catch {
    return 'Unreadable value thrown'
  }
}

/** faunadb 4.8.2's classes, recognised by name and fields (no dependency on faunadb). */
function fromFaunadb(value: unknown, cause: FaunaErrorOptions): AnyFaunaError | undefined {
  if (read(value, 'isTimeoutError') === true) return new v4.TimeoutError(messageOf(value), cause)
  if (read(value, 'isAbortError') === true) return new v4.AbortError(messageOf(value), cause)
  const name = readString(value, 'name')
  if (name === undefined) return undefined
  const description = readString(value, 'description')
  const requestResult = read(value, 'requestResult')
  if (V4_HTTP_NAMES.has(name) && isRecord(requestResult)) {
    const Ctor = v4.V4_HTTP_CLASSES[name]
    return Ctor
      ? new Ctor(requestResult as v4.RequestResult, cause)
      : new v4.FaunaHTTPError(name, requestResult as v4.RequestResult, cause)
  }
  const hasDescription = isRecord(value) && 'description' in value
  switch (name) {
    case 'ClientClosed':
      return new v4.ClientClosed(messageOf(value), description, cause)
    case 'ProtocolError':
      // fauna (v10) ProtocolErrors carry `httpStatus`; faunadb's carry `description` (undefined).
      return read(value, 'httpStatus') === undefined ? new v4.ProtocolError(messageOf(value), cause) : undefined
    case 'InvalidValue':
      return new v4.InvalidValue(messageOf(value), cause)
    case 'InvalidArity': {
      const min = read(value, 'min')
      const max = read(value, 'max')
      const actual = read(value, 'actual')
      const fn = messageOf(value).split(' ')[0] ?? ''
      return new v4.InvalidArity(
        typeof min === 'number' ? min : null,
        typeof max === 'number' ? max : null,
        typeof actual === 'number' ? actual : 0,
        fn,
        { ...cause, message: messageOf(value) },
      )
    }
    case 'StreamsNotSupported':
      return new v4.StreamsNotSupported(description, cause)
    case 'StreamErrorEvent': {
      const event = read(value, 'event')
      return new v4.StreamErrorEvent(isRecord(event) ? event : { code: messageOf(value), description }, cause)
    }
    case 'StreamError':
    case 'FaunaError':
      return hasDescription ? new v4.FaunaError(name, messageOf(value), description, cause) : undefined
  }
  return undefined
}

function failureOf(value: unknown): v10.QueryFailure {
  const info = read(value, 'queryInfo')
  const error: Record<string, unknown> = { code: read(value, 'code'), message: messageOf(value) }
  const cf = read(value, 'constraint_failures')
  if (cf !== undefined) error.constraint_failures = cf
  if (isRecord(value) && 'abort' in value) error.abort = encodeTagged(read(value, 'abort'))
  return {
    error: error as v10.QueryFailure['error'],
    summary: readString(info, 'summary'),
    txn_ts: read(info, 'txn_ts') as number | undefined,
    stats: read(info, 'stats') as v10.QueryStats | undefined,
    query_tags: read(info, 'query_tags') as Record<string, string> | undefined,
  }
}

/** fauna 2.5.0's classes, recognised by name and fields (no dependency on fauna). */
function fromFauna(value: unknown, cause: FaunaErrorOptions): AnyFaunaError | undefined {
  const name = readString(value, 'name')
  if (name === undefined) return undefined
  const Service = v10.V10_SERVICE_CLASSES[name]
  if (Service && has(value, 'code')) {
    const httpStatus = read(value, 'httpStatus')
    return new Service(failureOf(value), typeof httpStatus === 'number' ? httpStatus : undefined, cause)
  }
  switch (name) {
    case 'ClientError':
      return new v10.ClientError(messageOf(value), cause)
    case 'ClientClosedError':
      return new v10.ClientClosedError(messageOf(value), cause)
    case 'NetworkError':
      return new v10.NetworkError(messageOf(value), cause)
    case 'ProtocolError': {
      const httpStatus = read(value, 'httpStatus')
      return typeof httpStatus === 'number'
        ? new v10.ProtocolError({ message: messageOf(value), httpStatus }, cause)
        : undefined
    }
  }
  return undefined
}

/**
 * Stream error events handed to listeners as data: faunadb 4.8.2 passes the bare `{ code, description }` and the
 * whole `{ type: "error", txn, event }` event; a v10 error event is `{ type: "error", error: { code, message } }`.
 */
function fromStreamData(value: unknown, cause: FaunaErrorOptions): AnyFaunaError | undefined {
  if (!isRecord(value) || value instanceof Error) return undefined
  const event = read(value, 'event')
  if (read(value, 'type') === 'error' && isRecord(event) && typeof read(event, 'code') === 'string') {
    return new v4.StreamErrorEvent(value, cause)
  }
  if (typeof read(value, 'code') === 'string' && typeof read(value, 'description') === 'string') {
    return new v4.StreamErrorEvent(value, cause)
  }
  if (read(value, 'type') === 'error' && isQueryFailure(value)) return v10.getServiceError(value, undefined, cause)
  return undefined
}

/** Raw errors faunadb leaks: JSON SyntaxError, TypeError on a body without `errors`, Node/fetch network errors. */
function fromLeak(value: unknown, dialect: FaunaDialect, cause: FaunaErrorOptions): AnyFaunaError | undefined {
  const name = readString(value, 'name')
  const message = messageOf(value)
  if (name === 'SyntaxError') {
    return dialect === 'v4'
      ? new v4.ProtocolError(`Error parsing response as JSON: ${message}`, cause)
      : new v10.ProtocolError({ message: `Error parsing response as JSON: ${message}`, httpStatus: 0 }, cause)
  }
  if (name === 'TypeError' && /Cannot read propert(y|ies) of (undefined|null)/.test(message)) {
    const text = `Response is in an unknown format: ${message}`
    return dialect === 'v4'
      ? new v4.ProtocolError(text, cause)
      : new v10.ProtocolError({ message: text, httpStatus: 0 }, cause)
  }
  const code = readString(value, 'code')
  const foreign = classifyForeign(value)
  const network =
    foreign.kind === 'unavailable' ||
    code?.startsWith('ERR_HTTP2') === true ||
    (name === 'TypeError' && message === 'network error')
  if (network) {
    const text = `The network connection encountered a problem: ${message}`
    return dialect === 'v4'
      ? new v4.FaunaError('NetworkError', text, undefined, cause)
      : new v10.NetworkError(text, cause)
  }
  if (name === 'AbortError') return dialect === 'v4' ? new v4.AbortError(message, cause) : undefined
  if (name === 'TimeoutError') return dialect === 'v4' ? new v4.TimeoutError(message, cause) : undefined
  return undefined
}

/** Options of `normalize`. */
export interface NormalizeFaunaOptions {
  /**
   * Dialect for values whose dialect cannot be told from their shape: raw errors (default `'v4'`, because only
   * faunadb leaks them; fauna 2.5 wraps everything) and anything unrecognised (default: v10 `ClientError`).
   */
  dialect?: FaunaDialect
}

/**
 * This package's error for a value thrown by `faunadb` 4.8 or `fauna` 2.5 (recognised by shape, no dependency on
 * either), the original kept as `cause`; undefined for anything else.
 */
export function recognize(value: unknown, options: NormalizeFaunaOptions = {}): AnyFaunaError | undefined {
  if (isFaunaError(value)) return value
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  const cause: FaunaErrorOptions = { cause: value }
  try {
    return (
      fromFaunadb(value, cause) ??
      fromFauna(value, cause) ??
      fromStreamData(value, cause) ??
      fromLeak(value, options.dialect ?? 'v4', cause)
    )
  } catch {
    return undefined
  }
}

/**
 * Turns anything thrown by a Fauna call into this package's error (never throws): driver errors of both
 * dialects by shape, raw SyntaxError/TypeError/network errors that faunadb leaks, anything else as a v10
 * `ClientError` (or a v4 `FaunaError` with `{ dialect: 'v4' }`). The original is kept as `cause`.
 */
export function normalize(value: unknown, options: NormalizeFaunaOptions = {}): AnyFaunaError {
  const known = recognize(value, options)
  if (known !== undefined) return known
  let c: ReturnType<typeof classifyForeign>
  try {
    c = classifyForeign(value)
  } catch {
    c = { kind: 'unknown', retryable: false, status: 500, code: 'unknown', reason: 'UNKNOWN' }
  }
  const init: FaunaErrorOptions = { kind: c.kind, retryable: c.retryable, status: c.status, cause: value }
  return options.dialect === 'v4'
    ? new v4.FaunaError('FaunaError', messageOf(value), undefined, init)
    : new v10.ClientError(messageOf(value), init)
}
