import type { Adapter, CreateOptions, ErrsErrorInit, WireValue } from '@errs/core'
import { occurrenceOptions } from '@errs/core'
import { CODES, ErrorCode } from './codes.js'
import { toErrorResponse } from './encode.js'
import { fromErrorCode } from './from-error-code.js'
import { isBytes, isRecord, read } from './guard.js'
import type { LanceErrorOptions, LanceNamespaceError } from './lance-namespace-error.js'
import { normalize, recognize } from './normalize.js'
import { fromErrorResponse, type HeadersInput, unreadable } from './rest.js'

/** A code given as a number, a numeric string (`'4'`) or a name (`'TABLE_NOT_FOUND'`); `NaN` when none of these. */
function codeOf(code: number | string): number {
  if (typeof code === 'number') return code
  if (/^\d{1,15}$/.test(code)) return Number(code)
  return Object.hasOwn(ErrorCode, code) ? ErrorCode[code as keyof typeof ErrorCode] : Number.NaN
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  )
}

/**
 * The @errs adapter for Lance Namespace. Wire form: the HTTP reply `{ status, headers, body }` whose body is the
 * spec's `ErrorResponse` (parsed JSON or text; bytes are read as UTF-8 text). `encode` = `toErrorResponse`.
 * The code table has no variants: a Lance code means the same everywhere.
 */
export const adapter: Adapter<LanceNamespaceError> = {
  system: 'lance',
  codes: CODES,
  create(code: number | string, message?: string, options: CreateOptions = {}): LanceNamespaceError {
    const n = codeOf(code)
    const opts: LanceErrorOptions = occurrenceOptions(options)
    if (Number.isNaN(n)) opts.details = { ...opts.details, invalidCode: String(code) }
    return fromErrorCode(n, message, opts)
  },
  decode(wire: WireValue): LanceNamespaceError {
    try {
      if (isBytes(wire)) return fromErrorResponse(wire)
      if (isRecord(wire)) {
        const status = read(wire, 'status')
        const headers = read(wire, 'headers')
        return fromErrorResponse(read(wire, 'body'), {
          ...(typeof status === 'number' ? { status } : {}),
          ...(headers !== undefined ? { headers: headers as HeadersInput } : {}),
        })
      }
      return fromErrorResponse(wire)
    } catch (thrown) {
      return unreadable('Unreadable Lance error reply', thrown, wire)
    }
  },
  encode(error: LanceNamespaceError): WireValue {
    return toErrorResponse(error)
  },
  fromProblem(init: ErrsErrorInit, _problem): LanceNamespaceError {
    const { context, ...details } = init.details ?? {}
    const detail = init.internal?.detail
    const opts: LanceErrorOptions = {}
    if (Object.keys(details).length > 0) opts.details = details
    if (isStringRecord(context)) opts.context = context
    if (typeof detail === 'string') opts.detail = detail
    if (init.instance !== undefined) opts.instance = init.instance
    if (init.requestId !== undefined) opts.requestId = init.requestId
    if (init.retryAfterMs !== undefined) opts.retryAfterMs = init.retryAfterMs
    if (init.cause !== undefined) opts.cause = init.cause
    return fromErrorCode(codeOf(init.code), init.message, opts)
  },
  recognize(value: unknown): LanceNamespaceError | undefined {
    return recognize(value)
  },
  normalize(value: unknown): LanceNamespaceError {
    return normalize(value)
  },
}
