import type { ErrsOptions } from '@errs/core'
import { errorMessage, isArray, isRecord, parseBody, type Reply, read, restartStack } from '@errs/core/kit'
import { protocolOptions } from '../codes.js'
import {
  EMPTY_RESPONSE_MESSAGE,
  faunaReply,
  type HttpReply,
  httpDecoders,
  parseErrorMessage,
  type ResponseLike,
  unknownFormatMessage,
} from '../reply.js'
import { V4_PROTOCOL_ROW } from './codes.js'
import {
  type FaunaError,
  madeForStatus,
  PlannedHttpError,
  ProtocolError,
  planForStatus,
  type RequestResult,
  StreamErrorEvent,
} from './errors.js'

function protocolError(
  message: string,
  status: number | undefined,
  raw: unknown,
  extra: ErrsOptions = {},
  empty = false,
): ProtocolError {
  return new ProtocolError(message, protocolOptions(V4_PROTOCOL_ROW, status, raw, empty, extra))
}

/**
 * faunadb 4.8.2's `Client._execute` on a reply read by the kit (see `fromHttp`): the error, or for an error reply the
 * plan of it, which `fromHttp` / `fromResponse` make (its stack then starts at the function the caller called).
 */
function decodeReply(reply: Reply): FaunaError | PlannedHttpError {
  const { status, headers, parsed, options } = faunaReply(reply)
  if (!parsed.ok) {
    // faunadb 4.8.2 says "Response is empty" for an empty 200; other bodies fail in JSON.parse.
    const empty = parsed.empty && (status === 200 || status === undefined)
    return protocolError(empty ? EMPTY_RESPONSE_MESSAGE : parseErrorMessage(status), status, parsed.raw, options, empty)
  }
  const errors = read(parsed.value, 'errors')
  if (isRecord(parsed.value) && isArray(errors)) {
    const requestResult: RequestResult = {
      responseRaw: parsed.text,
      responseContent: parsed.value,
      responseHeaders: headers,
      ...(status !== undefined ? { statusCode: status } : {}),
    }
    return planForStatus(requestResult, options, true)
  }
  return protocolError(unknownFormatMessage(parsed.value, status), status, parsed.value, options)
}

const decoders = /* @__PURE__ */ httpDecoders(decodeReply, (message, status, cause) =>
  protocolError(message, status, '', cause === undefined ? {} : { cause }),
)

/**
 * Decodes a v4 reply into the error faunadb would throw (class by status, as `raiseForStatusCode`).
 * Never throws. Where faunadb crashes with a raw `SyntaxError` (non-JSON body) or `TypeError` (JSON without
 * `errors`) this returns a `ProtocolError` keeping the raw body, cut and redacted, in `details.raw`. Accepts
 * `{ status, headers, body }` and the shapes the kit's `readReply` reads.
 */
export function fromHttp(reply: HttpReply): FaunaError {
  const d = decoders.fromHttp(reply)
  // Made here, so that the stack starts at the caller's call (see `PlannedHttpError`); one made further down (an
  // unreadable reply's ProtocolError) has its stack restarted here.
  return d instanceof PlannedHttpError ? madeForStatus(d, new Error(errorMessage(d.init))) : restartStack(d, fromHttp)
}

/** Reads a fetch `Response` (bounded) and decodes it with `fromHttp`. Never rejects. */
export async function fromResponse(res: ResponseLike): Promise<FaunaError> {
  const d = await decoders.fromResponse(res)
  return d instanceof PlannedHttpError
    ? madeForStatus(d, new Error(errorMessage(d.init)))
    : restartStack(d, fromResponse)
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
    if (!isRecord(value)) return protocolError('Unreadable stream event', undefined, value)
    const type = read(value, 'type') ?? read(value, 'event')
    if (type === 'error') return new StreamErrorEvent(value)
    if (type === undefined && typeof read(value, 'code') === 'string') return new StreamErrorEvent(value)
    if (typeof type === 'string') return undefined
    return protocolError('Unreadable stream event', undefined, value)
  } catch (cause) {
    return protocolError('Unreadable stream event', undefined, '', { cause })
  }
}
