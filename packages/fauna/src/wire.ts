import type { ErrsError } from '@errs/core'
import { type HttpWire, PROBLEM_CONTENT_TYPE, retryAfterHeader, toProblem } from '@errs/core/kit'

/** Headers of an encoded reply: content type, and `Retry-After` when the error says when to retry. */
export function replyHeaders(error: ErrsError, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (error.retryAfterMs !== undefined) headers['retry-after'] = retryAfterHeader(error.retryAfterMs)
  return headers
}

/** A client-side error, which has no Fauna wire form: written as a trusted-hop problem (`details.dialect` kept). */
export function encodeProblem(error: ErrsError): HttpWire {
  return {
    status: error.status,
    headers: replyHeaders(error, PROBLEM_CONTENT_TYPE),
    body: toProblem(error, { exposeInternal: true }),
  }
}
