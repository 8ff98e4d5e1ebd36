import type { ResponseLike as CoreResponseLike } from '@errs/core'
import {
  adoptError,
  errorMessage,
  header,
  isHttpErrorStatus,
  isHttpStatus,
  isRecord,
  MAX_BODY_TEXT,
  ownBytes,
  ownEntries,
  ownMembers,
  parseBody,
  parseRetryAfter,
  rawPreview,
  read,
  readResponse,
  requestIdOf,
  statusFacts,
  truncate,
} from '@errs/core/kit'
import { codeInfo, ErrorCode, INTERNAL_ROW, isKnownCode } from './codes.js'
import { ERROR_CLASSES, InternalError } from './errors.js'
import { fromErrorCode } from './from-error-code.js'
import { type LanceErrorOptions, type LanceNamespaceError, lanceInit } from './lance-namespace-error.js'
import { expectedErrors, isOperation, type Operation, operationOfPath } from './operations.js'

/** The spec's `ErrorResponse` (`spec.yaml`, generation 3): only `code` is required. */
export interface ErrorResponse {
  /** Lance Namespace error code (integer ≥ 0). */
  code: number
  /** Brief human-readable message. */
  error?: string
  /** Longer explanation; may carry a stack trace. */
  detail?: string
  /** The occurrence: a route, a request id, … */
  instance?: string
  /** String key/values; over REST every response header as `header.<name>`. */
  context?: Record<string, string>
}

/**
 * Response headers: a plain record (any case; array values as Node's `IncomingMessage.headers` gives them) or a
 * fetch `Headers`.
 */
export type HeadersInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | {
      /** The header's value, or `null` when absent (fetch `Headers.get`). */
      get(name: string): string | null
    }

/** What `fromErrorResponse` knows besides the body. */
export interface FromErrorResponseOptions {
  /** HTTP status of the reply: the fallback classifier when the body has no usable code. */
  status?: number
  /** Reply headers (`Retry-After`, `x-request-id`). */
  headers?: HeadersInput
  /** The operation called: picks the code a bare 404 / 409 stands for (404 on DescribeTable → TableNotFound). */
  operation?: Operation
}

/** An HTTP error reply for servers implementing the spec. */
export interface ErrorReply {
  /** HTTP status of the code (`httpStatusOf`: lance-rest.md's code → status table; unknown codes: 500). */
  status: number
  /**
   * Lower-case header names: `content-type: application/json`; `retry-after` (seconds) when the error has
   * `retryAfterMs`; `x-request-id` when it has a valid request id.
   */
  headers: Record<string, string>
  /** The spec's `ErrorResponse` JSON object. */
  body: ErrorResponse
}

/**
 * Longest body text parsed (1 MiB, the kit's bound); longer bodies are treated as unreadable and kept, truncated.
 * @deprecated Import `MAX_BODY_TEXT` from `@errs/core/kit`.
 */
export { MAX_BODY_TEXT }

const MAX_CONTEXT_ENTRIES = 256

/**
 * The statuses a reply is retried at whatever its code: 429 and 503, the statuses of the two retryable codes, 21
 * `Throttling` and 17 `ServiceUnavailable`, and of no other (lance-format/lance-namespace
 * `docs/src/namespace/supported-catalogs/lance-rest.md` @ eeb337ca, "Error Code to HTTP Status Mapping"); lancedb's
 * remote client retries both by status, whatever the body (lancedb/lancedb `rust/lancedb/src/remote/retry.rs`,
 * default `statuses`). What core's `statusFacts` gets for a code this package does not know, and where the decoder
 * reads `Retry-After`.
 */
const RETRY_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([429, 503])

/** HTTP status of a code: the spec's code → status table (22 → 404 and 23 → 409 as the Rust server); unknown → 500. */
export function httpStatusOf(code: number): number {
  return codeInfo(code)?.status ?? INTERNAL_ROW.status
}

