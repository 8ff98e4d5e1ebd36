import type { ErrorKind } from '@errs/core'
import {
  errorReplyHeaders,
  type HttpWire,
  isHttpErrorStatus,
  isRecord,
  problemDetail,
  publicRequestId,
  read,
  readReply,
  redactString,
  requestIdOf,
  type StatusFacts,
  statusFacts,
} from '@errs/core/kit'
import { codeInfo, ErrorCode, isInt32 } from './codes.js'
import { FlussError, GATEWAY_RETRY_STATUSES, malformedInput, NOT_RETRIED, textOf } from './fluss-error.js'
import { parseJsonInput } from './json.js'

/** One code of the Fluss REST gateway's (FIP-49) error taxonomy. */
export interface GatewayCodeInfo {
  /** Stable snake_case wire code, e.g. `'table_not_found'`. */
  readonly code: string
  /** HTTP status the gateway answers with, e.g. 404. */
  readonly status: number
  /** The `@errs/core` kind of the code. */
  readonly kind: ErrorKind
  /** The gateway adds `Retry-After: 1` (429, 503). */
  readonly retryAfter: boolean
  /** The Fluss code it stands for, when one exists. */
  readonly errorCode?: number
}

const g = (code: string, status: number, kind: ErrorKind, errorCode?: number): GatewayCodeInfo =>
  Object.freeze({
    code,
    status,
    kind,
    retryAfter: GATEWAY_RETRY_STATUSES.includes(status),
    ...(errorCode === undefined ? {} : { errorCode }),
  })

/** The gateway's error codes (`fluss-gateway/src/error.rs`): generic ones, then resource-specific ones. */
export const GATEWAY_CODES: readonly GatewayCodeInfo[] = /* @__PURE__ */ gatewayCodes()

// The table is built in a function called once: calls at module level are side effects a bundler keeps.
function gatewayCodes(): readonly GatewayCodeInfo[] {
  return Object.freeze([
    g('invalid_argument', 400, 'invalid_argument'),
    g('unauthenticated', 401, 'unauthenticated', ErrorCode.AUTHENTICATE_EXCEPTION),
    g('unauthorized', 403, 'permission_denied', ErrorCode.AUTHORIZATION_EXCEPTION),
    g('not_found', 404, 'not_found'),
    g('method_not_allowed', 405, 'unimplemented'),
    g('not_acceptable', 406, 'invalid_argument'),
    g('already_exists', 409, 'already_exists'),
    g('failed_precondition', 409, 'failed_precondition'),
    g('limit_exceeded', 413, 'invalid_argument'),
    g('unsupported_media_type', 415, 'invalid_argument'),
    g('resource_exhausted', 429, 'resource_exhausted'),
    g('cancelled', 499, 'cancelled'),
    g('backend', 500, 'internal', ErrorCode.UNKNOWN_SERVER_ERROR),
    g('internal', 500, 'internal'),
    g('unsupported', 501, 'unimplemented'),
    g('unavailable', 503, 'unavailable'),
    g('timeout', 504, 'deadline_exceeded', ErrorCode.REQUEST_TIME_OUT),
    g('cluster_not_found', 404, 'not_found'),
    g('database_not_found', 404, 'not_found', ErrorCode.DATABASE_NOT_EXIST),
    g('table_not_found', 404, 'not_found', ErrorCode.TABLE_NOT_EXIST),
    g('partition_not_found', 404, 'not_found', ErrorCode.PARTITION_NOT_EXISTS),
    g('cluster_already_exists', 409, 'already_exists'),
    g('database_already_exists', 409, 'already_exists', ErrorCode.DATABASE_ALREADY_EXIST),
    g('table_already_exists', 409, 'already_exists', ErrorCode.TABLE_ALREADY_EXIST),
    g('partition_already_exists', 409, 'already_exists', ErrorCode.PARTITION_ALREADY_EXISTS),
    g('database_not_empty', 409, 'failed_precondition', ErrorCode.DATABASE_NOT_EMPTY),
  ])
}

/** What a gateway wire code looks like: a snake_case identifier. */
const GATEWAY_CODE = /^[a-z][a-z0-9_]{0,63}$/

const BY_GATEWAY_CODE: ReadonlyMap<string, GatewayCodeInfo> = /* @__PURE__ */ byGatewayCode()
const BY_ERROR_CODE: ReadonlyMap<number, GatewayCodeInfo> = /* @__PURE__ */ byErrorCode()

