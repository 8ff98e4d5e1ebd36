/**
 * `pnpm bench`: micro-benchmarks (each group in a fresh process, several runs, medians), a CPU profile of each of
 * our decoders, bundle sizes, cold import times; prints the tables and writes BENCHMARKS.md.
 *
 * Options: --runs N (default 5) · --quick (2 runs, short samples) · --only core,fluss · --no-size · --no-cold
 *          · --cold-runs N (default 21) · --no-write (do not touch BENCHMARKS.md)
 *          · --frames-below N (default 10: JavaScript frames below each row's loop, see harness.ts)
 *          · --render (re-render BENCHMARKS.md from the last run's saved results, e.g. after editing prose/*.md)
 * The raw results of each run are saved to apps/bench/.tmp/results.json (git-ignored).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureCold, plainEnv } from './cold.js'
import { compileMicro } from './compile.js'
import { median, parseFramesBelow } from './harness.js'
import type { CaseProfile } from './profile.js'
import { type BenchResults, environment, renderConsole, renderMarkdown } from './report.js'
import { measureSizes, withCurrentLimits } from './size.js'
import { loadSuites } from './suites/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const appDir = join(here, '..')
const args = process.argv.slice(2)
const flag = (name: string): boolean => args.includes(name)
const value = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const quick = flag('--quick')
const runs = Number(value('--runs') ?? (quick ? 2 : 5))
const coldRuns = Number(value('--cold-runs') ?? (quick ? 5 : 21))
const framesBelow = parseFramesBelow(value('--frames-below'))
const only = value('--only')?.split(',')

const resultsPath = join(appDir, '.tmp', 'results.json')
if (flag('--render')) {
  const saved = JSON.parse(readFileSync(resultsPath, 'utf8')) as Omit<BenchResults, 'groups'> & {
    groups: { id: string }[]
  }
  // Group definitions (labels, notes) come from the current code; the numbers from the saved run.
  const { groups } = await loadSuites()
  const results: BenchResults = {
    ...saved,
    groups: groups.filter((g) => saved.micro[g.id] !== undefined),
    // Limits and targets as the config has them now (they may have been tightened since the run).
    sizes: withCurrentLimits(saved.sizes, appDir),
  }
  writeFileSync(join(appDir, 'BENCHMARKS.md'), renderMarkdown(results))
  process.stdout.write(renderConsole(results))
  process.stdout.write('\nre-rendered apps/bench/BENCHMARKS.md from .tmp/results.json\n')
  process.exit(0)
}

const env = environment()
process.stdout.write(`@errs bench: ${env.cpu} ×${env.cores}, Node ${env.node}, load ${env.loadBefore}\n`)

const { groups, missing } = await loadSuites(only)
for (const [suite, reason] of Object.entries(missing)) process.stdout.write(`  suite ${suite} skipped: ${reason}\n`)

// runs × groups, each group in a fresh process running the compiled child with plain `node` (see compile.ts); the
// group order rotates between runs.
const microFile = await compileMicro(appDir)
const perRun: Record<string, Record<string, number[]>> = {}
for (let r = 0; r < runs; r++) {
  const order = groups.map((g) => g.id)
  for (let k = 0; k < r % Math.max(order.length, 1); k++) order.push(order.shift() as string)
  for (const id of order) {
    process.stdout.write(`  run ${r + 1}/${runs} ${id}\n`)
    const child = spawnSync(
      process.execPath,
      // --allow-natives-syntax: the harness keeps its own frames unoptimized (pinHarnessFrames in harness.ts).
      ['--allow-natives-syntax', microFile, id, '--frames-below', String(framesBelow), ...(quick ? ['--quick'] : [])],
      {
        cwd: appDir,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        env: plainEnv(),
      },
    )
    if (child.status !== 0) throw new Error(`group ${id} failed:\n${child.stderr}`)
    const last = child.stdout.trim().split('\n').pop() ?? '{}'
    const result = (JSON.parse(last) as Record<string, Record<string, number>>)[id] ?? {}
    const slot = perRun[id] ?? {}
    perRun[id] = slot
    for (const [caseId, ns] of Object.entries(result)) {
      const list = slot[caseId] ?? []
      list.push(ns)
      slot[caseId] = list
    }
  }
}
const micro: BenchResults['micro'] = {}
for (const [id, cases] of Object.entries(perRun)) {
  micro[id] = {}
  // `runs[i]` is run i's median for the case: ratios are taken between cases of the same run (report.ts).
  for (const [caseId, samples] of Object.entries(cases)) micro[id][caseId] = { ns: median(samples), runs: samples }
}

// Where each decoder's time goes: a CPU profile of every `ours` row of the decode section, each in a fresh process
// under the same conditions as its timing (profile.ts).
const profiles: NonNullable<BenchResults['profiles']> = {}
for (const g of groups.filter((x) => x.section === 'decode')) {
  for (const c of g.cases.filter((x) => x.role === 'ours')) {
    process.stdout.write(`  profile ${g.id} ${c.id}\n`)
    const child = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        microFile,
        g.id,
        '--profile',
        c.id,
        '--frames-below',
        String(framesBelow),
        ...(quick ? ['--quick'] : []),
      ],
      { cwd: appDir, encoding: 'utf8', maxBuffer: 1 << 24, env: plainEnv() },
    )
    if (child.status !== 0) throw new Error(`profile of ${g.id} ${c.id} failed:\n${child.stderr}`)
    profiles[`${g.id}/${c.id}`] = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as CaseProfile
  }
}

if (!flag('--no-size')) process.stdout.write('  sizes: size-limit on .size-limit.cjs\n')
const sizes = flag('--no-size') ? [] : measureSizes(appDir)
if (!flag('--no-cold')) process.stdout.write(`  cold imports: ${coldRuns} rounds\n`)
const cold = flag('--no-cold') ? [] : measureCold(appDir, coldRuns)

const results: BenchResults = {
  env: { ...env, loadAfter: environment().loadBefore },
  runs,
  coldRuns,
  quick,
  framesBelow,
  groups,
  missing,
  micro,
  profiles,
  sizes,
  cold,
}
mkdirSync(join(appDir, '.tmp'), { recursive: true })
writeFileSync(resultsPath, JSON.stringify({ ...results, groups: results.groups.map((g) => ({ id: g.id })) }))
process.stdout.write(renderConsole(results))
if (!flag('--no-write')) {
  writeFileSync(join(appDir, 'BENCHMARKS.md'), renderMarkdown(results))
  process.stdout.write('\nwrote apps/bench/BENCHMARKS.md\n')
}
