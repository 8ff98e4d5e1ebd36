import { checkCause } from './checks/cause.js'
import { checkCodes, checkProblem, checkUnknown, checkVectors, checkWire } from './checks/contract.js'
import { checkIdentity } from './checks/identity.js'
import { checkMalformed } from './checks/malformed.js'
import { checkRedaction } from './checks/redaction.js'
import type { CheckResult, Target } from './types.js'

/** The generic contract check groups, in the order they run. */
export const GENERIC_GROUPS = [
  'codes',
  'vectors',
  'wire',
  'problem',
  'identity',
  'unknown',
  'malformed',
  'redaction',
  'cause',
] as const

/** One result row in a report: a check result tagged with the adapter (or live suite) it ran against. */
export interface ReportRow extends CheckResult {
  target: string
  ms?: number
}

export type Progress = (event: {
  target: string
  group: string
  passed: number
  failed: number
  /** Checks that do not apply to this adapter (not run). */
  notApplicable?: number
  ms: number
}) => void

const RUNNERS: Record<(typeof GENERIC_GROUPS)[number], (t: Target) => CheckResult[] | Promise<CheckResult[]>> = {
  codes: checkCodes,
  vectors: checkVectors,
  wire: checkWire,
  problem: checkProblem,
  identity: checkIdentity,
  unknown: checkUnknown,
  malformed: checkMalformed,
  redaction: checkRedaction,
  cause: checkCause,
}

/** Runs every generic check group against one adapter. A group that crashes is one failed result. */
export async function runGeneric(t: Target, progress?: Progress, groups?: ReadonlySet<string>): Promise<ReportRow[]> {
  const rows: ReportRow[] = []
  for (const group of GENERIC_GROUPS) {
    if (groups && !groups.has(group)) continue
    const t0 = performance.now()
    let results: CheckResult[]
    try {
      results = await RUNNERS[group](t)
    } catch (e) {
      results = [
        {
          group,
          name: 'group crashed',
          passed: false,
          message: e instanceof Error ? (e.stack ?? e.message) : String(e),
        },
      ]
    }
    const ms = performance.now() - t0
    for (const r of results) rows.push({ ...r, target: t.name })
    progress?.({
      target: t.name,
      group,
      passed: results.filter((r) => r.passed && !r.notApplicable).length,
      failed: results.filter((r) => !r.passed).length,
      notApplicable: results.filter((r) => r.notApplicable).length,
      ms,
    })
  }
  return rows
}
