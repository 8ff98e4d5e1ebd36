import type { Adapter, ErrsError } from '@errs/core'

/** A wire payload in a vector file: bytes (hex or base64) or an HTTP reply. */
export type VectorWire =
  | { hex: string }
  | { base64: string }
  | { status: number; headers?: Record<string, string>; body?: unknown; bodyText?: string; bodyBase64?: string }

/** Expected fields of an error. Only the members present are compared. */
export interface Expect {
  /** Class name (`err.name`); an array means any of them. */
  className?: string | string[]
  code?: number | string
  reason?: string
  kind?: string
  status?: number
  retryable?: boolean
  message?: string
  requestId?: string
  retryAfterMs?: number
  /** Members that must be present in `details` (deep-equal). */
  details?: Record<string, unknown>
  /** `String(err)`. */
  string?: string
  /**
   * Native fields of the adapter's class (deep-equal), e.g. `{ "error_code": 7 }`; a method of no parameters is
   * compared by what it returns (`{ "errors": [...] }` for faunadb's `errors()`).
   */
  fields?: Record<string, unknown>
}

/** One decoding case: a wire payload and what it must decode into. */
export interface WireVector {
  /** Native code of the row (for coverage and for `create`). */
  code: number | string
  /** Row variant (`CodeInfo.variant`), e.g. Fauna's `v4` / `v10`. */
  variant?: string
  /** Short label shown in reports. */
  name?: string
  /** Where the expectation comes from. */
  source?: string
  /** Wire payload; absent for client-side errors that never travel (create expectations only). */
  wire?: VectorWire
  expect: Expect
  /** Default message of the code: what `create(code)` must give. */
  defaultMessage?: string
  /** Expectation for `create(code, undefined, { variant })`, when it differs from `expect` (message excluded). */
  createExpect?: Expect
}

/** A payload that must decode to a typed error (never throw), with the raw input kept. */
export interface MalformedVector {
  name: string
  source?: string
  wire: VectorWire
  /** Expected fields, when the reference fixes them. */
  expect?: Expect
}

/** A value a client throws (rebuilt as an `Error` with these own properties), and what `normalize` must make of it. */
export interface ForeignVector {
  name: string
  source?: string
  value: { name?: string; message: string; code?: string; cause?: { name?: string; message: string; code?: string } }
  expect: Expect
}

/** A seed example: a payload and the error the seed shows. */
export interface ExampleVector extends WireVector {
  name: string
}

/** A vector file (`vectors/<system>.json`); its JSON Schema is `vectors.schema.json`. */
export interface VectorFile {
  system: string
  /** Modules (package specifiers) whose `adapter` these vectors describe. */
  modules?: string[]
  description?: string
  /** Upstream sources of the file: repository + path at a version, or documentation URLs. */
  sources: string[]
  codes: WireVector[]
  unknownCodes?: WireVector[]
  malformed?: MalformedVector[]
  examples?: ExampleVector[]
  foreign?: ForeignVector[]
}

/**
 * Result of one check. A check that does not apply to an adapter (e.g. identity across realms for an ESM-only
 * adapter, which has no CommonJS build to load in a second realm) has `notApplicable: true`, its reason in
 * `message`, and `passed: true` so that it never fails a run; the reports count it apart, never as passed.
 */
export interface CheckResult {
  group: string
  name: string
  /** False when the check failed; true when it passed or does not apply (see `notApplicable`). */
  passed: boolean
  /** The check was not run because it does not apply to this adapter; `message` says why. */
  notApplicable?: boolean
  expected?: unknown
  actual?: unknown
  message?: string
}

/** The ESM and CJS files of one adapter module, for identity checks. */
export interface ModuleFiles {
  esm?: string
  cjs?: string
  /**
   * A CommonJS file the package declares (its `require` export condition) that does not exist: a broken build,
   * which the identity checks fail, as opposed to an ESM-only package, for which they do not apply.
   */
  missingCjs?: string
}

/** What the checks run against. */
export interface Target {
  /** Label in reports, e.g. `@errs/fluss/wire`. */
  name: string
  /** The module specifier or path given with `--adapter`. */
  spec?: string
  adapter: Adapter<ErrsError>
  vectors?: VectorFile
  /** The module specifier or path the adapter came from (identity checks reload it). */
  files?: ModuleFiles
  /** Property name of the adapter export (default `adapter`). */
  exportName?: string
}
