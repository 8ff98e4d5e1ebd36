import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  type Adapter,
  ErrsError,
  type ErrsErrorInit,
  fromProblem,
  isRetryable,
  kindOf,
  normalize,
  toOtelAttributes,
  toProblem,
  toResponse,
} from '../src/index.js'
import { adoptError, coreView, errorMessage, normalizeWith, rebuildAs } from '../src/kit.js'
import { entryFiles } from './support/entry-files.js'

// Attack on how an ErrsError keeps `internal` and `publicMessage`: boxes holding them, under the registered
// symbols `Symbol.for('@errs/core.internal')` and `Symbol.for('@errs/core.publicMessage')`, read through getters on
// `ErrsError.prototype` (no `Object.defineProperty` per error). What is checked: (1) neither value reaches an output
// other than the trusted problem (and the inspect view, a log view that writes internal context redacted: README
// § Redaction), whatever shape a logger copies the error in; (2) both are read through a Proxy, by another copy of
// core, and after `fromProblem`; (3) nothing that reads them throws on a hostile value; (4) the public problem shows
// `publicMessage` instead of `message`.

const INTERNAL = Symbol.for('@errs/core.internal')
const PUBLIC_MESSAGE = Symbol.for('@errs/core.publicMessage')

const HOST = 'Zq9HostCanary-db-7.prod'
const PASSWORD = 'Zq9PasswordCanary'
const MESSAGE = 'Zq9MessageCanary on /srv/app/orders.js'
const PUBLIC = 'Zq9PublicCanary: no such table'

const init = (): ErrsErrorInit => ({
  system: 'demo',
  code: 7,
  reason: 'TABLE_NOT_EXIST',
  kind: 'not_found',
  message: MESSAGE,
  internal: { host: HOST, password: PASSWORD },
  publicMessage: PUBLIC,
})

const made = (): ErrsError => new ErrsError(init())
const adopted = (): ErrsError => adoptError(ErrsError, new Error(errorMessage(init())), init())

/** pino-std-serializers' `err` serializer copies members with `for…in` onto a fresh object, then writes its JSON. */
function pinoShape(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.constructor.name, message: err.message, stack: err.stack }
  for (const key in err) {
    if (out[key] === undefined) out[key] = (err as unknown as Record<string, unknown>)[key]
  }
  return out
}

/** Every output a log line or a reply is written from, other than the trusted problem and the inspect view. */
async function outputs(e: ErrsError): Promise<Record<string, string>> {
  const spread = { ...e }
  const assigned = Object.assign({}, e)
  const symbols = Object.getOwnPropertySymbols(e).map((s) => (e as unknown as Record<symbol, unknown>)[s])
  const all = { showHidden: true, depth: 8 }
  return {
    message: e.message,
    String: String(e),
    stack: String(e.stack),
    JSON: JSON.stringify(e),
    'JSON of { err }': JSON.stringify({ err: e }),
    problem: JSON.stringify(toProblem(e)),
    response: await toResponse(e).text(),
    OTel: JSON.stringify(toOtelAttributes(e)),
    'JSON of a spread': JSON.stringify(spread),
    'JSON of Object.assign': JSON.stringify(assigned),
    'JSON of the pino shape': JSON.stringify(pinoShape(e)),
    'inspect of a spread': inspect(spread),
    'inspect of a spread, hidden': inspect(spread, all),
    'inspect of Object.assign, hidden, no custom': inspect(assigned, { ...all, customInspect: false }),
    'inspect, hidden, no custom': inspect(e, { ...all, customInspect: false }),
    'inspect of { err }, hidden, no custom': inspect({ err: e }, { ...all, customInspect: false }),
    'inspect of the pino shape': inspect(pinoShape(e), all),
    'structuredClone of a spread': inspect(structuredClone(spread), all),
    structuredClone: inspect(structuredClone(e), all),
    'inspect of the own symbols’ values': inspect(symbols, all),
    'JSON of the own symbols’ values': JSON.stringify(symbols),
  }
}

