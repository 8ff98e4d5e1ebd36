import { classifyForeign, type ErrorKind, ErrsError, isBrandedInstance, truncate } from '@errs/core'
import { CODES, ErrorCode } from './codes.js'
import { fromErrorCode } from './from-error-code.js'
import { LanceNamespaceError } from './lance-namespace-error.js'
import type { Operation } from './operations.js'
import { decodeErrorResponse } from './rest.js'

/**
 * Removes the source locations of the Rust build that LanceDB messages carry
 * (`…, /usr/local/cargo/registry/src/index.crates.io-…/lance-namespace-impls-12.0.0/src/rest.rs:567:74`).
 * Token by token, so the time stays linear in the message length.
 */
export function stripRustPaths(text: string): string {
  return text.replace(/(,?\s*)([^\s,]+)/g, (all, _sep: string, token: string) =>
    /\.rs:\d+(?::\d+)?$/.test(token) ? '' : all,
  )
}

/** Separator of the error chain in `@lancedb/lancedb` messages (napi `convert_error`, no newline before causes). */
const CAUSED_BY = /\s*Caused by:\s*/
const HTTP_ERROR = /Http error: \(request_id=([^)\s]*)\)\s*(?:(\d{3})(?: [^:{]*)?:\s*)?/
const REQUEST_ID = /request_id=([\w-]{1,128})/
const NAMESPACE_WRAPPERS = /^(?:(?:lance error|Namespace error): )+/

/** Rust `NamespaceError` Display prefixes, longest first so that no prefix shadows a longer one. */
const PREFIXES: readonly [string, ErrorCode][] = CODES.map((row): [string, ErrorCode] => [
  `${row.rustPrefix}: `,
  row.code,
])
  .slice()
  .sort((a, b) => b[0].length - a[0].length)

/** `lancedb::Error` Display forms (lancedb/lancedb `rust/lancedb/src/error.rs`, Node SDK 0.39.0). */
const LANCEDB_DISPLAY: readonly [RegExp, ErrorCode][] = [
  [/^Table '.*' was not found/s, ErrorCode.TABLE_NOT_FOUND],
  [/^Table '.*' already exists/s, ErrorCode.TABLE_ALREADY_EXISTS],
  [/^Invalid input, /, ErrorCode.INVALID_INPUT],
  [/^LanceDBError: not supported: /, ErrorCode.UNSUPPORTED],
  [/^Timeout error: /, ErrorCode.SERVICE_UNAVAILABLE],
  [/^Hit retry limit for request_id=/, ErrorCode.SERVICE_UNAVAILABLE],
  [/^Runtime error: /, ErrorCode.INTERNAL],
  [/^lance error: /, ErrorCode.INTERNAL],
]

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** The balanced JSON object starting at `start` (`{`), string-aware; `undefined` when unbalanced. */
function jsonObjectAt(text: string, start: number): string | undefined {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return undefined
}

/**
 * The typed error for an `@lancedb/lancedb` message, or `undefined` when it is not a LanceDB/Lance message.
 * Tried in order: the `ErrorResponse` JSON that `db://` connections echo (its `code` is the truth), the Rust
 * `NamespaceError` prefix of namespace connections (innermost cause first), the `lancedb::Error` Display.
 */
export function fromLanceDbMessage(
  rawMessage: string,
  options: { cause?: unknown; operation?: Operation } = {},
): LanceNamespaceError | undefined {
  const message = truncate(rawMessage)
  const requestId = REQUEST_ID.exec(message)?.[1]
  const extra = {
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  }
  const segments = message.split(CAUSED_BY)
  const http = HTTP_ERROR.exec(message)
  if (http) {
    const start = http.index + http[0].length
    const status = http[2] === undefined ? undefined : Number(http[2])
    const json = message[start] === '{' ? jsonObjectAt(message, start) : undefined
    const body = json ?? message.slice(start).split(CAUSED_BY, 1)[0]
    // Without a status in the text (db:// table routes report 404s as "Table '…' was not found"), the outer
    // Display says what the reply was.
    const outer = status === undefined ? lanceDbDisplayCode(segments[0] ?? '') : undefined
    const httpStatus = status ?? (outer === undefined ? undefined : CODES[outer]?.status)
    return decodeErrorResponse(
      body,
      {
        ...(httpStatus !== undefined ? { status: httpStatus } : {}),
        ...(options.operation !== undefined ? { operation: options.operation } : {}),
      },
      extra,
    )
  }
  if (message.includes('Namespace error: ')) {
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = (segments[i] ?? '').replace(NAMESPACE_WRAPPERS, '')
      const hit = PREFIXES.find(([prefix]) => segment.startsWith(prefix))
      if (hit) return fromErrorCode(hit[1], stripRustPaths(segment.slice(hit[0].length)).trim(), extra)
    }
  }
  const code = lanceDbDisplayCode(segments[0] ?? '')
  if (code === undefined) return undefined
  return fromErrorCode(code, stripRustPaths(message).trim(), extra)
}

