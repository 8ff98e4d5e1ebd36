/**
 * @errs/fauna/v10 — FQL v10 (`fauna` 2.5) errors: the class hierarchy, fauna-js's `getServiceError`, and
 * decoding of query replies, stream events and feed pages. The adapter is shared with the main entry.
 */
export { adapter } from './adapter.js'
export { type AnyFaunaError, isFaunaError, type NormalizeFaunaOptions, normalize, recognize } from './normalize.js'
export type { HttpReply, ResponseLike } from './reply.js'
export type { FaunaErrorOptions } from './shared.js'
export { fromFeedPage, fromHttp, fromResponse, fromStreamEvent, isQueryFailure, MAX_FEED_EVENTS } from './v10/decode.js'
export {
  AbortError,
  AuthenticationError,
  AuthorizationError,
  ClientClosedError,
  ClientError,
  type ConstraintFailure,
  ConstraintFailureError,
  ContendedTransactionError,
  FaunaError,
  getServiceError,
  InvalidRequestError,
  MISSING_CODE,
  NetworkError,
  ProtocolError,
  QueryCheckError,
  type QueryFailure,
  type QueryInfo,
  QueryRuntimeError,
  type QueryStats,
  QueryTimeoutError,
  type QueryValue,
  ServiceError,
  ServiceInternalError,
  ThrottlingError,
} from './v10/errors.js'
export { decodeTagged, encodeTagged, MAX_TAGGED_DEPTH, MAX_TAGGED_NODES } from './v10/tagged.js'
