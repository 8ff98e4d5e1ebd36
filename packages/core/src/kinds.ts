/**
 * Canonical error kinds: the google.rpc.Code set (google/rpc/code.proto) in lower snake case.
 * Every ErrsError carries one, whatever its system, so callers can branch without knowing the system.
 */
export const ErrorKind = /* @__PURE__ */ Object.freeze({
  /** The operation was cancelled, typically by the caller (code.proto 1; HTTP 499). */
  CANCELLED: 'cancelled',
  /** An unknown error, or one raised without enough information (code.proto 2; HTTP 500). */
  UNKNOWN: 'unknown',
  /** The client specified an invalid argument, whatever the system's state (code.proto 3; HTTP 400). */
  INVALID_ARGUMENT: 'invalid_argument',
  /** The deadline expired before the operation could complete; it may have completed (code.proto 4; HTTP 504). */
  DEADLINE_EXCEEDED: 'deadline_exceeded',
  /** A requested entity was not found (code.proto 5; HTTP 404). */
  NOT_FOUND: 'not_found',
  /** The entity a client tried to create already exists (code.proto 6; HTTP 409). */
  ALREADY_EXISTS: 'already_exists',
  /** The caller is authenticated but may not run the operation (code.proto 7; HTTP 403). */
  PERMISSION_DENIED: 'permission_denied',
  /** A resource, quota or rate limit is exhausted; retry after backoff (code.proto 8; HTTP 429). */
  RESOURCE_EXHAUSTED: 'resource_exhausted',
  /** The system is not in a state required for the operation (code.proto 9; HTTP 400). */
  FAILED_PRECONDITION: 'failed_precondition',
  /**
   * The operation was aborted, typically by a concurrency conflict; retry at a higher level (code.proto 10; HTTP 409).
   */
  ABORTED: 'aborted',
  /** The operation was attempted past the valid range (code.proto 11; HTTP 400). */
  OUT_OF_RANGE: 'out_of_range',
  /** The operation is not implemented or not supported (code.proto 12; HTTP 501). */
  UNIMPLEMENTED: 'unimplemented',
  /** An internal error: an invariant of the system is broken (code.proto 13; HTTP 500). */
  INTERNAL: 'internal',
  /** The service is currently unavailable; most likely transient, retry with backoff (code.proto 14; HTTP 503). */
  UNAVAILABLE: 'unavailable',
  /** Unrecoverable data loss or corruption (code.proto 15; HTTP 500). */
  DATA_LOSS: 'data_loss',
  /** The request has no valid authentication credentials (code.proto 16; HTTP 401). */
  UNAUTHENTICATED: 'unauthenticated',
} as const)

/** One of the sixteen canonical kinds, e.g. `'not_found'`. */
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind]

/** All kinds, in google.rpc.Code order (1..16). */
export const ERROR_KINDS: readonly ErrorKind[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.values(ErrorKind))

/**
 * Kind → HTTP status, exactly the "HTTP Mapping" comments of google/rpc/code.proto.
 * Used when an error is created without an explicit status.
 */
export const KIND_HTTP_STATUS: Readonly<Record<ErrorKind, number>> = /* @__PURE__ */ Object.freeze({
  cancelled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
})

/**
 * Retry default per kind, used only when a system says nothing (the native system's truth wins).
 * code.proto: UNAVAILABLE may be retried as is; ABORTED at a higher level; RESOURCE_EXHAUSTED after backoff.
 * DEADLINE_EXCEEDED is not retried by default: the operation may have completed.
 */
export const KIND_DEFAULT_RETRYABLE: Readonly<Record<ErrorKind, boolean>> = /* @__PURE__ */ Object.freeze({
  cancelled: false,
  unknown: false,
  invalid_argument: false,
  deadline_exceeded: false,
  not_found: false,
  already_exists: false,
  permission_denied: false,
  resource_exhausted: true,
  failed_precondition: false,
  aborted: true,
  out_of_range: false,
  unimplemented: false,
  internal: false,
  unavailable: true,
  data_loss: false,
  unauthenticated: false,
})

/**
 * Kind → generic title: what a public problem says instead of the message of an unexpected error (a foreign
 * error, an `unknown`/`internal` kind, a 5xx status), whose text may describe internals.
 */
export const KIND_TITLE: Readonly<Record<ErrorKind, string>> = /* @__PURE__ */ Object.freeze({
  cancelled: 'The request was cancelled',
  unknown: 'An unexpected error occurred',
  invalid_argument: 'The request is invalid',
  deadline_exceeded: 'The request timed out',
  not_found: 'The resource was not found',
  already_exists: 'The resource already exists',
  permission_denied: 'Permission denied',
  resource_exhausted: 'Too many requests',
  failed_precondition: 'The request cannot be carried out in the current state',
  aborted: 'The request was aborted by a conflict',
  out_of_range: 'The request is out of range',
  unimplemented: 'The operation is not implemented',
  internal: 'An internal error occurred',
  unavailable: 'The service is unavailable',
  data_loss: 'An internal error occurred',
  unauthenticated: 'Authentication required',
})