function lanceDbDisplayCode(text: string): ErrorCode | undefined {
  return LANCEDB_DISPLAY.find(([re]) => re.test(text))?.[1]
}

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
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Error) return false
  const code = read(value, 'code')
  return typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 && typeof read(value, 'error') === 'string'
}

/**
 * The Lance error when `value` is one (by brand, across copies), a Lance-system `ErrsError` from elsewhere,
 * an `@lancedb/lancedb` error whose message has a known form, or an `ErrorResponse`-shaped object; else `undefined`.
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
  if (isBrandedInstance(LanceNamespaceError, value)) return value as LanceNamespaceError
  if (ErrsError.is(value)) {
    if (value.system !== 'lance') return undefined
    const code = typeof value.code === 'number' ? value.code : Number.NaN
    return fromErrorCode(code, value.message, {
      cause: value,
      details: value.details,
      ...(value.instance !== undefined ? { instance: value.instance } : {}),
      ...(value.requestId !== undefined ? { requestId: value.requestId } : {}),
      ...(value.retryAfterMs !== undefined ? { retryAfterMs: value.retryAfterMs } : {}),
    })
  }
  if (isErrorResponseShape(value)) return decodeErrorResponse(value, { ...options }, {})
  const message = read(value, 'message')
  if (typeof message === 'string' && read(value, 'code') === 'GenericFailure') {
    return fromLanceDbMessage(message, { cause: value, ...options })
  }
  return undefined
}

/**
 * Turns anything thrown into a Lance error. Ours come back as they are; `@lancedb/lancedb` errors are parsed
 * (code, message without Rust paths, detail, instance, request id; the original as `cause`); network failures
 * (ECONNREFUSED, `fetch failed`, timeouts) become `ServiceUnavailableError` (retryable); errors of other systems
 * map by kind where a Lance code means the same; anything else is an `InternalError`. Never throws.
 */
export function normalize(value: unknown, options: { operation?: Operation } = {}): LanceNamespaceError {
  try {
    const known = recognize(value, options)
    if (known) return known
    if (ErrsError.is(value)) {
      return fromErrorCode(KIND_CODE[value.kind] ?? ErrorCode.INTERNAL, value.publicMessage ?? value.message, {
        cause: value,
        ...(value.requestId !== undefined ? { requestId: value.requestId } : {}),
        ...(value.retryAfterMs !== undefined ? { retryAfterMs: value.retryAfterMs } : {}),
      })
    }
    const c = classifyForeign(value)
    const message = read(value, 'message')
    const text =
      typeof value === 'string' ? value : typeof message === 'string' ? message : `Non-error value thrown: ${c.code}`
    const shown = read(value, 'code') === 'GenericFailure' ? stripRustPaths(text).trim() : text
    return fromErrorCode(KIND_CODE[c.kind] ?? ErrorCode.INTERNAL, truncate(shown), { cause: value })
  } catch (cause) {
    return fromErrorCode(ErrorCode.INTERNAL, 'Unreadable value thrown', { cause })
  }
}