/**
 * What a bare HTTP status stands for, most specific first. `candidates` are filtered by the operation's error set
 * (404 on DescribeTableIndexStats → TableIndexNotFound, on DescribeTable → TableNotFound); `fallback` applies when
 * no candidate fits or no operation is known. A 404 without a fitting operation has no fallback: the object that
 * was not found cannot be told, so it becomes `InternalError` with `details.httpStatus` 404.
 */
const STATUS_FALLBACK: Readonly<Record<number, { candidates: readonly ErrorCode[]; fallback?: ErrorCode }>> =
  /* @__PURE__ */ statusFallback()

/** `STATUS_FALLBACK`, built in a function (a bundler drops the call with the REST decoder). */
function statusFallback(): Readonly<Record<number, { candidates: readonly ErrorCode[]; fallback?: ErrorCode }>> {
  return {
    400: { candidates: [], fallback: ErrorCode.INVALID_INPUT },
    401: { candidates: [], fallback: ErrorCode.UNAUTHENTICATED },
    403: { candidates: [], fallback: ErrorCode.PERMISSION_DENIED },
    404: {
      candidates: [
        ErrorCode.TABLE_INDEX_NOT_FOUND,
        ErrorCode.TABLE_TAG_NOT_FOUND,
        ErrorCode.TABLE_BRANCH_NOT_FOUND,
        ErrorCode.TRANSACTION_NOT_FOUND,
        ErrorCode.TABLE_NOT_FOUND,
        ErrorCode.TABLE_VERSION_NOT_FOUND,
        ErrorCode.TABLE_COLUMN_NOT_FOUND,
        ErrorCode.NAMESPACE_NOT_FOUND,
      ],
    },
    406: { candidates: [], fallback: ErrorCode.UNSUPPORTED },
    409: {
      candidates: [
        ErrorCode.NAMESPACE_ALREADY_EXISTS,
        ErrorCode.TABLE_ALREADY_EXISTS,
        ErrorCode.TABLE_INDEX_ALREADY_EXISTS,
        ErrorCode.TABLE_TAG_ALREADY_EXISTS,
        ErrorCode.TABLE_BRANCH_ALREADY_EXISTS,
        ErrorCode.NAMESPACE_NOT_EMPTY,
        ErrorCode.CONCURRENT_MODIFICATION,
        ErrorCode.INVALID_TABLE_STATE,
      ],
      fallback: ErrorCode.CONCURRENT_MODIFICATION,
    },
    422: { candidates: [], fallback: ErrorCode.INVALID_INPUT },
    429: { candidates: [], fallback: ErrorCode.THROTTLING },
    500: { candidates: [], fallback: ErrorCode.INTERNAL },
    501: { candidates: [], fallback: ErrorCode.UNSUPPORTED },
    502: { candidates: [], fallback: ErrorCode.SERVICE_UNAVAILABLE },
    503: { candidates: [], fallback: ErrorCode.SERVICE_UNAVAILABLE },
    504: { candidates: [], fallback: ErrorCode.SERVICE_UNAVAILABLE },
  }
}

/**
 * The code a bare HTTP status stands for, given the operation; `undefined` when it cannot be told
 * (a 404 with no operation, any status outside the table).
 */
export function codeOfHttpStatus(status: number, operation?: Operation): ErrorCode | undefined {
  const rule = STATUS_FALLBACK[status]
  if (!rule) return undefined
  if (operation !== undefined && isOperation(operation)) {
    const expected = expectedErrors(operation)
    const hit = rule.candidates.find((c) => expected.includes(c))
    if (hit !== undefined) return hit
  }
  return rule.fallback
}

/** The members of a reply body the decoder reads (the spec's `ErrorResponse` and the older forms'). */
interface BodyFields {
  error: unknown
  code: unknown
  detail: unknown
  instance: unknown
  context: unknown
  type: unknown
  title: unknown
  status: unknown
}

