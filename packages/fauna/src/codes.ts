import type { CodeInfo, ErrorKind } from '@errs/core'
import { type FaunaDialect, upperSnake } from './shared.js'

/** One row of the Fauna code table: a `CodeInfo` whose dialect and class are always known. */
export interface FaunaCodeInfo extends CodeInfo {
  readonly code: string
  /** `'v4'` (FQL v4, `faunadb`) or `'v10'` (FQL v10, `fauna`): codes such as `unauthorized` exist in both. */
  readonly variant: FaunaDialect
  /** Class the driver (and this package) makes for the code. */
  readonly className: string
  /** v4: the default human description (`description` field); v10: same as `message`. */
  readonly description: string
  /** Why the kind/status were chosen, when it is not obvious. */
  readonly note?: string
}

/** Suffix faunadb ≥ 4.4.2 appends to an Unauthorized message (note the typographic apostrophe, U+2019). */
export const UNAUTHORIZED_HINT =
  '. Check that endpoint, schema, port and secret are correct during client’s instantiation'

/** `message` and `description` of a v4 FaunaHTTPError whose `errors` array is empty (faunadb's text). */
export const EMPTY_ERRORS = '(empty "errors")'

/** faunadb 4.8.2: HTTP status → class name (`raiseForStatusCode`); any other status → `UnknownError`. */
export const V4_STATUS_CLASS: Readonly<Record<number, string>> = Object.freeze({
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'UnavailableError',
})

/**
 * v4 statuses that describe the server's condition rather than the query: their kind wins over the code's
 * (issue rule: TooManyRequests → resource_exhausted, InternalError → internal, UnavailableError → unavailable).
 */
export const V4_STATUS_KIND: Readonly<Record<number, { kind: ErrorKind; retryable: boolean }>> = Object.freeze({
  429: { kind: 'resource_exhausted', retryable: true },
  500: { kind: 'internal', retryable: false },
  503: { kind: 'unavailable', retryable: true },
})

type Row = [code: string, kind: ErrorKind, status: number, retryable: boolean, description: string, note?: string]

// FQL v4 code strings (faunadb-csharp ExceptionCode.cs, statuses from faunadb-python tests and the Fauna v4
// docs). Statuses marked "assumed" were never pinned by a driver test: the kind's usual Fauna status is used.
const V4_HTTP: readonly Row[] = [
  ['invalid expression', 'invalid_argument', 400, false, 'Invalid expression.'],
  ['invalid url parameter', 'invalid_argument', 400, false, 'Invalid URL parameter.', 'status assumed'],
  ['schema not found', 'not_found', 404, false, 'Schema not found.', 'status assumed'],
  [
    'transaction aborted',
    'aborted',
    400,
    false,
    'Transaction aborted.',
    'raised by Abort(): the same query aborts again, so not retryable',
  ],
  ['invalid write time', 'invalid_argument', 400, false, 'Invalid write time.', 'status assumed'],
  ['invalid argument', 'invalid_argument', 400, false, 'Illegal argument.'],
  ['invalid ref', 'invalid_argument', 400, false, 'Invalid reference.'],
  ['missing identity', 'failed_precondition', 400, false, 'Authentication has no identity.', 'status assumed'],
  ['invalid scope', 'invalid_argument', 400, false, 'Invalid scope.', 'status assumed'],
  ['invalid token', 'unauthenticated', 400, false, 'Invalid token.', 'status assumed'],
  [
    'call error',
    'unknown',
    400,
    false,
    'Calling the function resulted in an error.',
    "decoded errors take the kind of the UDF's inner error (errors[0].cause[0])",
  ],
  ['stack overflow', 'resource_exhausted', 400, false, 'Stack overflow.', 'a query too deep: retrying cannot help'],
  ['permission denied', 'permission_denied', 403, false, 'Insufficient privileges to perform the action.'],
  ['authentication failed', 'unauthenticated', 400, false, 'Authentication failed.', 'status assumed'],
  ['value not found', 'not_found', 404, false, 'Value not found.'],
  ['instance not found', 'not_found', 404, false, 'Document not found.'],
  ['instance already exists', 'already_exists', 400, false, 'Document already exists.'],
  ['validation failed', 'invalid_argument', 400, false, 'Document data is not valid.'],
  ['instance not unique', 'already_exists', 400, false, 'Document is not unique.', 'a unique index was violated'],
  ['invalid object in container', 'invalid_argument', 400, false, 'Invalid object in container.', 'status assumed'],
  ['move database error', 'failed_precondition', 400, false, 'Move database error.', 'status assumed'],
  ['recovery failed', 'failed_precondition', 400, false, 'Recovery failed.', 'status assumed'],
  ['feature not available', 'unimplemented', 400, false, 'Feature not available.', 'status assumed'],
  ['unknown code', 'unknown', 400, false, 'Unknown error code.', 'status assumed'],
  ['unauthorized', 'unauthenticated', 401, false, 'Unauthorized'],
  [
    'method not allowed',
    'unimplemented',
    405,
    false,
    'Method not allowed.',
    'no documented code for 405: placeholder for MethodNotAllowed',
  ],
  [
    'too many requests',
    'resource_exhausted',
    429,
    true,
    'Too many requests.',
    'no documented code for 429: placeholder for TooManyRequests',
  ],
  ['internal server error', 'internal', 500, false, 'Internal server error.', 'code used by faunadb test mocks'],
  ['unavailable', 'unavailable', 503, true, 'Service unavailable.', 'code used by faunadb test mocks'],
  [EMPTY_ERRORS, 'invalid_argument', 400, false, EMPTY_ERRORS, 'an `errors` array that is empty: kind by status'],
]

