/**
 * `@errs/conformance`: the conformance suite of errs adapters as an API. The CLI (`errs-conformance`) is the
 * usual way in; these are its parts, for running the groups from your own test runner.
 */

export { CANARIES, type Canary, REGISTERED_SECRET } from './hostile/canaries.js'
export { MAX_RATIO, timeRatio } from './hostile/linear.js'
export { HARNESS_GROUPS, type HarnessRunOptions, runHarness } from './hostile/run.js'
export { HOSTILE_VALUES, type Hostile } from './hostile/values.js'
export { loadTarget, resolveModule, SetupError } from './load.js'
export {
  DEFAULT_FUZZ_RUNS,
  type ExtraPart,
  type MainConfig,
  main,
  type Options,
  PARTS,
  parseArgs,
  SHIPPED_VECTORS,
  VECTORS_DIR,
} from './main.js'
export { type Reporter, render, renderJson, renderJunit, renderTable } from './report.js'
export { GENERIC_GROUPS, type Progress, type ReportRow, runGeneric } from './run.js'
export type {
  CheckResult,
  Expect,
  ForeignVector,
  MalformedVector,
  ModuleFiles,
  Target,
  VectorFile,
  VectorWire,
  WireVector,
} from './types.js'
export { loadVectors, VECTORS_SCHEMA_URL, vectorErrors, wireFormOf } from './vectors.js'
