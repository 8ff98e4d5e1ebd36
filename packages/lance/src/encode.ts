import {
  errorReplyHeaders,
  isRecord,
  ownEntries,
  problemDetail,
  publicRequestId,
  read,
  redactBoundedText,
  toProblem,
} from '@errs/core/kit'
import type { LanceNamespaceError } from './lance-namespace-error.js'
import { type ErrorReply, type ErrorResponse, httpStatusOf } from './rest.js'

/** Options of `toErrorResponse`. */
export interface ToErrorResponseOptions {
  /**
   * The trusted form, for replies to your own services over a trusted hop: `error` is the full message and
   * `detail` (which may hold a server stack trace) is written, both redacted; `instance` and `context` as stored.
   * Default `false`: the public form, which exposes exactly what `toProblem` of `@errs/core` does.
   */
  exposeInternal?: boolean
}

/** The trusted form's options (the adapter's `encode`). */
export const TRUSTED: ToErrorResponseOptions = /* @__PURE__ */ Object.freeze({ exposeInternal: true })
const MAX_CONTEXT_ENTRIES = 256

/**
 * The reply a spec server sends for a Lance error (`toErrorResponse`; `adapter.encode` in the trusted form). Never
 * throws.
 *
 * Public form (default) — each member is what core's public `toProblem` writes for the same error, so the two
 * reply formats expose the same things:
 * - `error`: the problem's `detail` (`problemDetail` of `@errs/core/kit`): the public message, redacted, with hosts,
 *   addresses, file paths and stack frames removed, or the kind's generic title ("An internal error occurred") for
 *   an unexpected error (an unknown, internal or data-loss kind, a 5xx status, a foreign value);
 * - `instance`: the problem's `instance` (URLs, addresses, file paths and stack frames removed);
 * - `context`: only when the problem carries the error's `details` (never for an unexpected error);
 * - `detail` (a server stack trace, possibly): never;
 * - the `x-request-id` header: the problem's `requestId` (an id that shows a host, address or path is left out).
 *
 * Trusted form (`exposeInternal`): the full message, `detail`, `instance` and `context`, all bounded and redacted.
 *
 * `source` is the value the reply stands for when `e` was made from it (`toErrorResponse` of a foreign value):
 * `error` is written from it, as `toProblem` of that value would.
 */
export function writeErrorResponse(
  e: LanceNamespaceError,
  options: ToErrorResponseOptions = {},
  source: unknown = e,
): ErrorReply {
  const trusted = read(options, 'exposeInternal') === true
  const code = read(e, 'code')
  const n = typeof code === 'number' && Number.isSafeInteger(code) ? code : 18
  const instance = read(e, 'instance')
  const context = stringEntries(read(e, 'context'))
  // The public form of an error with an occurrence to show: the public problem decides what of it leaves (its
  // `instance`, and its `details`, which hold `context`, only for an error that is not unexpected), and its `detail`
  // is the `error` member too: one problem written, not a second pass for the message.
  const problem = !trusted && (typeof instance === 'string' || context.length > 0) ? toProblem(e) : undefined
  const error =
    problem !== undefined && source === e ? problem.detail : problemDetail(source, trusted ? TRUSTED : undefined)
  const body: ErrorResponse = { code: n, error }
  if (trusted) {
    const detail = read(e, 'detail')
    if (typeof detail === 'string') body.detail = redactBoundedText(detail)
    if (typeof instance === 'string') body.instance = redactBoundedText(instance, 2048)
    if (context.length > 0) body.context = Object.fromEntries(context.map(([k, v]) => [k, redactBoundedText(v)]))
  } else if (problem !== undefined) {
    if (typeof problem.instance === 'string') body.instance = problem.instance
    const shown = stringEntries(read(problem.details, 'context'))
    if (shown.length > 0) body.context = Object.fromEntries(shown)
  }
  const headers = errorReplyHeaders(e, 'application/json')
  // Public: `x-request-id` as the public problem writes `requestId` (an id that shows an internal is left out).
  if (!trusted && publicRequestId(read(e, 'requestId')) === undefined) delete headers['x-request-id']
  return { status: httpStatusOf(n), headers, body }
}

/** The string-valued entries of a context record (at most 256); none for anything else. */
function stringEntries(context: unknown): [string, string][] {
  if (!isRecord(context)) return []
  return ownEntries(context, MAX_CONTEXT_ENTRIES).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
}
