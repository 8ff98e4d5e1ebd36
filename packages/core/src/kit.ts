/**
 * `@errs/core/kit`: plumbing for adapter authors (ours and third parties'), one copy of each piece: guarded reads
 * of untrusted values, bounded body and reply readers, headers and `Retry-After`, describing thrown values,
 * truncation and raw previews, plain-data copies, branding, the kind tables, the foreign-value classifier, the
 * one unknown-code policy (`errsInit`), generic rebuilding (`rebuildAs`) and `normalizeWith`.
 *
 * It also re-exports the values of `@errs/core` an adapter's code uses (`ErrsError`, `toProblem`, `fromProblem`,
 * `PROBLEM_CONTENT_TYPE`, `REDACTED`, `redactString`, `addSecret`, `addRedactionPatterns`: the same bindings), so that
 * an adapter loads one entry of core: every entry a module imports costs Node's ES module loader a package resolution
 * and a file (~1.4 ms of CPU for `@errs/core` next to `@errs/core/kit`; apps/bench, cold import).
 */
export {
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
export { type CoreView, classifyForeign, coreView, type ForeignClassification, hasErrsBrand } from './classify.js'
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
export { normalizeWith, wrapForeign } from './normalize.js'
export {
  adoptError,
  fromProblem,
  fromProblemValue,
  nativePrototype,
  type ProblemData,
  rebuildAs,
  rebuildWith,
  toProblem,
} from './problem.js'
export { PROBLEM_CONTENT_TYPE, problemDetail, problemType, scrubInternals, tokenOr } from './problem-write.js'
export {
  addRedactionPatterns,
  addSecret,
  isSecretKey,
  type KeyView,
  keyView,
  REDACTED,
  redactBounded,
  redactString,
} from './redact.js'