/** The members of a body the decoder reads, each `undefined` until read (the template of `ownMembers`). */
const BODY_FIELDS: BodyFields = {
  error: undefined,
  code: undefined,
  detail: undefined,
  instance: undefined,
  context: undefined,
  type: undefined,
  title: undefined,
  status: undefined,
}

/**
 * The members of a JSON object body that the decoder reads (the kit's `ownMembers`: own enumerable, the first 1,024
 * keys, no others read). `fields` is undefined when the body is absent or unreadable (`bad` unless empty).
 */
function readBody(body: unknown): { fields?: BodyFields; bad: boolean } {
  const parsed = parseBody(body)
  if (!parsed.ok) return { bad: !parsed.empty }
  if (!isRecord(parsed.value)) return { bad: true }
  return { fields: ownMembers(parsed.value, BODY_FIELDS), bad: false }
}

function readContext(value: unknown): { context?: Record<string, string>; bad: boolean } {
  if (value === undefined || value === null) return NO_CONTEXT
  if (!isRecord(value)) return { bad: true }
  const context: Record<string, string> = {}
  let bad = false
  let n = 0
  for (const [key, v] of ownEntries(value)) {
    if (typeof v !== 'string' || ++n > MAX_CONTEXT_ENTRIES) {
      bad = true
      if (n > MAX_CONTEXT_ENTRIES) break
      continue
    }
    // The key as sent: `lanceInit` keeps it through core kit's `keptKey`, which cuts it and judges whether it names a
    // secret on the key itself (a key cut here first could lose the word that names the secret).
    context[key] = truncate(v)
  }
  return Object.keys(context).length > 0 ? { context, bad } : { bad }
}

const NO_CONTEXT: { context?: Record<string, string>; bad: boolean } = /* @__PURE__ */ Object.freeze({ bad: false })

/** A member that should be a string, cut to its bound; undefined for anything else. */
function textMember(value: unknown): string | undefined {
  return typeof value === 'string' ? truncate(value) : undefined
}

/** A member that is present (not undefined or null) but not a string. */
function notText(value: unknown): boolean {
  return value !== undefined && value !== null && typeof value !== 'string'
}

/**
 * Decodes an error reply body: the spec's `ErrorResponse` `{ error, code, detail, instance, context }`, the older
 * RFC 7807-style `{ type, title, status, detail, instance }` and the 2025 `{ error, code: <HTTP status>, type }`.
 * The body's code is the truth; without a usable one the HTTP status decides, helped by `operation`.
 * Never throws: unreadable or wrong-typed bodies give a typed error with the raw body in `details.raw` (truncated).
 */
export function fromErrorResponse(body: unknown, options: FromErrorResponseOptions = {}): LanceNamespaceError {
  // Read in a helper, made here (`fromErrorCode`, inline): every frame between the caller and the constructor is
  // captured in the error's stack, and a small frame costs less to capture than the whole reader's. Made as
  // `new <class of the code>(message, options)` makes it (`new InternalError(message, { ...options, code })` for a
  // code outside the table), from a plain `Error` made here: its stack starts here, captured without walking any
  // constructor frame (core kit's `adoptError`).
  try {
    const r = readReply(body, options, NO_EXTRA)
    const init = lanceInit(r.code, r.message, r.options, true)
    return adoptError(isKnownCode(r.code) ? ERROR_CLASSES[r.code] : InternalError, new Error(errorMessage(init)), init)
  } catch (cause) {
    // Hostile input (throwing getters, proxies): still a typed error, with nothing of the input but a preview.
    return unreadable('Unreadable Lance error response', cause, body)
  }
}

/**
 * `fromErrorResponse` with fields known from elsewhere (`cause`, `requestId`); the reply's own win. The same body as
 * `fromErrorResponse` rather than a call between the two: one frame fewer in the stack of every error it makes.
 */
