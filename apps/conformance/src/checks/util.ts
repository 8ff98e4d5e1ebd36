import { isDeepStrictEqual } from 'node:util'
import { ErrsError } from '@errs/core'
import type { CheckResult } from '../types.js'

/** What a failing check reports. */
export interface Failure {
  message: string
  expected?: unknown
  actual?: unknown
}

/** Collects check results; a check that throws fails with the exception as its message. */
export class Results {
  readonly list: CheckResult[] = []
  constructor(readonly group: string) {}

  /** Runs one check: `fn` returns nothing (pass) or a `Failure`. */
  check(name: string, fn: () => unknown): void {
    let failure: Failure | undefined
    try {
      failure = fn() as Failure | undefined
    } catch (e) {
      failure = { message: `check threw: ${describeThrown(e)}` }
    }
    this.push(name, failure)
  }

  async checkAsync(name: string, fn: () => Promise<unknown>): Promise<void> {
    let failure: Failure | undefined
    try {
      failure = (await fn()) as Failure | undefined
    } catch (e) {
      failure = { message: `check threw: ${describeThrown(e)}` }
    }
    this.push(name, failure)
  }

  /** A check that does not apply to this adapter: not run, never failed, counted apart from the passed ones. */
  notApplicable(name: string, reason: string): void {
    this.list.push({ group: this.group, name, passed: true, notApplicable: true, message: `not applicable: ${reason}` })
  }

  push(name: string, failure: Failure | undefined): void {
    this.list.push(
      failure ? { group: this.group, name, passed: false, ...failure } : { group: this.group, name, passed: true },
    )
  }
}

export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500)
    return String(e).slice(0, 500)
  } catch {
    return 'unprintable value'
  }
}

/** Core fields compared between an error and its rebuilt copy. */
export const CORE_FIELDS = [
  'system',
  'code',
  'reason',
  'kind',
  'status',
  'retryable',
  'title',
  'details',
  'retryAfterMs',
  'requestId',
  'instance',
] as const

/** Differences in core fields (message compared as the problem shows it: `publicMessage ?? message`). */
export function coreDiff(
  expected: ErrsError,
  actual: unknown,
  options: { message?: 'public' | 'full' } = {},
): Failure | undefined {
  if (!ErrsError.is(actual))
    return { message: 'not an ErrsError', expected: 'ErrsError', actual: describeValue(actual) }
  const exp: Record<string, unknown> = {}
  const act: Record<string, unknown> = {}
  for (const f of CORE_FIELDS) {
    const a = plainOf(actual[f])
    const b = plainOf(expected[f])
    if (!isDeepStrictEqual(a, b)) {
      exp[f] = b
      act[f] = a
    }
  }
  const wantMessage = options.message === 'full' ? expected.message : (expected.publicMessage ?? expected.message)
  if (actual.message !== wantMessage) {
    exp.message = wantMessage
    act.message = actual.message
  }
  if (Object.keys(exp).length === 0) return undefined
  return { message: `core fields differ: ${Object.keys(exp).join(', ')}`, expected: exp, actual: act }
}

function plainOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  try {
    return JSON.parse(JSON.stringify(v))
  } catch {
    return v
  }
}

export function describeValue(v: unknown): string {
  try {
    if (v instanceof Error) return `${v.constructor?.name ?? 'Error'}(${v.name}: ${v.message.slice(0, 200)})`
    if (typeof v === 'object' && v !== null) return `object ${JSON.stringify(v)?.slice(0, 200)}`
    return `${typeof v} ${String(v).slice(0, 200)}`
  } catch {
    return typeof v
  }
}

/** Runs a function under a time budget measured after the fact (the checks are synchronous). */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now()
  const value = fn()
  return { value, ms: performance.now() - t0 }
}
