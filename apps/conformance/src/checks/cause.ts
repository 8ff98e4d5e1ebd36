import { ErrsError, fromProblem, type Problem, toProblem } from '@errs/core'
import { MAX_CAUSE_DEPTH } from '@errs/core/kit'
import type { CheckResult, Target } from '../types.js'
import { describeValue, Results } from './util.js'

function problemDepth(p: Problem | undefined): number {
  let n = 0
  for (let c = p; c; c = c.cause) n++
  return n
}

function chainLength(e: unknown, max = 1000): number {
  let n = 0
  for (let c: unknown = e; c !== undefined && c !== null && n < max; c = (c as { cause?: unknown }).cause) n++
  return n
}

/** `cause`: cause chains are kept (ES2022 `cause`), survive problem+json with native classes, and are bounded. */
export function checkCause(t: Target): CheckResult[] {
  const r = new Results('cause')
  const { adapter } = t
  const [first, second] = adapter.codes
  if (!first) return r.list
  const other = second ?? first
  const make = (message: string, cause?: unknown) =>
    adapter.create(first.code, message, { variant: first.variant, ...(cause !== undefined ? { cause } : {}) })

  r.check('create keeps the cause (same object, own non-enumerable ES2022 property)', () => {
    const cause = new TypeError('socket closed')
    const e = make('outer', cause)
    if (e.cause !== cause)
      return { message: 'cause not kept', expected: 'the same TypeError', actual: describeValue(e.cause) }
    const d = Object.getOwnPropertyDescriptor(e, 'cause')
    if (!d || d.enumerable) return { message: 'cause is not an own non-enumerable property', actual: d }
  })
  r.check('no cause: cause is undefined and not an own property', () => {
    const e = make('no cause')
    if (e.cause !== undefined || Object.hasOwn(e, 'cause'))
      return { message: 'cause set without one', actual: describeValue(e.cause) }
  })
  r.check('native cause survives problem+json as the native class', () => {
    const inner = adapter.create(other.code, 'inner', { variant: other.variant })
    const e = make('outer', inner)
    const back = fromProblem(JSON.stringify(toProblem(e, { exposeInternal: true })), { adapters: [adapter] })
    const c = back.cause
    if (!ErrsError.is(c)) return { message: 'cause lost', actual: describeValue(c) }
    if (
      Object.getPrototypeOf(c) !== Object.getPrototypeOf(inner) ||
      c.code !== inner.code ||
      c.message !== inner.message
    ) {
      return {
        message: 'cause not rebuilt as the native class with its fields',
        expected: { name: inner.name, code: inner.code, message: inner.message },
        actual: { name: c.name, code: c.code, message: c.message },
      }
    }
  })
  r.check('foreign cause survives problem+json as a plain ErrsError', () => {
    const e = make('outer', Object.assign(new Error('ECONNRESET by peer'), { code: 'ECONNRESET' }))
    const back = fromProblem(JSON.stringify(toProblem(e, { exposeInternal: true })), { adapters: [adapter] })
    if (!ErrsError.is(back.cause) || back.cause.message !== 'ECONNRESET by peer') {
      return { message: 'foreign cause lost', actual: describeValue(back.cause) }
    }
  })
  r.check(`a 50-deep chain is kept in memory and bounded (≤ ${MAX_CAUSE_DEPTH}) in problems`, () => {
    let c: unknown = new Error('root')
    for (let i = 0; i < 49; i++) c = make(`level ${i}`, c)
    const e = make('top', c)
    if (chainLength(e) !== 51) return { message: 'chain not kept', expected: 51, actual: chainLength(e) }
    const p = toProblem(e, { exposeInternal: true })
    if (problemDepth(p) > MAX_CAUSE_DEPTH)
      return { message: 'problem cause chain not bounded', expected: `≤ ${MAX_CAUSE_DEPTH}`, actual: problemDepth(p) }
    const back = fromProblem(JSON.stringify(p), { adapters: [adapter] })
    if (chainLength(back) > MAX_CAUSE_DEPTH) return { message: 'rebuilt chain not bounded', actual: chainLength(back) }
  })
  r.check('a cyclic cause does not hang serialization or inspection', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const e = make('cyclic', a)
    a.cause = e
    const p = toProblem(e, { exposeInternal: true })
    if (problemDepth(p) > MAX_CAUSE_DEPTH) return { message: 'cyclic chain not bounded', actual: problemDepth(p) }
    JSON.stringify(e)
  })
  r.check('a 10 000-deep problem+json is read without a stack overflow and bounded', () => {
    let text = '{"type":"about:blank","detail":"leaf"}'
    for (let i = 0; i < 10_000; i++) {
      text = `{"type":"urn:errs:${adapter.system}:X","system":"${adapter.system}","code":${JSON.stringify(first.code)},"detail":"d${i}","cause":${text}}`
    }
    const back = fromProblem(text, { adapters: [adapter] })
    if (!ErrsError.is(back)) return { message: 'not an ErrsError', actual: describeValue(back) }
    if (chainLength(back) > MAX_CAUSE_DEPTH) return { message: 'rebuilt chain not bounded', actual: chainLength(back) }
  })
  r.check('decode(encode(e)) does not throw for an error with a cause', () => {
    const e = make('outer', new Error('inner'))
    const back = adapter.decode(adapter.encode(e))
    if (!ErrsError.is(back)) return { message: 'not an ErrsError', actual: describeValue(back) }
  })
  return r.list
}
