/**
 * `@errs/core`: the application API — the error model, classification, problem+json across services,
 * normalization, redaction and OpenTelemetry attributes. Plumbing for adapter authors is in `@errs/core/kit`.
 *
 * Declarations only: `@errs/core` is `@errs/core/kit`'s module (the package's `exports` point `.` at the kit's files,
 * `dist/kit.js` and `dist/kit.cjs`; see tsup.shared.ts at the repository root), and this file names the part of it
 * that is the application API. So only `export { … } from './kit.js'` statements belong here (the build checks it).
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
