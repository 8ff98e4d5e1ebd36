export {
  type Adapter,
  type CodeInfo,
  type CreateOptions,
  type HttpWire,
  occurrenceOptions,
  type WireValue,
} from './adapter.js'
export {
  deepFreeze,
  isForbiddenKey,
  MAX_CAUSE_DEPTH,
  MAX_DETAILS_DEPTH,
  MAX_RAW,
  MAX_STRING,
  ownData,
  ownEntries,
  rawPreview,
  toPlainData,
  truncate,
} from './bounds.js'
export { brandClass, isBrandedInstance } from './brand.js'
export { classifyForeign, type ForeignClassification, isErrsError, isRetryable, kindOf, statusOf } from './classify.js'
export { ErrsError, type ErrsErrorInit } from './errs-error.js'
export {
  ERROR_KINDS,
  ErrorKind,
  httpStatusToKind,
  isErrorKind,
  isHttpErrorStatus,
  KIND_DEFAULT_RETRYABLE,
  KIND_HTTP_STATUS,
} from './kinds.js'
export { attempt, type NormalizeOptions, normalize, type Result, wrapForeign } from './normalize.js'
export { type OtelErrorAttributes, toOtelAttributes } from './otel.js'
export {
  type FromProblemOptions,
  fromProblem,
  MAX_PROBLEM_TEXT,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  type ProblemData,
  problemToInit,
  problemType,
  readProblem,
  type ToProblemOptions,
  toProblem,
} from './problem.js'
export {
  addRedactionPatterns,
  addSecret,
  isSecretKey,
  REDACTED,
  type RedactionPatterns,
  redactString,
} from './redact.js'
export { fromResponse, parseRetryAfter, type ResponseLike, toResponse } from './response.js'
