import type { Adapter, ErrsOptions } from '@errs/core'
import { type ClientCodes, codeText, isBytes, isRecord, readOptions, readReply, type WireValue } from '@errs/core/kit'
import { CODES, ErrorCode } from './codes.js'
import { TRUSTED, writeErrorResponse } from './encode.js'
import { CLASSES } from './errors.js'
import { fromErrorCode } from './from-error-code.js'
import type { LanceNamespaceError } from './lance-namespace-error.js'
import { recognize } from './recognize.js'
import { fromErrorResponse, unreadable } from './rest.js'

/** A code given as a number, a numeric string (`'4'`) or a name (`'TABLE_NOT_FOUND'`); `NaN` when none of these. */
function codeOf(code: unknown): number {
  if (typeof code === 'number') return code
  if (typeof code !== 'string') return Number.NaN
  if (/^\d{1,15}$/.test(code)) return Number(code)
  return Object.hasOwn(ErrorCode, code) ? ErrorCode[code as keyof typeof ErrorCode] : Number.NaN
}

/**
 * Which Lance code wraps a client-side failure of each kind (`normalizeWith`): the code whose meaning is the same
 * (the Rust REST client turns transport timeouts and connection failures into 17 ServiceUnavailable); anything
 * else is 18 Internal, as upstream's fallbacks.
 */
const CLIENT_CODES: ClientCodes = /* @__PURE__ */ clientCodes()

/** `CLIENT_CODES`, built in a function (a bundler drops the call with the adapter). */
function clientCodes(): ClientCodes {
  return Object.freeze({
    invalid_argument: ErrorCode.INVALID_INPUT,
    out_of_range: ErrorCode.INVALID_INPUT,
    unauthenticated: ErrorCode.UNAUTHENTICATED,
    permission_denied: ErrorCode.PERMISSION_DENIED,
    unavailable: ErrorCode.SERVICE_UNAVAILABLE,
    deadline_exceeded: ErrorCode.SERVICE_UNAVAILABLE,
    resource_exhausted: ErrorCode.THROTTLING,
    unimplemented: ErrorCode.UNSUPPORTED,
    aborted: ErrorCode.CONCURRENT_MODIFICATION,
    internal: ErrorCode.INTERNAL,
    unknown: ErrorCode.INTERNAL,
  })
}

/**
 * The errs adapter for Lance Namespace (`wire: 'http'`). Wire form: the HTTP reply `{ status, headers, body }`
 * whose body is the spec's `ErrorResponse` (parsed JSON, text or UTF-8 bytes). `encode` is the inverse of `decode`,
 * for hops between your own services (the conformance suite's round trip): the trusted reply, as
 * `toErrorResponse(e, { exposeInternal: true })` writes it (the full message and `detail`, redacted). Answer
 * untrusted readers with `toErrorResponse(e)` (the public reply, which exposes exactly what core's public
 * `toProblem` does) or `toResponse`. The code table has no variants: a Lance code means the same everywhere.
 */
export const adapter: Adapter<LanceNamespaceError> & {
  /** The wire form: an HTTP reply `{ status, headers, body }`. */
  readonly wire: 'http'
  /** The class of each code by class name (`TableNotFoundError` …), as `CLASSES`. */
  readonly classes: typeof CLASSES
  /** Which code wraps a failure raised in the client, per kind (`CLIENT_CODES`). */
  readonly clientCodes: ClientCodes
} = {
  system: 'lance',
  /** The wire form: an HTTP reply `{ status, headers, body }`. */
  wire: 'http',
  codes: CODES,
  /** The class of each code by class name (`TableNotFoundError` …), as `CLASSES`. */
  classes: CLASSES,
  /** Which code wraps a failure raised in the client, per kind (`CLIENT_CODES`). */
  clientCodes: CLIENT_CODES,
  create(code: number | string, message?: string, options: ErrsOptions = {}): LanceNamespaceError {
    const n = codeOf(code)
    if (!Number.isNaN(n)) return fromErrorCode(n, message, options)
    const o = readOptions(options)
    return fromErrorCode(n, message, { ...o, details: { ...o?.details, invalidCode: codeText(code) } })
  },
  decode(wire: WireValue): LanceNamespaceError {
    try {
      if (isBytes(wire) || !isRecord(wire)) return fromErrorResponse(wire)
      const reply = readReply(wire)
      return fromErrorResponse(reply.body, {
        ...(reply.status !== undefined ? { status: reply.status } : {}),
        headers: reply.headers,
      })
    } catch (cause) {
      return unreadable('Unreadable Lance error reply', cause, wire)
    }
  },
  encode(error: LanceNamespaceError): WireValue {
    return writeErrorResponse(error, TRUSTED)
  },
  recognize(value: unknown): LanceNamespaceError | undefined {
    return recognize(value)
  },
}
