import { codeText, readOptions } from '@errs/core/kit'
import { type ErrorCode, isKnownCode } from './codes.js'
import { ERROR_CLASSES, InternalError } from './errors.js'
import type { LanceErrorOptions, LanceNamespaceError } from './lance-namespace-error.js'

/** The class `fromErrorCode` returns for a code: `TableNotFoundError` for 4, the base type for a plain number. */
export type ErrorClassOf<C extends number> = C extends ErrorCode
  ? InstanceType<(typeof ERROR_CLASSES)[C]>
  : LanceNamespaceError

/**
 * The error for a Lance Namespace code (Python `from_error_code`, Java `ErrorFactory.fromErrorCode`): returned, not
 * thrown. An unknown code gives `InternalError`, as upstream does, but keeps the number received in `code`
 * (`reason` `'UNKNOWN_CODE'`, core's one unknown-code policy). A code that is not a finite number gives `InternalError` with code 18.
 *
 * @example
 * const e = fromErrorCode(4, 'Table not found')   // TableNotFoundError, e.code === ErrorCode.TABLE_NOT_FOUND
 */
export function fromErrorCode<C extends number>(
  code: C,
  message?: string,
  options?: LanceErrorOptions,
): ErrorClassOf<C> {
  if (isKnownCode(code)) {
    const Class = ERROR_CLASSES[code]
    return new Class(message, options) as ErrorClassOf<C>
  }
  if (typeof code !== 'number' || !Number.isFinite(code)) {
    const o = readOptions(options)
    const details = { invalidCode: codeText(code), ...o?.details }
    return new InternalError(message, { ...o, details }) as ErrorClassOf<C>
  }
  return new InternalError(message, { ...readOptions(options), code }) as ErrorClassOf<C>
}
