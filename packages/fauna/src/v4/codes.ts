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

/** Suffix faunadb ≥ 4.4.2 appends to an Unauthorized message (note the typographic apostrophe, U+2019). */
export const UNAUTHORIZED_HINT =
  '. Check that endpoint, schema, port and secret are correct during client’s instantiation'

/** `message` and `description` of a v4 FaunaHTTPError whose `errors` array is empty (faunadb's text). */
export const EMPTY_ERRORS = '(empty "errors")'

/** faunadb 4.8.2: HTTP status → class name (`raiseForStatusCode`); any other status → `UnknownError`. */
export const V4_STATUS_CLASS: Readonly<Record<number, string>> = /* @__PURE__ */ Object.freeze({
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
export const V4_STATUS_KIND: Readonly<Record<number, { kind: ErrorKind; retryable: boolean }>> =
  /* @__PURE__ */ Object.freeze({
    429: { kind: 'resource_exhausted', retryable: true },
    500: { kind: 'internal', retryable: false },
    503: { kind: 'unavailable', retryable: true },
  })

type V4Row = [
  code: string,
  kind: ErrorKind,
  status: number,
  wireStatus: number,
  retryable: boolean,
  description: string,
  note?: string,
  /** Where the row is not one of faunadb-csharp's `ExceptionCode.cs` strings: what it comes from. */
  source?: string,
]

// FQL v4 code strings: faunadb-csharp ExceptionCode.cs (the last five rows are not codes it names: their sources are
// their own); wire statuses from faunadb-python tests and the Fauna v4 docs ("assumed" where no driver test pins one:
// 400, as for every v4 query error). `status` is what the code means; it differs from the wire where v4 sends a 400
// for a conflict or an authentication failure. `retryable`: whether the same call may succeed when retried (faunadb
// 4.8.2 retries nothing itself): a 429 after backoff, and a 503, which the v4 docs say to retry.
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
    SOURCES.faunadbJs,
  ],
  [
    'too many requests',
    'resource_exhausted',
    429,
    429,
    true,
    'Too many requests.',
    'no documented code for 429: placeholder for TooManyRequests; retryable after backoff (a throughput limit)',
    SOURCES.faunadbJs,
  ],
  [
    'internal server error',
    'internal',
    500,
    500,
    false,
    'Internal server error.',
    'code used by faunadb test mocks',
    SOURCES.faunadbJs,
  ],
  [
    'unavailable',
    'unavailable',
    503,
    503,
    true,
    'Service unavailable.',
    'code used by faunadb test mocks; retryable: the v4 docs say to retry a 503',
    `${SOURCES.faunadbJs}; ${SOURCES.docsV4}`,
  ],
  [
    EMPTY_ERRORS,
    'invalid_argument',
    400,
    400,
    false,
    EMPTY_ERRORS,
    'an `errors` array that is empty: kind by status',
    SOURCES.faunadbJs,
  ],
]

/** v4 errors raised by the client itself: the code is the class name (faunadb sets none). */
const V4_CLIENT: readonly ClientRow[] = [
  [
    'FaunaError',
    'unknown',
    500,
    false,
    'An error occurred in the Fauna client.',
    'what normalize makes of a thrown value nothing else recognises; faunadb gives the class no default text: ours',
  ],
  ['ClientClosed', 'failed_precondition', 400, false, 'The Client has already been closed'],
  [
    'ProtocolError',
    'unavailable',
    503,
    true,
    EMPTY_RESPONSE_MESSAGE,
    'an empty reply (the driver asks to try again); other unreadable replies: by their status, retried on 429 and 503',
    undefined,
    PROTOCOL_ERROR_TITLE,
  ],
  ['InvalidValue', 'invalid_argument', 400, false, 'Invalid value', 'faunadb gives the class no default text: ours'],
  ['StreamsNotSupported', 'unimplemented', 501, false, 'streams not supported'],
  [
    'TimeoutError',
    'deadline_exceeded',
    504,
    true,
    'Request aborted due to timeout',
    'the client `timeout` elapsed: a later call may get its reply in time',
  ],
  ['AbortError', 'cancelled', 499, false, 'Request aborted', 'the caller aborted (options.signal)'],
  [
    'NetworkError',
    'unavailable',
    503,
    true,
    'The network connection encountered a problem.',
    'not a faunadb 4.8.2 class (it lets raw Node/fetch errors through): this package wraps them in a FaunaError named NetworkError, with fauna-js 2.5.0 NetworkError text; retryable: the request may not have reached Fauna',
    `${SOURCES.faunaJs} (the name and text)`,
  ],
]

function v4Message(code: string): string {
  return code === 'unauthorized' ? code + UNAUTHORIZED_HINT : code
}

