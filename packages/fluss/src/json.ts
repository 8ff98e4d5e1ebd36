import type { ErrsOptions } from '@errs/core'
import {
  adoptError,
  errorMessage,
  frozenDetails,
  isBytes,
  isHttpErrorStatus,
  isRecord,
  MAX_RAW,
  ownBytes,
  parseBody,
  problemDetail,
  read,
  statusFacts,
} from '@errs/core/kit'
import { codeInfo, isInt32 } from './codes.js'
import {
  checked,
  errorCodeOf,
  errorMessageOf,
  FlussError,
  flussInit,
  malformedInput,
  NOT_RETRIED,
  textOf,
} from './fluss-error.js'

/** Longest JSON text (or byte payload) a decoder parses: 1 MiB. Anything longer is malformed input. */
export const MAX_JSON_TEXT = 1024 * 1024

/**
 * The JSON pair Fluss services send, in the protocol's own field names (the fields of `ErrorResponse` in apache/fluss
 * `fluss-rpc/src/main/proto/FlussApi.proto` @ 545c553).
 */
export interface ErrorJson {
  /** `int32` code of `ErrorCode` (a newer server's code is kept as is). */
  error_code: number
  /** The server's message; absent means the code's default message. */
  error_message?: string
}

/** The same pair in camelCase (protobuf-es JSON, most JavaScript services). */
export interface ErrorJsonCamel {
  /** `int32` code of `ErrorCode`, as `error_code`. */
  errorCode: number
  /** The server's message, as `error_message`; absent means the code's default message. */
  errorMessage?: string
}

/** Options of `encodeErrorJson`. */
export interface EncodeJsonOptions {
  /** `'snake'` (default): `{ error_code, error_message }`; `'camel'`: `{ errorCode, errorMessage }`. */
  style?: 'snake' | 'camel'
  /**
   * Write the trusted form: the full message, redacted, even when it holds internals (a -1 stack trace). Default
   * false: the public form, exactly the `detail` of `toProblem(error)`.
   */
  exposeInternal?: boolean
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: FlussError }

/**
 * Parses JSON text or UTF-8 bytes with the kit's bounded `parseBody` (at most `MAX_JSON_TEXT`); parsed values pass
 * through. Bytes are first read through the intrinsic `Uint8Array` getters (`ownBytes`), so a detached, shrunk or
 * shared buffer, or a subclass with throwing getters, is read as what it holds at that moment. Never throws:
 * anything unreadable is a `CLIENT_ERROR` keeping the raw input, bounded, its kind and status those of
 * `httpStatus` when that is an HTTP error status (see `malformedInput`).
 */
export function parseJsonInput(input: unknown, decoder: string, httpStatus?: number): Parsed {
  if (input === undefined || input === null) return { ok: true, value: input }
  const extra = isHttpErrorStatus(httpStatus) ? { httpStatus } : undefined
  let body = input
  // Bytes of any kind (`Uint8Array`, `ArrayBuffer`, `DataView`, …). Over the bound: one byte more than `details.raw`
  // shows is kept, so that the preview says it was cut.
  const owned = ownBytes(input, MAX_JSON_TEXT, MAX_RAW / 2 + 1)
  if (owned === undefined && isBytes(input))
    return { ok: false, error: malformedInput(decoder, 'body bytes cannot be read', '', extra) }
  if (owned !== undefined) {
    if (owned.over) {
      const problem = `body of ${owned.length} bytes exceeds ${MAX_JSON_TEXT}`
      return { ok: false, error: malformedInput(decoder, problem, owned.bytes, { ...extra, byteLength: owned.length }) }
    }
    body = owned.bytes
  }
  const parsed = parseBody(body, MAX_JSON_TEXT)
  if (parsed.ok) return parsed
  return { ok: false, error: malformedInput(decoder, parsed.reason, parsed.raw, extra) }
}

/**
 * Decodes the error JSON another service sent: `{ error_code, error_message }` or `{ errorCode, errorMessage }`,
 * as an object, JSON text or UTF-8 bytes. An absent message means the code's default message (as in Fluss's
 * `ApiError`). Never throws: anything else is a `CLIENT_ERROR` keeping the raw input, truncated.
 */
export function decodeErrorJson(input: unknown): FlussError {
  // Read in a helper, made here: the frame that calls the constructor is captured in the error's stack, and a
  // small frame costs less to capture than the whole reader's.
  const pair = readErrorJson(input)
  if (!pair.ok) return pair.error
  // `new FlussError(message, code)`, from a plain `Error` made here: its stack starts here, captured without walking
  // a constructor frame (core kit's `adoptError`).
  const init = flussInit(pair.message, pair.code, undefined)
  return adoptError(FlussError, new Error(errorMessage(init)), init)
}

