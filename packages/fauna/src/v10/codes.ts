import type { ErrorKind } from '@errs/core'
import {
  type ClientRow,
  clientRows,
  EMPTY_RESPONSE_MESSAGE,
  type FaunaCodeInfo,
  freezeRow,
  PROTOCOL_ERROR_TITLE,
  rowIndex,
  SOURCES,
} from '../codes.js'
import { upperSnake } from '../shared.js'

/**
 * v10 classes fauna-js retries whatever the code and status: `Client.#queryWithRetries` retries an error that is
 * `instanceof ThrottlingError` (fauna/fauna-js src/client.ts @ v2.5.0).
 */
export const V10_RETRIED_CLASSES: readonly string[] = /* @__PURE__ */ Object.freeze(['ThrottlingError'])

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

// Literals, not reads of `SOURCES` (same texts): a module-level property read or template is code a bundler keeps.
const N = 'https://docs.fauna.com/fauna/current/reference/fql/error-codes'
const O = 'https://docs.fauna.com/fauna/current/build/fql/errors'
const NO =
  'https://docs.fauna.com/fauna/current/reference/fql/error-codes; https://docs.fauna.com/fauna/current/build/fql/errors'
const Q = 'QueryRuntimeError'

// Every FQL v10 code Fauna's documentation lists (N = current list, O = older list), plus the codes the official
// v10 drivers name. `status`: what the code means; `wireStatus`: what Fauna sends (fauna-js and fauna-dotnet unit
// tests, fauna-python's hard-coded statuses; 400, the status of every query runtime error, where none pins one).
// `className`: fauna-js 2.5.0 `getServiceError`. `retryable`: whether the same call may succeed when retried. True
// where an official v10 driver retries the error (`limit_exceeded`: all of them; fauna-js 2.5.0 retries nothing else)
// or marks it retryable (`contended_transaction`: fauna-dotnet's `IRetryableException`; `conflict`, which
// fauna-python raises as the same class), and for `tmp_write_failed` (a temporary failure by its name, which no
// driver retries); each such row's note says which.
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
    'fauna-python raises ContendedTransactionError for it: retryable as contended_transaction',
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
    'fauna-dotnet marks it IRetryableException; no driver retries it by itself',
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
  [
    'tmp_write_failed',
    'unavailable',
    503,
    400,
    true,
    'Temporary write failed.',
    Q,
    NO,
    'a temporary failure by its name (kind unavailable); no driver retries it',
  ],
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
    'the request may not have reached Fauna: fauna-dotnet retries network failures, fauna-python streams reconnect after one; fauna-js does not retry it',
  ],
  [
    'ProtocolError',
    'unavailable',
    503,
    true,
    EMPTY_RESPONSE_MESSAGE,
    'an empty reply (the driver asks to try again); other unreadable replies: by their status, retried on 429',
    undefined,
    PROTOCOL_ERROR_TITLE,
  ],
]

