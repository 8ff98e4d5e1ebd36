import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Adapter, ErrsError, type ErrsErrorInit, fromProblem, toProblem } from '../src/index.js'
import { brandClass, MAX_CAUSE_DEPTH, MAX_STRING } from '../src/kit.js'

class ToyError extends ErrsError {
  static {
    brandClass(this, 'errs.test.ToyError')
  }
}
const toyAdapter = {
  system: 'toy',
  codes: [],
  classes: { ToyError },
} as unknown as Adapter

const full = () =>
  new ErrsError({
    system: 'toy',
    code: 7,
    reason: 'TABLE_NOT_EXIST',
    kind: 'not_found',
    message: 'Table db.t does not exist',
    title: 'Table does not exist',
    details: { table: 'db.t', bucket: 3, path: ['a', 1] },
    requestId: 'req-1',
    retryAfterMs: 1500,
    instance: '/v1/table/t',
    cause: new ErrsError({ system: 'other', code: 'E1', reason: 'INNER', kind: 'unavailable', message: 'inner' }),
  })

const core = (e: ErrsError) => ({
  system: e.system,
  code: e.code,
  reason: e.reason,
  kind: e.kind,
  status: e.status,
  retryable: e.retryable,
  title: e.title,
  message: e.message,
  details: e.details,
  requestId: e.requestId,
  retryAfterMs: e.retryAfterMs,
  instance: e.instance,
})

