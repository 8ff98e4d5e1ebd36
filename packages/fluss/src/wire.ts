/*! @errs/fluss/wire includes code of @bufbuild/protobuf 2.17.0 (Copyright 2021-2026 Buf Technologies, Inc.,
 * Apache-2.0; wire/varint.js also Copyright 2008 Google Inc., BSD-3-Clause), bundled and reformatted by esbuild:
 * licences and notices in THIRD_PARTY_NOTICES.md of @errs/fluss. */
/**
 * `@errs/fluss/wire`: the Fluss RPC wire — the `ErrorResponse` protobuf and whole response frames — read and
 * written with the wire reader/writer of `@bufbuild/protobuf` 2.17.0 (`BinaryReader`/`BinaryWriter`, built into this
 * entry's files at build time; its licences: the package's `THIRD_PARTY_NOTICES.md`).
 *
 * Upstream: apache/fluss `fluss-rpc/src/main/proto/FlussApi.proto` (`ErrorResponse`) and
 * `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/{MessageCodec,ResponseType}.java` @ 545c553.
 */

import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire'
import type { Adapter } from '@errs/core'
import {
  adoptError,
  errorMessage,
  isBytes,
  MAX_RAW,
  ownBytes,
  problemDetail,
  viewOf,
  type WireValue,
} from '@errs/core/kit'
import { decodeHttpWire } from './adapter.js'
import { codeInfo, isInt32 } from './codes.js'
import { adapterCore, FlussError, flussInit, malformedInput, textOf } from './fluss-error.js'

/** Longest `ErrorResponse` decoded (1 MiB; a server sends at most a 2,048-char stack trace). */
export const MAX_ERROR_RESPONSE_BYTES = 1024 * 1024

/**
 * `ResponseType` of a response frame: the `int8` after the frame length.
 *
 * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/ResponseType.java | ResponseType.java} (apache/fluss @ 545c553)
 */
export const ResponseType = /* @__PURE__ */ Object.freeze({
  /** The API's response message (may still hold per-bucket errors). */
  SUCCESS_RESPONSE: 0,
  /** An `ErrorResponse` for the request named by the frame's request id. */
  ERROR_RESPONSE: 1,
  /** An `ErrorResponse` not tied to a request; the frame has no request id and the server closes the connection. */
  SERVER_FAILURE: 2,
} as const)
/** A response type id: 0, 1 or 2. */
export type ResponseType = (typeof ResponseType)[keyof typeof ResponseType]

/**
 * The fields of an `ErrorResponse` message (`error_code = 1` int32 required, `error_message = 2` string).
 *
 * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/proto/FlussApi.proto | FlussApi.proto} (apache/fluss @ 545c553)
 */
export interface ErrorResponseFields {
  /** Field 1, `int32`: a code of `ErrorCode` (or a newer server's code, kept as is). */
  error_code: number
  /** Absent when it equals the code's default message. */
  error_message?: string
}

const WIRE_TYPE_NAMES = ['varint', 'fixed64', 'length-delimited', 'start-group', 'end-group', 'fixed32']

/**
 * Decodes an RPC `ErrorResponse` message. The raw code is kept (unknown codes too); an absent or empty message
 * means the code's default. Unknown fields are skipped. Never throws: truncated varints, wrong wire types, bad
 * lengths, non-UTF-8 text, a missing `error_code` or more than 1 MiB give a `CLIENT_ERROR` keeping the raw bytes.
 */
export function decodeErrorResponse(bytes: Uint8Array): FlussError {
  // The view is read once, through the intrinsic getters (a copy only of shared memory): a detached, shrunk or
  // shared buffer, or a subclass with throwing getters, cannot throw or change the bytes under the reader.
  const owned = ownBytes(bytes, MAX_ERROR_RESPONSE_BYTES, PREVIEW_BYTES)
  if (owned === undefined) return malformedInput('ErrorResponse', 'expected a Uint8Array', bytes)
  if (owned.over) {
    return malformedInput(
      'ErrorResponse',
      `${owned.length} bytes exceed the ${MAX_ERROR_RESPONSE_BYTES}-byte limit`,
      owned.bytes,
      { byteLength: owned.length },
    )
  }
  // Constructed here rather than in the reader: every frame between the caller and the constructor is captured in
  // the stack.
  const fields = readErrorResponse(owned.bytes)
  if (fields instanceof Error) return fields
  // An empty message (protobuf-es reads an unset proto2 string as '') means the code's default, as an absent one.
  // `new FlussError(message, code)`, from a plain `Error` made here: its stack starts here, captured without walking
  // a constructor frame (core kit's `adoptError`).
  const init = flussInit(textOf(fields.error_message), fields.error_code, undefined)
  return adoptError(FlussError, new Error(errorMessage(init)), init)
}

