/**
 * `@errs/core`: the application API — the error model, classification, problem+json across services,
 * normalization, redaction and OpenTelemetry attributes. Plumbing for adapter authors is in `@errs/core/kit`.
 *
 * Only re-exports of `@errs/core/kit`, which holds the code of both entries: the built `index` is a few lines
 * importing the built `kit` (ESM `./kit.js`, CommonJS `./kit.cjs`; see tsup.shared.ts at the repository root), so
 * `@errs/core/kit`, which every adapter loads, is one file.
 */
export {
  type Adapter,
  addRedactionPatterns,
  addSecret,
  attempt,
  type CodeInfo,
  ErrorKind,
  ErrsError,
  type ErrsErrorInit,
  type ErrsOptions,
  type FromProblemOptions,
  fromProblem,
  fromResponse,
  isRetryable,
  kindOf,
  type NormalizeOptions,
  normalize,
  type OtelErrorAttributes,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  REDACTED,
  type RedactionPatterns,
  type ResponseLike,
  type Result,
  redactString,
  statusOf,
  type ToProblemOptions,
  type ToResponseOptions,
  toOtelAttributes,
  toProblem,
  toResponse,
} from './kit.js'
