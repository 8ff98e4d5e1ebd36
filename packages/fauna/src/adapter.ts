import {
  type Adapter,
  type CreateOptions,
  fromProblem as coreFromProblem,
  type ErrsErrorInit,
  isHttpErrorStatus,
  occurrenceOptions,
  type ProblemData,
  rawPreview,
  toProblem,
  type WireValue,
} from '@errs/core'
import type { FaunaCodeInfo } from './codes.js'
import { type AnyFaunaError, isFaunaError, normalize, recognize } from './normalize.js'
import {
  type FaunaDialect,
  type FaunaErrorOptions,
  isRecord,
  parseBody,
  plainData,
  read,
  readString,
} from './shared.js'
import { EMPTY_ERRORS, V4_CODES, v4ClientRow, v4CodeInfo } from './v4/codes.js'
import * as v4 from './v4/errors.js'
import * as v4http from './v4/http.js'
import { V10_CODES, v10ClientRow, v10CodeInfo } from './v10/codes.js'
import * as v10decode from './v10/decode.js'
import * as v10 from './v10/errors.js'
import { encodeTagged } from './v10/tagged.js'

/** The code table of both dialects (every row has `variant` `'v4'` or `'v10'`): the adapter's `codes`. */
export const CODES: readonly FaunaCodeInfo[] = Object.freeze([...V4_CODES, ...V10_CODES])

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

function createV4(code: string, message: string | undefined, o: FaunaErrorOptions): AnyFaunaError {
  const client = v4ClientRow(code)
  if (client !== undefined) {
    const text = message ?? client.message
    switch (code) {
      case 'ClientClosed':
        return new v4.ClientClosed(text, undefined, o)
      case 'ProtocolError':
        return new v4.ProtocolError(text, o)
      case 'InvalidValue':
        return new v4.InvalidValue(text, o)
      case 'StreamsNotSupported':
        return new v4.StreamsNotSupported(undefined, { ...o, message: text })
      case 'TimeoutError':
        return new v4.TimeoutError(text, o)
      case 'AbortError':
        return new v4.AbortError(text, o)
      default:
        return new v4.FaunaError(code, text, undefined, o)
    }
  }
  // v4 HTTP errors: `message` is the code (as in faunadb), so the given message becomes the description.
  const row = v4CodeInfo(code)
  if (code === EMPTY_ERRORS) {
    // faunadb's message and description are both fixed for an empty `errors` array: a caller's text is kept in details.
    const opts = message === undefined ? o : { ...o, details: { ...o.details, message } }
    return v4.errorForStatus({ statusCode: row?.wireStatus ?? 400, responseContent: { errors: [] } }, opts)
  }
  const errors = [{ code, description: message ?? row?.description ?? code, position: [] }]
  return v4.errorForStatus({ statusCode: row?.wireStatus ?? 400, responseContent: { errors } }, o)
}

function createV10(code: string, message: string | undefined, o: FaunaErrorOptions): AnyFaunaError {
  const client = v10ClientRow(code)
  if (client !== undefined) {
    const text = message ?? client.message
    switch (code) {
      case 'ClientClosedError':
        return new v10.ClientClosedError(text, o)
      case 'NetworkError':
        return new v10.NetworkError(text, o)
      case 'ProtocolError':
        return new v10.ProtocolError({ message: text, httpStatus: client.status }, o)
      default:
        return new v10.ClientError(text, o)
    }
  }
  const row = v10CodeInfo(code)
  const error: v10.QueryFailure['error'] = { code, message: message ?? row?.message ?? code }
  if (code === 'abort') error.abort = null
  if (code === 'constraint_failure') error.constraint_failures = []
  return v10.getServiceError({ error }, row?.wireStatus ?? 400, o)
}

/** Makes the error for a code. `variant` (`'v4'`/`'v10'`) picks the dialect; see `dialectOfCode`. */
function create(code: number | string, message?: string, options: CreateOptions = {}): AnyFaunaError {
  const c = String(code)
  const o = occurrenceOptions(options)
  return dialectOfCode(c, options.variant) === 'v4' ? createV4(c, message, o) : createV10(c, message, o)
}

function isFaunaProblem(value: unknown): boolean {
  if (!isRecord(value)) return false
  const type = read(value, 'type')
  return typeof type === 'string' && (read(value, 'system') === 'fauna' || type.startsWith('urn:errs:fauna:'))
}

/**
 * Decodes a Fauna HTTP reply `{ status, headers?, body }` of either dialect, chosen by the body's shape:
 * `{ errors: [...] }` → v4 (class by status); `{ error: { code, … } }` → v10 (class by code); a stream error
 * event of either dialect; an @errs problem (how client-side errors are encoded). Bytes are read as a body
 * without status. Never throws: anything else is a v10 ProtocolError with the raw input kept.
 */
