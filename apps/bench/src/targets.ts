import type { Section } from './harness.js'

/**
 * The targets of the benchmarks, per section: upper bounds on ours ÷ floor and ours ÷ peer (time per operation,
 * each ratio taken within one run, where the rows were sampled side by side).
 */
export interface MicroTarget {
  /** ours/floor must be ≤ this. */
  floor?: number
  /** ours/peer must be ≤ this (or < this when `strictPeer`). */
  peer?: number
  /** "faster than the peer": ours/peer must be strictly below `peer`. */
  strictPeer?: boolean
  /** How the target reads in the report. */
  text: string
}

export const MICRO_TARGETS: Partial<Record<Section, MicroTarget>> = {
  construction: { peer: 1, text: '≤ 1.0× the driver' },
  decode: { floor: 1.5, peer: 1, text: '≤ 1.5× its floor; ≤ 1.0× the driver' },
  rebuild: { peer: 1, strictPeer: true, text: 'faster than serialize-error 13' },
}

/**
 * Size targets (min + gzip bytes, with core, as size-limit measures) by the name of the check in `.size-limit.cjs`.
 * A check without a target is a guard against growth only.
 */
export const SIZE_TARGETS: Record<string, number> = {
  '@errs/core: typical import { ErrsError, isRetryable, kindOf }': 2500,
  '@errs/fluss: typical import { FlussError, ErrorCode } (with core)': 5000,
  '@errs/fluss: import { ErrorCode } alone': 1500,
  '@errs/lance: typical import { TableNotFoundError, ErrorCode } (with core)': 5000,
  '@errs/lance: import { ErrorCode } alone': 1500,
  '@errs/fauna: typical import { FaunaHTTPError, fromHttp } (with core)': 5000,
  '@errs/fauna/v10: typical import { ServiceError, fromHttp } (with core)': 5000,
}

/** Cold import of each entry, ms over the empty program of the same format (median of the rounds). */
export const COLD_TARGET_MS = 5

/**
 * What stands in the way of a size target: a check of `.size-limit.cjs` (by name) whose bundle the target row's
 * bundle contains (its imports are a subset of the row's, with what they need). The target table shows its size next
 * to a row that misses its target.
 */
export const SIZE_IN_THE_WAY: Record<string, string> = {
  '@errs/core: typical import { ErrsError, isRetryable, kindOf }':
    '@errs/core: { kindOf, isRetryable, redactString } (the two functions of the typical import, and the redaction every ErrsError applies)',
  '@errs/fluss: typical import { FlussError, ErrorCode } (with core)':
    "@errs/fluss: { CODES } with core's typical import (the code table FlussError reads)",
  '@errs/lance: typical import { TableNotFoundError, ErrorCode } (with core)':
    "@errs/lance: { CODES } with core's typical import (the code table every error reads)",
  '@errs/fauna: typical import { FaunaHTTPError, fromHttp } (with core)':
    "@errs/fauna: { CODES } with core's typical import (the v4 code table every error reads)",
  '@errs/fauna/v10: typical import { ServiceError, fromHttp } (with core)':
    "@errs/fauna/v10: { CODES } with core's typical import (the v10 code table every error reads)",
}

/**
 * What stands in the way of a cold-import target besides Node's own floor (the empty package of `src/cold.ts`):
 * the modules an entry loads that are timed on their own rows (by specifier). The adapters load core through
 * `@errs/core/kit` only (a test of each package reads its built files).
 */
export const COLD_LOADS: Record<string, readonly string[]> = {
  '@errs/fluss': ['@errs/core/kit'],
  '@errs/fluss/wire': ['@errs/core/kit'],
  '@errs/lance': ['@errs/core/kit'],
  '@errs/fauna': ['@errs/core/kit'],
  '@errs/fauna/v10': ['@errs/core/kit'],
  '@errs/fauna/adapter': ['@errs/core/kit'],
}
