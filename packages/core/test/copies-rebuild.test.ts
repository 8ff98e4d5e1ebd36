import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { entryFiles } from './support/entry-files.js'

// Two copies of core in one process (the ESM and the CJS build, as a dual-package install has): a class built on
// one copy, rebuilt by the other. Nothing is made with the class's copy before the rebuild, so only the rebuild can
// set that copy up. Checked on the built files.
const main = entryFiles('.')
const require = createRequire(import.meta.url)
type Core = typeof import('../src/index.js') & typeof import('../src/kit.js')

describe('an error rebuilt by another copy of core', () => {
  it('is what its class makes: its own copy set up, its brands applied', async () => {
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    class ToyError extends cjs.ErrsError {
      static override readonly errsBrand = 'errs.test.copies.ToyError'
      get detail(): unknown {
        return this.internal.detail
      }
    }
    const adapter = {
      system: 'toy',
      codes: [],
      classes: { ToyError },
      create: () => new esm.ErrsError({ system: 'toy', code: 1, reason: 'R', kind: 'internal', message: 'made' }),
    } as unknown as import('../src/index.js').Adapter
    const problem = { system: 'toy', code: 1, reason: 'GONE', kind: 'not_found', name: 'ToyError', detail: 'gone' }
    const back = esm.fromProblem(problem, { adapters: [adapter] }) as ToyError
    expect(Object.getPrototypeOf(back)).toBe(ToyError.prototype)
    expect([back.name, back.message, back.detail, back.internal, back.publicMessage]).toEqual([
      'ToyError',
      'gone',
      undefined,
      {},
      undefined,
    ])
    expect([ToyError.is(back), back instanceof cjs.ErrsError, back instanceof esm.ErrsError]).toEqual([
      true,
      true,
      true,
    ])
    const direct = esm.rebuildAs(ToyError, esm.errsInit('toy', 1, undefined, 'm'))
    expect([direct.detail, direct.internal]).toEqual([undefined, {}])
  })

  it('keeps internal context and the public message, read by either copy', async () => {
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    class OtherError extends cjs.ErrsError {
      static override readonly errsBrand = 'errs.test.copies.OtherError'
    }
    const init = {
      system: 'toy',
      code: 1,
      reason: 'GONE',
      kind: 'not_found' as const,
      message: 'no row on db-7 (replica 3)',
      internal: { host: 'db-7' },
      publicMessage: 'no row',
    }
    const made = [
      esm.rebuildAs(OtherError, { ...init }),
      cjs.rebuildAs(OtherError, { ...init }),
      // Another copy's constructor with the class's prototype: the two are own properties of the error itself.
      Object.setPrototypeOf(new esm.ErrsError({ ...init }), esm.nativePrototype(OtherError)),
    ]
    for (const e of made) {
      expect([e.internal, e.publicMessage]).toEqual([{ host: 'db-7' }, 'no row'])
      // The public problem shows the public message only; the trusted one the internal context.
      for (const reader of [esm, cjs]) {
        expect(reader.toProblem(e).detail).toBe('no row')
        expect(reader.toProblem(e, { exposeInternal: true }).internal).toEqual({ host: 'db-7' })
      }
    }
  })
})
