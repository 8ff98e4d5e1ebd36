import { describe, expect, it } from 'vitest'
import { type Adapter, ErrsError, type ErrsErrorInit, fromProblem } from '../src/index.js'
import { adoptError, rebuildAs } from '../src/kit.js'
import { outputs, underStackRewritingError } from './support/stack-rewriting-error.js'

// What `adoptError` and the rebuilds that use it must hold whatever the process or the caller does: no secret of a
// message reaches any output, and the only thing that throws is a hostile class.
class VaultError extends ErrsError {
  static override readonly errsBrand = 'errs.test.adoptHostile.VaultError'
}

const SECRET = 'hunter2'
const init: ErrsErrorInit = {
  system: 'toy',
  code: 4,
  reason: 'SEALED',
  kind: 'not_found',
  message: `vault is sealed (password=${SECRET})`,
  details: { vault: 'v1' },
}

describe('adoptError and the rebuilds under a global Error that formats its stack when made', () => {
  it('rebuildAs keeps the secret of the message out of the stack', () => {
    const e = underStackRewritingError(() => rebuildAs(VaultError, init))
    expect(e).toBeInstanceOf(VaultError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })

  it('fromProblem keeps the secret of a problem detail out of the stack', () => {
    const adapter = {
      system: 'toy',
      codes: [],
      classes: { VaultError },
      create: () => new ErrsError(init),
    } as unknown as Adapter
    const problem = { system: 'toy', code: 4, reason: 'SEALED', name: 'VaultError', detail: `token=${SECRET} rejected` }
    const e = underStackRewritingError(() => fromProblem(problem, { adapters: [adapter] }))
    expect(e).toBeInstanceOf(VaultError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })
})

describe('adoptError given an Error it cannot adopt', () => {
  // The doc: it throws only what a hostile Class throws. An `error` it cannot make an instance of `Class` from is
  // made by the constructor instead, holding exactly `init`.
  const refusing: [string, () => Error][] = [
    ['frozen', () => Object.freeze(new Error(init.message))],
    ['sealed', () => Object.seal(new Error(init.message))],
    ['not extensible', () => Object.preventExtensions(new Error(init.message))],
    [
      'a message getter that throws',
      () =>
        Object.defineProperty(new Error(), 'message', {
          get() {
            throw new Error('getter')
          },
        }),
    ],
    [
      'a message that cannot be redefined',
      () => Object.defineProperty(new Error('x'), 'message', { writable: false, configurable: false }),
    ],
    [
      'a proxy whose get trap throws',
      () =>
        new Proxy(new Error(init.message), {
          get() {
            throw new Error('trap')
          },
        }),
    ],
    ['a proxy that refuses definitions', () => new Proxy(new Error(init.message), { defineProperty: () => false })],
  ]
  for (const [label, make] of refusing) {
    it(`${label}: made by the constructor, not thrown`, () => {
      const e = adoptError(VaultError, make(), init)
      const made = new VaultError(init)
      expect(Object.getPrototypeOf(e)).toBe(VaultError.prototype)
      expect([e.message, e.code, e.details]).toEqual([made.message, made.code, made.details])
      expect(outputs(e)).not.toContain(SECRET)
    })
  }
})

describe('rebuildAs with a message getter', () => {
  it('does not convert a value the getter answers on a later read (the constructor does not throw either)', () => {
    let reads = 0
    const hostile = {
      toString(): string {
        throw new Error('toString called')
      },
    }
    const shifty = {
      ...init,
      get message(): string {
        reads++
        return (reads === 1 ? 'first read' : hostile) as string
      },
    } as ErrsErrorInit
    expect(() => new VaultError(shifty)).not.toThrow()
    reads = 0
    expect(() => rebuildAs(VaultError, shifty)).not.toThrow()
  })
})
