import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { entryFiles } from './support/entry-files.js'

// Identity must hold for what users install: the built files, not the sources.
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const main = entryFiles('.')
const require = createRequire(import.meta.url)
type Core = typeof import('../src/index.js') & typeof import('../src/kit.js')

const init = { system: 'demo', code: 1, reason: 'R', kind: 'internal', message: 'm' } as const

function loadInVmContext(): { core: Core; context: vm.Context } {
  const context = vm.createContext({ console, Response, Date, URL })
  // The CJS build of `@errs/core` is one file (`@errs/core/kit`'s): a `require` that loads the build's own files (each
  // once, in the context) and nothing else, since core has no runtime dependency.
  const cache = new Map<string, unknown>()
  const load = (file: string): unknown => {
    const hit = cache.get(file)
    if (hit !== undefined) return hit
    const module = { exports: {} }
    cache.set(file, module.exports)
    const source = readFileSync(`${dist}${file}`, 'utf8')
    const fn = vm.runInContext(`(function (exports, require, module) {${source}\n})`, context) as (
      e: unknown,
      r: unknown,
      m: unknown,
    ) => void
    fn(module.exports, requireInContext, module)
    return module.exports
  }
  const requireInContext = (specifier: string): unknown => {
    if (!/^\.\/[\w-]+\.cjs$/.test(specifier)) throw new Error('core has no runtime dependency')
    return load(specifier.slice(2))
  }
  return { core: load(basename(main.cjs)) as Core, context }
}

describe('identity across copies (built ESM + CJS, node:vm)', () => {
  it('holds between the ESM and the CJS build loaded in one process', async () => {
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    expect(esm.ErrsError).not.toBe(cjs.ErrsError)
    const fromCjs = new cjs.ErrsError(init)
    const fromEsm = new esm.ErrsError(init)
    expect(fromCjs instanceof esm.ErrsError).toBe(true)
    expect(fromEsm instanceof cjs.ErrsError).toBe(true)
    expect(esm.ErrsError.is(fromCjs)).toBe(true)
    expect(esm.ErrsError.is(fromCjs)).toBe(true)
    expect(esm.kindOf(fromCjs)).toBe('internal')
    // Rebuilt problems and normalize treat the other copy's errors as their own.
    expect(esm.normalize(fromCjs)).toBe(fromCjs)
    expect(esm.toProblem(fromCjs).system).toBe('demo')
  })

  it('ESM and CJS: `@errs/core` and `@errs/core/kit` are one file that loads no other; `retry` is one file whose own copy of the classifier reads errors of the others', async () => {
    // What each entry loads, read from the files: Node's loaders pay per file (apps/bench, cold import).
    const loads = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/(?:require\(|from |import\(?)\s*["']([^"']+)["']/g)].map(
        (m) => m[1] as string,
      )
    expect(entryFiles('./kit')).toEqual(main)
    expect(main).toEqual({ esm: `${dist}kit.js`, cjs: `${dist}kit.cjs` })
    const retry = entryFiles('./retry')
    for (const file of [main.esm, main.cjs, retry.esm, retry.cjs]) expect(loads(file), file).toEqual([])
    // One module: Node resolves `@errs/core` and `@errs/core/kit` to the same instance (the package's own name, from
    // inside it).
    const self = createRequire(main.cjs)
    expect(self.resolve('@errs/core')).toBe(main.cjs)
    expect(self('@errs/core')).toBe(self('@errs/core/kit'))
    const esmRetry = (await import(retry.esm)) as typeof import('../src/retry.js')
    const esmCore = (await import(main.esm)) as Core
    expect(esmRetry.isRetryable(new esmCore.ErrsError({ ...init, kind: 'unavailable' }))).toBe(true)
    // The copy answers for errors of the main entry, with the server's Retry-After as the least delay.
    const core = require(main.cjs) as Core
    const cjsRetry = require(retry.cjs) as typeof import('../src/retry.js')
    const busy = new core.ErrsError({ ...init, kind: 'unavailable', retryAfterMs: 1500 })
    expect(cjsRetry.isRetryable(busy)).toBe(true)
    expect(cjsRetry.isRetryable(new core.ErrsError({ ...init, kind: 'invalid_argument' }))).toBe(false)
    expect(cjsRetry.retryDelay(busy, 1, { random: () => 0 })).toBe(1500)
  })

  it("every value @errs/core's declarations name (src/index.ts) is in the built module, in both builds", async () => {
    // The values the declarations' source exports (its types are erased), so that a name added there and missing
    // from the kit fails here.
    const names = Object.keys(await import('../src/index.js'))
    expect(names).toEqual(expect.arrayContaining(['ErrsError', 'toProblem', 'fromProblem', 'isRetryable', 'kindOf']))
    for (const build of [await import(main.esm), require(main.cjs)] as Record<string, unknown>[]) {
      for (const name of names) expect(build[name], name).toBeDefined()
    }
  })

  it('keeps the class name in every build (loggers print the constructor name)', async () => {
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    expect([esm.ErrsError.name, cjs.ErrsError.name]).toEqual(['ErrsError', 'ErrsError'])
  })

  it('holds for subclasses branded in each copy, and does not confuse sibling classes', async () => {
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    const make = (core: Core) => {
      class A extends core.ErrsError {
        static {
          core.brandClass(this, 'errs.test.A')
        }
      }
      class B extends core.ErrsError {
        static {
          core.brandClass(this, 'errs.test.B')
        }
      }
      return { A, B }
    }
    const one = make(esm)
    const two = make(cjs)
    const a2 = new two.A(init)
    expect(a2 instanceof one.A).toBe(true)
    expect(a2 instanceof one.B).toBe(false)
    expect(one.A.is(a2)).toBe(true)
    expect(a2 instanceof esm.ErrsError).toBe(true)
    expect(new esm.ErrsError(init) instanceof one.A).toBe(false)
    expect(a2.name).toBe('A')
  })

  it('holds across a node:vm context (another realm)', async () => {
    const esm = (await import(main.esm)) as Core
    const { core, context } = loadInVmContext()
    const foreign = vm.runInContext(
      '(core) => new core.ErrsError({ system: "demo", code: 1, reason: "R", kind: "not_found", message: "m" })',
      context,
    )(core) as unknown
    expect(foreign instanceof Error).toBe(false) // another realm's Error
    expect(foreign instanceof esm.ErrsError).toBe(true)
    expect(esm.ErrsError.is(foreign)).toBe(true)
    expect(esm.kindOf(foreign)).toBe('not_found')
    const local = new esm.ErrsError(init)
    expect(local instanceof core.ErrsError).toBe(true)
    const rebuilt = esm.fromProblem(JSON.stringify(foreign))
    expect(rebuilt).toMatchObject({ system: 'demo', code: 1, kind: 'not_found' })
  })

  it('rejects look-alikes without the brand', async () => {
    const esm = (await import(main.esm)) as Core
    const fake = Object.assign(new Error('m'), { system: 'demo', code: 1, reason: 'R', kind: 'internal' })
    expect(fake instanceof esm.ErrsError).toBe(false)
    expect(esm.ErrsError.is({})).toBe(false)
    expect(esm.ErrsError.is(null)).toBe(false)
  })
})
