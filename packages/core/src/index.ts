/**
 * `@errs/core`: the application API — the error model, classification, problem+json across services,
 * normalization, redaction and OpenTelemetry attributes. Plumbing for adapter authors is in `@errs/core/kit`.
 */
export type { Adapter, CodeInfo, ErrsOptions } from './adapter.js'
// Transitional: names that moved to `@errs/core/kit`, re-exported here until every adapter imports them from there.
export {
  type CreateOptions,
  type HttpWire,
  occurrenceOptions,
  type WireValue,
} from './adapter.js'
export { brandClass, isBrandedInstance } from './brand.js'
export { classifyForeign, isRetryable, kindOf, statusOf } from './classify.js'
export { ErrsError, type ErrsErrorInit } from './errs-error.js'
export { isForbiddenKey } from './guard.js'
export { parseRetryAfter } from './http.js'
export {
  ErrorKind,
  httpStatusToKind,
  isErrorKind,
  isHttpErrorStatus,
  KIND_DEFAULT_RETRYABLE,
  KIND_HTTP_STATUS,
} from './kinds.js'
export { MAX_CAUSE_DEPTH, ownData, ownEntries, rawPreview, toPlainData, truncate } from './kit.js'
export { attempt, type NormalizeOptions, normalize, type Result } from './normalize.js'
export { type OtelErrorAttributes, toOtelAttributes } from './otel.js'
export { type FromProblemOptions, fromProblem, type ProblemData, problemToInit, toProblem } from './problem.js'
export { PROBLEM_CONTENT_TYPE, type Problem, type ToProblemOptions } from './problem-write.js'
export {
  addRedactionPatterns,
  addSecret,
  isSecretKey,
  REDACTED,
  type RedactionPatterns,
  redactString,
} from './redact.js'
export { fromResponse, type ResponseLike, type ToResponseOptions, toResponse } from './response.js'