type ClientRow = [code: string, kind: ErrorKind, status: number, retryable: boolean, message: string, note?: string]

/** v4 errors raised by the client itself: the code is the class name (faunadb sets none). */
const V4_CLIENT: readonly ClientRow[] = [
  ['ClientClosed', 'failed_precondition', 400, false, 'The Client has already been closed'],
  [
    'ProtocolError',
    'unavailable',
    503,
    true,
    'There was an issue communicating with Fauna. Response is empty. Please try again.',
    'unreadable reply: kind of the HTTP status when it is an error status, else unavailable',
  ],
  ['InvalidValue', 'invalid_argument', 400, false, 'Invalid value'],
  ['StreamsNotSupported', 'unimplemented', 501, false, 'streams not supported'],
  ['TimeoutError', 'deadline_exceeded', 504, true, 'Request aborted due to timeout', 'the client `timeout` elapsed'],
  ['AbortError', 'cancelled', 499, false, 'Request aborted', 'the caller aborted (options.signal)'],
  [
    'NetworkError',
    'unavailable',
    503,
    true,
    'The network connection encountered a problem.',
    'a FaunaError named NetworkError: faunadb leaks raw Node/fetch errors here',
  ],
]

// FQL v10 codes (docs error-code list; statuses from fauna-js / fauna-python / fauna-go tests).
const V10_SERVICE: readonly [...Row, string][] = [
  ['abort', 'aborted', 400, false, 'Query aborted.', 'raised by abort(): not retryable', 'AbortError'],
  ['conflict', 'aborted', 409, true, 'Conflict.', 'fauna-python treats it as contention', 'QueryRuntimeError'],
  ['constraint_failure', 'failed_precondition', 400, false, 'Constraint failure.', undefined, 'ConstraintFailureError'],
  ['contended_transaction', 'aborted', 409, true, 'Transaction contended.', undefined, 'ContendedTransactionError'],
  ['disabled_feature', 'failed_precondition', 400, false, 'Feature disabled.', undefined, 'QueryRuntimeError'],
  ['divide_by_zero', 'invalid_argument', 400, false, 'Divide by zero.', undefined, 'QueryRuntimeError'],
  ['document_deleted', 'not_found', 400, false, 'Document deleted.', 'status assumed', 'QueryRuntimeError'],
  ['document_id_exists', 'already_exists', 400, false, 'Document id exists.', 'status assumed', 'QueryRuntimeError'],
  [
    'document_not_found',
    'not_found',
    400,
    false,
    'Document not found.',
    'query errors arrive as 400',
    'QueryRuntimeError',
  ],
  ['eval_error', 'invalid_argument', 400, false, 'Evaluation error.', 'status assumed', 'QueryRuntimeError'],
  ['forbidden', 'permission_denied', 403, false, 'Forbidden.', undefined, 'AuthorizationError'],
  ['index_out_of_bounds', 'out_of_range', 400, false, 'Index out of bounds.', 'status assumed', 'QueryRuntimeError'],
  ['internal_error', 'internal', 500, false, 'Internal error.', undefined, 'ServiceInternalError'],
  ['internal_failure', 'internal', 500, false, 'Internal failure.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_argument', 'invalid_argument', 400, false, 'Invalid argument.', undefined, 'QueryRuntimeError'],
  ['invalid_bounds', 'out_of_range', 400, false, 'Invalid bounds.', 'status assumed', 'QueryRuntimeError'],
  [
    'invalid_computed_field_access',
    'invalid_argument',
    400,
    false,
    'Invalid computed field access.',
    'status assumed',
    'QueryRuntimeError',
  ],
  ['invalid_cursor', 'invalid_argument', 400, false, 'Invalid cursor.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_date', 'invalid_argument', 400, false, 'Invalid date.', 'status assumed', 'QueryRuntimeError'],
  [
    'invalid_document_id',
    'invalid_argument',
    400,
    false,
    'Invalid document id.',
    'status assumed',
    'QueryRuntimeError',
  ],
  ['invalid_effect', 'invalid_argument', 400, false, 'Invalid effect.', 'status assumed', 'QueryRuntimeError'],
  [
    'invalid_function_invocation',
    'invalid_argument',
    400,
    false,
    'Invalid function invocation.',
    'status assumed',
    'QueryRuntimeError',
  ],
  ['invalid_id', 'invalid_argument', 400, false, 'Invalid id.', undefined, 'QueryRuntimeError'],
  [
    'invalid_index_invocation',
    'invalid_argument',
    400,
    false,
    'Invalid index invocation.',
    'status assumed',
    'QueryRuntimeError',
  ],
  [
    'invalid_null_access',
    'invalid_argument',
    400,
    false,
    'Invalid null access.',
    'status assumed',
    'QueryRuntimeError',
  ],
  ['invalid_query', 'invalid_argument', 400, false, 'The query failed validation.', undefined, 'QueryCheckError'],
  ['invalid_receiver', 'invalid_argument', 400, false, 'Invalid receiver.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_regex', 'invalid_argument', 400, false, 'Invalid regex.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_request', 'invalid_argument', 400, false, 'Invalid request.', undefined, 'InvalidRequestError'],
  ['invalid_schema', 'invalid_argument', 400, false, 'Invalid schema.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_secret', 'unauthenticated', 401, false, 'Invalid secret.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_time', 'invalid_argument', 400, false, 'Invalid time.', 'status assumed', 'QueryRuntimeError'],
  [
    'invalid_timestamp_field_access',
    'invalid_argument',
    400,
    false,
    'Invalid timestamp field access.',
    'status assumed',
    'QueryRuntimeError',
  ],
  ['invalid_type', 'invalid_argument', 400, false, 'Invalid type.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_unit', 'invalid_argument', 400, false, 'Invalid unit.', 'status assumed', 'QueryRuntimeError'],
  ['invalid_write', 'invalid_argument', 400, false, 'Invalid write.', 'status assumed', 'QueryRuntimeError'],
  ['limit_exceeded', 'resource_exhausted', 429, true, 'Limit exceeded.', 'retried by the driver', 'ThrottlingError'],
  ['method_not_allowed', 'unimplemented', 405, false, 'Method not allowed.', undefined, 'QueryRuntimeError'],
  ['not_found', 'not_found', 404, false, 'Not found.', undefined, 'QueryRuntimeError'],
  ['null_value', 'invalid_argument', 400, false, 'Null value.', 'status assumed', 'QueryRuntimeError'],
  [
    'permission_denied',
    'permission_denied',
    403,
    false,
    'Permission denied.',
    'status assumed (seen in stream events)',
    'QueryRuntimeError',
  ],
  [
    'request_size_exceeded',
    'resource_exhausted',
    413,
    false,
    'Request size exceeded.',
    'the same request is too large again',
    'QueryRuntimeError',
  ],
  ['stack_overflow', 'resource_exhausted', 400, false, 'Stack overflow.', 'retrying cannot help', 'QueryRuntimeError'],
  [
    'time_out',
    'deadline_exceeded',
    440,
    false,
    'Query timed out.',
    'the query may have been too slow: not retried by the driver',
    'QueryTimeoutError',
  ],
  [
    'tmp_write_failed',
    'unavailable',
    503,
    true,
    'Temporary write failed.',
    'status assumed; transient',
    'QueryRuntimeError',
  ],
  ['type_mismatch', 'invalid_argument', 400, false, 'Type mismatch.', 'status assumed', 'QueryRuntimeError'],
  ['unauthorized', 'unauthenticated', 401, false, 'Unauthorized.', undefined, 'AuthenticationError'],
]

