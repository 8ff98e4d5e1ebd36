/**
 * `@errs/lance` — Lance Namespace errors: codes 0–23 with the Python client's classes, the per-operation error sets,
 * the REST `ErrorResponse` binding (both directions) and normalization of `@lancedb/lancedb` errors.
 * @packageDocumentation
 */
export { adapter } from './adapter.js'
export {
  CODES,
  codeInfo,
  ErrorCode,
  type ErrorCodeName,
  INTERNAL_ROW,
  isKnownCode,
  type LanceCodeInfo,
  UNKNOWN_REASON,
} from './codes.js'
export type { ToErrorResponseOptions } from './encode.js'
export {
  CLASSES,
  ConcurrentModificationError,
  ERROR_CLASSES,
  InternalError,
  InvalidInputError,
  InvalidTableStateError,
  NamespaceAlreadyExistsError,
  NamespaceNotEmptyError,
  NamespaceNotFoundError,
  PermissionDeniedError,
  ServiceUnavailableError,
  TableAlreadyExistsError,
  TableBranchAlreadyExistsError,
  TableBranchNotFoundError,
  TableColumnNotFoundError,
  TableIndexAlreadyExistsError,
  TableIndexNotFoundError,
  TableNotFoundError,
  TableSchemaValidationError,
  TableTagAlreadyExistsError,
  TableTagNotFoundError,
  TableVersionNotFoundError,
  ThrottlingError,
  TransactionNotFoundError,
  UnauthenticatedError,
  UnsupportedOperationError,
} from './errors.js'
export { type ErrorClassOf, fromErrorCode } from './from-error-code.js'
export { type InternalErrorOptions, type LanceErrorOptions, LanceNamespaceError } from './lance-namespace-error.js'
export {
  fromLanceDbMessage,
  LANCEDB_ERRORS,
  type LanceDbErrorFamily,
  type LanceDbLayer,
  type LanceDbMessageOptions,
  lanceDbFamily,
  stripRustPaths,
} from './lancedb.js'
export { normalize, toErrorResponse } from './normalize.js'
export {
  COMMON_ERRORS,
  expectedErrors,
  isExpectedError,
  isOperation,
  OPERATION_ERRORS,
  OPERATIONS,
  type Operation,
  type OperationCategory,
  type OperationErrors,
  operationOfPath,
} from './operations.js'
export { recognize } from './recognize.js'
export {
  codeOfHttpStatus,
  type ErrorReply,
  type ErrorResponse,
  type FromErrorResponseOptions,
  fromErrorResponse,
  fromResponse,
  type HeadersInput,
  httpStatusOf,
  MAX_BODY_TEXT,
  type ResponseLike,
} from './rest.js'
