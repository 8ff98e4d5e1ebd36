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
 * faunadb exports from `faunadb/src/_http`). Class names and statuses: fauna/faunadb-js `src/errors.js`,
 * `src/_http/errors.js` @ 4.8.2.
 */
export const errors = /* @__PURE__ */ Object.freeze({
  /** Base of every v4 error (faunadb `FaunaError`). */
  FaunaError,
  /** A reply that is not a Fauna reply (faunadb 4.8.2 `ProtocolError`): an empty or unreadable body. */
  ProtocolError,
  /** A call on a closed client (faunadb `ClientClosed`). */
  ClientClosed,
  /** Base of the HTTP status classes (faunadb `FaunaHTTPError`): `requestResult`, `errors()`. */
  FaunaHTTPError,
  /** An invalid value passed to a query builder (faunadb `InvalidValue`). */
  InvalidValue,
  /** A query function called with the wrong number of arguments (faunadb `InvalidArity`: `min`, `max`, `actual`). */
  InvalidArity,
  /** HTTP 400 (faunadb `BadRequest`). */
  BadRequest,
  /** HTTP 401 (faunadb `Unauthorized`). */
  Unauthorized,
  /** HTTP 403 (faunadb `PermissionDenied`). */
  PermissionDenied,
  /** HTTP 404 (faunadb `NotFound`). */
  NotFound,
  /** HTTP 405 (faunadb `MethodNotAllowed`). */
  MethodNotAllowed,
  /** HTTP 429 (faunadb `TooManyRequests`, since 4.3.0), retryable. */
  TooManyRequests,
  /** HTTP 500 (faunadb `InternalError`). */
  InternalError,
  /** HTTP 503 (faunadb `UnavailableError`): a v4 timeout, retryable. */
  UnavailableError,
  /** A stream failure (faunadb `StreamError`). */
  StreamError,
  /** Streaming unavailable in this runtime (faunadb `StreamsNotSupported`). */
  StreamsNotSupported,
  /** An `error` event of a stream (faunadb `StreamErrorEvent`). */
  StreamErrorEvent,
  /** The client `timeout` (seconds) elapsed (faunadb `faunadb/src/_http` `TimeoutError`), retryable. */
  TimeoutError,
  /** The caller aborted through `options.signal` (faunadb `faunadb/src/_http` `AbortError`). */
  AbortError,
})