/**
 * Bytes kept from an input over its limit: one more than `details.raw` shows (its hex preview is `MAX_RAW` chars),
 * so that the preview says it was cut; the input's own length goes to `details.byteLength`.
 */
const PREVIEW_BYTES = MAX_RAW / 2 + 1

/** The two fields of `ErrorResponse` bytes, with `BinaryReader`: unknown fields skipped, every problem named. */
function readErrorResponse(bytes: Uint8Array): ErrorResponseFields | FlussError {
  let code: number | undefined
  let message: string | undefined
  let reader: BinaryReader | undefined
  try {
    reader = new BinaryReader(bytes)
    while (reader.pos < reader.len) {
      const [fieldNo, wireType] = reader.tag()
      if (fieldNo === 1 || fieldNo === 2) {
        const expected = fieldNo === 1 ? WireType.Varint : WireType.LengthDelimited
        if (wireType !== expected) {
          const field = fieldNo === 1 ? 'error_code' : 'error_message'
          const problem = `field ${fieldNo} (${field}) has wire type ${WIRE_TYPE_NAMES[wireType] ?? wireType}, expected ${WIRE_TYPE_NAMES[expected]}`
          return malformedInput('ErrorResponse', problem, bytes)
        }
        if (fieldNo === 1) code = reader.int32()
        else message = reader.string(true)
      } else {
        reader.skip(wireType, fieldNo)
      }
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    const problem = /utf-?8|encod|decod/i.test(why)
      ? 'error_message is not valid UTF-8'
      : /premature EOF/i.test(why)
        ? `truncated: a varint or length runs past the end of the ${bytes.length} bytes`
        : `corrupt (${why})`
    return malformedInput('ErrorResponse', problem, bytes, reader === undefined ? {} : { offset: reader.pos })
  }
  if (code === undefined) return malformedInput('ErrorResponse', 'required field error_code (1) is missing', bytes)
  return { error_code: code, error_message: message }
}

/**
 * Encodes an error as an RPC `ErrorResponse` (inverse of `decodeErrorResponse`): Fluss's own protocol between a
 * Fluss server and its clients, and a trusted form. As Fluss servers do, the message is left out when it equals the
 * code's default, and otherwise written in full — an UNKNOWN_SERVER_ERROR's stack trace too, as `ApiError.fromThrowable`
 * sends it (apache/fluss `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/ApiError.java` @ 545c553) — redacted
 * (`problemDetail` of `@errs/core/kit` with `exposeInternal`). Answer untrusted readers with `toProblem`/`toResponse`
 * or `encodeErrorJson` instead, which write the public message. Fields given as `{ error_code, error_message }` are
 * written as given.
 */
export function encodeErrorResponse(error: FlussError | ErrorResponseFields): Uint8Array {
  const isError = FlussError.is(error)
  const code = error.error_code
  const message = isError ? problemDetail(error, TRUSTED) : error.error_message
  const writer = new BinaryWriter()
  writer.tag(1, WireType.Varint).int32(isInt32(code) ? code : -2)
  if (message !== undefined && message !== codeInfo(code)?.message)
    writer.tag(2, WireType.LengthDelimited).string(message)
  return writer.finish()
}

/** The trusted form of `problemDetail`: the full message, redacted. */
const TRUSTED = /* @__PURE__ */ Object.freeze({ exposeInternal: true })

/**
 * A decoded response frame (`MessageCodec` layout). Error frames carry the decoded `ErrorResponse` as `error`.
 *
 * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/MessageCodec.java | MessageCodec.java} (apache/fluss @ 545c553)
 */
export type ResponseFrame =
  | {
      /** 0: the API's response. */
      responseType: typeof ResponseType.SUCCESS_RESPONSE
      /** The `int32` request id the response answers. */
      requestId: number
      /** The API's response message, still encoded. */
      body: Uint8Array
      /** Bytes consumed: 4 + the frame's length field. */
      size: number
      /** Never set on a success frame: `if (frame.error) throw frame.error` works on every frame. */
      error?: undefined
    }
  | {
      /** 1: an `ErrorResponse` for one request. */
      responseType: typeof ResponseType.ERROR_RESPONSE
      /** The `int32` request id the error answers (also in `error.details.requestId`). */
      requestId: number
      /** The decoded `ErrorResponse` (`details.responseType` is `'ERROR_RESPONSE'`). */
      error: FlussError
      /** Bytes consumed: 4 + the frame's length field. */
      size: number
    }
  | {
      /** 2: an `ErrorResponse` not tied to a request; the server closes the connection. */
      responseType: typeof ResponseType.SERVER_FAILURE
      /** The decoded `ErrorResponse` (`details.responseType` is `'SERVER_FAILURE'`). */
      error: FlussError
      /** Bytes consumed: 4 + the frame's length field. */
      size: number
    }

/** What `decodeResponseFrame` gives for bytes that are not a response frame: a `CLIENT_ERROR`. */
export interface MalformedFrame {
  /** Always `undefined`: tells a malformed frame from a decoded one. */
  responseType: undefined
  /** A `CLIENT_ERROR` (-2) naming the problem, with a bounded, redacted preview of the bytes in `details`. */
  error: FlussError
}

/** A frame to encode (`encodeResponseFrame`): the fields of a `ResponseFrame` without `size`. */
export type ResponseFrameInit =
  | {
      /** 0: a success frame. */
      responseType: typeof ResponseType.SUCCESS_RESPONSE
      /** `int32` request id (written as `requestId | 0`). */
      requestId: number
      /** The API's response message, already encoded. */
      body: Uint8Array
    }
  | {
      /** 1: an error frame for one request. */
      responseType: typeof ResponseType.ERROR_RESPONSE
      /** `int32` request id (written as `requestId | 0`). */
      requestId: number
      /** The error, written as an `ErrorResponse` (`encodeErrorResponse`). */
      error: FlussError
    }
  | {
      /** 2: a server failure (no request id). */
      responseType: typeof ResponseType.SERVER_FAILURE
      /** The error, written as an `ErrorResponse` (`encodeErrorResponse`). */
      error: FlussError
    }

const RESPONSE_TYPE_NAMES = ['SUCCESS_RESPONSE', 'ERROR_RESPONSE', 'SERVER_FAILURE'] as const

function frameError(error: FlussError, responseType: 1 | 2, requestId?: number): FlussError {
  if (error.error_code === -2 && error.details.decoder !== undefined) return error
  // Where the error came from travels in details: request id of an ERROR_RESPONSE, or a SERVER_FAILURE.
  const details = { responseType: RESPONSE_TYPE_NAMES[responseType], ...(requestId === undefined ? {} : { requestId }) }
  // As in `decodeErrorResponse`: the FlussError the constructor makes, without its frame.
  const init = flussInit(error.message, error.error_code, { details })
  return adoptError(FlussError, new Error(errorMessage(init)), init)
}

/**
 * Decodes one response frame: `int32 length` (big-endian, counting what follows), `int8 response type`, then
 * `int32 request id` and the body — except for SERVER_FAILURE (type 2), whose `ErrorResponse` follows the type
 * byte directly, without a request id (the Rust client reads one anyway; this does not). Bytes after the frame
 * are left alone (`size` says where the next one starts). Never throws: a short buffer, a negative or oversized
 * length, an unknown type or a bad `ErrorResponse` give `{ responseType: undefined, error }` (`CLIENT_ERROR`).
 */
export function decodeResponseFrame(bytes: Uint8Array): ResponseFrame | MalformedFrame {
  const bad = (problem: string, extra?: Record<string, unknown>): MalformedFrame => {
    // The preview is a copy read through the intrinsic getters, as the header is.
    const seen = ownBytes(bytes, PREVIEW_BYTES, PREVIEW_BYTES)
    const more = seen?.over ? { byteLength: seen.length } : {}
    return {
      responseType: undefined,
      error: malformedInput('response frame', problem, seen?.bytes ?? bytes, { ...extra, ...more }),
    }
  }
  // Only the 9-byte header is read through `ownBytes` (the intrinsic getters: a detached, shrunk or shared buffer, or
  // a subclass with throwing getters, cannot throw here); the body is a view of the caller's bytes.
  const owned = ownBytes(bytes, 9, 9)
  if (owned === undefined) return bad('expected a Uint8Array')
  const total = owned.length
  if (total < 5) return bad(`${total} bytes: shorter than the 4-byte length and 1-byte type`)
  const head = owned.bytes
  const view = new DataView(head.buffer, 0, head.length)
  const length = view.getInt32(0)
  if (length < 1) return bad(`frame length ${length} is not positive`, { frameLength: length })
  if (length > total - 4) {
    return bad(`frame length ${length} exceeds the ${total - 4} bytes present (truncated)`, { frameLength: length })
  }
  const size = 4 + length
  const type = view.getInt8(4)
  if (type === ResponseType.SERVER_FAILURE) {
    const body = viewOf(bytes, 5, size - 5)
    if (body === undefined) return bad('the bytes changed while they were read')
    return { responseType: ResponseType.SERVER_FAILURE, error: frameError(decodeErrorResponse(body), 2), size }
  }
  if (type !== ResponseType.SUCCESS_RESPONSE && type !== ResponseType.ERROR_RESPONSE) {
    return bad(`unknown response type ${type}`, { responseType: type })
  }
  if (length < 5) return bad(`frame length ${length} leaves no room for the request id`, { frameLength: length })
  const requestId = view.getInt32(5)
  const body = viewOf(bytes, 9, size - 9)
  if (body === undefined) return bad('the bytes changed while they were read')
  if (type === ResponseType.SUCCESS_RESPONSE) return { responseType: 0, requestId, body, size }
  return { responseType: 1, requestId, error: frameError(decodeErrorResponse(body), 1, requestId), size }
}

/**
 * Encodes a response frame (inverse of `decodeResponseFrame`): `int32` big-endian length, `int8` type, then the
 * `int32` request id (types 0 and 1) and the body. Never throws for a well-typed `frame`.
 */
export function encodeResponseFrame(frame: ResponseFrameInit): Uint8Array {
  const body = frame.responseType === ResponseType.SUCCESS_RESPONSE ? frame.body : encodeErrorResponse(frame.error)
  const header = frame.responseType === ResponseType.SERVER_FAILURE ? 1 : 5
  const out = new Uint8Array(4 + header + body.length)
  const view = new DataView(out.buffer)
  view.setInt32(0, header + body.length)
  view.setInt8(4, frame.responseType)
  if (frame.responseType !== ResponseType.SERVER_FAILURE) view.setInt32(5, frame.requestId | 0)
  out.set(body, 4 + header)
  return out
}

/**
 * The `@errs/core` adapter of Apache Fluss with the RPC `ErrorResponse` bytes as its wire form: `decode(bytes)`,
 * `encode(err)` → bytes (`encodeErrorResponse`: the trusted form, full redacted message). HTTP replies (`{ status, body }` with Fluss error JSON or a gateway envelope) decode too.
 * Same system, codes and classes as the main entry's `adapter`.
 */
export const adapter: Adapter<FlussError> = /* @__PURE__ */ bytesAdapter()

// Built in a function: a spread at module level is a side effect a bundler keeps (it may run getters).
function bytesAdapter(): Adapter<FlussError> {
  return Object.freeze({
    ...adapterCore,
    wire: 'bytes' as const,
    decode: (wire: WireValue): FlussError => (isBytes(wire) ? decodeErrorResponse(wire) : decodeHttpWire(wire)),
    encode: (error: FlussError): Uint8Array => encodeErrorResponse(error),
  })
}

export { ErrorCode, FlussError } from './index.js'