/** v10 errors raised by the client itself: the code is the class name. */
const V10_CLIENT: readonly ClientRow[] = [
  ['ClientError', 'unknown', 500, false, 'A client level error occurred. Fauna was not called.'],
  ['ClientClosedError', 'failed_precondition', 400, false, 'Your client is closed. No further requests can be issued.'],
  [
    'NetworkError',
    'unavailable',
    503,
    true,
    'The network connection encountered a problem.',
    'the request may not have reached Fauna',
  ],
  [
    'ProtocolError',
    'unavailable',
    503,
    true,
    'There was an issue communicating with Fauna. Response is empty. Please try again.',
    'unreadable reply: kind of `httpStatus` when it is an error status, else unavailable',
  ],
]

function v4Message(code: string): string {
  return code === 'unauthorized' ? code + UNAUTHORIZED_HINT : code
}

function freezeRow(row: FaunaCodeInfo): FaunaCodeInfo {
  return Object.freeze(row)
}

/** FQL v4 rows (`variant: 'v4'`): HTTP error codes, then client-side errors. */
export const V4_CODES: readonly FaunaCodeInfo[] = Object.freeze([
  ...V4_HTTP.map(([code, kind, status, retryable, description, note]) =>
    freezeRow({
      code,
      reason: code === EMPTY_ERRORS ? 'EMPTY_ERRORS' : upperSnake(code),
      kind,
      status,
      retryable,
      message: v4Message(code),
      className: V4_STATUS_CLASS[status] ?? 'UnknownError',
      variant: 'v4',
      description,
      ...(note === undefined ? {} : { note }),
    }),
  ),
  ...V4_CLIENT.map(([code, kind, status, retryable, message, note]) =>
    freezeRow({
      code,
      reason: upperSnake(code),
      kind,
      status,
      retryable,
      message,
      className: code,
      variant: 'v4',
      description: message,
      ...(note === undefined ? {} : { note }),
    }),
  ),
])

