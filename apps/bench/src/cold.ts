/**
 * Cold import time, in a fresh `node` process per measurement: the time of the import itself, taken inside the
 * process around `require(x)` / `await import(x)` (wall and CPU time), and the wall time of the whole process minus
 * that of an empty program. Processes are launched round-robin (every case once per round) and medians are taken, so
 * a load spike costs every case alike. The import's own time is what the target applies to: it is the cost over an
 * empty program without the noise of process start-up (tens of ms, varying by several ms on a loaded machine).
 *
 * The program is a file (`fixtures/probe.mjs`, `fixtures/probe.cjs`), as an application's entry is. Until this was
 * changed the program was a `node -e` text, whose first import also paid for parts of Node's module loader that a
 * program file has loaded before its first line runs: the `-e` rows of an empty module show what that added.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './harness.js'

export interface ColdCase {
  id: string
  label: string
  format: 'esm' | 'cjs'
  /** Module specifier, resolved from apps/bench; `undefined` = the empty program. */
  specifier?: string
  /** The program: a file (`fixtures/probe.*`, the default), or a `node -e` text (the reference rows of the loader's
   * start-up, which the `-e` program pays at its first import). */
  program?: 'file' | 'eval'
  /** A module loaded before the clock starts (a file program only): the row times `specifier` in a process that has
   * already loaded it, as an adapter's own package is loaded after core's. */
  after?: string
}

export interface ColdResult extends ColdCase {
  /** Median wall time of the import itself, ms (measured inside the process). */
  importMs: number
  /** Median CPU time of the import itself, ms. */
  importCpuMs: number
  /** `importCpuMs` minus that of importing an empty module (the loader's first-use cost) of the same format. */
  netCpuMs: number
  /** Median wall time of the whole process, ms. */
  medianMs: number
  /** Median minus the median of the empty program of the same format. */
  overEmptyMs: number
  /** Whether the case is one of our entries (a target row). */
  ours: boolean
  error?: string
}