function decode(wire: WireValue): AnyFaunaError {
  try {
    const reply = wire instanceof Uint8Array ? { status: undefined, body: wire } : wire
    if (!isRecord(reply)) {
      return new v10.ProtocolError(
        { message: 'Not an HTTP reply', httpStatus: 0 },
        { details: { raw: rawPreview(wire) } },
      )
    }
    const parsed = parseBody(read(reply, 'body'))
    const value = parsed.ok ? parsed.value : undefined
    const withBody = { status: read(reply, 'status') as number, headers: read(reply, 'headers') as never, body: value }
    if (isFaunaProblem(value)) {
      const err = coreFromProblem(value, { adapters: [adapter as unknown as Adapter] })
      if (isFaunaError(err)) return err
    }
    if (isRecord(value) && Array.isArray(read(value, 'errors'))) return v4http.fromHttp(withBody)
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

function headersOf(error: AnyFaunaError, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000))
  return headers
}

/**
 * Encodes an error as the HTTP reply of its dialect: v4 HTTP errors as `{ errors }` at their status, v4 stream
 * error events as `{ type: "error", txn, event }`, v10 service errors as the query failure body (a stream
 * `{ type: "error", … }` event when `httpStatus` is undefined). Client-side errors, which have no Fauna wire
 * form, are written as an @errs problem body. Secrets are redacted.
 */
function encode(error: AnyFaunaError): WireValue {
  if (v4.FaunaHTTPError.is(error)) {
    const wire = error.httpStatusCode
    return {
      status: isHttpErrorStatus(wire) ? wire : error.status,
      headers: headersOf(error, 'application/json'),
      body: { errors: plainData(error.errors(), { redact: true }) ?? [] },
    }
  }
  if (v4.StreamErrorEvent.is(error)) {
    const event: Record<string, unknown> = { code: error.code }
    if (error.description !== undefined) event.description = error.description
    return {
      status: error.status,
      headers: headersOf(error, 'application/json'),
      body: { type: 'error', ...(error.txn !== undefined ? { txn: error.txn } : {}), event },
    }
  }
  if (v10.ServiceError.is(error)) {
    const failureError: Record<string, unknown> = { code: error.code, message: error.message }
    if (error.constraint_failures !== undefined) failureError.constraint_failures = error.constraint_failures
    if (v10.AbortError.is(error)) failureError.abort = encodeTagged(plainData(error.abort))
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
    const safe = (plainData(body, { redact: true }) ?? {}) as Record<string, unknown>
    return error.httpStatus === undefined
      ? { status: error.status, headers: headersOf(error, 'application/json'), body: { type: 'error', ...safe } }
      : { status: error.httpStatus, headers: headersOf(error, 'application/json'), body: safe }
  }
  return {
    status: error.status,
    headers: headersOf(error, 'application/problem+json'),
    body: toProblem(error, { exposeInternal: true }),
  }
}

const V4_ONLY_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(v4.V4_HTTP_CLASSES),
  'FaunaHTTPError',
  'UnknownError',
  'ClientClosed',
  'InvalidValue',
  'InvalidArity',
  'StreamError',
  'StreamsNotSupported',
  'StreamErrorEvent',
  'TimeoutError',
])
const V10_ONLY_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(v10.V10_SERVICE_CLASSES).filter((n) => n !== 'AbortError'),
  'ClientError',
  'ClientClosedError',
])

function dialectOfProblem(init: ErrsErrorInit, problem: ProblemData): FaunaDialect {
  const d = read(problem.details, 'dialect')
  if (d === 'v4' || d === 'v10') return d
  const name = problem.name ?? ''
  if (V4_ONLY_NAMES.has(name)) return 'v4'
  if (V10_ONLY_NAMES.has(name)) return 'v10'
  if (name === 'AbortError') return init.code === 'abort' ? 'v10' : 'v4'
  return dialectOfCode(String(init.code))
}

