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
import { isArray, isRecord, parseBody, rawOf, read } from '../shared.js'
import { V4_PROTOCOL_ROW } from './codes.js'
import { errorForStatus, type FaunaError, ProtocolError, type RequestResult, StreamErrorEvent } from './errors.js'

function protocolError(
  message: string,
  status: number | undefined,
  raw: unknown,
  cause?: unknown,
  empty = false,
): ProtocolError {
  return new ProtocolError(message, {
    ...unreadableFacts(V4_PROTOCOL_ROW, status, empty),
    details: { ...(status !== undefined ? { httpStatus: status } : {}), raw: rawOf(raw) },
    ...(cause !== undefined ? { cause } : {}),
  })
}

/**
 * Decodes a v4 reply into the error faunadb would throw (class by status, as `raiseForStatusCode`).
 * Never throws. Where faunadb crashes with a raw `SyntaxError` (non-JSON body) or `TypeError` (JSON without
 * `errors`) this returns a `ProtocolError` keeping the raw body, truncated, in `details.raw`.
 */
export function fromHttp(reply: HttpReply): FaunaError {
  try {
    const status = replyStatus(reply)
    const { headers, ...options } = replyOptions(reply)
    const parsed = parseBody(read(reply, 'body'))
    if (!parsed.ok) {
      // faunadb 4.8.2 says "Response is empty" for an empty 200; other bodies fail in JSON.parse.
      const empty = parsed.empty && (status === 200 || status === undefined)
      const message = empty
        ? EMPTY_RESPONSE_MESSAGE
        : `Error parsing response as JSON${status === undefined ? '' : ` (HTTP ${status})`}`
      return protocolError(message, status, parsed.raw, undefined, empty)
    }
    const errors = read(parsed.value, 'errors')
    if (isRecord(parsed.value) && isArray(errors)) {
      const requestResult: RequestResult = {
        responseRaw: typeof parsed.raw === 'string' ? parsed.raw : undefined,
        responseContent: parsed.value,
        responseHeaders: headers,
        ...(status !== undefined ? { statusCode: status } : {}),
      }
      return errorForStatus(requestResult, options)
    }
    return protocolError(unknownFormatMessage(parsed.value, status), status, parsed.raw)
  } catch (cause) {
    return protocolError('Unreadable reply', undefined, '', cause)
  }
}

/** Reads a fetch `Response` and decodes it with `fromHttp`. Never rejects. */
export async function fromResponse(res: ResponseLike): Promise<FaunaError> {
  const { reply, error } = await readResponse(res)
  if (error !== undefined) return protocolError('Cannot read the response body', replyStatus(reply), '', error)
  return fromHttp(reply)
}

/**
 * Decodes one v4 stream event (a parsed object or one JSON line). Error events — the real wire shape
 * `{ type: "error", txn, event: { code, description } }`, faunadb's `{ event: "error", data }` or the bare
 * `{ code, description }` faunadb hands to listeners — give a `StreamErrorEvent`; other events give undefined;
 * unreadable input gives a `ProtocolError`. Never throws.
 */
export function fromStreamEvent(event: unknown): StreamErrorEvent | ProtocolError | undefined {
  try {
    const parsed = parseBody(event)
    if (!parsed.ok) return protocolError('Unreadable stream event', undefined, parsed.raw)
    const value = parsed.value
    if (!isRecord(value)) return protocolError('Unreadable stream event', undefined, parsed.raw)
    const type = read(value, 'type') ?? read(value, 'event')
    if (type === 'error') return new StreamErrorEvent(value)
    if (type === undefined && typeof read(value, 'code') === 'string') return new StreamErrorEvent(value)
    if (typeof type === 'string') return undefined
    return protocolError('Unreadable stream event', undefined, parsed.raw)
  } catch (cause) {
    return protocolError('Unreadable stream event', undefined, '', cause)
  }
}
