import { unreadableFacts } from '../codes.js'
import {
  EMPTY_RESPONSE_MESSAGE,
  type HttpReply,
  type ResponseLike,
  readResponse,
  replyOptions,
  replyStatus,
  unknownFormatMessage,
} from '../reply.js'
import { type FaunaErrorOptions, has, isArray, isRecord, lengthOf, parseBody, rawOf, read, slots } from '../shared.js'
import { V10_PROTOCOL_ROW } from './codes.js'
import { type FaunaError, getServiceError, ProtocolError, type QueryFailure, type ServiceError } from './errors.js'

/** Most events of a feed page scanned for an error event; a longer `events` array is reported, not walked. */
export const MAX_FEED_EVENTS = 65_536

function protocolError(
  message: string,
  status: number | undefined,
  raw: unknown,
  options: FaunaErrorOptions = {},
  empty = false,
): ProtocolError {
  return new ProtocolError(
    { message, httpStatus: status ?? 0 },
    { ...unreadableFacts(V10_PROTOCOL_ROW, status, empty), ...options, details: { raw: rawOf(raw) } },
  )
}

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function')
}

/**
 * True for a body fauna-js treats as a query failure (`isQueryFailure`, fauna/fauna-js src/wire-protocol.ts @
 * v2.5.0): an object whose `error` is an object having both `code` and `message`, whatever their types
 * (`{"error":{"code":5,"message":"m"}}` is one; `{"error":{"code":"x"}}` is not). Never throws.
 */
export function isQueryFailure(value: unknown): value is QueryFailure {
  if (!isObject(value) || !has(value, 'error')) return false
  const error = read(value, 'error')
  return isObject(error) && has(error, 'code') && has(error, 'message')
}

/**
 * Decodes a v10 query reply as fauna-js 2.5.0's `Client.#query` does (fauna/fauna-js src/client.ts @ v2.5.0):
 * - a 200 with an empty body (or `content-length: 0`) → ProtocolError with `httpStatus` 500, as fauna-js says;
 * - a body that is not JSON (any other empty body too) → ProtocolError with the reply's status;
 * - a truthy `query_tags` that is not a string → ProtocolError (fauna-js fails splitting it);
 * - a body with `data` (fauna-js: a success, whatever the status) or any other shape → ProtocolError;
 * - a query failure (`isQueryFailure`) → `getServiceError(body, status)`, the class by code.
 * `httpStatus` is the status as given, even outside 100–599. The raw body is kept, truncated, in `details.raw`.
 * Never throws.
 */
export function fromHttp(reply: HttpReply): FaunaError {
  try {
    const status = replyStatus(reply)
    const { headers, ...options } = replyOptions(reply)
    const parsed = parseBody(read(reply, 'body'))
    if (status === 200 && (!parsed.ok ? parsed.empty : headers['content-length'] === '0')) {
      return protocolError(EMPTY_RESPONSE_MESSAGE, 500, parsed.raw, options, true)
    }
    if (!parsed.ok) {
      const at = status === undefined ? '' : ` (HTTP ${status})`
      const message =
        parsed.empty && status === undefined ? EMPTY_RESPONSE_MESSAGE : `Error parsing response as JSON${at}`
      return protocolError(message, status, parsed.raw, options, parsed.empty && status === undefined)
    }
    const tags = read(parsed.value, 'query_tags')
    if (tags && typeof tags !== 'string') {
      const at = status === undefined ? '' : ` (HTTP ${status})`
      return protocolError(
        `Error parsing response as JSON${at}: query_tags is not a string`,
        status,
        parsed.raw,
        options,
      )
    }
    if (!has(parsed.value, 'data') && isQueryFailure(parsed.value))
      return getServiceError(parsed.value, status, options)
    return protocolError(unknownFormatMessage(parsed.value, status), status, parsed.raw, options)
  } catch (cause) {
    return protocolError('Unreadable reply', undefined, '', { cause })
  }
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
  try {
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
  } catch (cause) {
    return protocolError('Unreadable stream event', undefined, '', { cause })
  }
}

/**
 * Decodes a v10 feed page `{ events, cursor, has_next, stats }`: the first `error` event gives its ServiceError
 * (`httpStatus` undefined, as fauna-js's FeedPage); a page without errors gives undefined. A feed error reply (a
 * query failure) gives its ServiceError with `httpStatus` when passed. At most `MAX_FEED_EVENTS` slots are read
 * (a sparse `new Array(2 ** 32 - 1)` costs no more); a longer array gives a ProtocolError. Never throws.
 */
export function fromFeedPage(page: unknown, httpStatus?: number): ServiceError | ProtocolError | undefined {
  try {
    const parsed = parseBody(page)
    if (!parsed.ok || !isRecord(parsed.value)) return protocolError('Unreadable feed page', httpStatus, parsed.raw)
    if (isQueryFailure(parsed.value)) return getServiceError(parsed.value, httpStatus)
    const events = read(parsed.value, 'events')
    if (!isArray(events)) return protocolError('Unreadable feed page', httpStatus, parsed.raw)
    for (const event of slots(events, MAX_FEED_EVENTS)) {
      if (read(event, 'type') === 'error') {
        return isQueryFailure(event)
          ? getServiceError(event, undefined)
          : protocolError('Feed error event without an error', undefined, event)
      }
    }
    if (lengthOf(events) > MAX_FEED_EVENTS) {
      return protocolError(`Unreadable feed page: more than ${MAX_FEED_EVENTS} events`, httpStatus, '')
    }
    return undefined
  } catch (cause) {
    return protocolError('Unreadable feed page', httpStatus, '', { cause })
  }
}