function optionsOf(init: ErrsErrorInit): FaunaErrorOptions {
  const o: FaunaErrorOptions = {
    code: String(init.code),
    reason: init.reason,
    kind: init.kind,
    message: init.message,
  }
  if (init.status !== undefined) o.status = init.status
  if (init.retryable !== undefined) o.retryable = init.retryable
  if (init.title !== undefined) o.title = init.title
  if (init.details !== undefined) o.details = init.details
  if (init.cause !== undefined) o.cause = init.cause
  if (init.retryAfterMs !== undefined) o.retryAfterMs = init.retryAfterMs
  if (init.requestId !== undefined) o.requestId = init.requestId
  if (init.instance !== undefined) o.instance = init.instance
  return o
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function rebuildV4(name: string, init: ErrsErrorInit, d: unknown, o: FaunaErrorOptions): AnyFaunaError {
  const description = readString(d, 'description')
  const code = String(init.code)
  if (V4_ONLY_NAMES.has(name) && (v4.V4_HTTP_CLASSES[name] || name === 'UnknownError' || name === 'FaunaHTTPError')) {
    const sent = read(d, 'errors')
    const errors = Array.isArray(sent)
      ? sent
      : code === EMPTY_ERRORS
        ? []
        : [{ code, description: description ?? code, position: read(d, 'position') ?? [] }]
    const rr: v4.RequestResult = {
      statusCode: num(read(d, 'httpStatusCode')) ?? v4CodeInfo(code)?.wireStatus ?? init.status ?? 400,
      responseContent: { errors },
    }
    const Ctor = v4.V4_HTTP_CLASSES[name]
    return Ctor ? new Ctor(rr, o) : new v4.FaunaHTTPError(name, rr, o)
  }
  switch (name) {
    case 'StreamErrorEvent': {
      const txn = num(read(d, 'txn'))
      return new v4.StreamErrorEvent(
        { type: 'error', ...(txn !== undefined ? { txn } : {}), event: { code, description } },
        o,
      )
    }
    case 'ClientClosed':
      return new v4.ClientClosed(init.message, description, o)
    case 'ProtocolError':
      return new v4.ProtocolError(init.message, o)
    case 'InvalidValue':
      return new v4.InvalidValue(init.message, o)
    case 'InvalidArity':
      return new v4.InvalidArity(
        num(read(d, 'min')) ?? null,
        num(read(d, 'max')) ?? null,
        num(read(d, 'actual')) ?? 0,
        readString(d, 'callerFunc') ?? '',
        o,
      )
    case 'StreamsNotSupported':
      return new v4.StreamsNotSupported(description, o)
    case 'StreamError':
      return new v4.StreamError(name, init.message, description, o)
    case 'TimeoutError':
      return new v4.TimeoutError(init.message, o)
    case 'AbortError':
      return new v4.AbortError(init.message, o)
  }
  return new v4.FaunaError(name || 'FaunaError', init.message, description, o)
}

function rebuildV10(name: string, init: ErrsErrorInit, d: unknown, o: FaunaErrorOptions): AnyFaunaError {
  const httpStatus = num(read(d, 'httpStatus'))
  const Service = v10.V10_SERVICE_CLASSES[name]
  if (Service) {
    const error: Record<string, unknown> = { code: String(init.code), message: init.message }
    const cf = read(d, 'constraint_failures')
    if (cf !== undefined) error.constraint_failures = cf
    if (isRecord(d) && 'abort' in d) error.abort = encodeTagged(read(d, 'abort'))
    const failure = {
      error,
      summary: read(d, 'summary'),
      txn_ts: read(d, 'txn_ts'),
      stats: read(d, 'stats'),
      query_tags: read(d, 'query_tags'),
    } as v10.QueryFailure
    return new Service(failure, httpStatus, o)
  }
  switch (name) {
    case 'ClientClosedError':
      return new v10.ClientClosedError(init.message, o)
    case 'NetworkError':
      return new v10.NetworkError(init.message, o)
    case 'ProtocolError':
      return new v10.ProtocolError({ message: init.message, httpStatus: httpStatus ?? init.status ?? 0 }, o)
  }
  return new v10.ClientError(init.message, o)
}

/**
 * Rebuilds the native class from a problem: the dialect from `details.dialect` (always written by this
 * package), else from the class name, else from the code; the class from `problem.name`. Core fields are kept.
 */
function fromProblem(init: ErrsErrorInit, problem: ProblemData): AnyFaunaError {
  const dialect = dialectOfProblem(init, problem)
  const row = codeInfo(String(init.code), dialect)
  const name = problem.name ?? row?.className ?? ''
  const o = optionsOf(init)
  return dialect === 'v4' ? rebuildV4(name, init, init.details, o) : rebuildV10(name, init, init.details, o)
}

/**
 * The @errs adapter for Fauna, both dialects under `system: 'fauna'`. Every code row has `variant` `'v4'` or
 * `'v10'`; `create(code, message, { variant })` honours it (v10 when omitted and both dialects know the code).
 * For v4 HTTP codes, `message` is the code itself (as in faunadb) and the `message` argument becomes the
 * `description`.
 */
export const adapter: Adapter<AnyFaunaError> = Object.freeze({
  system: 'fauna',
  codes: CODES,
  create,
  decode,
  encode,
  fromProblem,
  recognize: (value: unknown) => recognize(value),
  normalize: (value: unknown) => normalize(value),
})
