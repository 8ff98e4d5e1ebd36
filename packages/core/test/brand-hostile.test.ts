import { describe, expect, it } from 'vitest'
import { type Adapter, ErrsError, fromProblem } from '../src/index.js'
import { brandClass } from '../src/kit.js'

// In a file of its own: a failure here would leave non-configurable properties on Object.prototype.
describe('branding never marks a prototype that is not the class’s own', () => {
  it('a class whose prototype getter answers Object.prototype on a later read', () => {
    class Good extends ErrsError {}
    let reads = 0
    const Evil = function evil() {}.bind(null)
    Object.defineProperty(Evil, 'prototype', { get: () => (reads++ === 0 ? Good.prototype : Object.prototype) })
    Object.defineProperty(Evil, 'errsBrand', { value: 'errs.probe.Evil' })
    const adapter = {
      system: 'probe',
      codes: [],
      classes: { Evil },
      create: () => new ErrsError({ system: 'probe', code: 1, reason: 'R', kind: 'internal', message: 'made' }),
    } as unknown as Adapter
    const out = fromProblem(
      { system: 'probe', reason: 'R', code: 1, name: 'Evil', detail: 'x' },
      { adapters: [adapter] },
    )
    expect(ErrsError.is(out)).toBe(true)
    expect(Object.getOwnPropertySymbols(Object.prototype)).not.toContain(Symbol.for('errs.probe.Evil'))
    expect(Object.hasOwn(Object.prototype, 'name')).toBe(false)
  })
  it('brandClass refuses a function whose prototype is not its own', () => {
    const f = () => undefined
    expect(() => brandClass(f as never, 'errs.probe.Arrow')).toThrow(TypeError)
    function g() {}
    g.prototype = Object.prototype
    expect(() => brandClass(g as never, 'errs.probe.Shared')).toThrow(TypeError)
    expect(Object.getOwnPropertySymbols(Object.prototype)).toEqual([])
  })
})
