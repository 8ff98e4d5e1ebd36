import type { CodeInfo, ErrorKind, ErrsOptions } from '@errs/core'
import { isHttpErrorStatus, rawPreview, statusFacts } from '@errs/core/kit'
import { type FaunaDialect, upperSnake } from './shared.js'

/** One row of the Fauna code table: a `CodeInfo` whose dialect and class are always known. */
export interface FaunaCodeInfo extends CodeInfo {
  readonly code: string
  /** `'v4'` (FQL v4, `faunadb`) or `'v10'` (FQL v10, `fauna`): codes such as `unauthorized` exist in both. */
  readonly variant: FaunaDialect
  /** Class the driver (and this package) makes for the code. */
  readonly className: string
  /** v4: the default human description (`description` field); v10: same as `message`. */
  readonly description: string
  /**
   * RFC 9457 `title` of the code's problems where `description` is not true of every error of the code (it is the
   * title otherwise): `ProtocolError` (`PROTOCOL_ERROR_TITLE`).
   */
  readonly title?: string
  /**
   * `status` is the HTTP status a service should answer with for this code (what the code means:
   * `document_not_found` → 404, `time_out` → 504). `wireStatus` is the status Fauna sends it with (v10 sends
   * every query runtime error at 400, `time_out` at 440): what `httpStatus` / `httpStatusCode` hold, and what
   * `create` and `encode` put on the wire. Undefined for client-side errors (no reply).
   */
  readonly wireStatus?: number
  /** Where the code, and its status, come from (docs URL or repository path at a version). */
  readonly source?: string
  /** Why the kind/status were chosen, when it is not obvious. */
  readonly note?: string
}

/** faunadb 4.8.2 and fauna 2.5.0's text for an empty 200 reply. */
export const EMPTY_RESPONSE_MESSAGE =
  'There was an issue communicating with Fauna. Response is empty. Please try again.'

/**
 * Title of every `ProtocolError`'s problem (both dialects): the class's own summary in fauna-js 2.5.0
 * (`src/errors.ts`: "An error representing a HTTP failure - but one not directly emitted by Fauna."). Its row's
 * message is the drivers' text for one unreadable reply, the empty one (`EMPTY_RESPONSE_MESSAGE`), which would tell
 * the reader of a 502 HTML page or a 413 that the response was empty and to try again.
 */
export const PROTOCOL_ERROR_TITLE = 'An HTTP failure not directly emitted by Fauna'

/** Code put on the core view when an error has no `code` (v4 error object, v10 failure). */
export const MISSING_CODE = '(missing "code")'

/** Sources cited by the rows. */
export const SOURCES = /* @__PURE__ */ Object.freeze({
  /** Current FQL v10 error-code list ("Error handling"). */
  docsV10: 'https://docs.fauna.com/fauna/current/reference/fql/error-codes',
  /** Older FQL v10 error-code list ("Error codes"). */
  docsV10Old: 'https://docs.fauna.com/fauna/current/build/fql/errors',
  /** Throughput limits: `limit_exceeded` with HTTP 429, retried by the drivers. */
  docsPlans: 'https://docs.fauna.com/fauna/current/manage/plans-billing/plan-details',
  /** FQL v4 errors: a 503 is a timeout, to be retried with backoff. */
  docsV4: 'https://docs.fauna.com/fauna/v4/build/best_practices/errors',
  faunaJs: 'fauna/fauna-js src/errors.ts, __tests__/unit/error.test.ts @ v2.5.0',
  faunaPython: 'fauna/fauna-python fauna/errors/errors.py @ e5dc8c91 (v2.4.0)',
  faunaDotnet: 'fauna/fauna-dotnet Fauna/Exceptions/ExceptionHandler.cs @ 70f44f10',
  faunaJvm: 'fauna/fauna-jvm src/test/java/com/fauna/e2e/E2EFeedsTest.java @ 07d7063f',
  faunadbCsharp: 'fauna/faunadb-csharp FaunaDB.Client/Errors/ExceptionCode.cs',
  faunadbJs: 'fauna/faunadb-js src/errors.js, src/Client.js @ 4.8.2',
})

