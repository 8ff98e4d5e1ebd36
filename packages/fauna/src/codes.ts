import { type CodeInfo, type ErrorKind, httpStatusToKind, isHttpErrorStatus } from '@errs/core'
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
  /**
   * `status` is the HTTP status a service should answer with for this code (what the code means:
   * `document_not_found` → 404, `time_out` → 504). `wireStatus` is the status Fauna sends it with (v10 sends
   * every query runtime error at 400, `time_out` at 440): what `httpStatus` / `httpStatusCode` hold, and what
   * `create` and `encode` put on the wire. Undefined for client-side errors (no reply).
   */
  readonly wireStatus?: number
  /** Where the code, and its status, come from (docs URL or repository path at a version). */
  readonly source?: string
  /** Why the kind/status were chosen, when it is not obvious. */
  readonly note?: string
}

/** faunadb 4.8.2 and fauna 2.5.0's text for an empty 200 reply. */
export const EMPTY_RESPONSE_MESSAGE =
  'There was an issue communicating with Fauna. Response is empty. Please try again.'

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
 * (TooManyRequests → resource_exhausted, InternalError → internal, UnavailableError → unavailable; a 503 is a v4
 * timeout to retry, https://docs.fauna.com/fauna/v4/build/best_practices/errors).
 */
export const V4_STATUS_KIND: Readonly<Record<number, { kind: ErrorKind; retryable: boolean }>> = Object.freeze({
  429: { kind: 'resource_exhausted', retryable: true },
  500: { kind: 'internal', retryable: false },
  503: { kind: 'unavailable', retryable: true },
})

/** Sources cited by the rows. */
export const SOURCES = Object.freeze({
  /** Current FQL v10 error-code list ("Error handling"). */
  docsV10: 'https://docs.fauna.com/fauna/current/reference/fql/error-codes',
  /** Older FQL v10 error-code list ("Error codes"). */
  docsV10Old: 'https://docs.fauna.com/fauna/current/build/fql/errors',
  /** Throughput limits: `limit_exceeded` with HTTP 429, retried by the drivers. */
  docsPlans: 'https://docs.fauna.com/fauna/current/manage/plans-billing/plan-details',
  /** FQL v4 errors: a 503 is a timeout, to be retried with backoff. */
  docsV4: 'https://docs.fauna.com/fauna/v4/build/best_practices/errors',
  faunaJs: 'fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0',
  faunaPython: 'fauna/fauna-python fauna/errors/errors.py @ e5dc8c91 (v2.4.0)',
  faunaDotnet: 'fauna/fauna-dotnet Fauna/Exceptions/ExceptionHandler.cs @ 70f44f10',
  faunaJvm: 'fauna/fauna-jvm src/test/java/com/fauna/e2e/E2EFeedsTest.java @ 07d7063f',
  faunadbCsharp: 'fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs',
  faunadbJs: 'fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2',
})

/**
 * HTTP statuses whose failure Fauna's clients retry, for a reply the code table cannot classify (an unknown
 * code, an empty `errors` array, an unreadable body). A status's kind alone never makes an error retryable: a
 * 413 from a proxy stays too large when sent again.
 * - v10: 429 (docs plan-details: the drivers retry a 429; fauna-go `doWithRetry` and fauna-dotnet's retry
 *   policy retry any 429 whatever the body).
 * - v4: 429, and 503, which FQL v4 uses for timeouts to retry with backoff (docs v4 best practices).
 */
export const RETRYABLE_STATUSES: Readonly<Record<FaunaDialect, readonly number[]>> = Object.freeze({
  v10: Object.freeze([429]),
  v4: Object.freeze([429, 503]),
})

/** True when Fauna's clients retry a failure that only its HTTP status describes (`RETRYABLE_STATUSES`). */
export function isRetryableStatus(dialect: FaunaDialect, status: number | undefined): boolean {
  return status !== undefined && RETRYABLE_STATUSES[dialect].includes(status)
}

/**
 * v10 classes fauna-js retries whatever the code and status: `Client.#queryWithRetries` retries an error that is
 * `instanceof ThrottlingError` (fauna/fauna-js src/client.ts @ v2.5.0).
 */
export const V10_RETRIED_CLASSES: readonly string[] = Object.freeze(['ThrottlingError'])

type V4Row = [
  code: string,
  kind: ErrorKind,
  status: number,
  wireStatus: number,
  retryable: boolean,
  description: string,
  note?: string,
]

// FQL v4 code strings: faunadb-csharp ExceptionCode.cs; wire statuses from faunadb-python tests and the Fauna v4
// docs ("assumed" where no driver test pins one: 400, as for every v4 query error). `status` is what the code
// means; it differs from the wire where v4 sends a 400 for a conflict or an authentication failure.
const V4_HTTP: readonly V4Row[] = [
  ['invalid expression', 'invalid_argument', 400, 400, false, 'Invalid expression.'],
  ['invalid url parameter', 'invalid_argument', 400, 400, false, 'Invalid URL parameter.', 'wire status assumed'],
  ['schema not found', 'not_found', 404, 404, false, 'Schema not found.', 'wire status assumed'],
  [
    'transaction aborted',
    'aborted',
    400,
    400,
    false,
    'Transaction aborted.',
    'raised by Abort(): the query chose to fail, and fails again when retried',
  ],
  ['invalid write time', 'invalid_argument', 400, 400, false, 'Invalid write time.', 'wire status assumed'],
  ['invalid argument', 'invalid_argument', 400, 400, false, 'Illegal argument.'],
  ['invalid ref', 'invalid_argument', 400, 400, false, 'Invalid reference.'],
  [
    'missing identity',
    'failed_precondition',
    400,
    400,
    false,
    'Authentication has no identity.',
    'wire status assumed',
  ],
  ['invalid scope', 'invalid_argument', 400, 400, false, 'Invalid scope.', 'wire status assumed'],
  ['invalid token', 'unauthenticated', 401, 400, false, 'Invalid token.', 'wire status assumed'],
  [
    'call error',
    'unknown',
    400,
    400,
    false,
    'Calling the function resulted in an error.',
    "decoded errors take the kind and status of the UDF's inner error (errors[0].cause[0])",
  ],
  [
    'stack overflow',
    'resource_exhausted',
    400,
    400,
    false,
    'Stack overflow.',
    'a query too deep: retrying cannot help',
  ],
  ['permission denied', 'permission_denied', 403, 403, false, 'Insufficient privileges to perform the action.'],
  ['authentication failed', 'unauthenticated', 401, 400, false, 'Authentication failed.', 'wire status assumed'],
  ['value not found', 'not_found', 404, 404, false, 'Value not found.'],
  ['instance not found', 'not_found', 404, 404, false, 'Document not found.'],
  ['instance already exists', 'already_exists', 409, 400, false, 'Document already exists.'],
  ['validation failed', 'invalid_argument', 400, 400, false, 'Document data is not valid.'],
  ['instance not unique', 'already_exists', 409, 400, false, 'Document is not unique.', 'a unique index was violated'],
  [
    'invalid object in container',
    'invalid_argument',
    400,
    400,
    false,
    'Invalid object in container.',
    'wire status assumed',
  ],
  ['move database error', 'failed_precondition', 400, 400, false, 'Move database error.', 'wire status assumed'],
  ['recovery failed', 'failed_precondition', 400, 400, false, 'Recovery failed.', 'wire status assumed'],
  ['feature not available', 'unimplemented', 501, 400, false, 'Feature not available.', 'wire status assumed'],
  ['unknown code', 'unknown', 400, 400, false, 'Unknown error code.', 'wire status assumed'],
  ['unauthorized', 'unauthenticated', 401, 401, false, 'Unauthorized'],
  [
    'method not allowed',
    'unimplemented',
    405,
    405,
    false,
    'Method not allowed.',
    'no documented code for 405: placeholder for MethodNotAllowed',
  ],
  [
    'too many requests',
    'resource_exhausted',
    429,
    429,
    true,
    'Too many requests.',
    'no documented code for 429: placeholder for TooManyRequests',
  ],
  ['internal server error', 'internal', 500, 500, false, 'Internal server error.', 'code used by faunadb test mocks'],
  ['unavailable', 'unavailable', 503, 503, true, 'Service unavailable.', 'code used by faunadb test mocks'],
  [EMPTY_ERRORS, 'invalid_argument', 400, 400, false, EMPTY_ERRORS, 'an `errors` array that is empty: kind by status'],
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
    'an empty reply (the driver asks to try again); other unreadable replies: see RETRYABLE_STATUSES',
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

type V10Row = [
  code: string,
  kind: ErrorKind,
  status: number,
  wireStatus: number,
  retryable: boolean,
  message: string,
  className: string,
  source: string,
  note?: string,
]

const N = SOURCES.docsV10
const O = SOURCES.docsV10Old
const NO = `${N}; ${O}`
const Q = 'QueryRuntimeError'

// Every FQL v10 code Fauna's documentation lists (N = current list, O = older list), plus the codes the official
// v10 drivers name. `status`: what the code means; `wireStatus`: what Fauna sends (fauna-js and fauna-dotnet unit
// tests, fauna-python's hard-coded statuses; 400, the status of every query runtime error, where none pins one).
// `className`: fauna-js 2.5.0 `getServiceError`. `retryable`: what Fauna's clients retry.
const V10_SERVICE: readonly V10Row[] = [
  [
    'abort',
    'aborted',
    400,
    400,
    false,
    'Query aborted.',
    'AbortError',
    NO,
    'raised by abort(): fails again when retried',
  ],
  ['bad_gateway', 'unavailable', 502, 502, false, 'Bad gateway.', Q, SOURCES.faunaDotnet, 'no client retries it'],
  [
    'conflict',
    'aborted',
    409,
    409,
    true,
    'Conflict.',
    Q,
    `${N}; ${SOURCES.faunaPython}`,
    'fauna-python raises ContendedTransactionError for it',
  ],
  ['constraint_failure', 'failed_precondition', 400, 400, false, 'Constraint failure.', 'ConstraintFailureError', NO],
  [
    'constraint_violation',
    'failed_precondition',
    400,
    400,
    false,
    'Constraint violation.',
    Q,
    O,
    'as constraint_failure',
  ],
  [
    'contended_transaction',
    'aborted',
    409,
    409,
    true,
    'Transaction contended.',
    'ContendedTransactionError',
    NO,
    'fauna-dotnet marks it IRetryableException',
  ],
  ['disabled_feature', 'failed_precondition', 400, 400, false, 'Feature disabled.', Q, N],
  ['divide_by_zero', 'invalid_argument', 400, 400, false, 'Divide by zero.', Q, NO],
  ['document_already_exists', 'already_exists', 409, 400, false, 'Document already exists.', Q, O],
  ['document_deleted', 'not_found', 404, 400, false, 'Document deleted.', Q, N],
  ['document_id_exists', 'already_exists', 409, 400, false, 'Document id exists.', Q, N],
  ['document_not_found', 'not_found', 404, 400, false, 'Document not found.', Q, NO],
  ['eval_error', 'invalid_argument', 400, 400, false, 'Evaluation error.', Q, N],
  ['forbidden', 'permission_denied', 403, 403, false, 'Forbidden.', 'AuthorizationError', NO],
  [
    'gateway_timeout',
    'deadline_exceeded',
    504,
    504,
    false,
    'Gateway timeout.',
    Q,
    SOURCES.faunaDotnet,
    'fauna-dotnet: NetworkException; no client retries it',
  ],
  ['index_out_of_bounds', 'out_of_range', 400, 400, false, 'Index out of bounds.', Q, NO],
  ['internal_error', 'internal', 500, 500, false, 'Internal error.', 'ServiceInternalError', NO],
  ['internal_failure', 'internal', 500, 400, false, 'Internal failure.', Q, NO],
  ['invalid_argument', 'invalid_argument', 400, 400, false, 'Invalid argument.', Q, NO],
  ['invalid_bounds', 'out_of_range', 400, 400, false, 'Invalid bounds.', Q, NO],
  ['invalid_computed_field_access', 'invalid_argument', 400, 400, false, 'Invalid computed field access.', Q, N],
  ['invalid_cursor', 'invalid_argument', 400, 400, false, 'Invalid cursor.', Q, NO],
  ['invalid_date', 'invalid_argument', 400, 400, false, 'Invalid date.', Q, NO],
  ['invalid_document_id', 'invalid_argument', 400, 400, false, 'Invalid document id.', Q, NO],
  ['invalid_effect', 'invalid_argument', 400, 400, false, 'Invalid effect.', Q, NO],
  ['invalid_function_invocation', 'invalid_argument', 400, 400, false, 'Invalid function invocation.', Q, NO],
  ['invalid_id', 'invalid_argument', 400, 400, false, 'Invalid id.', Q, N],
  ['invalid_index_invocation', 'invalid_argument', 400, 400, false, 'Invalid index invocation.', Q, NO],
  ['invalid_null_access', 'invalid_argument', 400, 400, false, 'Invalid null access.', Q, NO],
  ['invalid_query', 'invalid_argument', 400, 400, false, 'The query failed validation.', 'QueryCheckError', NO],
  ['invalid_receiver', 'invalid_argument', 400, 400, false, 'Invalid receiver.', Q, N],
  ['invalid_regex', 'invalid_argument', 400, 400, false, 'Invalid regex.', Q, NO],
  ['invalid_request', 'invalid_argument', 400, 400, false, 'Invalid request.', 'InvalidRequestError', NO],
  ['invalid_schema', 'invalid_argument', 400, 400, false, 'Invalid schema.', Q, NO],
  ['invalid_secret', 'unauthenticated', 401, 400, false, 'Invalid secret.', Q, N],
  [
    'invalid_stream_start_time',
    'invalid_argument',
    400,
    200,
    false,
    'Invalid stream start time.',
    Q,
    SOURCES.faunaJvm,
    'an error event of a feed page (HTTP 200): `start_ts` too far in the past',
  ],
  ['invalid_time', 'invalid_argument', 400, 400, false, 'Invalid time.', Q, NO],
  ['invalid_timestamp_field_access', 'invalid_argument', 400, 400, false, 'Invalid timestamp field access.', Q, N],
  ['invalid_type', 'invalid_argument', 400, 400, false, 'Invalid type.', Q, NO],
  ['invalid_unit', 'invalid_argument', 400, 400, false, 'Invalid unit.', Q, NO],
  ['invalid_write', 'invalid_argument', 400, 400, false, 'Invalid write.', Q, NO],
  [
    'limit_exceeded',
    'resource_exhausted',
    429,
    429,
    true,
    'Limit exceeded.',
    'ThrottlingError',
    `${NO}; ${SOURCES.docsPlans}`,
    'retried by the drivers',
  ],
  ['method_not_allowed', 'unimplemented', 405, 405, false, 'Method not allowed.', Q, `${N}; ${SOURCES.faunaPython}`],
  ['not_found', 'not_found', 404, 404, false, 'Not found.', Q, N],
  ['null_value', 'invalid_argument', 400, 400, false, 'Null value.', Q, NO],
  ['permission_denied', 'permission_denied', 403, 400, false, 'Permission denied.', Q, NO],
  [
    'request_size_exceeded',
    'resource_exhausted',
    413,
    413,
    false,
    'Request size exceeded.',
    Q,
    `${NO}; ${SOURCES.faunaPython}`,
    'the same request is too large again',
  ],
  ['stack_overflow', 'resource_exhausted', 400, 400, false, 'Stack overflow.', Q, NO, 'a query too deep'],
  [
    'time_out',
    'deadline_exceeded',
    504,
    440,
    false,
    'Query timed out.',
    'QueryTimeoutError',
    NO,
    'sent at 440 or 503; not retried by the drivers',
  ],
  ['tmp_write_failed', 'unavailable', 503, 400, true, 'Temporary write failed.', Q, NO, 'transient by its name'],
  ['type_mismatch', 'invalid_argument', 400, 400, false, 'Type mismatch.', Q, NO],
  ['unauthorized', 'unauthenticated', 401, 401, false, 'Unauthorized.', 'AuthenticationError', O],
  [
    'unbound_variable',
    'invalid_argument',
    400,
    400,
    false,
    'Unbound variable.',
    Q,
    SOURCES.faunaJs,
    'in the drivers’ unit tests only',
  ],
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
    'an empty reply (the driver asks to try again); other unreadable replies: see RETRYABLE_STATUSES',
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
  ...V4_HTTP.map(([code, kind, status, wireStatus, retryable, description, note]) =>
    freezeRow({
      code,
      reason: code === EMPTY_ERRORS ? 'EMPTY_ERRORS' : upperSnake(code),
      kind,
      status,
      retryable,
      message: v4Message(code),
      className: V4_STATUS_CLASS[wireStatus] ?? 'UnknownError',
      variant: 'v4',
      description,
      wireStatus,
      source: SOURCES.faunadbCsharp,
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
      source: SOURCES.faunadbJs,
      ...(note === undefined ? {} : { note }),
    }),
  ),
])

/** FQL v10 rows (`variant: 'v10'`): service error codes, then client-side errors. */
export const V10_CODES: readonly FaunaCodeInfo[] = Object.freeze([
  ...V10_SERVICE.map(([code, kind, status, wireStatus, retryable, message, className, source, note]) =>
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
      wireStatus,
      source,
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
      source: SOURCES.faunaJs,
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

/**
 * The v10 row whose class is `className` (`ThrottlingError` → `limit_exceeded`): the kind and status a service
 * class stands for when its code is unknown. Undefined for `QueryRuntimeError` (the default class) and others.
 */
export function v10ClassRow(className: string): FaunaCodeInfo | undefined {
  return className === 'QueryRuntimeError' ? undefined : V10_CLASS_ROW.get(className)
}

const V10_CLASS_ROW: ReadonlyMap<string, FaunaCodeInfo> = new Map(
  [...V10_CODES].reverse().map((r) => [r.className, r] as const),
)

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

/** Kind, status and retryability of a ProtocolError (a reply that is not a Fauna reply). */
export interface UnreadableFacts {
  kind: ErrorKind
  status: number
  retryable: boolean
}

/**
 * Classifies a reply that could not be read, by its transport status: an empty reply is the `ProtocolError` row
 * (the drivers' text asks to try again); an HTTP error status keeps its standard status and kind (a proxy's 413
 * or 502), retryable only when Fauna's clients retry it (`RETRYABLE_STATUSES`); any other status (a 200 that is
 * no Fauna reply, no status at all) is a bad gateway reply: `unavailable`, 502, not retried by any client.
 */
export function unreadableFacts(dialect: FaunaDialect, status: number | undefined, empty: boolean): UnreadableFacts {
  if (empty) {
    const row = clientRow(dialect, 'ProtocolError') as FaunaCodeInfo
    return { kind: row.kind, status: row.status as number, retryable: row.retryable as boolean }
  }
  if (isHttpErrorStatus(status)) {
    return { kind: httpStatusToKind(status), status, retryable: isRetryableStatus(dialect, status) }
  }
  return { kind: 'unavailable', status: 502, retryable: false }
}
