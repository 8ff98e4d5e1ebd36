import { isHeaderValue, isRecord, ownEntries, read, redactBoundedText, retryAfterHeader } from '@errs/core/kit'
import type { LanceNamespaceError } from './lance-namespace-error.js'
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
 * The reply a spec server sends for a Lance error (`adapter.encode` and `toErrorResponse`). `error` is the public
 * message; `instance` and `context` bounded and redacted; `detail` only when `exposeInternal`, redacted; a request
 * id only when it is a valid header value. Never throws.
 */
export function writeErrorResponse(e: LanceNamespaceError, options: ToErrorResponseOptions = {}): ErrorReply {
  const code = read(e, 'code')
  const n = typeof code === 'number' && Number.isSafeInteger(code) ? code : 18
  const publicMessage = read(e, 'publicMessage')
  const message = read(e, 'message')
  const text = typeof publicMessage === 'string' ? publicMessage : typeof message === 'string' ? message : ''
  const body: ErrorResponse = { code: n, error: redactBoundedText(text) }
  const detail = read(e, 'detail')
  if (read(options, 'exposeInternal') === true && typeof detail === 'string') body.detail = redactBoundedText(detail)
  const instance = read(e, 'instance')
  if (typeof instance === 'string') body.instance = redactBoundedText(instance, 2048)
  const context = read(e, 'context')
  if (isRecord(context)) {
    const entries = ownEntries(context, 256).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    if (entries.length > 0) body.context = Object.fromEntries(entries.map(([k, v]) => [k, redactBoundedText(v)]))
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const retryAfterMs = read(e, 'retryAfterMs')
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs)) {
    headers['retry-after'] = retryAfterHeader(retryAfterMs)
  }
  const requestId = read(e, 'requestId')
  if (isHeaderValue(requestId) && requestId !== '' && requestId.length <= 256) headers['x-request-id'] = requestId
  return { status: httpStatusOf(n), headers, body }
}