/**
 * HTTP statuses whose failure Fauna's clients retry, for a reply the code table cannot classify (an unknown
 * code, an empty `errors` array, an unreadable body): the data Fauna passes to core's one decision of a bare status
 * (`statusFacts` of `@errs/core/kit`), in place of HTTP's own list. A status's kind alone never makes an error
 * retryable: a 413 from a proxy stays too large when sent again.
 * - v10: 429 (docs plan-details: the drivers retry a 429; fauna-go `doWithRetry` and fauna-dotnet's retry
 *   policy retry any 429 whatever the body).
 * - v4: 429, and 503, which FQL v4 uses for timeouts to retry with backoff (docs v4 best practices).
 */
export const RETRYABLE_STATUSES: Readonly<Record<FaunaDialect, readonly number[]>> = /* @__PURE__ */ retryableStatuses()

/** Builds `RETRYABLE_STATUSES` (a function, so that the nested `Object.freeze` calls are no module-level code). */
function retryableStatuses(): Readonly<Record<FaunaDialect, readonly number[]>> {
  return Object.freeze({ v10: Object.freeze([429]), v4: Object.freeze([429, 503]) })
}

export type ClientRow = [
  code: string,
  kind: ErrorKind,
  status: number,
  retryable: boolean,
  message: string,
  note?: string,
  /** Where the row does not come from the dialect's driver (`clientRows`'s `source`): what it comes from. */
  source?: string,
  /** The problems' title, where `message` is not true of every error of the code (`FaunaCodeInfo.title`). */
  title?: string,
]

/** Rows of client-side errors (the code is the class name; no wire status). */
export function clientRows(rows: readonly ClientRow[], variant: FaunaDialect, driver: string): FaunaCodeInfo[] {
  return rows.map(([code, kind, status, retryable, message, note, source, title]) =>
    freezeRow({
      code,
      reason: upperSnake(code),
      kind,
      status,
      retryable,
      message,
      className: code,
      variant,
      description: message,
      ...(title === undefined ? {} : { title }),
      source: source ?? driver,
      ...(note === undefined ? {} : { note }),
    }),
  )
}

/** A dialect's lookups: the row of a code, and of a client-side class (its code is its class name). */
export function rowIndex(rows: readonly FaunaCodeInfo[]): {
  codeInfo(code: string): FaunaCodeInfo | undefined
  clientRow(className: string): FaunaCodeInfo | undefined
} {
  const byCode: ReadonlyMap<string, FaunaCodeInfo> = new Map(rows.map((r) => [r.code, r]))
  return {
    codeInfo: (code) => byCode.get(code),
    clientRow: (className) => {
      const row = byCode.get(className)
      return row !== undefined && row.className === row.code ? row : undefined
    },
  }
}

/** Freezes a row (rows are shared, immutable data). */
export function freezeRow(row: FaunaCodeInfo): FaunaCodeInfo {
  return Object.freeze(row)
}

/** Kind, status and retryability of a ProtocolError (a reply that is not a Fauna reply). */
export interface UnreadableFacts {
  kind: ErrorKind
  status: number
  retryable: boolean
}

/**
 * Classifies a reply that could not be read, by its transport status: an empty reply is the dialect's
 * `ProtocolError` row (`protocolRow`) * (the drivers' text asks to try again); an HTTP error status keeps its standard status and kind (a proxy's 413
 * or 502), retryable only when Fauna's clients retry it (`RETRYABLE_STATUSES`); any other status (a 200 that is
 * no Fauna reply, no status at all) is a bad gateway reply: `unavailable`, 502, not retried by any client.
 */
export function unreadableFacts(
  protocolRow: FaunaCodeInfo,
  status: number | undefined,
  empty: boolean,
): UnreadableFacts {
  if (empty) {
    return { kind: protocolRow.kind, status: protocolRow.status as number, retryable: protocolRow.retryable as boolean }
  }
  if (isHttpErrorStatus(status)) return statusFacts(status, RETRYABLE_STATUSES[protocolRow.variant])
  return { kind: 'unavailable', status: 502, retryable: false }
}

/**
 * The one builder of a ProtocolError's core options (both dialects): `unreadableFacts`, the reply's status in
 * `details.httpStatus` and a bounded, redacted preview of what could not be read in `details.raw`.
 */
export function protocolOptions(
  protocolRow: FaunaCodeInfo,
  status: number | undefined,
  raw: unknown,
  empty: boolean,
  extra: ErrsOptions = {},
): ErrsOptions {
  return {
    ...unreadableFacts(protocolRow, status, empty),
    ...extra,
    details: { ...(status !== undefined ? { httpStatus: status } : {}), raw: rawPreview(raw), ...extra.details },
  }
}
