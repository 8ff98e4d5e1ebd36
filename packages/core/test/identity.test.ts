import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

// Identity must hold for what users install: the built files, not the sources.
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const require = createRequire(import.meta.url)
type Core = typeof import('../src/index.js') & typeof import('../src/kit.js')

const init = { system: 'demo', code: 1, reason: 'R', kind: 'internal', message: 'm' } as const

function loadInVmContext(): { core: Core; context: vm.Context } {
  const context = vm.createContext({ console, Response, Date, URL })
  // The CJS build is one file per entry plus shared chunks: a `require` that loads the build's own files (each once,
  // in the context) and nothing else, since core has no runtime dependency.
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
  return { core: load('index.cjs') as Core, context }
}

describe('identity across copies (built ESM + CJS, node:vm)', () => {
  it('holds between the ESM and the CJS build loaded in one process', async () => {
    const esm = { ...(await import(`${dist}index.js`)), ...(await import(`${dist}kit.js`)) } as Core
    const cjs = { ...require(`${dist}index.cjs`), ...require(`${dist}kit.cjs`) } as Core
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

  it('ESM and CJS: `index` and `kit` share one chunk; `retry` is one file whose own copy of the classifier reads errors of the others', async () => {
    // What each entry loads, read from the files: Node's loaders pay per file (apps/bench, cold import).
    const loads = (file: string): string[] =>
      [...readFileSync(`${dist}${file}`, 'utf8').matchAll(/(?:require\(|from |import\(?)\s*["']([^"']+)["']/g)].map(
        (m) => m[1] as string,
      )
    for (const ext of ['js', 'cjs']) {
      const [chunk, ...rest] = loads(`index.${ext}`)
      expect(rest).toEqual([])
      expect(chunk).toMatch(new RegExp(`^\\./chunk-[\\w-]+\\.${ext}$`))
      expect(loads(`kit.${ext}`)).toEqual([chunk])
      expect(loads(`${(chunk as string).slice(2)}`)).toEqual([])
      expect(loads(`retry.${ext}`)).toEqual([])
    }
    const esmRetry = (await import(`${dist}retry.js`)) as typeof import('../src/retry.js')
    const esmCore = (await import(`${dist}index.js`)) as Core
    expect(esmRetry.isRetryable(new esmCore.ErrsError({ ...init, kind: 'unavailable' }))).toBe(true)
    // The copy answers for errors of the main entry, with the server's Retry-After as the least delay.
    const core = require(`${dist}index.cjs`) as Core
    const retry = require(`${dist}retry.cjs`) as typeof import('../src/retry.js')
    const busy = new core.ErrsError({ ...init, kind: 'unavailable', retryAfterMs: 1500 })
    expect(retry.isRetryable(busy)).toBe(true)
    expect(retry.isRetryable(new core.ErrsError({ ...init, kind: 'invalid_argument' }))).toBe(false)
    expect(retry.retryDelay(busy, 1, { random: () => 0 })).toBe(1500)
  })

  it('the kit re-exports the core values adapters use: the same bindings as the main entry, in both builds', async () => {
    const names = [
      'ErrsError',
      'toProblem',
      'fromProblem',
      'PROBLEM_CONTENT_TYPE',
      'REDACTED',
      'redactString',
      'addSecret',
      'addRedactionPatterns',
    ]
    const builds = [
      [await import(`${dist}index.js`), await import(`${dist}kit.js`)],
      [require(`${dist}index.cjs`), require(`${dist}kit.cjs`)],
    ] as [Record<string, unknown>, Record<string, unknown>][]
    for (const [index, kit] of builds) {
      for (const name of names) {
        expect(kit[name], name).toBeDefined()
        expect(kit[name], name).toBe(index[name])
      }
    }
  })

  it('keeps the class name in every build (loggers print the constructor name)', async () => {
    const esm = (await import(`${dist}index.js`)) as Core
    const cjs = require(`${dist}index.cjs`) as Core
    expect([esm.ErrsError.name, cjs.ErrsError.name]).toEqual(['ErrsError', 'ErrsError'])
  })

  it('holds for subclasses branded in each copy, and does not confuse sibling classes', async () => {
    const esm = { ...(await import(`${dist}index.js`)), ...(await import(`${dist}kit.js`)) } as Core
    const cjs = { ...require(`${dist}index.cjs`), ...require(`${dist}kit.cjs`) } as Core
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
    const esm = { ...(await import(`${dist}index.js`)), ...(await import(`${dist}kit.js`)) } as Core
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
    const esm = { ...(await import(`${dist}index.js`)), ...(await import(`${dist}kit.js`)) } as Core
    const fake = Object.assign(new Error('m'), { system: 'demo', code: 1, reason: 'R', kind: 'internal' })
    expect(fake instanceof esm.ErrsError).toBe(false)
    expect(esm.ErrsError.is({})).toBe(false)
    expect(esm.ErrsError.is(null)).toBe(false)
  })
})
