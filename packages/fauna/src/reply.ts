import type { ResponseLike as CoreResponseLike, ErrsOptions } from '@errs/core'
import { isRecord, type ParsedBody, parseBody, type Reply, readReply, readResponse } from '@errs/core/kit'
import { EMPTY_RESPONSE_MESSAGE } from './codes.js'
import { has } from './shared.js'

export { EMPTY_RESPONSE_MESSAGE }

/** An HTTP reply: status, headers and the body as text, bytes or an already parsed value. */
export interface HttpReply {
  /** HTTP status of the reply (Fauna's wire status, e.g. 400 for a v10 query error, 440 for `time_out`). */
  status: number
  /** Reply headers, any case (`retry-after` in seconds or an HTTP date, `x-request-id`…). */
  headers?: Readonly<Record<string, string>>
  /** The body: JSON text, UTF-8 bytes or the parsed value (read bounded to 1 MiB by the kit). */
  body: unknown
}

/**
 * What `fromResponse` reads: any carrier core's `fromResponse` reads (a fetch `Response`, axios' `err.response`,
 * Node's `IncomingMessage`, Fastify's `inject()` reply, a plain `{ status, headers, body }`), its body read bounded
 * (1 MiB).
 */
export type ResponseLike = CoreResponseLike

/** A reply read by the kit, its body parsed: what both dialects' `fromHttp` start from. */
export interface FaunaReply {
  /** The status as the transport gave it (even outside 100–599: neither driver checks the range). */
  status: number | undefined
  /** Lower-case header names. */
  headers: Record<string, string>
  parsed: ParsedBody
  /** Core options every error made from the reply carries: `retryAfterMs`, `requestId`. */
  options: ErrsOptions
}

/** The shared preamble of v4 and v10 `fromHttp` / `fromResponse`: status, headers, parsed body, Retry-After. */
export function faunaReply(reply: Reply): FaunaReply {
  const options: ErrsOptions = {}
  if (reply.retryAfterMs !== undefined) options.retryAfterMs = reply.retryAfterMs
  if (reply.requestId !== undefined) options.requestId = reply.requestId
  return { status: reply.status, headers: reply.headers, parsed: parseBody(reply.body), options }
}

/** ` (HTTP 502)`, or nothing without a status. */
export function atStatus(status: number | undefined): string {
  return status === undefined ? '' : ` (HTTP ${status})`
}

/** Message of a ProtocolError for a body that is not JSON (what fauna-js and faunadb fail on). */
export function parseErrorMessage(status: number | undefined): string {
  return `Error parsing response as JSON${atStatus(status)}`
}

/** Why a parsed body is not an error reply, as message text. */
export function unknownFormatMessage(value: unknown, status: number | undefined): string {
  if (isRecord(value) && (has(value, 'data') || has(value, 'resource'))) {
    return `Response carries no error${atStatus(status)}`
  }
  return `Response is in an unknown format${atStatus(status)}`
}

/**
 * `fromHttp` and `fromResponse` of a dialect around its `decodeReply`, one copy for both: the kit reads the reply
 * (`readReply`, or `readResponse` bounded for a fetch `Response`), and anything that goes wrong becomes the
 * dialect's ProtocolError (`unreadable`). Neither throws nor rejects.
 */
export function httpDecoders<E>(
  decodeReply: (reply: Reply) => E,
  unreadable: (message: string, status: number | undefined, cause?: unknown) => E,
): { fromHttp(reply: HttpReply): E; fromResponse(res: ResponseLike): Promise<E> } {
  return {
    fromHttp(reply) {
      try {
        return decodeReply(readReply(reply))
      } catch (cause) {
        return unreadable('Unreadable reply', undefined, cause)
      }
    },
    async fromResponse(res) {
      const reply = await readResponse(res)
      if (reply.unreadable) return unreadable('Cannot read the response body', reply.status)
      try {
        return decodeReply(reply)
      } catch (cause) {
        return unreadable('Unreadable reply', reply.status, cause)
      }
    },
  }
}