/**
 * HTTP status → kind, for decoding a bare status that came without any system code.
 * Deliberately not the inverse of KIND_HTTP_STATUS (several kinds share 400, 409 and 500), and not
 * grpc's http-grpc-status-mapping either: that table is for gRPC clients meeting a non-gRPC reply
 * (404 → UNIMPLEMENTED there means "no such method"); REST services mean "no such resource".
 */
const HTTP_STATUS_KIND: Readonly<Record<number, ErrorKind>> = /* @__PURE__ */ Object.freeze({
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'unimplemented',
  408: 'deadline_exceeded',
  409: 'aborted',
  410: 'not_found',
  412: 'failed_precondition',
  413: 'resource_exhausted',
  416: 'out_of_range',
  422: 'invalid_argument',
  429: 'resource_exhausted',
  431: 'resource_exhausted',
  499: 'cancelled',
  500: 'internal',
  501: 'unimplemented',
  502: 'unavailable',
  503: 'unavailable',
  504: 'deadline_exceeded',
})

/** Kind of a bare HTTP status; any status not in the table is `'unknown'`. */
export function httpStatusToKind(status: number): ErrorKind {
  return HTTP_STATUS_KIND[status] ?? 'unknown'
}

/**
 * HTTP statuses whose failure may be sent again as it is, when nothing but the status describes it (no native code,
 * or one the system's table does not know), and no system's client says otherwise (see `statusFacts`):
 * - 408 Request Timeout: the request never arrived whole; "the client MAY repeat that request on a new connection"
 *   (RFC 9110 §15.5.9, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9);
 * - 425 Too Early: a user agent "SHOULD retry automatically", not in early data (RFC 8470 §5.2,
 *   https://www.rfc-editor.org/rfc/rfc8470#section-5.2);
 * - 429 Too Many Requests: after the `Retry-After` it may carry (RFC 6585 §4);
 * - 502 Bad Gateway and 503 Service Unavailable: a gateway's or the server's transient condition (RFC 9110 §15.6.3,
 *   §15.6.4; grpc `doc/http-grpc-status-mapping.md` maps both to UNAVAILABLE, which code.proto says to retry).
 *
 * Not 409 Conflict (resubmit once the conflict is resolved: RFC 9110 §15.5.10), 413 Content Too Large (temporary only
 * when the server sends `Retry-After`: RFC 9110 §15.5.14, `HTTP_RETRY_AFTER_STATUSES`), 431 (after reducing the
 * header fields: RFC 6585 §5), nor 500 and 504 (the operation may have run), whatever their kind's default
 * (`KIND_DEFAULT_RETRYABLE` is for errors whose kind a system chose, not for a kind read off a status).
 */
export const HTTP_RETRY_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([408, 425, 429, 502, 503])

/**
 * `HTTP_RETRY_STATUSES` for a reply that carried a usable `Retry-After`: 413 too, which the server marks temporary
 * that way: "If the condition is temporary, the server SHOULD generate a Retry-After header field to indicate that it
 * is temporary and after what time the client MAY try again" (RFC 9110 §15.5.14).
 */
export const HTTP_RETRY_AFTER_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([
  408, 413, 425, 429, 502, 503,
])

/** Kind, status and retry rule of a failure that only its HTTP status describes (`statusFacts`). */
export interface StatusFacts {
  /** `httpStatusToKind(status)`; `unknown` without an HTTP error status. */
  kind: ErrorKind
  /** The HTTP error status (400..599) itself; 500 without one. */
  status: number
  /** Whether the status is one of the retry statuses given. */
  retryable: boolean
}

/**
 * The one decision of kind, status and retryability from a bare HTTP status: core's `fromResponse`, the foreign
 * classifier, a problem without `kind`, and every adapter's reply whose code is absent or unknown. Systems differ only
 * in the data they pass: `retryStatuses` is the statuses the system's own clients or servers say to retry whatever the
 * body (Fauna's drivers: 429, and 503 in FQL v4; Lance and Fluss's REST gateway: 429 and 503, the statuses their
 * servers send with `Retry-After`; `errsInit`'s default for an unknown native code: none), default
 * `HTTP_RETRY_STATUSES`.
 *
 * @param status The reply's HTTP status; anything but an integer 400..599 gives `unknown`, 500, not retryable.
 * @param retryStatuses Statuses retried as they are (`HTTP_RETRY_AFTER_STATUSES` for a reply with `Retry-After`).
 */
export function statusFacts(status: unknown, retryStatuses: readonly number[] = HTTP_RETRY_STATUSES): StatusFacts {
  return isHttpErrorStatus(status)
    ? { kind: httpStatusToKind(status), status, retryable: retryStatuses.includes(status) }
    : { kind: 'unknown', status: 500, retryable: false }
}

/**
 * True when `value` is one of the sixteen canonical kinds. Looked up in `KIND_HTTP_STATUS` (every kind is one of its
 * own keys), which every error needs anyway: a separate set would keep `ErrorKind` in every bundle.
 */
export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(KIND_HTTP_STATUS, value)
}

/** True for an integer HTTP status an error may carry (100..599). */
export function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599
}

/** True for an integer HTTP error status (400..599). */
export function isHttpErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599
}
