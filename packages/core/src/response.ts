import { rawPreview } from './bounds.js'
import { ErrsError } from './errs-error.js'
import { isRecord, read } from './guard.js'
import { isHeaderValue, parseBody, readResponse, retryAfterHeader } from './http.js'
import { httpStatusToKind, isHttpErrorStatus, KIND_DEFAULT_RETRYABLE } from './kinds.js'
import { type FromProblemOptions, fromProblemValue } from './problem.js'
import { PROBLEM_CONTENT_TYPE, type ToProblemOptions, writeProblem } from './problem-write.js'

/** Options of `toResponse`: the problem's form, and extra headers (values that are not header-safe are dropped). */
export interface ToResponseOptions extends ToProblemOptions {
  headers?: Readonly<Record<string, string>>
}

/**
 * A web-standard `Response` carrying the error as `application/problem+json` (public form unless
 * `exposeInternal`), with `Retry-After` when known. Never throws.
 */
export function toResponse(error: unknown, options: ToResponseOptions = {}): Response {
  const problem = writeProblem(error, options)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/.test(name) && isHeaderValue(value)) headers[name.toLowerCase()] = value
  }
  headers['content-type'] = PROBLEM_CONTENT_TYPE
  if (problem.retryAfterMs !== undefined) headers['retry-after'] = retryAfterHeader(problem.retryAfterMs)
  const status = problem.status >= 200 && problem.status <= 599 ? problem.status : 500
  return new Response(JSON.stringify(problem), { status, headers })
}

/** The subset of a fetch `Response` that `fromResponse` reads; axios' `err.response` and Node replies work too. */
export interface ResponseLike {
  readonly status: number
  readonly headers: unknown
  text?(): Promise<string>
  readonly data?: unknown
}

/**
 * Reads an error reply — a fetch `Response`, axios' `err.response` (`{ status, headers, data }`), or a plain
 * `{ status, headers, body }`: problem+json is rebuilt with `fromProblem` (native classes for the given
 * adapters); any other body becomes an ErrsError from the bare status (`system: 'http'`), raw body kept, cut and
 * redacted. `Retry-After` and `x-request-id` fill what the problem leaves out. Never rejects.
 */
export async function fromResponse(response: ResponseLike, options: FromProblemOptions = {}): Promise<ErrsError> {
  const reply = await readResponse(response)
  const status = reply.status ?? 500
  if (reply.unreadable) {
    return new ErrsError({
      system: 'http',
      code: status,
      reason: 'UNREADABLE_RESPONSE',
      kind: 'unavailable',
      message: 'Cannot read the error response body',
    })
  }
  const parsed = parseBody(reply.body)
  if (parsed.ok && isRecord(parsed.value)) {
    const fill: { requestId?: string; retryAfterMs?: number } = {}
    if (reply.requestId !== undefined) fill.requestId = reply.requestId
    if (reply.retryAfterMs !== undefined) fill.retryAfterMs = reply.retryAfterMs
    const err = fromProblemValue(parsed.value, options.adapters ?? [], fill)
    if (err !== undefined && isProblemShaped(parsed.value)) return err
  }
  const kind = httpStatusToKind(status)
  return new ErrsError({
    system: 'http',
    code: status,
    reason: `HTTP_${status}`,
    kind,
    status: isHttpErrorStatus(status) ? status : 500,
    retryable: KIND_DEFAULT_RETRYABLE[kind],
    message: `HTTP ${status}`,
    details: { raw: rawPreview(parsed.ok ? (parsed.text ?? parsed.value) : parsed.raw) },
    ...(reply.retryAfterMs !== undefined ? { retryAfterMs: reply.retryAfterMs } : {}),
    ...(reply.requestId !== undefined ? { requestId: reply.requestId } : {}),
  })
}

/** A JSON object with any RFC 9457 member (`type`, `title`, `detail`) as a string. */
function isProblemShaped(value: unknown): boolean {
  return ['type', 'title', 'detail'].some((k) => typeof read(value, k) === 'string')
}
