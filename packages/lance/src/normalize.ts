import { classifyForeign, type ErrorKind, ErrsError, isBrandedInstance, isErrorKind, truncate } from '@errs/core'
import { ErrorCode } from './codes.js'
import { InternalError } from './errors.js'
import { fromErrorCode } from './from-error-code.js'
import { isRecord, read, safeCause } from './guard.js'
import { LanceNamespaceError } from './lance-namespace-error.js'
import { fromLanceDbMessage, splitCauses, stripRustPaths } from './lancedb.js'
import type { Operation } from './operations.js'
import { decodeErrorResponse } from './rest.js'

/** Canonical kind → the Lance code that means the same, for errors of other systems and foreign values. */
const KIND_CODE: Partial<Record<ErrorKind, ErrorCode>> = {
  invalid_argument: ErrorCode.INVALID_INPUT,
  out_of_range: ErrorCode.INVALID_INPUT,
  unauthenticated: ErrorCode.UNAUTHENTICATED,
  permission_denied: ErrorCode.PERMISSION_DENIED,
  unavailable: ErrorCode.SERVICE_UNAVAILABLE,
  // The Rust REST client turns transport timeouts into ServiceUnavailable too.
  deadline_exceeded: ErrorCode.SERVICE_UNAVAILABLE,
  resource_exhausted: ErrorCode.THROTTLING,
  unimplemented: ErrorCode.UNSUPPORTED,
  aborted: ErrorCode.CONCURRENT_MODIFICATION,
}

function isErrorResponseShape(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || isError(value)) return false
  const code = read(value, 'code')
  return typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 && typeof read(value, 'error') === 'string'
}

/** `value instanceof Error` by the prototype chain; false (not a throw) for a revoked Proxy. */
function isError(value: unknown): boolean {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

/**
 * A branded Lance error whose fields are what they claim (a forged brand on a plain object is not enough):
 * an `Error`, system `lance`, an integer code, string message and reason, a known kind, a `context` object.
 */
function isWellFormed(value: unknown): value is LanceNamespaceError {
  const code = read(value, 'code')
  return (
    isError(value) &&
    read(value, 'system') === 'lance' &&
    typeof code === 'number' &&
    Number.isSafeInteger(code) &&
    typeof read(value, 'message') === 'string' &&
    typeof read(value, 'reason') === 'string' &&
    typeof read(value, 'status') === 'number' &&
    typeof read(value, 'retryable') === 'boolean' &&
    isErrorKind(read(value, 'kind')) &&
    isRecord(read(value, 'context'))
  )
}

/**
 * The Lance error when `value` is one (by brand, across copies, with well-formed fields), a Lance-system
 * `ErrsError` from elsewhere, an `@lancedb/lancedb` error whose message has a known form (see `LANCEDB_ERRORS`),
 * or an `ErrorResponse`-shaped object; else `undefined`. Never throws.
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
  const operation = read(options, 'operation') as Operation | undefined
  const op = operation !== undefined ? { operation } : {}
  if (isBrandedInstance(LanceNamespaceError, value)) {
    if (isWellFormed(value)) return value
    // A forged or broken brand: rebuilt from what can be read, without keeping the object.
    const code = read(value, 'code')
    const message = read(value, 'message')
    return fromErrorCode(
      typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 ? code : ErrorCode.INTERNAL,
      typeof message === 'string' ? message : undefined,
    )
  }
  if (ErrsError.is(value) && isError(value)) {
    if (read(value, 'system') !== 'lance') return undefined
    const code = read(value, 'code')
    const message = read(value, 'message')
    const details = read(value, 'details')
    const instance = read(value, 'instance')
    const requestId = read(value, 'requestId')
    const retryAfterMs = read(value, 'retryAfterMs')
    return fromErrorCode(
      typeof code === 'number' ? code : Number.NaN,
      typeof message === 'string' ? message : undefined,
      {
        ...(safeCause(value) !== undefined ? { cause: value } : {}),
        ...(isRecord(details) ? { details } : {}),
        ...(typeof instance === 'string' ? { instance } : {}),
        ...(typeof requestId === 'string' ? { requestId } : {}),
        ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
      },
    )
  }
  if (isErrorResponseShape(value)) return decodeErrorResponse(value, op, {})
  const message = read(value, 'message')
  if (typeof message !== 'string' || !isError(value)) return undefined
  const code = read(value, 'code')
  const cause = safeCause(value)
  const kept = cause !== undefined ? { cause } : {}
  if (code === 'GenericFailure') return fromLanceDbMessage(message, { ...kept, ...op })
  // The SDK's TypeScript layer throws plain Errors without a code: only its own messages are taken.
  if (code === undefined) return fromLanceDbMessage(message, { ...kept, typescriptOnly: true })
  return undefined
}

/**
 * Turns anything thrown into a Lance error. Ours come back as they are; `@lancedb/lancedb` errors are classified
 * by the family table `LANCEDB_ERRORS` (code, message without Rust paths, detail, instance, request id; the
 * original as `cause`); network failures (ECONNREFUSED, `fetch failed`, timeouts) become `ServiceUnavailableError`
 * (retryable); errors of other systems map by kind where a Lance code means the same; anything else is an
 * `InternalError`. Never throws, for any value (revoked Proxies, throwing getters, forged brands).
 */
export function normalize(value: unknown, options: { operation?: Operation } = {}): LanceNamespaceError {
  try {
    const known = recognize(value, options)
    if (known) return known
    if (ErrsError.is(value) && isError(value)) {
      const kind = read(value, 'kind')
      const publicMessage = read(value, 'publicMessage')
      const message = read(value, 'message')
      const requestId = read(value, 'requestId')
      const retryAfterMs = read(value, 'retryAfterMs')
      return fromErrorCode(
        (isErrorKind(kind) ? KIND_CODE[kind] : undefined) ?? ErrorCode.INTERNAL,
        typeof publicMessage === 'string' ? publicMessage : typeof message === 'string' ? message : undefined,
        {
          ...(safeCause(value) !== undefined ? { cause: value } : {}),
          ...(typeof requestId === 'string' ? { requestId } : {}),
          ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
        },
      )
    }
    const c = classifyForeign(value)
    const message = read(value, 'message')
    const text =
      typeof value === 'string' ? value : typeof message === 'string' ? message : `Non-error value thrown: ${c.code}`
    const bounded = truncate(text)
    const shown = read(value, 'code') === 'GenericFailure' ? stripRustPaths(splitCauses(bounded)[0] ?? '') : bounded
    const cause = safeCause(value)
    return fromErrorCode(KIND_CODE[c.kind] ?? ErrorCode.INTERNAL, shown.trim() || bounded, {
      ...(cause !== undefined ? { cause } : {}),
    })
  } catch (thrown) {
    try {
      const cause = safeCause(thrown)
      return new InternalError('Unreadable value thrown', cause !== undefined ? { cause } : {})
    } catch {
      return new InternalError('Unreadable value thrown')
    }
  }
}
