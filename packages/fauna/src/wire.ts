import type { ErrsError } from '@errs/core'
import { errorReplyHeaders, type HttpWire, PROBLEM_CONTENT_TYPE, toProblem } from '@errs/core/kit'

/**
 * Headers of an encoded reply: content type, `Retry-After` when the error says when to retry, `x-request-id` when it
 * has a request id (core kit's `errorReplyHeaders`, which every adapter's encoder writes).
 */
export const replyHeaders: (error: ErrsError, contentType: string) => Record<string, string> = errorReplyHeaders

/** A client-side error, which has no Fauna wire form: written as a trusted-hop problem (`details.dialect` kept). */
export function encodeProblem(error: ErrsError): HttpWire {
  return {
    status: error.status,
    headers: replyHeaders(error, PROBLEM_CONTENT_TYPE),
    body: toProblem(error, { exposeInternal: true }),
  }
}