/**
 * FQL v4 rows (`variant: 'v4'`): the HTTP error codes (the `code` of an entry of `errors`, e.g. `instance not
 * found`), then the errors `faunadb` raises itself (the code is the class name). Exported as `CODES` of
 * `@errs/fauna`.
 *
 * `Status` is the HTTP status a service answers with for the code (its kind); `Wire status` is the one Fauna sends it
 * with (`—`: raised by the client, no reply). `Retryable`: whether the same call may succeed when retried (what
 * Fauna’s clients retry or mark retryable; a row’s `note` says why where no driver retries it). Generated from the
 * rows by `scripts/code-docs.ts`.
 *
 * | Code | Class | Kind | Status | Wire status | Retryable | Source |
 * | --- | --- | --- | ---: | ---: | --- | --- |
 * | `invalid expression` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid url parameter` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `schema not found` | `NotFound` | `not_found` | 404 | 404 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `transaction aborted` | `BadRequest` | `aborted` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid write time` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid argument` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid ref` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `missing identity` | `BadRequest` | `failed_precondition` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid scope` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid token` | `BadRequest` | `unauthenticated` | 401 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `call error` | `BadRequest` | `unknown` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `stack overflow` | `BadRequest` | `resource_exhausted` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `permission denied` | `PermissionDenied` | `permission_denied` | 403 | 403 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `authentication failed` | `BadRequest` | `unauthenticated` | 401 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `value not found` | `NotFound` | `not_found` | 404 | 404 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `instance not found` | `NotFound` | `not_found` | 404 | 404 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `instance already exists` | `BadRequest` | `already_exists` | 409 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `validation failed` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `instance not unique` | `BadRequest` | `already_exists` | 409 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `invalid object in container` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `move database error` | `BadRequest` | `failed_precondition` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `recovery failed` | `BadRequest` | `failed_precondition` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `feature not available` | `BadRequest` | `unimplemented` | 501 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `unknown code` | `BadRequest` | `unknown` | 400 | 400 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `unauthorized` | `Unauthorized` | `unauthenticated` | 401 | 401 | no | `fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs` |
 * | `method not allowed` | `MethodNotAllowed` | `unimplemented` | 405 | 405 | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `too many requests` | `TooManyRequests` | `resource_exhausted` | 429 | 429 | yes | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `internal server error` | `InternalError` | `internal` | 500 | 500 | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `unavailable` | `UnavailableError` | `unavailable` | 503 | 503 | yes | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2`; [FQL v4 errors](https://docs.fauna.com/fauna/v4/build/best_practices/errors) |
 * | `(empty "errors")` | `BadRequest` | `invalid_argument` | 400 | 400 | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `FaunaError` | `FaunaError` | `unknown` | 500 | — | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `ClientClosed` | `ClientClosed` | `failed_precondition` | 400 | — | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `ProtocolError` | `ProtocolError` | `unavailable` | 503 | — | yes | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `InvalidValue` | `InvalidValue` | `invalid_argument` | 400 | — | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `StreamsNotSupported` | `StreamsNotSupported` | `unimplemented` | 501 | — | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `TimeoutError` | `TimeoutError` | `deadline_exceeded` | 504 | — | yes | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `AbortError` | `AbortError` | `cancelled` | 499 | — | no | `fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2` |
 * | `NetworkError` | `NetworkError` | `unavailable` | 503 | — | yes | `fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0 (the name and text)` |
 *
 * @see {@link https://docs.fauna.com/fauna/v4/build/best_practices/errors | FQL v4 errors}
 */
export const V4_CODES: readonly FaunaCodeInfo[] = /* @__PURE__ */ v4Codes()

/** Builds `V4_CODES` (once, when the module loads; a bundler drops the call when the table is not used). */
function v4Codes(): readonly FaunaCodeInfo[] {
  return Object.freeze([
    ...V4_HTTP.map(([code, kind, status, wireStatus, retryable, description, note, source]) =>
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
        source: source ?? SOURCES.faunadbCsharp,
        ...(note === undefined ? {} : { note }),
      }),
    ),
    ...clientRows(V4_CLIENT, 'v4', SOURCES.faunadbJs),
  ])
}

const V4_INDEX = /* @__PURE__ */ rowIndex(V4_CODES)

/** The v4 row of a code, if known. */
export function v4CodeInfo(code: string): FaunaCodeInfo | undefined {
  return V4_INDEX.codeInfo(code)
}

/** The row of a v4 client-side error class (its code is its class name), if known. */
export function v4ClientRow(className: string): FaunaCodeInfo | undefined {
  return V4_INDEX.clientRow(className)
}

/** The status faunadb's class stands for (`BadRequest` → 400), if it has one. */
export function v4ClassStatus(className: string): number | undefined {
  for (const [status, name] of Object.entries(V4_STATUS_CLASS)) if (name === className) return Number(status)
  return undefined
}

/** The v4 `ProtocolError` row (an empty reply). */
export const V4_PROTOCOL_ROW: FaunaCodeInfo = /* @__PURE__ */ v4ClientRow('ProtocolError') as FaunaCodeInfo
