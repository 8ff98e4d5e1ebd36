import { type ErrsErrorClass, read } from '@errs/core/kit'
import { CODES, ErrorCode } from './codes.js'
import { type InternalErrorOptions, type LanceErrorOptions, LanceNamespaceError } from './lance-namespace-error.js'

// One class per code, named as in the Python client (`lance_namespace.errors`). Each only fixes its code: the
// kind, status, retry rule and default message come from the code table (codes.ts). `static code` is a literal
// (typed against `ErrorCode`): a static field that reads `ErrorCode.X` is a side effect that would keep every class
// in a user's bundle.

/** Code 0 `UNSUPPORTED` (HTTP 406): the backend does not implement the operation. */
export class UnsupportedOperationError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.UnsupportedOperationError'
  /** The code this class stands for, `ErrorCode.UNSUPPORTED`. */
  static readonly code: typeof ErrorCode.UNSUPPORTED = 0
  /** This error's code, always `ErrorCode.UNSUPPORTED` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.UNSUPPORTED
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.UNSUPPORTED, message, options)
  }
}

/** Code 1 `NAMESPACE_NOT_FOUND` (HTTP 404): the namespace named by the request (or the parent of the object) does not exist. */
export class NamespaceNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.NamespaceNotFoundError'
  /** The code this class stands for, `ErrorCode.NAMESPACE_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.NAMESPACE_NOT_FOUND = 1
  /** This error's code, always `ErrorCode.NAMESPACE_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.NAMESPACE_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.NAMESPACE_NOT_FOUND, message, options)
  }
}

/** Code 2 `NAMESPACE_ALREADY_EXISTS` (HTTP 409): CreateNamespace names a namespace that already exists. */
export class NamespaceAlreadyExistsError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.NamespaceAlreadyExistsError'
  /** The code this class stands for, `ErrorCode.NAMESPACE_ALREADY_EXISTS`. */
  static readonly code: typeof ErrorCode.NAMESPACE_ALREADY_EXISTS = 2
  /** This error's code, always `ErrorCode.NAMESPACE_ALREADY_EXISTS` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.NAMESPACE_ALREADY_EXISTS
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.NAMESPACE_ALREADY_EXISTS, message, options)
  }
}

/** Code 3 `NAMESPACE_NOT_EMPTY` (HTTP 409): DropNamespace targets a namespace that still holds tables or child namespaces. */
export class NamespaceNotEmptyError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.NamespaceNotEmptyError'
  /** The code this class stands for, `ErrorCode.NAMESPACE_NOT_EMPTY`. */
  static readonly code: typeof ErrorCode.NAMESPACE_NOT_EMPTY = 3
  /** This error's code, always `ErrorCode.NAMESPACE_NOT_EMPTY` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.NAMESPACE_NOT_EMPTY
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.NAMESPACE_NOT_EMPTY, message, options)
  }
}

/** Code 4 `TABLE_NOT_FOUND` (HTTP 404): the table named by the request does not exist. */
export class TableNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_NOT_FOUND = 4
  /** This error's code, always `ErrorCode.TABLE_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_NOT_FOUND, message, options)
  }
}

/** Code 5 `TABLE_ALREADY_EXISTS` (HTTP 409): CreateTable, RegisterTable or RenameTable names a table that already exists. */
export class TableAlreadyExistsError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableAlreadyExistsError'
  /** The code this class stands for, `ErrorCode.TABLE_ALREADY_EXISTS`. */
  static readonly code: typeof ErrorCode.TABLE_ALREADY_EXISTS = 5
  /** This error's code, always `ErrorCode.TABLE_ALREADY_EXISTS` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_ALREADY_EXISTS
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_ALREADY_EXISTS, message, options)
  }
}

/** Code 6 `TABLE_INDEX_NOT_FOUND` (HTTP 404): the index named by the request does not exist. */
export class TableIndexNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableIndexNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_INDEX_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_INDEX_NOT_FOUND = 6
  /** This error's code, always `ErrorCode.TABLE_INDEX_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_INDEX_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_INDEX_NOT_FOUND, message, options)
  }
}

/** Code 7 `TABLE_INDEX_ALREADY_EXISTS` (HTTP 409): CreateTableIndex or CreateTableScalarIndex names an index that already exists. */
export class TableIndexAlreadyExistsError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableIndexAlreadyExistsError'
  /** The code this class stands for, `ErrorCode.TABLE_INDEX_ALREADY_EXISTS`. */
  static readonly code: typeof ErrorCode.TABLE_INDEX_ALREADY_EXISTS = 7
  /** This error's code, always `ErrorCode.TABLE_INDEX_ALREADY_EXISTS` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_INDEX_ALREADY_EXISTS
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_INDEX_ALREADY_EXISTS, message, options)
  }
}

/** Code 8 `TABLE_TAG_NOT_FOUND` (HTTP 404): the tag named by the request does not exist. */
export class TableTagNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableTagNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_TAG_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_TAG_NOT_FOUND = 8
  /** This error's code, always `ErrorCode.TABLE_TAG_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_TAG_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_TAG_NOT_FOUND, message, options)
  }
}

/** Code 9 `TABLE_TAG_ALREADY_EXISTS` (HTTP 409): CreateTableTag names a tag that already exists. */
export class TableTagAlreadyExistsError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableTagAlreadyExistsError'
  /** The code this class stands for, `ErrorCode.TABLE_TAG_ALREADY_EXISTS`. */
  static readonly code: typeof ErrorCode.TABLE_TAG_ALREADY_EXISTS = 9
  /** This error's code, always `ErrorCode.TABLE_TAG_ALREADY_EXISTS` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_TAG_ALREADY_EXISTS
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_TAG_ALREADY_EXISTS, message, options)
  }
}

/** Code 10 `TRANSACTION_NOT_FOUND` (HTTP 404): the transaction named by the request does not exist. */
export class TransactionNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TransactionNotFoundError'
  /** The code this class stands for, `ErrorCode.TRANSACTION_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TRANSACTION_NOT_FOUND = 10
  /** This error's code, always `ErrorCode.TRANSACTION_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TRANSACTION_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TRANSACTION_NOT_FOUND, message, options)
  }
}

/** Code 11 `TABLE_VERSION_NOT_FOUND` (HTTP 404): the table version named by the request does not exist. */
export class TableVersionNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableVersionNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_VERSION_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_VERSION_NOT_FOUND = 11
  /** This error's code, always `ErrorCode.TABLE_VERSION_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_VERSION_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_VERSION_NOT_FOUND, message, options)
  }
}

/** Code 12 `TABLE_COLUMN_NOT_FOUND` (HTTP 404): a column named by the request does not exist. */
export class TableColumnNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableColumnNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_COLUMN_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_COLUMN_NOT_FOUND = 12
  /** This error's code, always `ErrorCode.TABLE_COLUMN_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_COLUMN_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_COLUMN_NOT_FOUND, message, options)
  }
}

/** Code 13 `INVALID_INPUT` (HTTP 400): the request is malformed or has invalid parameters. */
export class InvalidInputError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.InvalidInputError'
  /** The code this class stands for, `ErrorCode.INVALID_INPUT`. */
  static readonly code: typeof ErrorCode.INVALID_INPUT = 13
  /** This error's code, always `ErrorCode.INVALID_INPUT` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.INVALID_INPUT
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.INVALID_INPUT, message, options)
  }
}

/** Code 14 `CONCURRENT_MODIFICATION` (HTTP 409): an optimistic concurrency check failed; retrying after re-reading the table may succeed. */
export class ConcurrentModificationError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.ConcurrentModificationError'
  /** The code this class stands for, `ErrorCode.CONCURRENT_MODIFICATION`. */
  static readonly code: typeof ErrorCode.CONCURRENT_MODIFICATION = 14
  /** This error's code, always `ErrorCode.CONCURRENT_MODIFICATION` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.CONCURRENT_MODIFICATION
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.CONCURRENT_MODIFICATION, message, options)
  }
}

/** Code 15 `PERMISSION_DENIED` (HTTP 403): the caller is authenticated but lacks permission for the operation. */
export class PermissionDeniedError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.PermissionDeniedError'
  /** The code this class stands for, `ErrorCode.PERMISSION_DENIED`. */
  static readonly code: typeof ErrorCode.PERMISSION_DENIED = 15
  /** This error's code, always `ErrorCode.PERMISSION_DENIED` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.PERMISSION_DENIED
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.PERMISSION_DENIED, message, options)
  }
}

/** Code 16 `UNAUTHENTICATED` (HTTP 401): credentials are missing or invalid. */
export class UnauthenticatedError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.UnauthenticatedError'
  /** The code this class stands for, `ErrorCode.UNAUTHENTICATED`. */
  static readonly code: typeof ErrorCode.UNAUTHENTICATED = 16
  /** This error's code, always `ErrorCode.UNAUTHENTICATED` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.UNAUTHENTICATED
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.UNAUTHENTICATED, message, options)
  }
}

/** Code 17 `SERVICE_UNAVAILABLE` (HTTP 503): the service is temporarily unavailable (also: the connection failed or timed out); retryable. */
export class ServiceUnavailableError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.ServiceUnavailableError'
  /** The code this class stands for, `ErrorCode.SERVICE_UNAVAILABLE`. */
  static readonly code: typeof ErrorCode.SERVICE_UNAVAILABLE = 17
  /** This error's code, always `ErrorCode.SERVICE_UNAVAILABLE` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.SERVICE_UNAVAILABLE
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, options)
  }
}

/**
 * Code 18 `INTERNAL` (HTTP 500): an unexpected server or implementation error; also the class for codes this package does not know.
 * For an unknown code, `code` keeps the number received and `reason` is `'UNKNOWN_CODE'` (upstream loses the number).
 */
