import type { ErrsErrorInit } from '@errs/core'
import {
  type CoreView,
  coreView,
  isBrandedInstance,
  isError,
  isRecord,
  read,
  rebuildAs,
  withOccurrence,
} from '@errs/core/kit'
import { codeInfo } from './codes.js'
import { CLASSES, InternalError } from './errors.js'
import { LanceNamespaceError } from './lance-namespace-error.js'
import { fromLanceDbMessage } from './lancedb.js'
import { isOperation, type Operation } from './operations.js'
import { decodeErrorResponse } from './rest.js'

/** An `ErrorResponse`-shaped object: an integer `code` ≥ 0 and a string `error`. */
function isErrorResponseShape(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || isError(value)) return false
  const code = read(value, 'code')
  return typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 && typeof read(value, 'error') === 'string'
}

/**
 * The Lance error when `value` is one (by brand, across copies, with well-formed fields: a forged brand is not
 * enough), a plain core error of system `lance` (rebuilt as its class, as core does), an `@lancedb/lancedb` error
 * whose message has a known form (see `LANCEDB_ERRORS`), or an `ErrorResponse`-shaped object; else `undefined`.
 * Never throws.
 */
export function recognize(value: unknown, options: { operation?: Operation } = {}): LanceNamespaceError | undefined {
  try {
    return recognizeUnsafe(value, options)
  } catch {
    // Hostile values (throwing proxies, revoked proxies) are simply not ours: the contract says never throw.
    return undefined
  }
}

function recognizeUnsafe(value: unknown, options: { operation?: Operation }): LanceNamespaceError | undefined {
  const given = read(options, 'operation')
  const op = isOperation(given) ? { operation: given } : {}
  const view = coreView(value)
  if (view !== undefined) {
    if (view.system !== 'lance' || typeof view.code !== 'number') return undefined
    if (isBrandedInstance(LanceNamespaceError, value) && isRecord(read(value, 'context'))) {
      return value as LanceNamespaceError
    }
    return rebuild(view, read(value, 'cause'))
  }
  if (isErrorResponseShape(value)) return decodeErrorResponse(value, op, {})
  const message = read(value, 'message')
  if (typeof message !== 'string' || !isError(value)) return undefined
  const code = read(value, 'code')
  if (code === 'GenericFailure') return fromLanceDbMessage(message, { cause: value, ...op })
  // The SDK's TypeScript layer throws plain Errors without a code: only its own messages are taken.
  if (code === undefined) return fromLanceDbMessage(message, { cause: value, typescriptOnly: true })
  return undefined
}

/** A well-formed core error of system `lance` that is not one of our classes, as its class (core's rebuild). */
function rebuild(view: CoreView, cause: unknown): LanceNamespaceError {
  const init: ErrsErrorInit = {
    system: view.system,
    code: view.code,
    reason: view.reason,
    kind: view.kind,
    status: view.status,
    retryable: view.retryable,
    title: view.title,
    message: view.message,
  }
  withOccurrence(init, view)
  if (cause !== undefined) init.cause = cause
  const byName = Object.hasOwn(CLASSES, view.name) ? CLASSES[view.name] : undefined
  const className = codeInfo(view.code)?.className
  const Class = byName ?? (className !== undefined ? CLASSES[className] : undefined) ?? InternalError
  return rebuildAs(Class, init)
}
