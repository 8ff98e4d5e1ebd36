import { adaptersOf } from './adapter.js'
import { rawPreview } from './bounds.js'
import { ErrsError } from './errs-error.js'
import { isRecord, read } from './guard.js'
import { headerMap, isHeaderValue, parseBody, readResponse, retryAfterHeader } from './http.js'
import { HTTP_RETRY_AFTER_STATUSES, statusFacts } from './kinds.js'
import { type FromProblemOptions, fromProblemValue } from './problem.js'
import { PROBLEM_CONTENT_TYPE, type ToProblemOptions, writeProblem } from './problem-write.js'

/** Options of `toResponse`: the problem's form, and extra headers (values that are not header-safe are dropped). */
export interface ToResponseOptions extends ToProblemOptions {
  /**
   * Extra response headers: a plain object, `Headers`, a `Map` or `[name, value]` pairs. `content-type` is always the
   * problem's; `retry-after` the error's when it has one.
   */
  headers?: Readonly<Record<string, string>> | Iterable<readonly [string, string]>
}

/**
 * A web-standard `Response` carrying the error as `application/problem+json` — the public form (no `internal`
 * context, no stack) unless `exposeInternal` (only between your own services) — with `Retry-After` when the error
 * has `retryAfterMs`. The status is the error's (500 when outside 200–599). Never throws.
 *
 * Typed as the global `Response` of the program (DOM lib, `@types/node`, worker types); a program with none of
 * those (`lib: ["es2022"]`, no DOM or Node types) sees the structural shape instead. At run time it is always a
 * real `Response` of the runtime.
 *
 * Sending it where the framework takes a `Response` (Hono, Next.js route handlers, workers): return it. Where the
 * framework writes to Node's `ServerResponse` (Express, Fastify, `node:http`): copy status, headers and text, as
 * the recipes in the README show.
 */
export function toResponse(
  error: unknown,
  options?: ToResponseOptions,
): typeof globalThis extends { Response: { prototype: infer R } }
  ? R
  : {
      readonly status: number
      readonly statusText: string
      readonly ok: boolean
      readonly headers: {
        get(name: string): string | null
        has(name: string): boolean
        forEach(callback: (value: string, name: string) => void): void
        [Symbol.iterator](): IterableIterator<[string, string]>
      }
      text(): Promise<string>
      json(): Promise<unknown>
    } {
  const problem = writeProblem(error, options)
  const headers: Record<string, string> = {}
  // Any headers shape (plain object, `Headers`, `Map`, `[name, value]` pairs), read guarded: never throws.
  const extra = headerMap(read(options, 'headers'))
  for (const name of Object.keys(extra)) {
    const value = extra[name]
    if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/.test(name) && isHeaderValue(value)) headers[name] = value
  }
  headers['content-type'] = PROBLEM_CONTENT_TYPE
  if (problem.retryAfterMs !== undefined) headers['retry-after'] = retryAfterHeader(problem.retryAfterMs)
  // An error reply: a status outside 400–599 (a 204 or 304 cannot even carry a body) answers 500.
  const status = problem.status >= 400 && problem.status <= 599 ? problem.status : 500
  return new Response(JSON.stringify(problem), { status, headers })
}

/**
 * What `fromResponse` reads — any of: a fetch `Response` (`status`, `headers`, `text()`), axios' `err.response`
 * (`status`, `headers`, parsed `data`), Node's `http.IncomingMessage` (`statusCode`, `headers`, the body stream),
 * Fastify's `inject()` reply (`statusCode`, `headers`, `body` text), or a plain `{ status, headers, body }`.
 */
export interface ResponseLike {
  /** The HTTP status (fetch, axios, plain objects). */
  readonly status?: number | undefined
  /** The HTTP status (Node `IncomingMessage`, Fastify `inject()`). */
  readonly statusCode?: number | undefined
  /** Headers: web `Headers`, or a plain object in any case (array values as Node gives them). */
  readonly headers?: unknown
  /** The body text, read once (fetch). */
  text?(): Promise<string>
  /** The body a client already parsed or read (axios), or a stream of it. */
  readonly data?: unknown
  /** The body: text, bytes, a parsed value, or a stream. */
  readonly body?: unknown
}

/**
 * Reads an error reply from any `ResponseLike` carrier (fetch, axios' `err.response`, Node's `IncomingMessage`,
 * Fastify's `inject()`, a plain `{ status, headers, body }`), its body read bounded (1 MiB): problem+json is
 * rebuilt with `fromProblem` (native classes for the given adapters); any other body becomes an ErrsError from the
 * bare status (`system: 'http'`), raw body kept, cut and redacted. `Retry-After` and `x-request-id` fill what the
 * problem leaves out. An unreadable body gives reason `UNREADABLE_RESPONSE`. Never rejects.
 */
export async function fromResponse(response: ResponseLike, options?: FromProblemOptions): Promise<ErrsError> {
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
    const err = fromProblemValue(parsed.value, adaptersOf(options), fill)
    if (err !== undefined && isProblemShaped(parsed.value)) return err
  }
  // Kind, status and retry rule of the bare status: core's one decision (`statusFacts`).
  const facts = statusFacts(status, reply.retryAfterMs === undefined ? undefined : HTTP_RETRY_AFTER_STATUSES)
  return new ErrsError({
    system: 'http',
    code: status,
    reason: `HTTP_${status}`,
    kind: facts.kind,
    status: facts.status,
    retryable: facts.retryable,
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
