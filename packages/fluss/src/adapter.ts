import type { Adapter } from '@errs/core'
import {
  errorReplyHeaders,
  type HttpWire,
  isBytes,
  isHttpErrorStatus,
  isRecord,
  read,
  readReply,
  type WireValue,
} from '@errs/core/kit'
import { adapterCore, createFlussError, type FlussError, malformedInput, recognizeFluss } from './fluss-error.js'
import { decodeGatewayResponse } from './gateway.js'
import { decodeErrorJsonWith, encodeErrorJson, parseJsonInput } from './json.js'

export { createFlussError, recognizeFluss }

/**
 * Decodes an HTTP reply whose body is Fluss error JSON (`{ error_code, error_message }`, camelCase too) or the
 * REST gateway envelope (`{ error: { code, … } }`): `{ status, headers?, body }` (also axios-style `data`), headers
 * of any shape, body as object, JSON text or bytes. Never throws, for any input.
 */
export function decodeHttpWire(wire: WireValue): FlussError {
  if (isBytes(wire)) return malformedInput('HTTP reply', 'RPC bytes: use the adapter of @errs/fluss/wire', wire)
  if (!isRecord(wire)) return malformedInput('HTTP reply', 'expected { status, headers?, body }', wire)
  const reply = readReply(wire)
  const parsed = parseJsonInput(reply.body, 'HTTP reply', reply.status)
  if (!parsed.ok) return parsed.error
  const body = parsed.value
  if (isRecord(body) && isRecord(read(body, 'error'))) {
    return decodeGatewayResponse({ status: reply.status, headers: reply.headers, body })
  }
  // The kit read the reply's `x-request-id` and `Retry-After` (`readReply`), each only when usable.
  return decodeErrorJsonWith(body, {
    ...(isHttpErrorStatus(reply.status) ? { wireStatus: reply.status } : {}),
    ...(reply.requestId === undefined ? {} : { requestId: reply.requestId }),
    ...(reply.retryAfterMs === undefined ? {} : { retryAfterMs: reply.retryAfterMs }),
  })
}

/**
 * Encodes a FlussError as an HTTP reply with the JSON pair and its status: the adapter's `encode`, the inverse of
 * `decode` for hops between your own services, so the trusted form (`encodeErrorJson` with `exposeInternal`: the
 * full message, redacted). Answer untrusted readers with `toResponse`/`toProblem` or `encodeErrorJson`.
 */
export function encodeHttpWire(error: FlussError): HttpWire {
  // `Retry-After` and `x-request-id` (only a valid header value: a CR LF from the network would split the reply).
  return {
    status: error.status,
    headers: errorReplyHeaders(error, 'application/json'),
    body: encodeErrorJson(error, TRUSTED),
  }
}

const TRUSTED = /* @__PURE__ */ Object.freeze({ exposeInternal: true })

/**
 * The errs adapter of Apache Fluss for the main entry, whose wire form is an HTTP reply carrying JSON
 * (`{ status, headers, body: { error_code, error_message } }`; gateway envelopes decode too). It stays free of
 * `@bufbuild/protobuf`'s reader; `@errs/fluss/wire` exports the same adapter with the RPC `ErrorResponse` bytes as wire form.
 * `encode` writes the trusted form (full message, redacted), as `toProblem(err, { exposeInternal: true })` does.
 * Anything thrown: `FlussError.from` (= `normalizeWith(adapter, value)`).
 */
export const adapter: Adapter<FlussError> = /* @__PURE__ */ httpAdapter()

// Built in a function: a spread at module level is a side effect a bundler keeps (it may run getters).
function httpAdapter(): Adapter<FlussError> {
  return Object.freeze({ ...adapterCore, wire: 'http' as const, decode: decodeHttpWire, encode: encodeHttpWire })
}
