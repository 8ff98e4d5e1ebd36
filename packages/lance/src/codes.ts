// Type-only imports: this module imports nothing at run time and has no module-level side effect, so
// `import { ErrorCode }` bundles to the object alone.
import type { ErrorKind } from '@errs/core'
import type { CodeInfo, UNKNOWN_CODE } from '@errs/core/kit'

/**
 * Lance Namespace error codes (spec `errors.md` 0–21, `spec.yaml` 22–23), with the names of the Python
 * `lance_namespace.errors.ErrorCode` IntEnum (the Java `ErrorCode` constants are the same).
 */
export const ErrorCode = Object.freeze({
  /**
   * Code 0, spec `Unsupported` (Python `UnsupportedOperationError`, Java `UnsupportedOperationException`): "Operation
   * not supported by this backend".
   *
   * Kind `unimplemented`, HTTP status 406, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  UNSUPPORTED: 0,
  /**
   * Code 1, spec `NamespaceNotFound` (Python `NamespaceNotFoundError`, Java `NamespaceNotFoundException`): "The
   * specified namespace does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  NAMESPACE_NOT_FOUND: 1,
  /**
   * Code 2, spec `NamespaceAlreadyExists` (Python `NamespaceAlreadyExistsError`, Java
   * `NamespaceAlreadyExistsException`): "A namespace with this name already exists".
   *
   * Kind `already_exists`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  NAMESPACE_ALREADY_EXISTS: 2,
  /**
   * Code 3, spec `NamespaceNotEmpty` (Python `NamespaceNotEmptyError`, Java `NamespaceNotEmptyException`): "Namespace
   * contains tables or child namespaces".
   *
   * Kind `failed_precondition`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  NAMESPACE_NOT_EMPTY: 3,
  /**
   * Code 4, spec `TableNotFound` (Python `TableNotFoundError`, Java `TableNotFoundException`): "The specified table
   * does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_NOT_FOUND: 4,
  /**
   * Code 5, spec `TableAlreadyExists` (Python `TableAlreadyExistsError`, Java `TableAlreadyExistsException`): "A
   * table with this name already exists".
   *
   * Kind `already_exists`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_ALREADY_EXISTS: 5,
  /**
   * Code 6, spec `TableIndexNotFound` (Python `TableIndexNotFoundError`, Java `TableIndexNotFoundException`): "The
   * specified table index does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_INDEX_NOT_FOUND: 6,
  /**
   * Code 7, spec `TableIndexAlreadyExists` (Python `TableIndexAlreadyExistsError`, Java
   * `TableIndexAlreadyExistsException`): "A table index with this name already exists".
   *
   * Kind `already_exists`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_INDEX_ALREADY_EXISTS: 7,
  /**
   * Code 8, spec `TableTagNotFound` (Python `TableTagNotFoundError`, Java `TableTagNotFoundException`): "The
   * specified table tag does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_TAG_NOT_FOUND: 8,
  /**
   * Code 9, spec `TableTagAlreadyExists` (Python `TableTagAlreadyExistsError`, Java
   * `TableTagAlreadyExistsException`): "A table tag with this name already exists".
   *
   * Kind `already_exists`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_TAG_ALREADY_EXISTS: 9,
  /**
   * Code 10, spec `TransactionNotFound` (Python `TransactionNotFoundError`, Java `TransactionNotFoundException`):
   * "The specified transaction does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TRANSACTION_NOT_FOUND: 10,
  /**
   * Code 11, spec `TableVersionNotFound` (Python `TableVersionNotFoundError`, Java `TableVersionNotFoundException`):
   * "The specified table version does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_VERSION_NOT_FOUND: 11,
  /**
   * Code 12, spec `TableColumnNotFound` (Python `TableColumnNotFoundError`, Java `TableColumnNotFoundException`):
   * "The specified table column does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_COLUMN_NOT_FOUND: 12,
  /**
   * Code 13, spec `InvalidInput` (Python `InvalidInputError`, Java `InvalidInputException`): "Malformed request or
   * invalid parameters".
   *
   * Kind `invalid_argument`, HTTP status 400, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  INVALID_INPUT: 13,
  /**
   * Code 14, spec `ConcurrentModification` (Python `ConcurrentModificationError`, Java
   * `ConcurrentModificationException`): "Optimistic concurrency conflict".
   *
   * Kind `aborted`, HTTP status 409, retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  CONCURRENT_MODIFICATION: 14,
  /**
   * Code 15, spec `PermissionDenied` (Python `PermissionDeniedError`, Java `PermissionDeniedException`): "User lacks
   * permission for this operation".
   *
   * Kind `permission_denied`, HTTP status 403, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  PERMISSION_DENIED: 15,
  /**
   * Code 16, spec `Unauthenticated` (Python `UnauthenticatedError`, Java `UnauthenticatedException`): "Authentication
   * credentials are missing or invalid".
   *
   * Kind `unauthenticated`, HTTP status 401, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  UNAUTHENTICATED: 16,
  /**
   * Code 17, spec `ServiceUnavailable` (Python `ServiceUnavailableError`, Java `ServiceUnavailableException`):
   * "Service is temporarily unavailable".
   *
   * Kind `unavailable`, HTTP status 503, retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  SERVICE_UNAVAILABLE: 17,
  /**
   * Code 18, spec `Internal` (Python `InternalError`, Java `InternalException`): "Unexpected server/implementation
   * error".
   *
   * Kind `internal`, HTTP status 500, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  INTERNAL: 18,
  /**
   * Code 19, spec `InvalidTableState` (Python `InvalidTableStateError`, Java `InvalidTableStateException`): "Table is
   * in an invalid state for the operation".
   *
   * Kind `failed_precondition`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  INVALID_TABLE_STATE: 19,
  /**
   * Code 20, spec `TableSchemaValidationError` (Python `TableSchemaValidationError`, Java
   * `TableSchemaValidationException`): "Table schema validation failed".
   *
   * Kind `invalid_argument`, HTTP status 400, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_SCHEMA_VALIDATION_ERROR: 20,
  /**
   * Code 21, spec `Throttling` (Python `ThrottlingError`, Java `ThrottlingException`): "Request rate limit exceeded".
   *
   * Kind `resource_exhausted`, HTTP status 429, retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md | errors.md} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  THROTTLING: 21,
  /**
   * Code 22, spec `TableBranchNotFound` (Python `TableBranchNotFoundError`, Java `TableBranchNotFoundException`):
   * "The specified table branch does not exist".
   *
   * Kind `not_found`, HTTP status 404, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/spec.yaml | spec.yaml ErrorResponse} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_BRANCH_NOT_FOUND: 22,
  /**
   * Code 23, spec `TableBranchAlreadyExists` (Python `TableBranchAlreadyExistsError`, Java
   * `TableBranchAlreadyExistsException`): "A table branch with this name already exists".
   *
   * Kind `already_exists`, HTTP status 409, not retryable.
   *
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/spec.yaml | spec.yaml ErrorResponse} (lance-format/lance-namespace @ eeb337ca)
   * @see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/supported-catalogs/lance-rest.md | lance-rest.md, error code to HTTP status}
   */
  TABLE_BRANCH_ALREADY_EXISTS: 23,
} as const)