function spec(id: string, specifier: string, label = `\`${specifier}\``): ColdCase[] {
  return [
    { id: `${id}.esm`, label, format: 'esm', specifier },
    { id: `${id}.cjs`, label, format: 'cjs', specifier },
  ]
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')
const EMPTY_CJS = join(fixtures, 'empty.cjs')
const EMPTY_ESM = join(fixtures, 'empty.mjs')
/**
 * The floor of a package import: resolving a bare name through node_modules and an `exports` map costs Node more
 * than loading a file by path (`fixtures/empty-package`, linked into apps/bench's node_modules as ours are).
 */
export const EMPTY_PACKAGE = '@errs-bench/empty-package'

/** The workspace packages whose entries are timed: every subpath of their `exports` (new entries join by themselves). */
const PACKAGES = ['@errs/core', '@errs/fluss', '@errs/lance', '@errs/fauna']

/** Every entry point of our packages, as a user imports it (`@errs/core`, `@errs/core/kit`, …). */
export function entrySpecifiers(): string[] {
  const require = createRequire(import.meta.url)
  const out: string[] = []
  for (const name of PACKAGES) {
    let exports: Record<string, unknown> = {}
    try {
      exports = (require(`${name}/package.json`) as { exports?: Record<string, unknown> }).exports ?? {}
    } catch {
      continue
    }
    for (const key of Object.keys(exports)) {
      if (key === '.' || (key.startsWith('./') && !key.endsWith('.json') && !key.includes('*'))) {
        out.push(key === '.' ? name : `${name}/${key.slice(2)}`)
      }
    }
  }
  return out
}

export function coldCases(): ColdCase[] {
  return [
    { id: 'empty.cjs', label: 'empty program: `node fixtures/probe.cjs` (imports nothing)', format: 'cjs' },
    { id: 'empty.esm', label: 'empty program: `node fixtures/probe.mjs` (imports nothing)', format: 'esm' },
    { id: 'emptymod.cjs', label: 'an empty module (`fixtures/empty.cjs`)', format: 'cjs', specifier: EMPTY_CJS },
    { id: 'emptymod.esm', label: 'an empty module (`fixtures/empty.mjs`)', format: 'esm', specifier: EMPTY_ESM },
    {
      id: 'evalmod.cjs',
      label: "an empty module, from a `node -e` program instead of a file (the loader's start-up included)",
      format: 'cjs',
      specifier: EMPTY_CJS,
      program: 'eval',
    },
    {
      id: 'evalmod.esm',
      label:
        "an empty module, from a `node --input-type=module -e` program instead of a file (the loader's start-up included)",
      format: 'esm',
      specifier: EMPTY_ESM,
      program: 'eval',
    },
    ...spec(
      'emptypkg',
      EMPTY_PACKAGE,
      'an empty package (`fixtures/empty-package`: a bare name and an `exports` map, as ours, with empty files)',
    ),
    ...spec(
      'emptypkg-after-kit',
      EMPTY_PACKAGE,
      'an empty package, in a process that has loaded `@errs/core/kit` (what one more package costs after core: an adapter loads its own and core)',
    ).map((c) => ({ ...c, after: '@errs/core/kit' })),
    ...entrySpecifiers().flatMap((s) => spec(s, s)),
    { id: 'peer-fauna.cjs', label: '`fauna` 2.5.0 (whole driver; CJS bundle only)', format: 'cjs', specifier: 'fauna' },
    {
      id: 'peer-faunadb.cjs',
      label: '`faunadb` 4.8.2 (whole driver; CJS only)',
      format: 'cjs',
      specifier: 'faunadb',
    },
    ...spec(
      'peer-bufbuild-wire',
      '@bufbuild/protobuf/wire',
      '`@bufbuild/protobuf/wire` 2.x alone (the entry `@errs/fluss/wire` loaded before it had the four modules it reads bytes with built in)',
    ),
    {
      id: 'peer-serialize-error.esm',
      label: '`serialize-error` 13 (ESM only)',
      format: 'esm',
      specifier: 'serialize-error',
    },
  ]
}

const CLOCK = 'const t0=process.hrtime.bigint(),c0=process.cpuUsage();'
// The clocks are read before `process.stdout` is touched: it is made on first use (a few ms of loading streams).
const REPORT =
  ';const c1=process.cpuUsage(c0),w=Number(process.hrtime.bigint()-t0)/1e6;process.stdout.write(JSON.stringify([w,(c1.user+c1.system)/1e3]))'

function argv(c: ColdCase): string[] {
  const args = c.specifier === undefined ? [] : [c.specifier, ...(c.after === undefined ? [] : [c.after])]
  if (c.program !== 'eval') return [join(fixtures, c.format === 'esm' ? 'probe.mjs' : 'probe.cjs'), ...args]
  const load =
    c.format === 'esm' ? `await import(${JSON.stringify(c.specifier)})` : `require(${JSON.stringify(c.specifier)})`
  return c.format === 'esm' ? ['--input-type=module', '-e', CLOCK + load + REPORT] : ['-e', CLOCK + load + REPORT]
}

interface Once {
  processMs: number
  importMs: number
  importCpuMs: number
}

function once(c: ColdCase, cwd: string): Once | string {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, argv(c), { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: plainEnv() })
  const processMs = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) return (r.stderr?.toString() ?? 'failed').split('\n').find((l) => l.includes('Error')) ?? 'failed'
  const [importMs, importCpuMs] = JSON.parse(r.stdout.toString()) as [number, number]
  return { processMs, importMs, importCpuMs }
}

/** The environment of a measured child process: no inherited NODE_OPTIONS (tsx's loader would be timed too). */
export function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  return env
}

export function measureCold(cwd: string, runs: number, cases: ColdCase[] = coldCases()): ColdResult[] {
  const times = new Map<string, Once[]>()
  const errors = new Map<string, string>()
  for (const c of cases) {
    const first = once(c, cwd) // also warms the file system cache
    if (typeof first === 'string') errors.set(c.id, first)
    times.set(c.id, [])
  }
  for (let r = 0; r < runs; r++) {
    for (const c of cases) {
      if (errors.has(c.id)) continue
      const t = once(c, cwd)
      if (typeof t !== 'string') times.get(c.id)?.push(t)
    }
  }
  const med = (id: string, key: keyof Once): number => median((times.get(id) ?? []).map((t) => t[key]))
  return cases.map((c) => {
    const error = errors.get(c.id)
    return {
      ...c,
      importMs: med(c.id, 'importMs'),
      importCpuMs: med(c.id, 'importCpuMs'),
      netCpuMs: med(c.id, 'importCpuMs') - med(`emptymod.${c.format}`, 'importCpuMs'),
      medianMs: med(c.id, 'processMs'),
      overEmptyMs: med(c.id, 'processMs') - med(`empty.${c.format}`, 'processMs'),
      ours: c.specifier?.startsWith('@errs/') === true && c.after === undefined,
      ...(error !== undefined ? { error } : {}),
    }
  })
}
