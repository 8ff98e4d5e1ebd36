import type { Section } from './harness.js'

/** The targets, per section: upper bounds on ours/floor and ours/peer (time per op ratios). */
export interface Target {
  /** ours/floor must be ≤ this. */
  floor?: number
  /** ours/peer must be ≤ this (strictly below 1 means "faster than the peer"). */
  peer?: number
  /** How the target reads in the report. */
  text: string
}

export const TARGETS: Record<Section, Target> = {
  construction: { floor: 1.3, peer: 1, text: '≤ 1.3× floor; ≤ 1× the driver' },
  decode: { floor: 1.5, peer: 1, text: '≤ 1.5× floor; faster than the driver' },
  serialization: { peer: 1, text: 'faster than serialize-error' },
  classification: { floor: 2, text: '≤ 2× a property read' },
}

/** Size budgets (gzip bytes) of the issue, before tightening. */
export const SIZE_TARGETS = { core: 2500, adapterWithCore: 6000 }
