import { coreView, normalizeWith, read, restartStack } from '@errs/core/kit'
import { adapter } from './adapter.js'
import { type ToErrorResponseOptions, writeErrorResponse } from './encode.js'
import type { LanceNamespaceError } from './lance-namespace-error.js'
import { isOperation, type Operation } from './operations.js'
import { recognize } from './recognize.js'
import type { ErrorReply } from './rest.js'

/**
 * Turns anything thrown into a Lance error (`normalizeWith` of `@errs/core/kit` with this package's adapter):
 * ours come back as they are; a plain core error of system `lance` is rebuilt as its class; `@lancedb/lancedb`
 * errors are classified by the family table `LANCEDB_ERRORS` (code, message without Rust paths, detail, instance,
 * request id; the original as `cause`, or a redacted stand-in when its message or stack shows a secret); anything else is wrapped in the code `adapter.clientCodes` names for its
 * kind (network failures → `ServiceUnavailableError`, retryable; errors of other systems by kind), else
 * `InternalError` with the classified kind. `operation` helps decode bare HTTP statuses echoed by `db://`
 * connections. Never throws, for any value (revoked Proxies, throwing getters, forged brands).
 */
export function normalize(value: unknown, options: { operation?: Operation } = {}): LanceNamespaceError {
  const operation = read(options, 'operation')
  if (isOperation(operation)) {
    const known = recognize(value, { operation })
    if (known !== undefined) return known === value ? known : restartStack(known, normalize)
  }
  return normalizeWith(adapter, value, normalize)
}

/**
 * The HTTP reply a server implementing the spec sends for `err`: the status from the code → status table
 * (unknown codes → 500), the `ErrorResponse` body, and `Retry-After` (whole seconds, rounded up) and `x-request-id`
 * headers when known. Pass anything: a value that is not a Lance error is converted with `normalize` first.
 *
 * What leaves (public form, the default): exactly what core's public `toProblem` writes for the same error.
 * `error` is the problem's `detail` (`problemDetail` of `@errs/core/kit`): the public message with hosts, addresses,
 * file paths and stack frames removed, or the kind's generic title ("An internal error occurred") for an unexpected
 * error (5xx, internal or unknown kind); for an error of another system or a foreign value, that of the value
 * itself, as `toProblem(normalize(err, { adapters: [adapter] }))` of `@errs/core` writes it. `instance` is the
 * problem's (URLs removed); `context` only for an error that is not unexpected; `detail` (possibly a server stack
 * trace) never. With `exposeInternal` (trusted hops between your own services): the full message, `detail`,
 * `instance` and `context`, redacted. A request id that is not a valid header value (CR/LF, non-ASCII) is not
 * written. Never throws.
 *
 * @example
 * const { status, headers, body } = toErrorResponse(new TableNotFoundError("Table 'users' not found"))
 * return new Response(JSON.stringify(body), { status, headers })   // 404, {"code":4,"error":"Table 'users' not found"}
 */
export function toErrorResponse(err: unknown, options: ToErrorResponseOptions = {}): ErrorReply {
  // An errs error (of any system) and a value this package recognises are written as themselves; anything else is
  // foreign: its message is not public, whatever code it is wrapped in (as core's `toProblem` of the value).
  if (coreView(err) !== undefined) return writeErrorResponse(normalizeWith(adapter, err), options, err)
  const known = recognize(err)
  return known !== undefined ? writeErrorResponse(known, options) : writeErrorResponse(normalize(err), options, err)
}
