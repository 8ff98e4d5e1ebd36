import type { Adapter, CreateOptions, ErrsErrorInit, HttpWire, ProblemData, WireValue } from '@errs/core'
import { isHttpErrorStatus, ownData } from '@errs/core'
import { codeOfName, ErrorCode, FLUSS_CODES, type FlussCodeInfo } from './codes.js'
import { FlussError, type FlussErrorOptions, malformedInput, recognizeFluss } from './fluss-error.js'
import { decodeGatewayResponse, header, requestIdOf } from './gateway.js'
import { bytesOf, isRecord, read } from './guard.js'
import { decodeErrorJsonWith, encodeErrorJson, parseJsonInput } from './json.js'

/** A code given as a number, a Java name (`'TABLE_NOT_EXIST'`) or a numeric string. */
function codeFrom(code: unknown): number | undefined {
  if (typeof code === 'number') return code
  if (typeof code !== 'string') return undefined
  const named = codeOfName(code)
  if (named !== undefined) return named
  return /^-?\d{1,10}$/.test(code) ? Number(code) : undefined
}

/** The occurrence context of `create` options (details, cause, requestId, retryAfterMs, instance), read guarded. */
function occurrence(options: unknown): FlussErrorOptions {
  const out: FlussErrorOptions = {}
  const details = read(options, 'details')
  if (isRecord(details)) out.details = details
  for (const key of ['cause', 'requestId', 'retryAfterMs', 'instance'] as const) {
    const v = read(options, key)
    if (v !== undefined) (out as Record<string, unknown>)[key] = v
  }
  return out
}

/** Makes the FlussError of a code (number or Java name); unknown numbers are kept as they are. Never throws. */
export function createFlussError(code: number | string, message?: string, options?: CreateOptions): FlussError {
  const n = codeFrom(code)
  const o = occurrence(options)
  if (n === undefined) {
    const requested = typeof code === 'string' ? code.slice(0, 128) : typeof code
    return new FlussError(message ?? `Unknown Fluss error name '${requested}'.`, ErrorCode.CLIENT_ERROR, {
      ...o,
      details: { ...(o.details === undefined ? {} : ownData(o.details)), requestedCode: requested },
    })
  }
  return new FlussError(message, n, o)
}

/** Rebuilds a FlussError from a problem's core fields, keeping them as they are. */
export function flussFromProblem(init: ErrsErrorInit, _problem: ProblemData): FlussError {
  const code = codeFrom(init.code) ?? ErrorCode.CLIENT_ERROR
  const options: FlussErrorOptions = {
    kind: init.kind,
    reason: init.reason,
  }
  if (init.status !== undefined) options.status = init.status
  if (init.retryable !== undefined) options.retryable = init.retryable
  if (init.details !== undefined) options.details = init.details
  if (init.internal !== undefined) options.internal = init.internal
  if (init.publicMessage !== undefined) options.publicMessage = init.publicMessage
  if (init.retryAfterMs !== undefined) options.retryAfterMs = init.retryAfterMs
  if (init.requestId !== undefined) options.requestId = init.requestId
  if (init.instance !== undefined) options.instance = init.instance
  if (init.cause !== undefined) options.cause = init.cause
  return new FlussError(init.message, code, options)
}

/**
 * Decodes an HTTP reply whose body is Fluss error JSON (`{ error_code, error_message }`, camelCase too) or the
 * REST gateway envelope (`{ error: { code, … } }`). Never throws, for any input.
 */
export function decodeHttpWire(wire: WireValue): FlussError {
  if (bytesOf(wire)) {
    return malformedInput('HTTP reply', 'RPC bytes: use the adapter of @errs/fluss/wire', wire)
  }
  if (!isRecord(wire)) return malformedInput('HTTP reply', 'expected { status, headers?, body }', wire)
  const status = read(wire, 'status')
  const headers = read(wire, 'headers')
  const parsed = parseJsonInput(read(wire, 'body'), 'HTTP reply')
  if (!parsed.ok) return parsed.error
  const body = parsed.value
  if (isRecord(body) && isRecord(read(body, 'error'))) return decodeGatewayResponse({ status, headers, body })
  const extra: FlussErrorOptions = {}
  if (isHttpErrorStatus(status)) extra.status = status
  const requestId = requestIdOf(header(headers, 'x-request-id'))
  if (requestId !== undefined) extra.requestId = requestId
  return decodeErrorJsonWith(body, extra)
}

/** Encodes a FlussError as an HTTP reply with the JSON pair (public message) and its status. */
export function encodeHttpWire(error: FlussError): HttpWire {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  // Only a valid header value goes out (a CR LF from the network would split the reply).
  const requestId = requestIdOf(error.requestId)
  if (requestId !== undefined) headers['x-request-id'] = requestId
  return { status: error.status, headers, body: encodeErrorJson(error) }
}

/** The parts of the Fluss adapter that do not depend on the wire form. */
export const adapterBase = Object.freeze({
  system: 'fluss',
  codes: FLUSS_CODES as readonly FlussCodeInfo[],
  create: createFlussError,
  fromProblem: flussFromProblem,
  recognize: (value: unknown): FlussError | undefined => recognizeFluss(value),
  normalize: (value: unknown): FlussError => FlussError.from(value),
})

/**
 * The @errs adapter of Apache Fluss for the main entry, whose wire form is an HTTP reply carrying JSON
 * (`{ status, headers, body: { error_code, error_message } }`; gateway envelopes decode too). It stays free of
 * `@bufbuild/protobuf`; `@errs/fluss/wire` exports the same adapter with the RPC `ErrorResponse` bytes as wire form.
 */
export const adapter: Adapter<FlussError> = Object.freeze({
  ...adapterBase,
  decode: decodeHttpWire,
  encode: encodeHttpWire,
})
