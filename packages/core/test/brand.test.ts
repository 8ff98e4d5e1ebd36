import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { entryFiles } from './support/entry-files.js'

// Branding declared with a static field (`static readonly errsBrand = …`, no static block, so a bundler can drop an
// unused class) must give the same identity as `brandClass` in a static block: checked on the built files, where two
// copies (ESM and CJS) meet in one process.
const main = entryFiles('.')
const require = createRequire(import.meta.url)
type Core = typeof import('../src/index.js') & typeof import('../src/kit.js')

const init = { system: 'demo', code: 1, reason: 'R', kind: 'not_found', message: 'm' } as const

async function copies(): Promise<[Core, Core]> {
  const esm = (await import(main.esm)) as Core
  const cjs = require(main.cjs) as Core
  return [esm, cjs]
}

function declare(core: Core, suffix: string) {
  class Lazy extends core.ErrsError {
    static override readonly errsBrand = `errs.test.Lazy${suffix}`
  }
  class Sibling extends core.ErrsError {
    static override readonly errsBrand = `errs.test.Sibling${suffix}`
  }
  class UserSub extends Lazy {}
  return { Lazy, Sibling, UserSub }
}

describe('branding declared by a static errsBrand field', () => {
  it('exports the member name it reads', async () => {
    const [esm] = await copies()
    expect(esm.BRAND_ID).toBe('errsBrand')
  })

  it('holds across copies, checked before the checking copy ever constructed one', async () => {
    const [esm, cjs] = await copies()
    const one = declare(esm, 'A')
    const two = declare(cjs, 'A')
    const made = new two.Lazy(init)
    expect(made.name).toBe('LazyA')
    expect(made instanceof one.Lazy).toBe(true)
    expect(one.Lazy.is(made)).toBe(true)
    expect(made instanceof one.Sibling).toBe(false)
    expect(made instanceof esm.ErrsError).toBe(true)
    expect(new two.Sibling(init) instanceof one.Lazy).toBe(false)
    expect(new two.Sibling(init).name).toBe('SiblingA')
  })

  it('holds when the instance is rebuilt without running the subclass constructor', async () => {
    const [esm, cjs] = await copies()
    const one = declare(esm, 'B')
    const two = declare(cjs, 'B')
    const rebuilt = Reflect.construct(cjs.ErrsError, [init], two.Lazy) as Error
    expect(rebuilt.name).toBe('LazyB')
    expect(rebuilt instanceof one.Lazy).toBe(true)
  })

  it('holds for an error rebuilt from a class that never made an instance of its own', async () => {
    const [esm, cjs] = await copies()
    const one = declare(esm, 'C')
    const two = declare(cjs, 'C')
    const rebuilt = cjs.rebuildAs(two.UserSub, init)
    expect(Object.getPrototypeOf(rebuilt)).toBe(two.UserSub.prototype)
    expect([rebuilt instanceof one.Lazy, one.Lazy.is(rebuilt), rebuilt instanceof one.Sibling]).toEqual([
      true,
      true,
      false,
    ])
  })

  it('brands a parent that declares errsBrand when a child is branded by brandClass', async () => {
    const [esm, cjs] = await copies()
    const mixed = (core: Core) => {
      class Parent extends core.ErrsError {
        static override readonly errsBrand = 'errs.test.MixedParent'
      }
      class Child extends Parent {
        static {
          core.brandClass(this, 'errs.test.MixedChild')
        }
      }
      return { Parent, Child }
    }
    const one = mixed(esm)
    const two = mixed(cjs)
    const child = new two.Child(init)
    expect(child.name).toBe('MixedChild')
    expect(child instanceof one.Parent).toBe(true)
    expect(child instanceof one.Child).toBe(true)
  })

  it('lets an unbranded user subclass keep its parent brand and the ordinary prototype check', async () => {
    const [esm, cjs] = await copies()
    const one = declare(esm, 'C')
    const two = declare(cjs, 'C')
    const sub = new two.UserSub(init)
    expect(sub.name).toBe('LazyC')
    expect(sub instanceof one.Lazy).toBe(true)
    expect(sub instanceof two.UserSub).toBe(true)
    // No brand of its own: another copy's look-alike subclass is not the same class.
    expect(sub instanceof one.UserSub).toBe(false)
    expect(new two.Lazy(init) instanceof two.UserSub).toBe(false)
  })

  it('leaves values of unbranded classes and non-errors alone', async () => {
    const [esm] = await copies()
    const { Lazy } = declare(esm, 'D')
    expect(Lazy.is({})).toBe(false)
    expect(Lazy.is(null)).toBe(false)
    expect(Lazy.is(new esm.ErrsError(init))).toBe(false)
    expect(new Error('m') instanceof Lazy).toBe(false)
    expect(() =>
      esm.ensureBranded(
        new Proxy(class {}, {
          getOwnPropertyDescriptor: () => {
            throw new Error('no')
          },
        }),
      ),
    ).not.toThrow()
  })
})
