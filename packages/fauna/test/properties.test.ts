import { fromProblem, toProblem } from '@errs/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adapter, isFaunaError, normalize } from '../src/adapter.js'
import { fromHttp, fromStreamEvent } from '../src/index.js'
import * as v10 from '../src/v10.js'

const json = fc.jsonValue({ maxDepth: 6 })
const hostile = fc.oneof(
  json,
  fc.string(),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"errors":[{"code":"x","__proto__":{"y":1}}]}')),
  fc.constant({ errors: new Array(100_000).fill({ code: 'x', description: 'y' }) }),
  fc.record({ errors: fc.array(fc.anything(), { maxLength: 5 }) }),
  fc.record({
    error: fc.record({ code: fc.string(), message: fc.anything(), abort: json, constraint_failures: fc.anything() }),
  }),
  fc.record({ type: fc.constantFrom('error', 'start', 'add'), event: fc.anything(), error: fc.anything() }),
)

function deep(n: number): unknown {
  let v: Record<string, unknown> = { code: 'call error', description: 'd' }
  for (let i = 0; i < n; i++) v = { code: 'call error', description: 'd', cause: [v] }
  return { errors: [v] }
}

describe('decoders never throw and always return a typed error', () => {
  it('fromHttp / v10.fromHttp / adapter.decode / stream events', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 700 }), hostile, (status, body) => {
        for (const e of [
          fromHttp({ status, body }),
          v10.fromHttp({ status, body }),
          adapter.decode({ status, body }),
          v10.fromFeedPage(body),
        ]) {
          expect(isFaunaError(e)).toBe(true)
          expect(e?.status).toBeGreaterThanOrEqual(400)
        }
        const ev = fromStreamEvent(body)
        if (ev !== undefined) expect(isFaunaError(ev)).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('deep call error nesting and deep causes are bounded', () => {
    const e = fromHttp({ status: 400, body: deep(5000) })
    expect(e.name).toBe('BadRequest')
    let cause: unknown = new Error('root')
    for (let i = 0; i < 10_000; i++) cause = Object.assign(new Error(`e${i}`), { cause })
    const n = normalize(cause)
    expect(JSON.stringify(toProblem(n)).length).toBeLessThan(100_000)
  })
  it('normalize never throws, whatever is thrown', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(isFaunaError(normalize(value))).toBe(true)
      }),
      { numRuns: 300 },
    )
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
        ownKeys() {
          throw new Error('trap')
        },
      },
    )
    expect(isFaunaError(normalize(proxy))).toBe(true)
  })
})

describe('round trips', () => {
  it('create → encode → decode and → problem → fromProblem keep the core fields', () => {
    const codes = adapter.codes.map((r) => [r.code, r.variant] as const)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...codes),
          fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('v4', 'v10')),
        ),
        fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
        ([code, variant], message) => {
          const e = adapter.create(code, message, { variant })
          const view = (x: typeof e) => [x.name, x.code, x.reason, x.kind, x.status, x.retryable, x.message]
          expect(view(adapter.decode(adapter.encode(e)))).toEqual(view(e))
          expect(
            view(fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [adapter] }) as typeof e),
          ).toEqual(view(e))
        },
      ),
      { numRuns: 300 },
    )
  })
})