describe('toProblem', () => {
  it('writes RFC 9457 members and the core extensions; the cause only in the trusted form', () => {
    expect(toProblem(full())).not.toHaveProperty('cause')
    const p = toProblem(full(), { exposeInternal: true })
    expect(p).toMatchObject({
      type: 'urn:errs:toy:TABLE_NOT_EXIST',
      title: 'Table does not exist',
      status: 404,
      detail: 'Table db.t does not exist',
      instance: '/v1/table/t',
      system: 'toy',
      code: 7,
      reason: 'TABLE_NOT_EXIST',
      kind: 'not_found',
      retryable: false,
      retryAfterMs: 1500,
      requestId: 'req-1',
      details: { table: 'db.t', bucket: 3, path: ['a', 1] },
      cause: { type: 'urn:errs:other:INNER', kind: 'unavailable', retryable: true },
    })
    expect(toProblem(full())).not.toHaveProperty('stack')
  })

  it('never builds the type or reason from free text (a lone surrogate cannot break it either)', () => {
    const e = new ErrsError({
      system: 'fauna',
      code: 'instance not found',
      reason: 'instance not found',
      kind: 'not_found',
      message: 'm',
    })
    expect(toProblem(e).type).toBe('urn:errs:fauna:UNKNOWN')
    expect(fromProblem(toProblem(e))).toMatchObject({ code: 'instance not found', reason: 'UNKNOWN' })
    const leaked = fromProblem({ title: 'auth failed with Authorization: Bearer T0KEN', status: 401 })
    expect(leaked.reason).toBe('UNKNOWN')
    expect(JSON.stringify(leaked)).not.toContain('T0KEN')
    const surrogate = fromProblem('{"title":"\\ud800","system":"\\ud800","reason":"\\ud800"}')
    expect(() => JSON.stringify(surrogate)).not.toThrow()
    expect(() => JSON.stringify(toProblem(surrogate, { exposeInternal: true }))).not.toThrow()
  })

  it('shows the public message and hides stacks and internal context unless asked', () => {
    const e = new ErrsError({
      system: 'fluss',
      code: -1,
      reason: 'UNKNOWN_SERVER_ERROR',
      kind: 'unknown',
      message: 'boom\n\tat org.apache.fluss.Server.run(Server.java:1)',
      publicMessage: 'boom',
      internal: { host: 'ts-1' },
    })
    const pub = toProblem(e)
    // An unexpected error (kind unknown) says only its kind's generic title in public.
    expect(pub.detail).toBe('An unexpected error occurred')
    const expected = new ErrsError({ ...e, kind: 'not_found', status: 404, message: e.message, publicMessage: 'boom' })
    expect(toProblem(expected).detail).toBe('boom')
    expect(pub).not.toHaveProperty('internal')
    const priv = toProblem(e, { exposeInternal: true })
    expect(priv.detail).toContain('Server.java')
    expect(priv.stack?.split('\n')[0]).toBe('ErrsError: boom')
    expect(priv.internal).toEqual({ host: 'ts-1' })
    expect(fromProblem(priv).internal).toMatchObject({ host: 'ts-1', remoteStack: priv.stack })
  })

  it('classifies foreign values and bounds the cause chain', () => {
    expect(toProblem(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toMatchObject({
      system: 'runtime',
      kind: 'unavailable',
      retryable: true,
      status: 503,
    })
    let e: unknown = new Error('root')
    for (let i = 0; i < 50; i++)
      e = new ErrsError({ system: 's', code: i, reason: 'R', kind: 'internal', message: `level ${i}`, cause: e })
    let depth = 0
    for (let p: { cause?: unknown } | undefined = toProblem(e, { exposeInternal: true }); p; p = p.cause as typeof p)
      depth++
    expect(depth).toBe(MAX_CAUSE_DEPTH)
    // A foreign cause is written once, then its own cause.
    const chain = toProblem(
      new ErrsError({
        system: 's',
        code: 1,
        reason: 'R',
        kind: 'internal',
        message: 'top',
        cause: new Error('mid', { cause: new Error('bottom') }),
      }),
      { exposeInternal: true },
    )
    expect([chain.cause?.detail, chain.cause?.cause?.detail, chain.cause?.cause?.cause]).toEqual([
      'mid',
      'bottom',
      undefined,
    ])
  })
})

describe('fromProblem', () => {
  it('round-trips without the adapter: a plain ErrsError with every core field equal', () => {
    const original = full()
    const back = fromProblem(JSON.parse(JSON.stringify(toProblem(original, { exposeInternal: true }))))
    expect(back).toBeInstanceOf(ErrsError)
    expect(back).not.toBeInstanceOf(ToyError)
    expect(back.name).toBe('ErrsError')
    expect(core(back)).toEqual(core(original))
    expect(core(back.cause as ErrsError)).toEqual(core(original.cause as ErrsError))
  })

  it('rebuilds the native class with the adapter (and accepts JSON text)', () => {
    const original = new ToyError(core(full()) as ErrsErrorInit)
    const back = fromProblem(JSON.stringify(original), { adapters: [toyAdapter] })
    expect(back).toBeInstanceOf(ToyError)
    expect(core(back)).toEqual(core(original))
  })

  it('falls back to a plain error when the adapter cannot rebuild (create throws, a class is not an ErrsError)', () => {
    const throwing = {
      system: 'toy',
      codes: [],
      classes: {},
      create: () => {
        throw new Error('bug')
      },
    } as unknown as Adapter
    const junk = { system: 'toy', codes: [], classes: { ErrsError: Object }, create: () => ({}) } as unknown as Adapter
    for (const adapter of [throwing, junk]) {
      const back = fromProblem(toProblem(full()), { adapters: [adapter] })
      expect(back).toBeInstanceOf(ErrsError)
      expect(Object.getPrototypeOf(back)).toBe(ErrsError.prototype)
      expect(back.code).toBe(7)
    }
  })

  it("picks the row of a problem's code (and dialect) from frozen and mutable code tables alike", () => {
    class AError extends ErrsError {
      static {
        brandClass(this, 'errs.test.rows.AError')
      }
    }
    class BError extends ErrsError {
      static {
        brandClass(this, 'errs.test.rows.BError')
      }
    }
    const row = (code: number | string, className: string, variant?: string) => ({
      code,
      reason: `R_${className}`,
      kind: 'internal',
      status: 500,
      retryable: false,
      message: 'm',
      className,
      ...(variant === undefined ? {} : { variant }),
    })
    const problem = (code: number | string, variant?: string) =>
      toProblem(
        new ErrsError({
          system: 'rows',
          code,
          reason: 'X',
          kind: 'internal',
          message: 'm',
          ...(variant === undefined ? {} : { details: { dialect: variant } }),
        }),
        { exposeInternal: true },
      )
    const rows = [row('dup', 'AError', 'v1'), row('dup', 'BError', 'v2'), row(7, 'BError'), row('7', 'AError')]
    const frozen = Object.freeze(rows.map((r) => Object.freeze(r)))
    const mutable = rows.map((r) => ({ ...r }))
    for (const codes of [frozen, mutable]) {
      const adapter = { system: 'rows', codes, classes: { AError, BError } } as unknown as Adapter
      const nameOf = (code: number | string, variant?: string) => {
        const p = problem(code, variant) as unknown as Record<string, unknown>
        delete p.name
        return fromProblem(p, { adapters: [adapter] }).constructor.name
      }
      expect(nameOf('dup', 'v2')).toBe('BError')
      expect(nameOf('dup', 'v1')).toBe('AError')
      expect(nameOf('dup')).toBe('AError')
      expect(nameOf(7)).toBe('BError')
      expect(nameOf('7')).toBe('AError')
      expect(nameOf('none')).toBe('ErrsError')
    }
    // A table that can change is read as it is at each rebuild.
    const adapter = { system: 'rows', codes: mutable, classes: { AError, BError } } as unknown as Adapter
    ;(mutable[3] as { className: string }).className = 'BError'
    const p = problem('7') as unknown as Record<string, unknown>
    delete p.name
    expect(fromProblem(p, { adapters: [adapter] })).toBeInstanceOf(BError)
  })

  it('reads problems written by other software', () => {
    const e = fromProblem({
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your balance is 30.',
      instance: '/account/12345/msgs/abc',
    })
    expect(e).toMatchObject({
      system: 'problem',
      kind: 'permission_denied',
      status: 403,
      message: 'Your balance is 30.',
      instance: '/account/12345/msgs/abc',
      code: 403,
    })
  })

  const hostile: Array<[string, unknown]> = [
    ['not JSON', '{"type":'],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['a number', 42],
    ['a string that is JSON of a string', '"hello"'],
    ['a huge text', `{"detail":"${'x'.repeat(2 * 1024 * 1024)}"}`],
  ]
  for (const [name, input] of hostile) {
    it(`turns ${name} into a typed error keeping the raw input, bounded`, () => {
      const e = fromProblem(input)
      expect(e).toBeInstanceOf(ErrsError)
      expect(e.kind).toBe('unknown')
      expect(e.reason).toBe('MALFORMED_PROBLEM')
      expect(typeof e.details.raw).toBe('string')
      expect((e.details.raw as string).length).toBeLessThanOrEqual(4200)
    })
  }

  it('ignores members of the wrong JSON type (RFC 9457 §3.1)', () => {
    const e = fromProblem({
      type: 5,
      title: {},
      status: '404',
      detail: ['x'],
      code: { a: 1 },
      kind: 'nope',
      retryable: 'yes',
      retryAfterMs: -1,
      details: 'str',
      cause: 'str',
      system: 7,
    })
    expect(e).toMatchObject({
      system: 'problem',
      kind: 'unknown',
      status: 500,
      retryable: false,
      retryAfterMs: undefined,
    })
    expect(e.details).toEqual({})
    expect(e.cause).toBeUndefined()
  })

  it('never pollutes prototypes', () => {
    const text =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"details":{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":1}}},"cause":{"__proto__":{"polluted":1}}}'
    const e = fromProblem(text)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The details' own prototype only gives its redacted JSON and inspect views; above it, Object.prototype.
    expect(Object.getPrototypeOf(Object.getPrototypeOf(e.details))).toBe(Object.prototype)
    expect(Object.keys(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(e.details)))).toEqual(['toJSON'])
    expect((e.details as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(e.details)).toEqual(['a'])
  })

  it('caps strings, cause depth and details size', () => {
    let nested: Record<string, unknown> = { detail: 'bottom' }
    for (let i = 0; i < 100; i++) nested = { detail: `level ${i}`, cause: nested }
    let deep: Record<string, unknown> = { v: 1 }
    for (let i = 0; i < 100; i++) deep = { d: deep }
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))
    const e = fromProblem({
      ...nested,
      title: 'y'.repeat(100_000),
      details: { deep, wide, list: Array(10_000).fill(1) },
    })
    let depth = 0
    for (let c: unknown = e; c; c = (c as ErrsError).cause) depth++
    expect(depth).toBe(MAX_CAUSE_DEPTH)
    expect(e.title.length).toBeLessThan(MAX_STRING + 64)
    expect(JSON.stringify(e.details).length).toBeLessThan(20_000)
  })

  it('property: never throws, always an ErrsError, on any JSON value or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), (v) => {
        const e = fromProblem(v)
        expect(e).toBeInstanceOf(ErrsError)
      }),
      { numRuns: 500 },
    )
  })

  it('property: any problem-shaped object with hostile member values is survived', () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant('__proto__'), fc.string({ maxLength: 40 }))
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'type',
            'title',
            'status',
            'detail',
            'instance',
            'system',
            'code',
            'reason',
            'kind',
            'retryable',
            'retryAfterMs',
            'requestId',
            'details',
            'cause',
            '__proto__',
            'constructor',
          ),
          member,
        ),
        (obj) => {
          expect(() => fromProblem(obj)).not.toThrow()
          expect(() => fromProblem(JSON.stringify(obj))).not.toThrow()
        },
      ),
      { numRuns: 500 },
    )
  })

  it('property: round-trips any core fields', () => {
    const kinds = fc.constantFrom('not_found', 'internal', 'unavailable', 'aborted', 'invalid_argument')
    fc.assert(
      fc.property(
        fc.record({
          system: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
          code: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.string({ minLength: 1, maxLength: 30 })),
          reason: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,29}$/),
          kind: kinds,
          message: fc
            .string({ maxLength: 100 })
            .filter((s) => !/secret|password|passwd|token|authorization|api|credential|bearer|basic/i.test(s)),
          status: fc.integer({ min: 400, max: 599 }),
          retryable: fc.boolean(),
        }),
        (init) => {
          const e = new ErrsError(init as ErrsErrorInit)
          const back = fromProblem(JSON.stringify(toProblem(e, { exposeInternal: true })))
          expect(core(back)).toEqual(core(e))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('the problem reader reads each member once, and only the members a problem has', () => {
  it('ignores other members (their getters are never called) and members past the 1024th key', () => {
    let calls = 0
    const value: Record<string, unknown> = { type: 'urn:errs:toy:X', status: 404, detail: 'gone' }
    Object.defineProperty(value, 'extension', {
      enumerable: true,
      get() {
        calls++
        return 'x'
      },
    })
    Object.defineProperty(value, 'title', {
      enumerable: true,
      get() {
        calls++
        return 'Title'
      },
    })
    const e = fromProblem(value)
    expect([calls, e.title, e.system, e.reason, e.status]).toEqual([1, 'Title', 'toy', 'X', 404])
    const late: Record<string, unknown> = {}
    for (let i = 0; i < 1024; i++) late[`k${i}`] = i
    late.detail = 'past the bound'
    expect(fromProblem(late).message).toBe('Unknown error')
  })
  it('takes system and reason from the type URN only when the members lack them', () => {
    const e = fromProblem({ type: 'urn:errs:toy:FROM_URN', system: 'own', status: 400 })
    expect([e.system, e.reason]).toEqual(['own', 'FROM_URN'])
    const f = fromProblem({ type: 'urn:errs:toy:FROM_URN', reason: 'OWN', status: 400 })
    expect([f.system, f.reason]).toEqual(['toy', 'OWN'])
  })
})
