import { rawPreview } from './bounds.js'
import { ErrsError } from './errs-error.js'
import { httpStatusToKind, isHttpErrorStatus, KIND_DEFAULT_RETRYABLE } from './kinds.js'
import {
  type FromProblemOptions,
  fromProblem,
  MAX_PROBLEM_TEXT,
  PROBLEM_CONTENT_TYPE,
  type ToProblemOptions,
  toProblem,
} from './problem.js'

/**
 * Parses a `Retry-After` header value (delay in seconds, or an HTTP date) into milliseconds from `now`.
 * Returns undefined for anything unreadable or in the past.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined
  const v = value.trim()
  if (/^\d{1,10}$/.test(v)) return Number(v) * 1000
  if (v.length > 64) return undefined
  const at = Date.parse(v)
  if (Number.isNaN(at)) return undefined
  const ms = at - now
  return ms >= 0 ? ms : undefined
}

/** A web-standard `Response` carrying the error as `application/problem+json` (and `Retry-After` when known). */
export function toResponse(
  error: unknown,
  options: ToProblemOptions & { headers?: Record<string, string> } = {},
): Response {
  const problem = toProblem(error, options)
  const headers: Record<string, string> = { ...options.headers, 'content-type': PROBLEM_CONTENT_TYPE }
  if (problem.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(problem.retryAfterMs / 1000))
  const status = problem.status >= 200 && problem.status <= 599 ? problem.status : 500
  return new Response(JSON.stringify(problem), { status, headers })
}

/** The subset of a fetch `Response` that `fromResponse` reads. */
export interface ResponseLike {
  readonly status: number
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
}

/**
 * Reads an error reply: problem+json is rebuilt with `fromProblem` (native classes for the given adapters);
 * any other body becomes an ErrsError from the bare status (`system: 'http'`), raw body kept, truncated.
 * Never rejects.
 */
export async function fromResponse(response: ResponseLike, options: FromProblemOptions = {}): Promise<ErrsError> {
  let status = 500
  let retryAfterMs: number | undefined
  let requestId: string | undefined
  let text = ''
  try {
    status = response.status
    retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    requestId = response.headers.get('x-request-id') ?? undefined
    text = await response.text()
  } catch (cause) {
    return new ErrsError({
      system: 'http',
      code: status,
      reason: 'UNREADABLE_RESPONSE',
      kind: 'unavailable',
      message: 'Cannot read the error response body',
      cause,
    })
  }
  let json: unknown
  if (text.length <= MAX_PROBLEM_TEXT) {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const err = fromProblem(json, options)
    if (err.system !== 'errs') {
      if (err.retryAfterMs === undefined && retryAfterMs !== undefined)
        Object.defineProperty(err, 'retryAfterMs', { value: retryAfterMs })
      if (err.requestId === undefined && requestId !== undefined)
        Object.defineProperty(err, 'requestId', { value: requestId })
      return err
    }
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
    details: { raw: rawPreview(text) },
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  })
}