export class InternalError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.InternalError'
  /** The code this class stands for, `ErrorCode.INTERNAL`. */
  static readonly code: typeof ErrorCode.INTERNAL = 18
  constructor(message?: string, options?: InternalErrorOptions) {
    // Read guarded: options that cannot be read (a revoked Proxy) are none, as `LanceNamespaceError` reads them.
    super((read(options, 'code') as number | undefined) ?? ErrorCode.INTERNAL, message, options)
  }
}

/** Code 19 `INVALID_TABLE_STATE` (HTTP 409): the table is in a state that does not allow the operation. */
export class InvalidTableStateError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.InvalidTableStateError'
  /** The code this class stands for, `ErrorCode.INVALID_TABLE_STATE`. */
  static readonly code: typeof ErrorCode.INVALID_TABLE_STATE = 19
  /** This error's code, always `ErrorCode.INVALID_TABLE_STATE` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.INVALID_TABLE_STATE
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.INVALID_TABLE_STATE, message, options)
  }
}

/** Code 20 `TABLE_SCHEMA_VALIDATION_ERROR` (HTTP 400): the data or the requested change does not match the table schema. */
export class TableSchemaValidationError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableSchemaValidationError'
  /** The code this class stands for, `ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR`. */
  static readonly code: typeof ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR = 20
  /** This error's code, always `ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR, message, options)
  }
}

/** Code 21 `THROTTLING` (HTTP 429): the request rate limit was exceeded; retryable, after `retryAfterMs` when the server sent `Retry-After`. */
export class ThrottlingError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.ThrottlingError'
  /** The code this class stands for, `ErrorCode.THROTTLING`. */
  static readonly code: typeof ErrorCode.THROTTLING = 21
  /** This error's code, always `ErrorCode.THROTTLING` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.THROTTLING
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.THROTTLING, message, options)
  }
}

/** Code 22 `TABLE_BRANCH_NOT_FOUND` (HTTP 404): the branch named by the request does not exist. */
export class TableBranchNotFoundError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableBranchNotFoundError'
  /** The code this class stands for, `ErrorCode.TABLE_BRANCH_NOT_FOUND`. */
  static readonly code: typeof ErrorCode.TABLE_BRANCH_NOT_FOUND = 22
  /** This error's code, always `ErrorCode.TABLE_BRANCH_NOT_FOUND` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_BRANCH_NOT_FOUND
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_BRANCH_NOT_FOUND, message, options)
  }
}

/** Code 23 `TABLE_BRANCH_ALREADY_EXISTS` (HTTP 409): CreateTableBranch names a branch that already exists. */
export class TableBranchAlreadyExistsError extends LanceNamespaceError {
  static override readonly errsBrand = 'errs.lance.TableBranchAlreadyExistsError'
  /** The code this class stands for, `ErrorCode.TABLE_BRANCH_ALREADY_EXISTS`. */
  static readonly code: typeof ErrorCode.TABLE_BRANCH_ALREADY_EXISTS = 23
  /** This error's code, always `ErrorCode.TABLE_BRANCH_ALREADY_EXISTS` (a literal type, so sibling classes are not assignable). */
  declare readonly code: typeof ErrorCode.TABLE_BRANCH_ALREADY_EXISTS
  constructor(message?: string, options?: LanceErrorOptions) {
    super(ErrorCode.TABLE_BRANCH_ALREADY_EXISTS, message, options)
  }
}