/**
 * FQL v10 rows (`variant: 'v10'`): the service error codes (`error.code` of a query failure, e.g.
 * `document_not_found`), then the errors `fauna` raises itself (the code is the class name). Exported as `CODES` of
 * `@errs/fauna/v10`.
 *
 * `Status` is the HTTP status a service answers with for the code (its kind); `Wire status` is the one Fauna sends it
 * with (`—`: raised by the client, no reply). `Retryable`: whether the same call may succeed when retried (what
 * Fauna’s clients retry or mark retryable; a row’s `note` says why where no driver retries it). Generated from the
 * rows by `scripts/code-docs.ts`.
 *
 * | Code | Class | Kind | Status | Wire status | Retryable | Source |
 * | --- | --- | --- | ---: | ---: | --- | --- |
 * | `abort` | `AbortError` | `aborted` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `bad_gateway` | `QueryRuntimeError` | `unavailable` | 502 | 502 | no | `fauna/fauna-dotnet Fauna/Exceptions/ExceptionHandler.cs @ 70f44f10` |
 * | `conflict` | `QueryRuntimeError` | `aborted` | 409 | 409 | yes | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); `fauna/fauna-python fauna/errors/errors.py @ e5dc8c91 (v2.4.0)` |
 * | `constraint_failure` | `ConstraintFailureError` | `failed_precondition` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `constraint_violation` | `QueryRuntimeError` | `failed_precondition` | 400 | 400 | no | [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `contended_transaction` | `ContendedTransactionError` | `aborted` | 409 | 409 | yes | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `disabled_feature` | `QueryRuntimeError` | `failed_precondition` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `divide_by_zero` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `document_already_exists` | `QueryRuntimeError` | `already_exists` | 409 | 400 | no | [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `document_deleted` | `QueryRuntimeError` | `not_found` | 404 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `document_id_exists` | `QueryRuntimeError` | `already_exists` | 409 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `document_not_found` | `QueryRuntimeError` | `not_found` | 404 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `eval_error` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `forbidden` | `AuthorizationError` | `permission_denied` | 403 | 403 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `gateway_timeout` | `QueryRuntimeError` | `deadline_exceeded` | 504 | 504 | no | `fauna/fauna-dotnet Fauna/Exceptions/ExceptionHandler.cs @ 70f44f10` |
 * | `index_out_of_bounds` | `QueryRuntimeError` | `out_of_range` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `internal_error` | `ServiceInternalError` | `internal` | 500 | 500 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `internal_failure` | `QueryRuntimeError` | `internal` | 500 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_argument` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_bounds` | `QueryRuntimeError` | `out_of_range` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_computed_field_access` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `invalid_cursor` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_date` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_document_id` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_effect` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_function_invocation` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_id` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `invalid_index_invocation` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_null_access` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_query` | `QueryCheckError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_receiver` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `invalid_regex` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_request` | `InvalidRequestError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_schema` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_secret` | `QueryRuntimeError` | `unauthenticated` | 401 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `invalid_stream_start_time` | `QueryRuntimeError` | `invalid_argument` | 400 | 200 | no | `fauna/fauna-jvm src/test/java/com/fauna/e2e/E2EFeedsTest.java @ 07d7063f` |
 * | `invalid_time` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_timestamp_field_access` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `invalid_type` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_unit` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `invalid_write` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `limit_exceeded` | `ThrottlingError` | `resource_exhausted` | 429 | 429 | yes | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors); [plan details](https://docs.fauna.com/fauna/current/manage/plans-billing/plan-details) |
 * | `method_not_allowed` | `QueryRuntimeError` | `unimplemented` | 405 | 405 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); `fauna/fauna-python fauna/errors/errors.py @ e5dc8c91 (v2.4.0)` |
 * | `not_found` | `QueryRuntimeError` | `not_found` | 404 | 404 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes) |
 * | `null_value` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `permission_denied` | `QueryRuntimeError` | `permission_denied` | 403 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `request_size_exceeded` | `QueryRuntimeError` | `resource_exhausted` | 413 | 413 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors); `fauna/fauna-python fauna/errors/errors.py @ e5dc8c91 (v2.4.0)` |
 * | `stack_overflow` | `QueryRuntimeError` | `resource_exhausted` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `time_out` | `QueryTimeoutError` | `deadline_exceeded` | 504 | 440 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `tmp_write_failed` | `QueryRuntimeError` | `unavailable` | 503 | 400 | yes | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `type_mismatch` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | [FQL v10 error codes](https://docs.fauna.com/fauna/current/reference/fql/error-codes); [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `unauthorized` | `AuthenticationError` | `unauthenticated` | 401 | 401 | no | [FQL v10 errors (older list)](https://docs.fauna.com/fauna/current/build/fql/errors) |
 * | `unbound_variable` | `QueryRuntimeError` | `invalid_argument` | 400 | 400 | no | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0` |
 * | `ClientError` | `ClientError` | `unknown` | 500 | — | no | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0` |
 * | `ClientClosedError` | `ClientClosedError` | `failed_precondition` | 400 | — | no | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0` |
 * | `NetworkError` | `NetworkError` | `unavailable` | 503 | — | yes | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0` |
 * | `ProtocolError` | `ProtocolError` | `unavailable` | 503 | — | yes | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0` |
 *
 * @see {@link https://docs.fauna.com/fauna/current/reference/fql/error-codes | FQL v10 error codes}
 * @see {@link https://docs.fauna.com/fauna/current/build/fql/errors | FQL v10 errors}
 */
export const V10_CODES: readonly FaunaCodeInfo[] = /* @__PURE__ */ v10Codes()

/** Builds `V10_CODES` (once, when the module loads; a bundler drops the call when the table is not used). */
function v10Codes(): readonly FaunaCodeInfo[] {
  return Object.freeze([
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
    ...clientRows(V10_CLIENT, 'v10', SOURCES.faunaJs),
  ])
}

const V10_INDEX = /* @__PURE__ */ rowIndex(V10_CODES)

/** The v10 row of a code, if known. */
export function v10CodeInfo(code: string): FaunaCodeInfo | undefined {
  return V10_INDEX.codeInfo(code)
}

/** The row of a v10 client-side error class (its code is its class name), if known. */
export function v10ClientRow(className: string): FaunaCodeInfo | undefined {
  return V10_INDEX.clientRow(className)
}

/** Row per class name: the first row of each class (built once, in a function a bundler can drop). */
function classRows(): ReadonlyMap<string, FaunaCodeInfo> {
  return new Map([...V10_CODES].reverse().map((r) => [r.className, r] as const))
}

const V10_CLASS_ROW: ReadonlyMap<string, FaunaCodeInfo> = /* @__PURE__ */ classRows()

/**
 * The v10 row whose class is `className` (`ThrottlingError` → `limit_exceeded`): the kind and status a service
 * class stands for when its code is unknown. Undefined for `QueryRuntimeError` (the default class) and others.
 */
export function v10ClassRow(className: string): FaunaCodeInfo | undefined {
  return className === 'QueryRuntimeError' ? undefined : V10_CLASS_ROW.get(className)
}

/** The v10 `ProtocolError` row (an empty reply). */
export const V10_PROTOCOL_ROW: FaunaCodeInfo = /* @__PURE__ */ v10ClientRow('ProtocolError') as FaunaCodeInfo
