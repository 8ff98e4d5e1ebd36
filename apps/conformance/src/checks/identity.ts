import { readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { type Adapter, ErrsError, fromProblem, normalize } from '@errs/core'
import type { CheckResult, Target } from '../types.js'
import { describeValue, type Failure, Results } from './util.js'

type AnyCtor = (abstract new (...args: never[]) => unknown) & { is?: (v: unknown) => boolean }

/**
 * Loads a CommonJS file and its CommonJS dependencies inside a `node:vm` context (another realm: its own
 * Error, Object, Symbol constructors — but the same global symbol registry). Node built-ins come from the host.
 */
export function requireInContext(entry: string, context: vm.Context): Record<string, unknown> {
  const cache = new Map<string, { exports: unknown }>()
  const hostRequire = createRequire(import.meta.url)
  const load = (file: string): unknown => {
    const cached = cache.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    cache.set(file, module)
    const source = readFileSync(file, 'utf8')
    if (file.endsWith('.json')) {
      module.exports = vm.runInContext(`(${source})`, context)
      return module.exports
    }
    const wrapper = vm.runInContext(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      context,
      { filename: file },
    ) as (e: unknown, r: (s: string) => unknown, m: unknown, f: string, d: string) => void
    const base = createRequire(file)
    const req = (spec: string): unknown => {
      if (spec.startsWith('node:') || builtinModules.includes(spec)) return hostRequire(spec)
      return load(base.resolve(spec))
    }
    wrapper(module.exports, req, module, file, dirname(file))
    return module.exports
  }
  return load(entry) as Record<string, unknown>
}

function newContext(): vm.Context {
  return vm.createContext({
    console,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    structuredClone,
    performance,
    Response,
    Headers,
    AbortController,
  })
}

function sampleRows(adapter: Adapter<ErrsError>, max = 10) {
  const rows = adapter.codes
  if (rows.length <= max) return rows
  const step = Math.ceil(rows.length / max)
  return rows.filter((_, i) => i % step === 0)
}

/** Both copies recognise each other's errors: `instanceof`, `Class.is()`, `ErrsError.is()`. */
function crossCheck(a: ErrsError, b: ErrsError, bErrsError: AnyCtor, what: string): Failure | undefined {
  const A = a.constructor as AnyCtor
  const B = b.constructor as AnyCtor
  const fails: string[] = []
  if (!(a instanceof B)) fails.push(`${what}: a instanceof B.constructor`)
  if (!(b instanceof A)) fails.push(`${what}: b instanceof A.constructor`)
  if (B.is && !B.is(a)) fails.push(`${what}: B.is(a)`)
  if (A.is && !A.is(b)) fails.push(`${what}: A.is(b)`)
  if (!(a instanceof bErrsError)) fails.push(`${what}: a instanceof the other copy's ErrsError`)
  if (!(b instanceof ErrsError)) fails.push(`${what}: b instanceof this copy's ErrsError`)
  if (!ErrsError.is(b)) fails.push(`${what}: ErrsError.is(b)`)
  if (fails.length) return { message: `identity lost across copies (${a.name})`, expected: 'all true', actual: fails }
  return undefined
}

function className(proto: object): string {
  const own = Object.getOwnPropertyDescriptor(proto, 'name')?.value
  if (typeof own === 'string') return own
  const ctor = (proto as { constructor?: { name?: string } }).constructor
  return ctor?.name ?? '?'
}

/** Class names along an object's prototype chain. */
function chainNames(value: object): string[] {
  const names: string[] = []
  for (let p = Object.getPrototypeOf(value); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    names.push(className(p))
  return names
}

/** Unrelated classes must not be confused across copies (brands are per class, not per package). */
function negativeCheck(a: ErrsError, other: ErrsError, what: string): Failure | undefined {
  const O = other.constructor as AnyCtor
  const oName = className(O.prototype as object)
  if (chainNames(a).includes(oName)) return undefined
  if (a instanceof O)
    return { message: `${what}: ${a.name} passes instanceof ${oName} of the other copy`, expected: false, actual: true }
  return undefined
}

/**
 * `identity`: ESM and CJS builds in one process, and a `node:vm` realm, recognise each other's errors. For an
 * ESM-only adapter the ESM ⇄ CJS and `node:vm` realm checks are not applicable (reported, never counted as
 * passed); a package that declares a CommonJS build whose file is missing fails.
 */
export async function checkIdentity(t: Target): Promise<CheckResult[]> {
  const r = new Results('identity')
  const exportName = t.exportName ?? 'adapter'
  const files = t.files ?? {}
  const rows = sampleRows(t.adapter)
  let esmAdapter: Adapter<ErrsError> | undefined
  let cjsAdapter: Adapter<ErrsError> | undefined
  let cjsErrsError: AnyCtor | undefined
  if (files.missingCjs) {
    // The package declares a CommonJS build that is not there: a broken build, not an ESM-only adapter.
    r.push('CommonJS build declared by the package', {
      message: 'the package declares a CommonJS build (its "require" export condition) but the file does not exist',
      expected: files.missingCjs,
      actual: 'no such file',
    })
  }
  const cjsOnly = !files.esm && files.cjs !== undefined
  await r.checkAsync(cjsOnly ? 'load the CJS build' : 'load the ESM and CJS builds in one process', async () => {
    if (cjsOnly) return undefined // t.adapter is the CJS build; the vm realm checks below use it as the host copy
    if (!files.esm) return { message: 'no ESM build found', actual: files }
    esmAdapter = ((await import(pathToFileURL(files.esm).href)) as Record<string, Adapter<ErrsError>>)[exportName]
    if (!esmAdapter) return { message: `ESM build has no "${exportName}" export`, actual: files.esm }
    if (!files.cjs) return undefined
    const req = createRequire(files.cjs)
    cjsAdapter = (req(files.cjs) as Record<string, Adapter<ErrsError>>)[exportName]
    if (!cjsAdapter) return { message: `CJS build has no "${exportName}" export`, actual: files.cjs }
    cjsErrsError = (req('@errs/core') as { ErrsError: AnyCtor }).ErrsError
    if (cjsErrsError === (ErrsError as unknown as AnyCtor))
      return { message: 'the CJS @errs/core is the ESM one (no dual copy to test)' }
  })
  if (esmAdapter && cjsAdapter && cjsErrsError) {
    const esm = esmAdapter
    const cjs = cjsAdapter
    const cjsBase = cjsErrsError
    for (const row of rows) {
      r.check(`ESM ⇄ CJS ${JSON.stringify(row.code)}${row.variant ? ` (${row.variant})` : ''}`, () => {
        const a = esm.create(row.code, 'from ESM', { variant: row.variant })
        const b = cjs.create(row.code, 'from CJS', { variant: row.variant })
        if (a.constructor === b.constructor)
          return { message: 'ESM and CJS gave the same class: not two copies', actual: files }
        return crossCheck(a, b, cjsBase, 'ESM/CJS') ?? crossCheck(b, a, ErrsError as unknown as AnyCtor, 'CJS/ESM')
      })
    }
    r.check('ESM ⇄ CJS unrelated classes stay apart', () => {
      for (const x of rows) {
        for (const y of rows) {
          const a = esm.create(x.code, 'a', { variant: x.variant })
          const b = cjs.create(y.code, 'b', { variant: y.variant })
          const f = negativeCheck(a, b, 'ESM vs CJS')
          if (f) return f
        }
      }
    })
    r.check('CJS errors through the ESM adapter: recognize, normalize, fromProblem', () => {
      const b = cjs.create(rows[0]?.code ?? 0, 'from CJS', { variant: rows[0]?.variant })
      if (!esm.recognize(b)) return { message: 'ESM adapter does not recognise a CJS error' }
      if (normalize(b, { adapters: [esm] }) !== b) return { message: 'normalize() did not keep a CJS error as is' }
      const back = fromProblem(JSON.stringify(b), { adapters: [esm] })
      if (!(back instanceof (b.constructor as AnyCtor)))
        return { message: 'problem from CJS rebuilt by ESM is not instanceof the CJS class' }
    })
  } else if (esmAdapter && !files.cjs && !files.missingCjs) {
    // Single-format module: no dual-package hazard to test, so nothing is counted as passed.
    r.notApplicable('ESM ⇄ CJS', 'ESM-only adapter (no CommonJS build, so no second copy in this process)')
  } else if (cjsOnly) {
    r.notApplicable('ESM ⇄ CJS', 'CommonJS-only adapter (no ESM build, so no second copy in this process)')
  }
  const vmFile = files.cjs
  if (!vmFile) {
    // Node loads an ES module into another realm only with vm.SourceTextModule (--experimental-vm-modules); the
    // CommonJS build is what this check loads. Without one the check does not apply — unless the package declares
    // a CommonJS build that is missing, which failed above.
    if (!files.missingCjs)
      r.notApplicable('node:vm realm', 'ESM-only adapter (no CommonJS build to load in a second realm)')
    return r.list
  }
  let vmAdapter: Adapter<ErrsError> | undefined
  let vmErrsError: AnyCtor | undefined
  r.check('load the CJS build in a node:vm context', () => {
    const ctx = newContext()
    const mod = requireInContext(vmFile, ctx)
    vmAdapter = mod[exportName] as Adapter<ErrsError> | undefined
    if (!vmAdapter) return { message: `no "${exportName}" export in the vm context` }
    const core = requireInContext(createRequire(vmFile).resolve('@errs/core'), ctx)
    vmErrsError = core.ErrsError as AnyCtor
    const probe = vmAdapter.create(rows[0]?.code ?? 0, 'probe', { variant: rows[0]?.variant })
    if (probe instanceof Error)
      return { message: 'vm error is an instance of the host Error: not another realm', actual: describeValue(probe) }
  })
  const host = esmAdapter ?? t.adapter
  if (vmAdapter && vmErrsError) {
    const inVm = vmAdapter
    const vmBase = vmErrsError
    for (const row of rows) {
      r.check(`host ⇄ vm ${JSON.stringify(row.code)}${row.variant ? ` (${row.variant})` : ''}`, () => {
        const a = host.create(row.code, 'from host', { variant: row.variant })
        const b = inVm.create(row.code, 'from vm', { variant: row.variant })
        return crossCheck(a, b, vmBase, 'host/vm')
      })
    }
    r.check('vm errors through the host adapter: recognize, normalize, fromProblem', () => {
      const b = inVm.create(rows[0]?.code ?? 0, 'from vm', { variant: rows[0]?.variant })
      if (!host.recognize(b)) return { message: 'host adapter does not recognise a vm error' }
      if (normalize(b, { adapters: [host] }) !== b) return { message: 'normalize() did not keep a vm error as is' }
      const back = fromProblem(JSON.stringify(b), { adapters: [host] })
      const hostClass = host.create(rows[0]?.code ?? 0, 'x', { variant: rows[0]?.variant }).constructor
      if (Object.getPrototypeOf(back) !== hostClass.prototype)
        return { message: 'problem from vm not rebuilt as the host class', actual: describeValue(back) }
    })
  }
  return r.list
}
