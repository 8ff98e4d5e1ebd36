/**
 * @errs/fauna — Fauna driver errors. This entry: FQL v4 (`faunadb`) classes and decoding, plus what both
 * dialects share (the adapter, `normalize`, the code table). FQL v10 (`fauna`) lives in `@errs/fauna/v10`.
 */
import {
  AbortError,
  BadRequest,
  ClientClosed,
  FaunaError,
  FaunaHTTPError,
  InternalError,
  InvalidArity,
  InvalidValue,
  MethodNotAllowed,
  NotFound,
  PermissionDenied,
  ProtocolError,
  StreamError,
  StreamErrorEvent,
  StreamsNotSupported,
  TimeoutError,
  TooManyRequests,
  Unauthorized,
  UnavailableError,
} from './v4/errors.js'

export { adapter, CODES, codeInfo, dialectOfCode, FAUNA_CODES } from './adapter.js'
export type { FaunaCodeInfo } from './codes.js'
export {
  type AnyFaunaError,
  isFaunaError,
  type NormalizeFaunaOptions,
  normalize,
  recognize,
} from './normalize.js'
export { EMPTY_RESPONSE_MESSAGE, type HttpReply, type ResponseLike } from './reply.js'
export type { FaunaDialect, FaunaErrorOptions } from './shared.js'
export { EMPTY_ERRORS, UNAUTHORIZED_HINT, V4_CODES, V4_STATUS_CLASS } from './v4/codes.js'
export {
  AbortError,
  BadRequest,
  ClientClosed,
  errorForStatus,
  FaunaError,
  type FaunaErrorObject,
  FaunaHTTPError,
  type FaunaHttpErrorResponseContent,
  InternalError,
  InvalidArity,
  InvalidValue,
  MethodNotAllowed,
  MISSING_CODE,
  NotFound,
  PermissionDenied,
  type Position,
  ProtocolError,
  type RequestResult,
  StreamError,
  StreamErrorEvent,
  type StreamErrorEventData,
  StreamsNotSupported,
  TimeoutError,
  TooManyRequests,
  Unauthorized,
  UnavailableError,
  type ValidationFailure,
} from './v4/errors.js'
export { fromHttp, fromResponse, fromStreamEvent } from './v4/http.js'
export { V10_CODES } from './v10/codes.js'

/**
 * The v4 classes as one object, like `require('faunadb').errors` (plus `TimeoutError` and `AbortError`, which
 * faunadb exports from `faunadb/src/_http`).
 */
export const errors = Object.freeze({
  FaunaError,
  ProtocolError,
  ClientClosed,
  FaunaHTTPError,
  InvalidValue,
  InvalidArity,
  BadRequest,
  Unauthorized,
  PermissionDenied,
  NotFound,
  MethodNotAllowed,
  TooManyRequests,
  InternalError,
  UnavailableError,
  StreamError,
  StreamsNotSupported,
  StreamErrorEvent,
  TimeoutError,
  AbortError,
})
