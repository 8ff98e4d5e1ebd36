import { MAX_STRING } from '@errs/core'
import { boundedRedact, isHeaderValue } from './guard.js'
import { normalize } from './normalize.js'
import { type ErrorReply, type ErrorResponse, httpStatusOf } from './rest.js'

/** Options of `toErrorResponse`. */
export interface ToErrorResponseOptions {
  /**
   * Write `detail` (which may hold a server stack trace), for replies to your own services over a trusted hop.
   * Default `false`: a reply to anyone else carries no `detail`.
   */
  exposeInternal?: boolean
}

/**
 * The HTTP reply a server implementing the spec sends for `err`: the status from the code → status table
 * (unknown codes → 500), the `ErrorResponse` body, and `Retry-After` (whole seconds, rounded up) and `x-request-id`
 * headers when known. Pass anything: a value that is not a Lance error is converted with `normalize` first.
 *
 * What leaves: `error` is the error's public message; `instance` and `context` are written bounded and redacted;
 * `detail` only with `exposeInternal` (redacted). A request id that is not a valid header value (CR/LF, characters
 * above U+00FF) is not written. Never throws.
 *
 * @example
 * const { status, headers, body } = toErrorResponse(new TableNotFoundError("Table 'users' not found"))
 * return new Response(JSON.stringify(body), { status, headers })   // 404, {"code":4,"error":"Table 'users' not found"}
 */
export function toErrorResponse(err: unknown, options: ToErrorResponseOptions = {}): ErrorReply {
  const e = normalize(err)
  const body: ErrorResponse = { code: e.code, error: boundedRedact(e.publicMessage ?? e.message) }
  if (options.exposeInternal === true && e.detail !== undefined) body.detail = boundedRedact(e.detail)
  if (e.instance !== undefined) body.instance = boundedRedact(e.instance, 2048)
  const context = Object.entries(e.context)
  if (context.length > 0) {
    body.context = {}
    for (const [k, v] of context) body.context[k] = boundedRedact(v, MAX_STRING)
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const retryAfterMs = e.retryAfterMs
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs)) {
    headers['retry-after'] = String(Math.max(0, Math.ceil(retryAfterMs / 1000)))
  }
  if (isHeaderValue(e.requestId) && e.requestId.length <= 256) headers['x-request-id'] = e.requestId
  return { status: httpStatusOf(e.code), headers, body }
}