/** Context a carrier adds to the JSON pair: the HTTP status it came with, the request id of its headers. */
export interface JsonCarrier {
  /** The HTTP status the JSON came with. */
  wireStatus?: number
  /** The reply's request id (`x-request-id`). */
  requestId?: string
  /** The reply's `Retry-After`, in milliseconds. */
  retryAfterMs?: number
}

/**
 * `decodeErrorJson` with context from the carrier. A known code keeps its row's kind and status (what the code
 * means); the HTTP error status the reply came with is kept as `details.httpStatus`. A code this table does not know follows core's unknown-code policy
 * (`errsInit`): kind and status from the HTTP error status, else `unknown`.
 */
export function decodeErrorJsonWith(input: unknown, carrier: JsonCarrier): FlussError {
  const status = carrier.wireStatus
  const pair = readErrorJson(input, status)
  if (!pair.ok) return pair.error
  const code = pair.code
  const requestId = carrier.requestId
  const retryAfterMs = carrier.retryAfterMs
  // As in `decodeErrorJson`: the FlussError the constructor makes, without its frame.
  if (!isHttpErrorStatus(status) && requestId === undefined && retryAfterMs === undefined) {
    const init = flussInit(pair.message, code, undefined)
    return adoptError(FlussError, new Error(errorMessage(init)), init)
  }
  // Built from checked values only, so the constructor takes the options as they are (`checked`).
  const options: ErrsOptions = {}
  if (isHttpErrorStatus(status)) {
    // The core status is what the code means; the status the reply came with is kept as `details.httpStatus`.
    // Only a code this table does not know takes its kind and status from the reply (core's unknown-code policy).
    options.details = frozenDetails({ httpStatus: status })
    if (codeInfo(code) === undefined) {
      const facts = statusFacts(status, NOT_RETRIED)
      options.status = facts.status
      options.kind = facts.kind
    }
  }
  // Checked where they are stored (core's `hold`: `requestIdOf`, a delay of at least 0).
  if (requestId !== undefined) options.requestId = requestId
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs
  const init = flussInit(pair.message, code, checked(options))
  return adoptError(FlussError, new Error(errorMessage(init)), init)
}

/** The pair read from error JSON (the message cut to its bound; undefined = the default), or why not. */
type JsonPair = { ok: true; code: number; message: string | undefined } | { ok: false; error: FlussError }

/**
 * Reads the code and message of error JSON; anything unreadable is the `CLIENT_ERROR` to return, its kind and status
 * those of the HTTP error status the JSON came with, if any (`malformedInput`). Never throws.
 */
function readErrorJson(input: unknown, httpStatus?: number): JsonPair {
  const parsed = parseJsonInput(input, 'error JSON', httpStatus)
  if (!parsed.ok) return parsed
  const value = parsed.value
  if (!isRecord(value)) return badPair('expected an object', value, httpStatus)
  const code = errorCodeOf(value)
  const message = errorMessageOf(value)
  if (code === undefined) return badPair('no error_code or errorCode member', value, httpStatus)
  if (!isInt32(code)) return badPair('error_code is not an int32 integer', value, httpStatus)
  if (message !== undefined && message !== null && typeof message !== 'string') {
    return badPair('error_message is not a string', value, httpStatus)
  }
  return { ok: true, code, message: textOf(message) }
}

/** The `CLIENT_ERROR` for error JSON that parsed but is not the pair (no closure per read: see `readErrorJson`). */
function badPair(problem: string, value: unknown, httpStatus: number | undefined): JsonPair {
  return {
    ok: false,
    error: malformedInput('error JSON', problem, value, isHttpErrorStatus(httpStatus) ? { httpStatus } : {}),
  }
}

/**
 * Encodes an error as the JSON pair (inverse of `decodeErrorJson`). The message is what a problem of the error
 * carries as its `detail` (`problemDetail` of `@errs/core/kit`, the one exposure rule): by default the public form —
 * the public message with hosts, addresses, file paths and stack frames removed, or only the kind's generic title
 * for an unexpected error (`unknown`/`internal`/`data_loss` kinds, 5xx statuses: an UNKNOWN_SERVER_ERROR's stack
 * trace never leaves); with `exposeInternal`, the full message, redacted (for hops between your own services).
 */
export function encodeErrorJson(error: FlussError, options?: EncodeJsonOptions & { style?: 'snake' }): ErrorJson
export function encodeErrorJson(error: FlussError, options: EncodeJsonOptions & { style: 'camel' }): ErrorJsonCamel
export function encodeErrorJson(error: FlussError, options: EncodeJsonOptions = {}): ErrorJson | ErrorJsonCamel {
  const message = problemDetail(error, read(options, 'exposeInternal') === true ? TRUSTED : undefined)
  return read(options, 'style') === 'camel'
    ? { errorCode: error.error_code, errorMessage: message }
    : { error_code: error.error_code, error_message: message }
}

/** The trusted form of `problemDetail`: the full message, redacted. */
const TRUSTED = /* @__PURE__ */ Object.freeze({ exposeInternal: true })
