/**
 * `@errs/fauna` — FQL v4 (`faunadb` 4.8) errors: faunadb's classes, decoding of replies and stream events,
 * `normalize` for whatever faunadb throws, and the v4 code table. Loads nothing of FQL v10: that is
 * `@errs/fauna/v10`; the `@errs/core` adapter of both dialects is `@errs/fauna/adapter`.
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

export type { FaunaCodeInfo } from './codes.js'
export { EMPTY_RESPONSE_MESSAGE, type HttpReply, type ResponseLike } from './reply.js'
export type { FaunaDialect } from './shared.js'
export {
  type AnyV4Error,
  isV4Error as isFaunaError,
  normalize,
  recognize,
  V4_CLASSES,
  V4_CLIENT_CODES,
} from './v4/classes.js'
export {
  EMPTY_ERRORS,
  UNAUTHORIZED_HINT,
  V4_CODES,
  V4_CODES as CODES,
  V4_STATUS_CLASS,
  v4CodeInfo as codeInfo,
} from './v4/codes.js'
export {
  AbortError,
  BadRequest,
  ClientClosed,
  errorForStatus,
  FaunaError,
  type FaunaErrorObject,
  type FaunaErrorOptions,
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