/** A class of this package per code, in code order (index = code). */
export const ERROR_CLASSES = /* @__PURE__ */ Object.freeze([
  UnsupportedOperationError,
  NamespaceNotFoundError,
  NamespaceAlreadyExistsError,
  NamespaceNotEmptyError,
  TableNotFoundError,
  TableAlreadyExistsError,
  TableIndexNotFoundError,
  TableIndexAlreadyExistsError,
  TableTagNotFoundError,
  TableTagAlreadyExistsError,
  TransactionNotFoundError,
  TableVersionNotFoundError,
  TableColumnNotFoundError,
  InvalidInputError,
  ConcurrentModificationError,
  PermissionDeniedError,
  UnauthenticatedError,
  ServiceUnavailableError,
  InternalError,
  InvalidTableStateError,
  TableSchemaValidationError,
  ThrottlingError,
  TableBranchNotFoundError,
  TableBranchAlreadyExistsError,
] as const)

/** `CLASSES`: the base class, then each code's class under its row's `className`. */
function buildClasses(): Readonly<Record<string, ErrsErrorClass<LanceNamespaceError>>> {
  return Object.freeze({
    LanceNamespaceError,
    ...Object.fromEntries(CODES.map((row) => [row.className, ERROR_CLASSES[row.code]])),
  })
}

/**
 * Every class of this package by its upstream name (the Python client's, `codes[i].className`), plus the base
 * `LanceNamespaceError`: what core rebuilds problems from (`adapter.classes`).
 */
export const CLASSES: Readonly<Record<string, ErrsErrorClass<LanceNamespaceError>>> = /* @__PURE__ */ buildClasses()