export function decodeErrorResponse(
  body: unknown,
  options: FromErrorResponseOptions,
  extra: Pick<LanceErrorOptions, 'cause' | 'requestId'>,
): LanceNamespaceError {
  try {
    const r = readReply(body, options, extra)
    const init = lanceInit(r.code, r.message, r.options, true)
    return adoptError(isKnownCode(r.code) ? ERROR_CLASSES[r.code] : InternalError, new Error(errorMessage(init)), init)
  } catch (cause) {
    return unreadable('Unreadable Lance error response', cause, body)
  }
}

const NO_EXTRA: Pick<LanceErrorOptions, 'cause' | 'requestId'> = /* @__PURE__ */ Object.freeze({})

/** What a reply reads as: the code (unknown ones kept), the message and the options of the error to make. */
interface Reply {
  code: number
  message: string | undefined
  options: LanceErrorOptions
}

/** Reads a reply (see `fromErrorResponse`); may throw on hostile input (the callers catch). */
function readReply(
  body: unknown,
  options: FromErrorResponseOptions,
  extra: Pick<LanceErrorOptions, 'cause' | 'requestId'>,
): Reply {
  const parsed = readBody(body)
  const f = parsed.fields
  let bad = parsed.bad
  let error: string | undefined
  let detail: string | undefined
  let instance: string | undefined
  let type: string | undefined
  let title: string | undefined
  let ctx = NO_CONTEXT
  let rawStatus: unknown
  let rawCode: unknown
  if (f !== undefined) {
    // Members that should be strings: cut to their bound; absent or null is undefined; anything else marks the
    // body bad.
    if (notText(f.error) || notText(f.detail) || notText(f.instance) || notText(f.type) || notText(f.title)) bad = true
    error = textMember(f.error)
    detail = textMember(f.detail)
    instance = textMember(f.instance)
    type = textMember(f.type)
    title = textMember(f.title)
    ctx = readContext(f.context)
    rawStatus = f.status
    rawCode = f.code
  }
  if (ctx.bad) bad = true
  const bodyStatus = isHttpStatus(rawStatus) ? rawStatus : undefined
  if (rawStatus !== undefined && bodyStatus === undefined) bad = true
  const givenStatus = read(options, 'status')
  const httpStatus = isHttpStatus(givenStatus) ? givenStatus : bodyStatus

  let code: number | undefined
  if (typeof rawCode === 'number' && Number.isSafeInteger(rawCode) && rawCode >= 0) {
    // Before lance-namespace PR #282 (2025-12) `code` held the HTTP status: a 4xx/5xx code equal to the reply's
    // status, or next to an RFC 7807 `type`, is that older meaning, not a Lance code.
    const legacy = rawCode >= 400 && rawCode <= 599 && (rawCode === givenStatus || type !== undefined)
    code = legacy ? undefined : rawCode
  } else if (rawCode !== undefined || (f !== undefined && type === undefined && title === undefined)) {
    // Wrong-typed, or missing although required (RFC 7807-style bodies never had it).
    bad = true
  }
  const legacyBody = code === undefined && (type !== undefined || title !== undefined)
  const message = error ?? (legacyBody ? ((detail || undefined) ?? title) : undefined)

  const given = read(options, 'operation')
  const operation = isOperation(given) ? given : operationOfPath(instance ?? '')
  if (code === undefined) {
    const status = httpStatus ?? (typeof rawCode === 'number' && isHttpStatus(rawCode) ? rawCode : undefined)
    code = status === undefined ? undefined : codeOfHttpStatus(status, operation)
  }
  const row = code === undefined ? undefined : codeInfo(code)
  const finalCode = code ?? ErrorCode.INTERNAL

  // No headers given: nothing to read there (the kit's `header` of undefined is undefined).
  const headers = read(options, 'headers')
  const context = ctx.context
  const retryable429 =
    (httpStatus !== undefined && RETRY_STATUSES.includes(httpStatus)) ||
    finalCode === ErrorCode.THROTTLING ||
    finalCode === ErrorCode.SERVICE_UNAVAILABLE
  const retryAfterMs = retryable429
    ? parseRetryAfter(
        (headers === undefined ? undefined : header(headers, 'retry-after')) ?? context?.['header.retry-after'],
      )
    : undefined
  // A request id is echoed in reply headers: one carrying CR/LF or other non-header characters is not kept.
  const requestId =
    requestIdOf(headers === undefined ? undefined : header(headers, 'x-request-id')) ??
    requestIdOf(context?.['header.x-request-id']) ??
    requestIdOf(extra.requestId)

  // An unknown code (a newer server's) takes core's one decision of a bare status (`statusFacts`): the kind and status
  // of the HTTP error status, retryable at the statuses of Lance's retryable codes (`RETRY_STATUSES`).
  const unknownCode = row === undefined && code !== undefined && isHttpErrorStatus(httpStatus)
  const facts = unknownCode ? statusFacts(httpStatus, RETRY_STATUSES) : undefined
  const keepStatus = httpStatus !== undefined && httpStatus !== (row?.status ?? INTERNAL_ROW.status)
  let details: Record<string, unknown> | undefined
  if (keepStatus) details = { httpStatus }
  if (bad) {
    details ??= {}
    // Bytes of any kind (`ArrayBuffer`, `DataView`, … too) are shown as their text, as core's `parseBody` reads them.
    const owned = ownBytes(body, 16 * 1024, 16 * 1024)
    details.raw = rawPreview(owned !== undefined ? new TextDecoder().decode(owned.bytes) : body)
  }

  // One shape for every reply (an absent member is undefined, which the constructor reads as absent).
  const out: LanceErrorOptions = {
    detail,
    instance,
    context,
    retryAfterMs,
    requestId,
    details,
    cause: extra.cause,
    kind: facts?.kind,
    status: facts?.status,
    retryable: facts?.retryable,
  }
  return { code: finalCode, message, options: out }
}