function byGatewayCode(): ReadonlyMap<string, GatewayCodeInfo> {
  return new Map(GATEWAY_CODES.map((r) => [r.code, r]))
}

function byErrorCode(): ReadonlyMap<number, GatewayCodeInfo> {
  return new Map(
    GATEWAY_CODES.filter((r) => r.errorCode !== undefined && r.code !== 'backend').map((r) => [
      r.errorCode as number,
      r,
    ]),
  )
}

/** Generic gateway code per kind, for Fluss codes the gateway has no specific code for. */
const KIND_GATEWAY_CODE: Readonly<Record<ErrorKind, string>> = /* @__PURE__ */ Object.freeze({
  cancelled: 'cancelled',
  unknown: 'backend',
  invalid_argument: 'invalid_argument',
  deadline_exceeded: 'timeout',
  not_found: 'not_found',
  already_exists: 'already_exists',
  permission_denied: 'unauthorized',
  resource_exhausted: 'resource_exhausted',
  failed_precondition: 'failed_precondition',
  aborted: 'failed_precondition',
  out_of_range: 'invalid_argument',
  unimplemented: 'unsupported',
  internal: 'backend',
  unavailable: 'unavailable',
  data_loss: 'backend',
  unauthenticated: 'unauthenticated',
})

/** The gateway's JSON error envelope. `error_code` is this package's extension (absent from the gateway today). */
export interface GatewayEnvelope {
  /** The error object (`fluss-gateway/src/error.rs` `ErrorBody`). */
  error: {
    /** A gateway code of `GATEWAY_CODES`, e.g. `'table_not_found'`. */
    code: string
    /** Human-readable message. */
    message: string
    /** The gateway's id of the request (also in its `x-request-id` header). */
    request_id: string
    /** The Fluss code, so that codes without a gateway equivalent survive a round trip. */
    error_code?: number
  }
}

/** An HTTP reply carrying the gateway envelope. */
export interface GatewayReply extends HttpWire {
  body: GatewayEnvelope
  headers: Readonly<Record<string, string>>
}

/**
 * A request id fit to be sent back in `x-request-id` (core kit's `requestIdOf`: a header value, not blank, at most
 * 256 characters), other than `unknown`, which the gateway writes when it has none.
 */
export function gatewayRequestIdOf(value: unknown): string | undefined {
  return value === 'unknown' ? undefined : requestIdOf(value)
}

/**
 * Decodes a Fluss REST gateway error reply `{ status, headers?, body: { error: { code, message, request_id } } }`
 * (body as object, JSON text or bytes). Codes with a Fluss equivalent (`table_not_found` → TABLE_NOT_EXIST, …)
 * get its code; the others become UNKNOWN_SERVER_ERROR (-1) with the gateway's kind and status, the gateway
 * code kept in `details.gatewayCode`. The HTTP status, `request_id` (or `x-request-id`; only a valid header
 * value) and `Retry-After` are kept. Never throws, for any input: anything else is a `CLIENT_ERROR` keeping the
 * raw input, bounded, in `details.raw`; with an HTTP error status, its kind and status are that status's (core's
 * unknown-code policy: a 500 is `internal`/500, a 503 `unavailable`/503), else CLIENT_ERROR's (`unknown`/500), so a
 * problem of it shows only the kind's title, never the raw body.
 */