/** FQL v10 rows (`variant: 'v10'`): service error codes, then client-side errors. */
export const V10_CODES: readonly FaunaCodeInfo[] = Object.freeze([
  ...V10_SERVICE.map(([code, kind, status, retryable, message, note, className]) =>
    freezeRow({
      code,
      reason: upperSnake(code),
      kind,
      status,
      retryable,
      message,
      className,
      variant: 'v10',
      description: message,
      ...(note === undefined ? {} : { note }),
    }),
  ),
  ...V10_CLIENT.map(([code, kind, status, retryable, message, note]) =>
    freezeRow({
      code,
      reason: upperSnake(code),
      kind,
      status,
      retryable,
      message,
      className: code,
      variant: 'v10',
      description: message,
      ...(note === undefined ? {} : { note }),
    }),
  ),
])

/** Both dialects: the adapter's `codes`. */
export const FAUNA_CODES: readonly FaunaCodeInfo[] = Object.freeze([...V4_CODES, ...V10_CODES])

const V4_BY_CODE: ReadonlyMap<string, FaunaCodeInfo> = new Map(V4_CODES.map((r) => [r.code, r]))
const V10_BY_CODE: ReadonlyMap<string, FaunaCodeInfo> = new Map(V10_CODES.map((r) => [r.code, r]))

/** The row of a code in one dialect, if known. */
export function codeRow(dialect: FaunaDialect, code: string): FaunaCodeInfo | undefined {
  return (dialect === 'v4' ? V4_BY_CODE : V10_BY_CODE).get(code)
}

/** The row of a client-side error class (its code is its class name), if known. */
export function clientRow(dialect: FaunaDialect, className: string): FaunaCodeInfo | undefined {
  const row = codeRow(dialect, className)
  return row !== undefined && row.className === row.code ? row : undefined
}

/** v4: the status faunadb's class stands for (`BadRequest` → 400), if it has one. */
export function v4ClassStatus(className: string): number | undefined {
  for (const [status, name] of Object.entries(V4_STATUS_CLASS)) if (name === className) return Number(status)
  return undefined
}
