/**
 * `@errs/core/kit`: plumbing for adapter authors (ours and third parties'), one copy of each piece: guarded reads
 * of untrusted values, bounded body and reply readers, headers and `Retry-After`, describing thrown values,
 * truncation and raw previews, plain-data copies, branding, the kind tables, the foreign-value classifier, the
 * one unknown-code policy (`errsInit`), generic rebuilding (`rebuildAs`) and `normalizeWith`.
 *
 * It also exports everything `@errs/core` exports (the same bindings: `@errs/core` is a list of re-exports of this
 * entry), so that an adapter loads one entry of core, and that entry one file: every entry a module imports costs
 * Node's ES module loader a package resolution and a file, and every file of an entry costs it more (apps/bench,
 * cold import).
 */
export {
  type Adapter,
  type ClientCodes,
  type CodeInfo,
  codeIndex,
  type ErrsErrorClass,
  type ErrsOptions,
  errsInit,
  type HttpWire,
  type Occurrence,
  readOptions,
  UNKNOWN_CODE,
  type WireValue,
  withOccurrence,
} from './adapter.js'
export {
  codeText,
  keptKey,
  MAX_CAUSE_DEPTH,
  MAX_DETAILS_DEPTH,
  MAX_ENTRIES,
  MAX_KEY,
  MAX_NODES,
  MAX_RAW,
  MAX_STRING,
  type PlainDataOptions,
  rawPreview,
  redactBoundedText,
  toPlainData,
  truncate,
} from './bounds.js'
export { BRAND_ID, brandClass, ensureBranded, isBrandedInstance } from './brand.js'
export { type OwnedBytes, ownBytes, viewOf } from './bytes.js'
export {
  type CoreView,
  classifyForeign,
  coreView,
  type ForeignClassification,
  hasErrsBrand,
  isRetryable,
  kindOf,
  statusOf,
} from './classify.js'
export { detailsRecord, ErrsError, type ErrsErrorInit, errorMessage, frozenDetails } from './errs-error.js'
export {
  describeThrown,
  isArray,
  isBytes,
  isDelayMs,
  isError,
  isForbiddenKey,
  isHeaderValue,
  isRecord,
  MAX_REQUEST_ID,
  ownData,
  ownEntries,
  ownMembers,
  read,
  readString,
  requestIdOf,
} from './guard.js'
export {
  errorReplyHeaders,
  header,
  headerMap,
  MAX_BODY_TEXT,
  MAX_JSON_DEPTH,
  type ParsedBody,
  parseBody,
  parseRetryAfter,
  type Reply,
  readReply,
  readResponse,
  retryAfterHeader,
} from './http.js'
export {
  ERROR_KINDS,
  ErrorKind,
  HTTP_RETRY_AFTER_STATUSES,
  HTTP_RETRY_STATUSES,
  httpStatusToKind,
  isErrorKind,
  isHttpErrorStatus,
  isHttpStatus,
  KIND_DEFAULT_RETRYABLE,
  KIND_HTTP_STATUS,
  KIND_TITLE,
  type StatusFacts,
  statusFacts,
} from './kinds.js'
export { attempt, type NormalizeOptions, normalize, normalizeWith, type Result, wrapForeign } from './normalize.js'
export { type OtelErrorAttributes, toOtelAttributes } from './otel.js'
export {
  adoptError,
  type FromProblemOptions,
  fromProblem,
  fromProblemValue,
  nativePrototype,
  type ProblemData,
  rebuildAs,
  rebuildWith,
  restartStack,
  toProblem,
} from './problem.js'
export {
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problemDetail,
  problemType,
  publicRequestId,
  scrubInternals,
  type ToProblemOptions,
  tokenOr,
} from './problem-write.js'
export {
  addRedactionPatterns,
  addSecret,
  isSecretKey,
  type KeyView,
  keyView,
  REDACTED,
  type RedactionPatterns,
  redactBounded,
  redactString,
} from './redact.js'
export { fromResponse, type ResponseLike, type ToResponseOptions, toResponse } from './response.js'