export function decodeGatewayResponse(reply: unknown): FlussError {
  if (!isRecord(reply)) return malformedInput('gateway reply', 'expected { status, headers?, body }', reply)
  const wire = readReply(reply)
  const status = isHttpErrorStatus(wire.status) ? wire.status : undefined
  // A body that is not JSON (a proxy's HTML page, a stack trace) takes the reply's HTTP error status: a 500 is an
  // internal error, not the caller's bad request.
  const parsed = parseJsonInput(wire.body, 'gateway reply', status)
  if (!parsed.ok) return parsed.error
  const body = parsed.value
  const error = read(body, 'error')
  const code = read(error, 'code')
  if (!isRecord(body) || !isRecord(error) || typeof code !== 'string' || code === '') {
    return malformedInput('gateway reply', 'body is not { error: { code, message, request_id } }', body, {
      ...(status === undefined ? {} : { httpStatus: status }),
    })
  }
  // A wire code is an identifier: anything else (free text, a token, a registered secret of that shape) is not kept.
  const gatewayCode = GATEWAY_CODE.test(code) && redactString(code) === code ? code : undefined
  const row = gatewayCode === undefined ? undefined : BY_GATEWAY_CODE.get(gatewayCode)
  const sent = read(error, 'error_code')
  const explicit = isInt32(sent) ? sent : undefined
  const errorCode = explicit ?? row?.errorCode
  const requestId = gatewayRequestIdOf(read(error, 'request_id')) ?? gatewayRequestIdOf(wire.requestId)
  const retryAfterMs = wire.retryAfterMs
  const message = textOf(read(error, 'message'))
  const common = {
    details: gatewayCode === undefined ? {} : { gatewayCode },
    ...(requestId === undefined ? {} : { requestId }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }
  if (errorCode !== undefined) {
    // A Fluss code this table does not know: core's unknown-code policy (kind from the HTTP error status, not retried:
    // Fluss's clients retry by code).
    const unknownKind =
      codeInfo(errorCode) === undefined
        ? (row?.kind ?? (status === undefined ? undefined : statusFacts(status, NOT_RETRIED).kind))
        : undefined
    return new FlussError(message, errorCode, {
      ...common,
      ...(unknownKind === undefined ? {} : { kind: unknownKind }),
      // The core status is what the code means (the table's REST mapping), not the transport's: a known code sent
      // at another status keeps its own; an unknown one takes the gateway's mapping, else the wire's.
      status: codeInfo(errorCode)?.status ?? row?.status ?? status ?? 500,
      details: { ...common.details, ...(status === undefined ? {} : { httpStatus: status }) },
    })
  }
  // A gateway code this table does not know: core's one decision of a bare status (`statusFacts`) with the statuses
  // the gateway marks retryable: the kind and status of the HTTP error status, else `unknown`/500; retryable at 429
  // and 503, as every gateway code sent with them.
  const facts = row ?? statusFacts(status, GATEWAY_RETRY_STATUSES)
  return new FlussError(message, ErrorCode.UNKNOWN_SERVER_ERROR, {
    ...common,
    kind: facts.kind,
    status: facts.status,
    details: { ...common.details, ...(status === undefined ? {} : { httpStatus: status }) },
    retryable: row ? row.retryAfter : (facts as StatusFacts).retryable,
  })
}

/**
 * Encodes an error as the gateway would send it (inverse of `decodeGatewayResponse`): the resource-specific or
 * generic gateway code, the client-safe (public) message, `request_id` (`'unknown'` when none, or when the id shows
 * a host, an address or a path, as the public problem leaves it out), the Fluss code as the `error_code` extension,
 * `x-request-id` (the same) and, when known, `Retry-After`.
 *
 * The message is exactly the `detail` of `toProblem(error)` (`problemDetail` of `@errs/core/kit`, the one exposure
 * rule): the public message with hosts, addresses, file paths and stack frames removed, or only the kind's generic
 * title for an unexpected error (`unknown`/`internal`/`data_loss` kinds, 5xx statuses) — the gateway's own rule that
 * a message never carries stack traces, internal addresses or wire payloads (apache/fluss
 * `fluss-gateway/src/error.rs` @ 545c553).
 */
export function encodeGatewayResponse(error: FlussError): GatewayReply {
  const kept = error.details.gatewayCode
  const row =
    (typeof kept === 'string' ? BY_GATEWAY_CODE.get(kept) : undefined) ??
    BY_ERROR_CODE.get(error.error_code) ??
    (error.error_code === ErrorCode.RECORD_TOO_LARGE_EXCEPTION ? BY_GATEWAY_CODE.get('limit_exceeded') : undefined) ??
    (BY_GATEWAY_CODE.get(KIND_GATEWAY_CODE[error.kind]) as GatewayCodeInfo)
  // Only a valid header value goes out in x-request-id (a CR LF from the network would split the reply); the gateway
  // writes `unknown` when it has none.
  // As the public problem writes it: an id that shows a host, an address or a path is left out (`publicRequestId`).
  const requestId = publicRequestId(gatewayRequestIdOf(error.requestId)) ?? 'unknown'
  const headers = errorReplyHeaders(error, 'application/json')
  headers['x-request-id'] = requestId
  return {
    status: error.status,
    headers,
    body: {
      error: {
        code: row.code,
        message: problemDetail(error),
        request_id: requestId,
        error_code: error.error_code,
      },
    },
  }
}
