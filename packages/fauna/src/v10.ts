/**
 * `@errs/fauna/v10` — FQL v10 (`fauna` 2.5) errors: the class hierarchy, fauna-js's `getServiceError`, decoding
 * of query replies, stream events and feed pages, `normalize` for whatever fauna throws, and the v10 code table.
 * Loads nothing of FQL v4; the `@errs/core` adapter of both dialects is `@errs/fauna/adapter`.
 */
export type { FaunaCodeInfo } from './codes.js'
export type { HttpReply, ResponseLike } from './reply.js'
export {
  isV10Error as isFaunaError,
  normalize,
  recognize,
  V10_CLASSES,
  V10_CLIENT_CODES,
} from './v10/classes.js'
export { V10_CODES, V10_CODES as CODES, v10CodeInfo as codeInfo } from './v10/codes.js'
export {
  fromFeedPage,
  fromHttp,
  fromResponse,
  fromStreamEvent,
  isQueryFailure,
  MAX_FEED_EVENTS,
} from './v10/decode.js'
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
  type FaunaErrorOptions,
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
