/**
 * Cold import time: wall time of a fresh `node` process that imports one module and exits, minus the same for an
 * empty program. Processes are launched round-robin (every case once per round) and the median is taken, so a load
 * spike costs every case alike.
 */
import { spawnSync } from 'node:child_process'
import { median } from './harness.js'

export interface ColdCase {
  id: string
  label: string
  format: 'esm' | 'cjs'
  /** Module specifier, resolved from apps/bench; `undefined` = the empty program. */
  specifier?: string
}

export interface ColdResult extends ColdCase {
  medianMs: number
  /** Median minus the median of the empty program of the same format. */
  overEmptyMs: number
  error?: string
}

function spec(id: string, specifier: string, label = `\`${specifier}\``): ColdCase[] {
  return [
    { id: `${id}.esm`, label, format: 'esm', specifier },
    { id: `${id}.cjs`, label, format: 'cjs', specifier },
  ]
}

export const COLD_CASES: ColdCase[] = [
  { id: 'empty.cjs', label: "empty: `node -e ''`", format: 'cjs' },
  { id: 'empty.esm', label: "empty: `node --input-type=module -e ''`", format: 'esm' },
  ...spec('core', '@errs/core'),
  ...spec('fluss', '@errs/fluss'),
  ...spec('fluss-wire', '@errs/fluss/wire'),
  ...spec('lance', '@errs/lance'),
  ...spec('fauna', '@errs/fauna'),
  ...spec('fauna-v10', '@errs/fauna/v10'),
  { id: 'peer-fauna.cjs', label: '`fauna` 2.5.0 (whole driver; CJS bundle only)', format: 'cjs', specifier: 'fauna' },
  { id: 'peer-faunadb.cjs', label: '`faunadb` 4.8.2 (whole driver; CJS only)', format: 'cjs', specifier: 'faunadb' },
  {
    id: 'peer-serialize-error.esm',
    label: '`serialize-error` 13 (ESM only)',
    format: 'esm',
    specifier: 'serialize-error',
  },
]

function argv(c: ColdCase): string[] {
  if (c.format === 'esm') {
    return ['--input-type=module', '-e', c.specifier ? `import ${JSON.stringify(c.specifier)}` : '']
  }
  return ['-e', c.specifier ? `require(${JSON.stringify(c.specifier)})` : '']
}

function once(c: ColdCase, cwd: string): number | string {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, argv(c), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: coldEnv() })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) return (r.stderr?.toString() ?? 'failed').split('\n').find((l) => l.includes('Error')) ?? 'failed'
  return ms
}

/** No inherited NODE_OPTIONS (tsx's loader would be timed too). */
function coldEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  return env
}

export function measureCold(cwd: string, runs: number, cases: ColdCase[] = COLD_CASES): ColdResult[] {
  const times = new Map<string, number[]>()
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
      if (typeof t === 'number') times.get(c.id)?.push(t)
    }
  }
  const med = (id: string): number => median(times.get(id) ?? [])
  return cases.map((c) => {
    const m = med(c.id)
    const error = errors.get(c.id)
    return {
      ...c,
      medianMs: m,
      overEmptyMs: m - med(`empty.${c.format}`),
      ...(error !== undefined ? { error } : {}),
    }
  })
}
