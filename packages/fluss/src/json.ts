import { isInt32 } from './codes.js'
import {
  errorCodeOf,
  errorMessageOf,
  FlussError,
  type FlussErrorOptions,
  malformedInput,
  textOf,
} from './fluss-error.js'
import { bytesOf, isRecord } from './guard.js'

/** Longest JSON text (or byte payload) a decoder parses: 1 MiB. Anything longer is malformed input. */
export const MAX_JSON_TEXT = 1024 * 1024

/** The JSON pair Fluss services send, in the protocol's own field names. */
export interface ErrorJson {
  error_code: number
  error_message?: string
}

/** The same pair in camelCase (protobuf-es JSON, most JavaScript services). */
export interface ErrorJsonCamel {
  errorCode: number
  errorMessage?: string
}

/** Options of `encodeErrorJson`. */
export interface EncodeJsonOptions {
  /** `'snake'` (default): `{ error_code, error_message }`; `'camel'`: `{ errorCode, errorMessage }`. */
  style?: 'snake' | 'camel'
  /** Write the full message even when it holds internals (a -1 stack trace). Default false: the public one. */
  exposeInternal?: boolean
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: FlussError }

/** Parses JSON text or UTF-8 bytes, bounded. Objects pass through. Never throws. */
export function parseJsonInput(input: unknown, decoder: string): Parsed {
  let text: string
  const bytes = bytesOf(input)
  if (bytes) {
    if (bytes.length > MAX_JSON_TEXT) {
      return { ok: false, error: malformedInput(decoder, `${bytes.length} bytes exceed ${MAX_JSON_TEXT}`, bytes) }
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return { ok: false, error: malformedInput(decoder, 'bytes are not valid UTF-8', bytes) }
    }
  } else if (typeof input === 'string') {
    text = input
  } else {
    return { ok: true, value: input }
  }
  if (text.length > MAX_JSON_TEXT) {
    return { ok: false, error: malformedInput(decoder, `${text.length} chars exceed ${MAX_JSON_TEXT}`, text) }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, error: malformedInput(decoder, 'not valid JSON', text) }
  }
}

/**
 * Decodes the error JSON another service sent: `{ error_code, error_message }` or `{ errorCode, errorMessage }`,
 * as an object, JSON text or UTF-8 bytes. An absent message means the code's default message (as in Fluss's
 * `ApiError`). Never throws: anything else is a `CLIENT_ERROR` keeping the raw input, truncated.
 */
export function decodeErrorJson(input: unknown): FlussError {
  return decodeErrorJsonWith(input, {})
}

/** `decodeErrorJson` with context from the carrier (HTTP status, request id). */
export function decodeErrorJsonWith(input: unknown, extra: FlussErrorOptions): FlussError {
  const parsed = parseJsonInput(input, 'error JSON')
  if (!parsed.ok) return parsed.error
  const value = parsed.value
  if (!isRecord(value)) return malformedInput('error JSON', 'expected an object', value)
  const code = errorCodeOf(value)
  if (code === undefined) return malformedInput('error JSON', 'no error_code or errorCode member', value)
  if (!isInt32(code)) return malformedInput('error JSON', 'error_code is not an int32 integer', value)
  const message = errorMessageOf(value)
  if (message !== undefined && message !== null && typeof message !== 'string') {
    return malformedInput('error JSON', 'error_message is not a string', value)
  }
  const text = textOf(message)
  return new FlussError(text, code, extra)
}

/**
 * Encodes an error as the JSON pair (inverse of `decodeErrorJson`). By default the message is the public one:
 * an UNKNOWN_SERVER_ERROR's stack trace is cut to its first line.
 */
export function encodeErrorJson(error: FlussError, options?: EncodeJsonOptions & { style?: 'snake' }): ErrorJson
export function encodeErrorJson(error: FlussError, options: EncodeJsonOptions & { style: 'camel' }): ErrorJsonCamel
export function encodeErrorJson(error: FlussError, options: EncodeJsonOptions = {}): ErrorJson | ErrorJsonCamel {
  const message = options.exposeInternal ? error.message : (error.publicMessage ?? error.message)
  return options.style === 'camel'
    ? { errorCode: error.error_code, errorMessage: message }
    : { error_code: error.error_code, error_message: message }
}
