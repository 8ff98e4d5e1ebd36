/**
 * `@errs/core`: the application API — the error model, classification, problem+json across services,
 * normalization, redaction and OpenTelemetry attributes. Plumbing for adapter authors is in `@errs/core/kit`.
 */
export type { Adapter, CodeInfo, ErrsOptions } from './adapter.js'
export { isRetryable, kindOf, statusOf } from './classify.js'
export { ErrsError, type ErrsErrorInit } from './errs-error.js'
export { ErrorKind } from './kinds.js'
export { attempt, type NormalizeOptions, normalize, type Result } from './normalize.js'
export { type OtelErrorAttributes, toOtelAttributes } from './otel.js'
export { type FromProblemOptions, fromProblem, toProblem } from './problem.js'
export { PROBLEM_CONTENT_TYPE, type Problem, type ToProblemOptions } from './problem-write.js'
export { addRedactionPatterns, addSecret, REDACTED, type RedactionPatterns, redactString } from './redact.js'
export { fromResponse, type ResponseLike, type ToResponseOptions, toResponse } from './response.js'
