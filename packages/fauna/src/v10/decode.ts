import type { ErrsOptions } from '@errs/core'
import { adoptError, errorMessage, isArray, isRecord, parseBody, type Reply, read, restartStack } from '@errs/core/kit'
import { protocolOptions } from '../codes.js'
import {
  atStatus,
  EMPTY_RESPONSE_MESSAGE,
  faunaReply,
  type HttpReply,
  httpDecoders,
  parseErrorMessage,
  type ResponseLike,
  unknownFormatMessage,
} from '../reply.js'
import { has, lengthOf, slots } from '../shared.js'
import { V10_PROTOCOL_ROW } from './codes.js'
import {
  type FaunaError,
  getServiceError,
  PlannedServiceError,
  ProtocolError,
  planServiceError,
  type QueryFailure,
  type ServiceError,
} from './errors.js'

/** Most events of a feed page scanned for an error event; a longer `events` array is reported, not walked. */
export const MAX_FEED_EVENTS = 65_536

function protocolError(
  message: string,
  status: number | undefined,
  raw: unknown,
  extra: ErrsOptions = {},
  empty = false,
): ProtocolError {
  return new ProtocolError(
    { message, httpStatus: status ?? 0 },
    protocolOptions(V10_PROTOCOL_ROW, status, raw, empty, extra),
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
 * fauna-js 2.5.0's `Client.#query` on a reply read by the kit (see `fromHttp`): the error, or for a query failure the
 * plan of it, which `fromHttp` / `fromResponse` make (its stack then starts at the function the caller called).
 */
function decodeReply(reply: Reply): FaunaError | PlannedServiceError {
  const { status, headers, parsed, options } = faunaReply(reply)
  if (status === 200 && (!parsed.ok ? parsed.empty : headers['content-length'] === '0')) {
    return protocolError(EMPTY_RESPONSE_MESSAGE, 500, parsed.ok ? parsed.text : parsed.raw, options, true)
  }
  if (!parsed.ok) {
    const empty = parsed.empty && status === undefined
    return protocolError(empty ? EMPTY_RESPONSE_MESSAGE : parseErrorMessage(status), status, parsed.raw, options, empty)
  }
  const tags = read(parsed.value, 'query_tags')
  if (tags && typeof tags !== 'string') {
    const message = `Error parsing response as JSON${atStatus(status)}: query_tags is not a string`
    return protocolError(message, status, parsed.value, options)
  }
  if (!has(parsed.value, 'data') && isQueryFailure(parsed.value)) return planServiceError(parsed.value, status, options)
  return protocolError(unknownFormatMessage(parsed.value, status), status, parsed.value, options)
}

const decoders = /* @__PURE__ */ httpDecoders(decodeReply, (message, status, cause) =>
  protocolError(message, status, '', cause === undefined ? {} : { cause }),
)

/**
 * Decodes a v10 query reply as fauna-js 2.5.0's `Client.#query` does (fauna/fauna-js src/client.ts @ v2.5.0):
 * - a 200 with an empty body (or `content-length: 0`) → ProtocolError with `httpStatus` 500, as fauna-js says;
 * - a body that is not JSON (any other empty body too) → ProtocolError with the reply's status;
 * - a truthy `query_tags` that is not a string → ProtocolError (fauna-js fails splitting it);
 * - a body with `data` (fauna-js: a success, whatever the status) or any other shape → ProtocolError;
 * - a query failure (`isQueryFailure`) → `getServiceError(body, status)`, the class by code.
 * `httpStatus` is the status as given, even outside 100–599. The raw body is kept, cut and redacted, in
 * `details.raw`. Accepts `{ status, headers, body }` and the shapes the kit's `readReply` reads. Never throws.
 */
export function fromHttp(reply: HttpReply): FaunaError {
  const d = decoders.fromHttp(reply)
  // Made here, so that the stack starts at the caller's call (see `PlannedServiceError`); one made further down (an
  // unreadable reply's ProtocolError) has its stack restarted here.
  return d instanceof PlannedServiceError
    ? adoptError(d.Class, new Error(errorMessage(d.init)), d.init)
    : restartStack(d, fromHttp)
}

/** Reads a fetch `Response` (bounded) and decodes it with `fromHttp`. Never rejects. */
export async function fromResponse(res: ResponseLike): Promise<FaunaError> {
  const d = await decoders.fromResponse(res)
  return d instanceof PlannedServiceError
    ? adoptError(d.Class, new Error(errorMessage(d.init)), d.init)
    : restartStack(d, fromResponse)
}

/**
 * Decodes one v10 stream event (parsed or one JSON line): an `error` event gives its ServiceError with
 * `httpStatus` undefined (as fauna-js); `status`/`add`/`update`/`remove` events give undefined; unreadable input a
 * ProtocolError. Never throws.
 */
export function fromStreamEvent(event: unknown): ServiceError | ProtocolError | undefined {
  try {
    const parsed = parseBody(event)
    if (!parsed.ok || !isRecord(parsed.value)) {
      return protocolError('Unreadable stream event', undefined, parsed.ok ? parsed.value : parsed.raw)
    }
    const type = read(parsed.value, 'type')
    if (type === 'error' || (type === undefined && isQueryFailure(parsed.value))) {
      return isQueryFailure(parsed.value)
        ? getServiceError(parsed.value, undefined)
        : protocolError('Stream error event without an error', undefined, parsed.value)
    }
    if (typeof type === 'string') return undefined
    return protocolError('Unreadable stream event', undefined, parsed.value)
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
    if (!parsed.ok || !isRecord(parsed.value)) {
      return protocolError('Unreadable feed page', httpStatus, parsed.ok ? parsed.value : parsed.raw)
    }
    if (isQueryFailure(parsed.value)) return getServiceError(parsed.value, httpStatus)
    const events = read(parsed.value, 'events')
    if (!isArray(events)) return protocolError('Unreadable feed page', httpStatus, parsed.value)
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
