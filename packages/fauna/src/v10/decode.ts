import { rawPreview } from '@errs/core'
import {
  EMPTY_RESPONSE_MESSAGE,
  type HttpReply,
  type ResponseLike,
  readResponse,
  replyOptions,
  replyStatus,
  unknownFormatMessage,
  unreadableKind,
} from '../reply.js'
import { type FaunaErrorOptions, isRecord, parseBody, read } from '../shared.js'
import { type FaunaError, getServiceError, ProtocolError, type QueryFailure, type ServiceError } from './errors.js'

function protocolError(
  message: string,
  status: number | undefined,
  raw: unknown,
  options: FaunaErrorOptions = {},
): ProtocolError {
  const k = unreadableKind(status)
  return new ProtocolError(
    { message, httpStatus: status ?? 0 },
    { kind: k.kind, status: k.status, retryable: k.retryable, ...options, details: { raw: rawPreview(raw) } },
  )
}

/** True for a body fauna-js treats as a query failure: an `error` object with a string `code`. */
export function isQueryFailure(value: unknown): value is QueryFailure {
  const error = read(value, 'error')
  return isRecord(value) && isRecord(error) && typeof read(error, 'code') === 'string'
}

/**
 * Decodes a v10 reply (query, stream connect or feed request) into the error fauna-js would throw: a
 * ServiceError by code (fauna-js's `getServiceError`), `httpStatus` = the reply's status; a ProtocolError for
 * empty, non-JSON or unknown bodies (raw body kept, truncated, in `details.raw`). Never throws.
 */
export function fromHttp(reply: HttpReply): FaunaError {
  const status = replyStatus(reply)
  const { headers: _headers, ...options } = replyOptions(reply)
  const parsed = parseBody(read(reply, 'body'))
  if (!parsed.ok) {
    const message = parsed.empty
      ? EMPTY_RESPONSE_MESSAGE
      : `Error parsing response as JSON${status === undefined ? '' : ` (HTTP ${status})`}`
    return protocolError(message, status, parsed.raw, options)
  }
  if (isQueryFailure(parsed.value)) return getServiceError(parsed.value, status, options)
  return protocolError(unknownFormatMessage(parsed.value, status), status, parsed.raw, options)
}

/** Reads a fetch `Response` and decodes it with `fromHttp`. Never rejects. */
export async function fromResponse(res: ResponseLike): Promise<FaunaError> {
  const { reply, error } = await readResponse(res)
  if (error !== undefined) {
    return protocolError('Cannot read the response body', replyStatus(reply), '', { cause: error })
  }
  return fromHttp(reply)
}

/**
 * Decodes one v10 stream event (parsed or one JSON line): an `error` event gives its ServiceError with
 * `httpStatus` undefined (as fauna-js); `status`/`add`/`update`/`remove` events give undefined; unreadable input a
 * ProtocolError. Never throws.
 */
export function fromStreamEvent(event: unknown): ServiceError | ProtocolError | undefined {
  const parsed = parseBody(event)
  if (!parsed.ok || !isRecord(parsed.value)) return protocolError('Unreadable stream event', undefined, parsed.raw)
  const type = read(parsed.value, 'type')
  if (type === 'error' || (type === undefined && isQueryFailure(parsed.value))) {
    return isQueryFailure(parsed.value)
      ? getServiceError(parsed.value, undefined)
      : protocolError('Stream error event without an error', undefined, parsed.raw)
  }
  if (typeof type === 'string') return undefined
  return protocolError('Unreadable stream event', undefined, parsed.raw)
}

/**
 * Decodes a v10 feed page `{ events, cursor, has_next, stats }`: the first `error` event gives its ServiceError
 * (`httpStatus` undefined, as fauna-js's FeedPage); a page without errors gives undefined. A feed error reply (a
 * query failure) gives its ServiceError with `httpStatus` when passed. Never throws.
 */
export function fromFeedPage(page: unknown, httpStatus?: number): ServiceError | ProtocolError | undefined {
  const parsed = parseBody(page)
  if (!parsed.ok || !isRecord(parsed.value)) return protocolError('Unreadable feed page', httpStatus, parsed.raw)
  if (isQueryFailure(parsed.value)) return getServiceError(parsed.value, httpStatus)
  const events = read(parsed.value, 'events')
  if (!Array.isArray(events)) return protocolError('Unreadable feed page', httpStatus, parsed.raw)
  for (const event of events) {
    if (read(event, 'type') === 'error') {
      return isQueryFailure(event)
        ? getServiceError(event, undefined)
        : protocolError('Feed error event without an error', undefined, event)
    }
  }
  return undefined
}
