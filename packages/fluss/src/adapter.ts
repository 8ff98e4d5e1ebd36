import type { Adapter, CreateOptions, ErrsErrorInit, HttpWire, ProblemData, WireValue } from '@errs/core'
import { isHttpErrorStatus, occurrenceOptions } from '@errs/core'
import { codeOfName, ErrorCode, FLUSS_CODES, type FlussCodeInfo } from './codes.js'
import { FlussError, type FlussErrorOptions, malformedInput, recognizeFluss } from './fluss-error.js'
import { decodeGatewayResponse } from './gateway.js'
import { decodeErrorJsonWith, encodeErrorJson, isBytes, isRecord, parseJsonInput } from './json.js'

/** A code given as a number, a Java name (`'TABLE_NOT_EXIST'`) or a numeric string. */
function codeFrom(code: number | string): number | undefined {
  if (typeof code === 'number') return code
  const named = codeOfName(code)
  if (named !== undefined) return named
  return /^-?\d{1,10}$/.test(code) ? Number(code) : undefined
}

/** Makes the FlussError of a code (number or Java name); unknown numbers are kept as they are. */
export function createFlussError(code: number | string, message?: string, options?: CreateOptions): FlussError {
  const n = codeFrom(code)
  if (n === undefined) {
    return new FlussError(
      message ?? `Unknown Fluss error name '${String(code).slice(0, 128)}'.`,
      ErrorCode.CLIENT_ERROR,
      {
        ...occurrenceOptions(options),
        details: { ...options?.details, requestedCode: String(code).slice(0, 128) },
      },
    )
  }
  return new FlussError(message, n, occurrenceOptions(options))
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

function header(headers: unknown, name: string): string | undefined {
  if (!isRecord(headers)) return undefined
  const v = headers[name]
  return typeof v === 'string' ? v : undefined
}

/**
 * Decodes an HTTP reply whose body is Fluss error JSON (`{ error_code, error_message }`, camelCase too) or the
 * REST gateway envelope (`{ error: { code, … } }`). Never throws.
 */
export function decodeHttpWire(wire: WireValue): FlussError {
  if (isBytes(wire)) {
    return malformedInput('HTTP reply', 'RPC bytes: use the adapter of @errs/fluss/wire', wire)
  }
  if (!isRecord(wire)) return malformedInput('HTTP reply', 'expected { status, headers?, body }', wire)
  const parsed = parseJsonInput(wire.body, 'HTTP reply')
  if (!parsed.ok) return parsed.error
  const body = parsed.value
  if (isRecord(body) && isRecord(body.error)) return decodeGatewayResponse({ ...wire, body })
  const extra: FlussErrorOptions = {}
  if (isHttpErrorStatus(wire.status)) extra.status = wire.status
  const requestId = header(wire.headers, 'x-request-id')
  if (requestId !== undefined && requestId !== '' && requestId !== 'unknown') extra.requestId = requestId.slice(0, 256)
  return decodeErrorJsonWith(body, extra)
}

/** Encodes a FlussError as an HTTP reply with the JSON pair (public message) and its status. */
export function encodeHttpWire(error: FlussError): HttpWire {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (error.requestId !== undefined) headers['x-request-id'] = error.requestId
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