/** A known Lance Namespace code, e.g. `4`. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]
/** The name of a known code, e.g. `'TABLE_NOT_FOUND'`. */
export type ErrorCodeName = keyof typeof ErrorCode

/**
 * `reason` of an error whose code is not in the table (the class is still `InternalError`, as upstream).
 * @deprecated The one unknown-code policy of `@errs/core/kit` (`UNKNOWN_CODE`); this alias has its value.
 */
export const UNKNOWN_REASON: typeof UNKNOWN_CODE = 'UNKNOWN_CODE'

/** One row of the Lance code table: the single source of truth for a code. */
export interface LanceCodeInfo extends CodeInfo {
  /** The numeric code. */
  readonly code: ErrorCode
  /** Python/Java `ErrorCode` constant, e.g. `'TABLE_NOT_FOUND'`. */
  readonly reason: ErrorCodeName
  /** Name in the spec and the Rust `ErrorCode` variant, e.g. `'TableNotFound'`. */
  readonly specName: string
  /** Class this package (and the Python client) uses, e.g. `'TableNotFoundError'`. */
  readonly className: string
  /** Java exception class (`org.lance.namespace.errors`), e.g. `'TableNotFoundException'`. */
  readonly javaClassName: string
  /** The spec's description, used as the default message. */
  readonly message: string
  /** Rust `NamespaceError` Display prefix without `': '` (what LanceDB messages carry), e.g. `'Table not found'`. */
  readonly rustPrefix: string
  /** HTTP status from the spec's code → status table (`lance-rest.md`; 22/23 from the Rust server). */
  readonly status: number
  /** Whether retrying the same call may succeed (the spec says nothing; see README "Retries"). */
  readonly retryable: boolean
  readonly kind: ErrorKind
}

type Row = [
  code: ErrorCode,
  reason: ErrorCodeName,
  specName: string,
  message: string,
  kind: ErrorKind,
  status: number,
  retryable: boolean,
  rustPrefix: string,
]

