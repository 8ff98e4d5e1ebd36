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