/** `InternalError` for input that could not be read: `details.raw` a bounded preview; never throws. */
export function unreadable(message: string, cause: unknown, raw?: unknown): LanceNamespaceError {
  try {
    return new InternalError(message, { cause, details: { raw: rawPreview(raw) } })
  } catch {
    return new InternalError(message)
  }
}

/**
 * What `fromResponse` reads: any carrier core's `fromResponse` reads (a fetch `Response`, axios' `err.response`,
 * Node's `IncomingMessage`, Fastify's `inject()` reply, a plain `{ status, headers, body }`), and the request `url`,
 * whose route names the operation when none is given.
 */
export interface ResponseLike extends CoreResponseLike {
  /** The request URL: its route names the operation when none is given. */
  readonly url?: string | undefined
}

/**
 * Reads a failed fetch `Response` from a Lance REST namespace into its typed error (read with the kit's
 * `readResponse`: body bounded to 1 MiB). The operation, when not given, is inferred from the response URL's route.
 * Never rejects: an unreadable body gives `ServiceUnavailableError` (the connection broke mid-reply), retryable.
 *
 * @example
 * if (!res.ok) throw await fromResponse(res, { operation: 'DescribeTable' })
 */
export async function fromResponse(
  response: ResponseLike,
  options: { operation?: Operation } = {},
): Promise<LanceNamespaceError> {
  try {
    const given = read(options, 'operation')
    const url = read(response, 'url')
    const operation = isOperation(given) ? given : typeof url === 'string' ? operationOfPath(url) : undefined
    const reply = await readResponse(response)
    if (reply.unreadable) {
      return fromErrorCode(ErrorCode.SERVICE_UNAVAILABLE, 'Cannot read the Lance error response body', {
        ...(reply.status !== undefined ? { details: { httpStatus: reply.status } } : {}),
      })
    }
    return fromErrorResponse(reply.body, {
      ...(reply.status !== undefined ? { status: reply.status } : {}),
      headers: reply.headers,
      ...(operation !== undefined ? { operation } : {}),
    })
  } catch (cause) {
    return unreadable('Unreadable Lance error response', cause, undefined)
  }
}