// biome-ignore format: one line per code reads as a table
const ROWS: readonly Row[] = [
  [0, 'UNSUPPORTED', 'Unsupported', 'Operation not supported by this backend', 'unimplemented', 406, false, 'Unsupported'],
  [1, 'NAMESPACE_NOT_FOUND', 'NamespaceNotFound', 'The specified namespace does not exist', 'not_found', 404, false, 'Namespace not found'],
  [2, 'NAMESPACE_ALREADY_EXISTS', 'NamespaceAlreadyExists', 'A namespace with this name already exists', 'already_exists', 409, false, 'Namespace already exists'],
  [3, 'NAMESPACE_NOT_EMPTY', 'NamespaceNotEmpty', 'Namespace contains tables or child namespaces', 'failed_precondition', 409, false, 'Namespace not empty'],
  [4, 'TABLE_NOT_FOUND', 'TableNotFound', 'The specified table does not exist', 'not_found', 404, false, 'Table not found'],
  [5, 'TABLE_ALREADY_EXISTS', 'TableAlreadyExists', 'A table with this name already exists', 'already_exists', 409, false, 'Table already exists'],
  [6, 'TABLE_INDEX_NOT_FOUND', 'TableIndexNotFound', 'The specified table index does not exist', 'not_found', 404, false, 'Table index not found'],
  [7, 'TABLE_INDEX_ALREADY_EXISTS', 'TableIndexAlreadyExists', 'A table index with this name already exists', 'already_exists', 409, false, 'Table index already exists'],
  [8, 'TABLE_TAG_NOT_FOUND', 'TableTagNotFound', 'The specified table tag does not exist', 'not_found', 404, false, 'Table tag not found'],
  [9, 'TABLE_TAG_ALREADY_EXISTS', 'TableTagAlreadyExists', 'A table tag with this name already exists', 'already_exists', 409, false, 'Table tag already exists'],
  [10, 'TRANSACTION_NOT_FOUND', 'TransactionNotFound', 'The specified transaction does not exist', 'not_found', 404, false, 'Transaction not found'],
  [11, 'TABLE_VERSION_NOT_FOUND', 'TableVersionNotFound', 'The specified table version does not exist', 'not_found', 404, false, 'Table version not found'],
  [12, 'TABLE_COLUMN_NOT_FOUND', 'TableColumnNotFound', 'The specified table column does not exist', 'not_found', 404, false, 'Table column not found'],
  [13, 'INVALID_INPUT', 'InvalidInput', 'Malformed request or invalid parameters', 'invalid_argument', 400, false, 'Invalid input'],
  [14, 'CONCURRENT_MODIFICATION', 'ConcurrentModification', 'Optimistic concurrency conflict', 'aborted', 409, true, 'Concurrent modification'],
  [15, 'PERMISSION_DENIED', 'PermissionDenied', 'User lacks permission for this operation', 'permission_denied', 403, false, 'Permission denied'],
  [16, 'UNAUTHENTICATED', 'Unauthenticated', 'Authentication credentials are missing or invalid', 'unauthenticated', 401, false, 'Unauthenticated'],
  [17, 'SERVICE_UNAVAILABLE', 'ServiceUnavailable', 'Service is temporarily unavailable', 'unavailable', 503, true, 'Service unavailable'],
  [18, 'INTERNAL', 'Internal', 'Unexpected server/implementation error', 'internal', 500, false, 'Internal error'],
  [19, 'INVALID_TABLE_STATE', 'InvalidTableState', 'Table is in an invalid state for the operation', 'failed_precondition', 409, false, 'Invalid table state'],
  [20, 'TABLE_SCHEMA_VALIDATION_ERROR', 'TableSchemaValidationError', 'Table schema validation failed', 'invalid_argument', 400, false, 'Table schema validation error'],
  [21, 'THROTTLING', 'Throttling', 'Request rate limit exceeded', 'resource_exhausted', 429, true, 'Throttling'],
  [22, 'TABLE_BRANCH_NOT_FOUND', 'TableBranchNotFound', 'The specified table branch does not exist', 'not_found', 404, false, 'Table branch not found'],
  [23, 'TABLE_BRANCH_ALREADY_EXISTS', 'TableBranchAlreadyExists', 'A table branch with this name already exists', 'already_exists', 409, false, 'Table branch already exists'],
]

/** Python class name: the spec name + `Error`, except 0 (`UnsupportedOperationError`) and 20 (already ends in Error). */
function pythonClass(code: number, specName: string): string {
  if (code === 0) return 'UnsupportedOperationError'
  return specName.endsWith('Error') ? specName : `${specName}Error`
}

/** Java class name: the Python name with `Exception` for `Error` (upstream's rule for every code). */
function javaClass(pythonName: string): string {
  return pythonName.replace(/Error$/, 'Exception')
}

/** The rows of `ROWS` as frozen `LanceCodeInfo` objects, in code order. */
function buildCodes(): readonly LanceCodeInfo[] {
  return Object.freeze(
    ROWS.map(([code, reason, specName, message, kind, status, retryable, rustPrefix]) => {
      const className = pythonClass(code, specName)
      return Object.freeze({
        code,
        reason,
        specName,
        className,
        javaClassName: javaClass(className),
        message,
        kind,
        status,
        retryable,
        rustPrefix,
      })
    }),
  )
}

/** The complete code table, 0–23, in code order. */
export const CODES: readonly LanceCodeInfo[] = /* @__PURE__ */ buildCodes()

/** True for a code in the table (0–23). */
export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'number' && Number.isInteger(code) && code >= 0 && code < CODES.length
}

/** The table row of a code, or `undefined` for a code outside the table (the row's index is its code). */
export function codeInfo(code: unknown): LanceCodeInfo | undefined {
  return isKnownCode(code) ? CODES[code] : undefined
}

/** The row of a known code. */
function rowOf(code: ErrorCode): LanceCodeInfo {
  return CODES[code] as LanceCodeInfo
}

/** The row used for unknown codes' class (Internal, as upstream's `from_error_code`). */
export const INTERNAL_ROW: LanceCodeInfo = /* @__PURE__ */ rowOf(18)