describe('1. internal context and the public message reach no output but the trusted problem', () => {
  for (const [label, make] of [
    ['the constructor', made],
    ['adoptError', adopted],
  ] as const) {
    it(`${label}: message, String, stack, JSON, problem, response, OTel, spreads, for…in, structuredClone`, async () => {
      const e = make()
      expect([e.internal, e.publicMessage]).toEqual([{ host: HOST, password: PASSWORD }, PUBLIC])
      const out = await outputs(e)
      for (const [name, text] of Object.entries(out)) {
        expect([name, text.includes(HOST), text.includes(PASSWORD)]).toEqual([name, false, false])
      }
      // The public message is what the public problem says (`toJSON`, `toProblem`, the reply), and nothing else.
      expect(toProblem(e).detail).toBe(PUBLIC)
      expect(Object.keys(out).filter((name) => (out[name] as string).includes(PUBLIC))).toEqual([
        'JSON',
        'JSON of { err }',
        'problem',
        'response',
      ])
    })

    it(`${label}: off Object.keys, for…in and JSON; a copy holds a box, which writes nothing`, () => {
      const e = make()
      const keys: string[] = []
      for (const key in e) keys.push(key)
      for (const list of [Object.keys(e), keys, Object.keys({ ...e })]) {
        expect(list).not.toContain('internal')
        expect(list).not.toContain('publicMessage')
      }
      expect(Object.hasOwn(e, 'internal')).toBe(false)
      expect(Object.getOwnPropertySymbols(e)).toEqual([INTERNAL, PUBLIC_MESSAGE])
      const copy = { ...e } as Record<PropertyKey, unknown>
      // The box keeps its value in a private field: not even an inspect of it without custom views shows it.
      for (const box of [copy[INTERNAL], copy[PUBLIC_MESSAGE]]) {
        const shown = inspect(box, { showHidden: true, customInspect: false, depth: 8 })
        expect(shown).toMatch(/^Kept \{/)
        for (const canary of [HOST, PASSWORD, PUBLIC]) expect(shown).not.toContain(canary)
      }
      // A copy is no error: no core reader takes its slots for an error's.
      expect(coreView(copy)).toBeUndefined()
      expect(JSON.stringify(toProblem(copy, { exposeInternal: true }))).not.toContain(HOST)
      expect(inspect(normalize(copy), { depth: 8 })).not.toContain(HOST)
      expect(JSON.stringify(toProblem(normalize(copy), { exposeInternal: true }))).not.toContain(HOST)
    })
  }

  it('the trusted problem carries internal context, its secret-named values redacted', () => {
    const trusted = toProblem(made(), { exposeInternal: true })
    expect(trusted.internal).toEqual({ host: HOST, password: '[REDACTED]' })
    expect(trusted.detail).toBe(MESSAGE)
    expect(JSON.stringify(trusted)).not.toContain(PASSWORD)
  })

  it('the inspect view (console.log, a log view) writes internal context redacted, never a secret', () => {
    const e = made()
    for (const out of [inspect(e), inspect({ err: e }), inspect([e], { showHidden: true })]) {
      expect(out).toContain(HOST) // README § Redaction: "internal context when written (… `util.inspect`)"
      expect(out).not.toContain(PASSWORD)
      expect(out).not.toContain(PUBLIC)
    }
  })

  it('an error without either: the getters give {} and undefined, and nothing is kept under the symbols', () => {
    const e = new ErrsError({ ...init(), internal: undefined, publicMessage: undefined })
    expect([e.internal, e.publicMessage, Object.getOwnPropertySymbols(e)]).toEqual([{}, undefined, []])
    expect(Object.isFrozen(e.internal)).toBe(true)
    expect(toProblem(e).detail).toBe('Zq9MessageCanary on [internal]')
  })

  it('a cause that is an ErrsError keeps its internal context out of the outer error’s public outputs', async () => {
    const outer = new ErrsError({ ...init(), internal: undefined, publicMessage: undefined, cause: made() })
    for (const out of Object.values(await outputs(outer))) expect(out).not.toContain(HOST)
    // The trusted problem carries the cause's internal context, as the trusted form of the cause.
    expect(toProblem(outer, { exposeInternal: true }).cause?.internal).toEqual({ host: HOST, password: '[REDACTED]' })
  })
})

describe('2. read through a Proxy, by another copy of core, after fromProblem', () => {
  const proxies = (e: ErrsError): Array<[string, ErrsError]> => [
    ['an empty handler', new Proxy(e, {})],
    ['a get trap passing the receiver', new Proxy(e, { get: (t, k, r) => Reflect.get(t, k, r) })],
    ['a get trap reading the target', new Proxy(e, { get: (t, k) => Reflect.get(t, k) })],
    ['a proxy of a proxy', new Proxy(new Proxy(e, {}), {})],
  ]

  for (const [label, make] of [
    ['the constructor', made],
    ['adoptError', adopted],
  ] as const) {
    it(`${label}: every Proxy shape answers both, and the problems are the error's`, () => {
      const e = make()
      for (const [shape, p] of proxies(e)) {
        expect([shape, p.internal, p.publicMessage]).toEqual([shape, { host: HOST, password: PASSWORD }, PUBLIC])
        expect(toProblem(p)).toEqual(toProblem(e))
        expect(toProblem(p, { exposeInternal: true }).internal).toEqual({ host: HOST, password: '[REDACTED]' })
        expect(normalize(p)).toBe(p)
      }
    })
  }

  it('the ESM and CJS builds (two copies) read each other’s errors, bare and through a Proxy', async () => {
    const main = entryFiles('.')
    const esm = (await import(main.esm)) as typeof import('../src/kit.js')
    const cjs = createRequire(import.meta.url)(main.cjs) as typeof import('../src/kit.js')
    for (const [maker, reader] of [
      [esm, cjs],
      [cjs, esm],
    ] as const) {
      const errors = [
        new maker.ErrsError(init()),
        maker.adoptError(maker.ErrsError, new Error(maker.errorMessage(init())), init()),
      ]
      for (const e of errors) {
        for (const x of [e, new Proxy(e, {})]) {
          expect([x.internal, x.publicMessage]).toEqual([{ host: HOST, password: PASSWORD }, PUBLIC])
          expect(reader.toProblem(x).detail).toBe(PUBLIC)
          expect(reader.toProblem(x, { exposeInternal: true }).internal).toEqual({ host: HOST, password: '[REDACTED]' })
          expect(JSON.stringify(reader.toProblem(x))).not.toContain(HOST)
          expect(reader.coreView(x)?.publicMessage).toBe(PUBLIC)
          expect(reader.normalize(x)).toBe(x)
        }
      }
    }
  })

  it('fromProblem of the trusted problem: internal context and the remote stack, through a Proxy too', () => {
    const back = fromProblem(toProblem(made(), { exposeInternal: true }))
    for (const x of [back, new Proxy(back, {})]) {
      expect(x.internal.host).toBe(HOST)
      expect(x.internal.password).toBe('[REDACTED]')
      expect(typeof x.internal.remoteStack).toBe('string')
      expect(JSON.stringify(toProblem(x))).not.toContain(HOST)
      expect(inspect({ ...x }, { showHidden: true })).not.toContain(HOST)
    }
  })

  it('a plain core error of an adapter’s system, rebuilt as its class (normalize), keeps both', () => {
    class GoneError extends ErrsError {
      static override readonly errsBrand: string = 'errs.test.r28.GoneError'
    }
    const adapter = {
      system: 'demo',
      codes: [{ code: 7, reason: 'TABLE_NOT_EXIST', kind: 'not_found', className: 'GoneError' }],
      classes: { GoneError },
      recognize: () => undefined,
      create: (code: number, message: string) => rebuildAs(GoneError, { ...init(), code, message }),
    } as unknown as Adapter
    for (const rebuilt of [normalize(made(), { adapters: [adapter] }), normalizeWith(adapter, made())]) {
      expect(rebuilt).toBeInstanceOf(GoneError)
      expect([rebuilt.internal, rebuilt.publicMessage]).toEqual([{ host: HOST, password: PASSWORD }, PUBLIC])
      expect(toProblem(rebuilt).detail).toBe(PUBLIC)
    }
  })
})

/** A value that is an ErrsError by its prototype and well-formed core fields, with `extra` own members. */
function forged(extra: PropertyDescriptorMap): ErrsError {
  made() // this copy set up
  return Object.create(ErrsError.prototype, {
    system: { value: 'demo', enumerable: true },
    code: { value: 7, enumerable: true },
    reason: { value: 'TABLE_NOT_EXIST', enumerable: true },
    kind: { value: 'not_found', enumerable: true },
    status: { value: 404, enumerable: true },
    retryable: { value: false, enumerable: true },
    title: { value: 'T', enumerable: true },
    details: { value: Object.freeze({}), enumerable: true },
    message: { value: MESSAGE },
    ...extra,
  }) as ErrsError
}

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const thrower = (): never => {
  throw new Error(`Zq9Thrown ${HOST}`)
}

function hostileSlots(): Array<[string, unknown]> {
  const slot = (value: unknown): PropertyDescriptorMap => ({
    [INTERNAL]: { value, enumerable: true },
    [PUBLIC_MESSAGE]: { value, enumerable: true },
  })
  const getter: PropertyDescriptorMap = {
    [INTERNAL]: { get: thrower, enumerable: true },
    [PUBLIC_MESSAGE]: { get: thrower, enumerable: true },
  }
  let again: ErrsError | undefined
  const recursive: PropertyDescriptorMap = {
    [INTERNAL]: {
      value: {
        get value() {
          return again?.internal
        },
      },
    },
    [PUBLIC_MESSAGE]: {
      value: {
        get value() {
          return again?.publicMessage
        },
      },
    },
  }
  again = forged(recursive)
  return [
    ['a string in the slot', forged(slot(HOST))],
    ['an object in the slot', forged(slot({ host: HOST }))],
    ['null in the slot', forged(slot(null))],
    ['a revoked Proxy in the slot', forged(slot(revokedProxy()))],
    ['a throwing function in the slot', forged(slot(thrower))],
    [
      'a box whose value getter throws',
      forged(
        slot({
          get value() {
            return thrower()
          },
        }),
      ),
    ],
    ['a box holding a revoked Proxy', forged(slot({ value: revokedProxy() }))],
    ['a throwing getter as the slot', forged(getter)],
    ['a function returning a revoked Proxy', forged(slot(() => revokedProxy()))],
    ['a function returning a Proxy whose ownKeys throws', forged(slot(() => new Proxy({}, { ownKeys: thrower })))],
    ['a function returning an array', forged(slot(() => [HOST]))],
    ['a function returning an object converting to text', forged(slot(() => ({ toString: thrower })))],
    ['a box that reads itself through the getter', again],
    ['a revoked Proxy of an error', revokedProxy()],
    [
      'a Proxy throwing for every symbol',
      new Proxy(made(), { get: (t, k) => (typeof k === 'symbol' ? thrower() : Reflect.get(t, k)) }),
    ],
    [
      'a Proxy throwing for the two slots',
      new Proxy(made(), { get: (t, k) => (k === INTERNAL || k === PUBLIC_MESSAGE ? thrower() : Reflect.get(t, k)) }),
    ],
    ['ErrsError.prototype itself', ErrsError.prototype],
    ['an object made on ErrsError.prototype', Object.create(ErrsError.prototype)],
  ]
}

describe('3. nothing that reads them throws on a hostile value', () => {
  for (const [label, value] of hostileSlots()) {
    it(label, async () => {
      const adapter = {
        system: 'demo',
        codes: [],
        classes: {},
        recognize: () => undefined,
        create: (code: string, message: string) => new ErrsError({ ...init(), code, message }),
      } as unknown as Adapter
      const results = [
        toProblem(value),
        toProblem(value, { exposeInternal: true }),
        kindOf(value),
        isRetryable(value),
        normalize(value),
        normalize(value, { adapters: [adapter] }),
        normalizeWith(adapter, value),
        toOtelAttributes(value),
        fromProblem(toProblem(value, { exposeInternal: true })),
        await toResponse(value).text(),
        inspect(value),
        inspect({ err: value }),
      ]
      for (const r of results) {
        // A value the slots gave is no output: what a hostile slot holds never reaches a public problem.
        if (typeof r === 'string') expect(r).not.toContain('Zq9Thrown')
      }
      expect(JSON.stringify(toProblem(value))).not.toContain(HOST)
      expect(JSON.stringify(toProblem(normalize(value)))).not.toContain(HOST)
    })
  }

  it('a frozen error reads and writes as before', async () => {
    for (const e of [made(), adopted()]) {
      Object.freeze(e)
      expect([e.internal, e.publicMessage]).toEqual([{ host: HOST, password: PASSWORD }, PUBLIC])
      expect(toProblem(e).detail).toBe(PUBLIC)
      expect(toProblem(e, { exposeInternal: true }).internal).toEqual({ host: HOST, password: '[REDACTED]' })
      for (const out of Object.values(await outputs(e))) expect(out).not.toContain(HOST)
      expect(fromProblem(toProblem(e, { exposeInternal: true })).internal.host).toBe(HOST)
    }
  })

  it('slots overwritten or removed by user code: nothing throws, and the message shown is the scrubbed one', () => {
    const replaced = made() as unknown as Record<symbol, unknown>
    replaced[PUBLIC_MESSAGE] = 'not a box'
    replaced[INTERNAL] = 42
    const removed = made() as unknown as Record<symbol, unknown>
    delete removed[PUBLIC_MESSAGE]
    delete removed[INTERNAL]
    for (const e of [replaced, removed] as unknown as ErrsError[]) {
      expect([e.internal, e.publicMessage]).toEqual([{}, undefined])
      // Without a public message the public problem shows the message, hosts and paths removed.
      expect(toProblem(e).detail).toBe('Zq9MessageCanary on [internal]')
      expect(toProblem(e, { exposeInternal: true }).internal).toBeUndefined()
    }
    const throwing = made() as unknown as Record<symbol, unknown>
    const box = {
      get value(): never {
        return thrower()
      },
    }
    throwing[PUBLIC_MESSAGE] = box
    throwing[INTERNAL] = box
    const e = throwing as unknown as ErrsError
    expect(() => e.internal).toThrow('Zq9Thrown')
    expect(toProblem(e).detail).toBe('Zq9MessageCanary on [internal]')
    expect(JSON.stringify(e)).not.toContain('Zq9Thrown')
    expect(inspect(e)).not.toContain('Zq9Thrown')
    expect(toOtelAttributes(e)['error.type']).toBe('TABLE_NOT_EXIST')
  })
})

describe('4. the public problem shows publicMessage instead of message', () => {
  it('through a Proxy, frozen, from adoptError, after a plain rebuild', () => {
    const e = made()
    for (const x of [e, new Proxy(e, {}), Object.freeze(adopted()), rebuildAs(ErrsError, init())]) {
      expect(toProblem(x).detail).toBe(PUBLIC)
      expect(toProblem(x, { exposeInternal: true }).detail).toBe(MESSAGE)
      expect(JSON.parse(JSON.stringify(x)).detail).toBe(PUBLIC)
    }
  })

  it('after the trusted hop (toProblem with exposeInternal, JSON, fromProblem), bare and as the cause', () => {
    // README § Problems: send `toProblem(err, { exposeInternal: true })` and rebuild it with `fromProblem` on the other
    // side. The trusted problem carried the full message as `detail` and no public message: the rebuilt error had
    // none, and its public problem showed the message the public one stood in for ("…in shard 7 of tenant acme").
    const sent = new ErrsError({ ...init(), message: 'no row in shard 7 of tenant Zq9Tenant', publicMessage: 'no row' })
    const outer = new ErrsError({ ...init(), publicMessage: undefined, cause: sent })
    const trusted = JSON.parse(JSON.stringify(toProblem(outer, { exposeInternal: true })))
    const back = fromProblem(trusted)
    const cause = back.cause as ErrsError
    for (const x of [cause, new Proxy(cause, {})]) {
      expect([x.message, x.publicMessage]).toEqual(['no row in shard 7 of tenant Zq9Tenant', 'no row'])
      expect(toProblem(x).detail).toBe('no row')
      expect(JSON.stringify(toProblem(x))).not.toContain('Zq9Tenant')
    }
    expect(toProblem(fromProblem(toProblem(sent, { exposeInternal: true }))).detail).toBe('no row')
    // The public form has no such member (its `detail` is the public message already); an error without one sends none.
    expect(Object.keys(toProblem(sent))).not.toContain('publicMessage')
    expect(Object.keys(trusted)).not.toContain('publicMessage')
    expect(trusted.cause.publicMessage).toBe('no row')
  })

  it('a problem’s publicMessage is read as any text member: wrong types ignored, cut, redacted', () => {
    const problem = { system: 'demo', code: 7, reason: 'R', kind: 'not_found', detail: 'no row on db-7' }
    for (const bad of [42, null, { toString: () => 'x' }, ['no row']]) {
      const e = fromProblem({ ...problem, publicMessage: bad })
      expect([e.publicMessage, toProblem(e).detail]).toEqual([undefined, 'no row on db-7'])
    }
    const secret = fromProblem({ ...problem, publicMessage: `no row, password=${PASSWORD}` })
    expect(toProblem(secret).detail).toBe('no row, password=[REDACTED]')
    const long = fromProblem({ ...problem, publicMessage: 'x'.repeat(100_000) })
    expect((long.publicMessage as string).length).toBeLessThanOrEqual(16 * 1024 + 64)
  })

  it('a publicMessage holding a secret is redacted when kept, and the public problem shows it redacted', () => {
    const e = new ErrsError({ ...init(), publicMessage: `failed with password=${PASSWORD}` })
    expect(e.publicMessage).toBe('failed with password=[REDACTED]')
    expect(toProblem(e).detail).toBe('failed with password=[REDACTED]')
  })
})
