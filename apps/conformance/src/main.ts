import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { HARNESS_GROUPS, runHarness } from './hostile/run.js'
import { liveGroupsFor } from './live/index.js'
import { HERE, loadTarget, SetupError } from './load.js'
import { type Reporter, render } from './report.js'
import { GENERIC_GROUPS, type Progress, type ReportRow, runGeneric } from './run.js'
import type { Target } from './types.js'
import { loadVectors } from './vectors.js'

/** Where the package is (its `vectors/` and `vectors.schema.json`). */
export const PACKAGE_DIR = resolve(HERE, '..')
export const VECTORS_DIR = join(PACKAGE_DIR, 'vectors')

/** The adapters of errs whose vectors ship with this package. */
export const SHIPPED_VECTORS: Readonly<Record<string, string>> = {
  '@errs/fluss': 'fluss.json',
  '@errs/fluss/wire': 'fluss.json',
  '@errs/lance': 'lance.json',
  '@errs/fauna/adapter': 'fauna.json',
}

/** Parts of a run: the contract groups, the hostile-input harness, and live drivers. */
export const PARTS = ['generic', 'harness', 'live'] as const

/** Default number of generated inputs per decoder. */
export const DEFAULT_FUZZ_RUNS = 10_000
const DEFAULT_SEED = 0x5eed

export interface Options {
  adapters: string[]
  vectors: string[]
  exportName: string
  reporter: Reporter
  output?: string
  parts: Set<string>
  fuzzRuns: number
  seed: number
  jobs: number
  groups?: Set<string>
}

/** A part of the run that only the repository has (install-alone, cross-service); `main` runs it after the rest. */
export interface ExtraPart {
  name: string
  run(context: { targets: Target[]; log: (line: string) => void }): Promise<ReportRow[]>
}

/** `main`'s configuration: the defaults of the published CLI, or the repository's. */
export interface MainConfig {
  /** Adapters run when no `--adapter` is given (the published CLI requires `--adapter`). */
  defaultAdapters?: string[]
  extraParts?: ExtraPart[]
  /** Directory relative paths in arguments are resolved from. */
  cwd?: string
}

export class UsageError extends SetupError {
  override name = 'UsageError'
}

const HELP = `Usage: errs-conformance --adapter <module or path> [--vectors <file.json>] [options]

Runs the errs conformance suite against an adapter: the contract groups (vectors, wire, problem+json,
identity, unknown codes, malformed input, redaction, causes), the hostile-input harness (fuzz, hostile,
canary, linear) and, when the real client is installed in this project, the live driver groups.

Options:
  --adapter <module or path>    adapter module (repeatable); its "adapter" export is checked
  --vectors <file.json>         reference vectors for the --adapter at the same position (one for all if single);
                                @errs/fluss, @errs/fluss/wire, @errs/lance and @errs/fauna/adapter use the vectors shipped here
  --export <name>               name of the export holding the adapter (default: adapter)
  --reporter table|json|junit   report format on stdout (default: table)
  --output <file>               also write the report to this file
  --fuzz-runs <n>               generated inputs per decoder (default: ${DEFAULT_FUZZ_RUNS})
  --fuzz-seed <n|random>        seed of the generated inputs (default: fixed, so runs repeat)
  --jobs <n>                    adapters checked in parallel by the harness (default: the cores)
  --only <part|group>           run only these parts (generic, harness, live) or groups (repeatable)
  --skip <part|group>           skip these parts or groups (repeatable)
  -h, --help                    this text
  --version                     the package version

Checks that do not apply to an adapter are listed as "not applicable" with the reason, and neither pass nor fail:
for an ESM-only adapter, identity across realms (node:vm loads the CommonJS build) and ESM ⇄ CJS.
The adapter module must be able to import @errs/core from its own folder (a project that depends on it).

Exit codes: 0 every check passed, 1 a check failed, 2 the run could not start or the options selected no check.`

export function parseArgs(argv: readonly string[], extraParts: readonly string[] = []): Options {
  const parts = [...PARTS, ...extraParts]
  const groups = [...GENERIC_GROUPS, ...HARNESS_GROUPS, 'live faunadb', 'live fauna', 'live lancedb']
  const o: Options = {
    adapters: [],
    vectors: [],
    exportName: 'adapter',
    reporter: 'table',
    parts: new Set(parts),
    fuzzRuns: DEFAULT_FUZZ_RUNS,
    seed: DEFAULT_SEED,
    jobs: availableParallelism(),
  }
  const only: string[] = []
  const skip: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new UsageError(`${flag} needs a value`)
      return v
    }
    const count = (name: string, min: number) => {
      const v = value()
      const n = Number(v)
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be an integer ≥ ${min}, got "${v}"`)
      return n
    }
    switch (flag) {
      case '--adapter':
        o.adapters.push(value())
        break
      case '--vectors':
        o.vectors.push(value())
        break
      case '--export':
        o.exportName = value()
        break
      case '--reporter': {
        const r = value()
        if (r !== 'table' && r !== 'json' && r !== 'junit')
          throw new UsageError(`unknown reporter "${r}" (table, json, junit)`)
        o.reporter = r
        break
      }
      case '--output':
        o.output = value()
        break
      case '--fuzz-runs':
        o.fuzzRuns = count('--fuzz-runs', 1)
        break
      case '--fuzz-seed': {
        const v = value()
        if (v === 'random') o.seed = (Math.random() * 2 ** 31) | 0
        else if (/^-?\d+$/.test(v)) o.seed = Number(v) | 0
        else throw new UsageError(`--fuzz-seed must be an integer or "random", got "${v}"`)
        break
      }
      case '--jobs':
        o.jobs = count('--jobs', 1)
        break
      case '--only':
      case '--skip': {
        const p = value()
        if (!parts.includes(p) && !groups.includes(p))
          throw new UsageError(
            `unknown part or group "${p}" (parts: ${parts.join(', ')}; groups: ${groups.join(', ')})`,
          )
        ;(flag === '--only' ? only : skip).push(p)
        break
      }
      case '--help':
      case '-h':
        throw new HelpRequest(HELP)
      case '--version':
        throw new HelpRequest(version())
      default:
        throw new UsageError(`unknown argument "${arg}" (see --help)`)
    }
  }
  if (only.length) {
    const onlyGroups = only.filter((x) => groups.includes(x))
    o.parts = new Set(only.filter((x) => parts.includes(x)))
    if (onlyGroups.length) {
      o.groups = new Set(onlyGroups)
      for (const g of onlyGroups) {
        if ((GENERIC_GROUPS as readonly string[]).includes(g)) o.parts.add('generic')
        else if ((HARNESS_GROUPS as readonly string[]).includes(g)) o.parts.add('harness')
        else o.parts.add('live')
      }
    }
  }
  for (const s of skip) {
    if (parts.includes(s)) o.parts.delete(s)
    else {
      o.groups ??= new Set(groups)
      o.groups.delete(s)
    }
  }
  if (o.vectors.length > 1 && o.vectors.length !== o.adapters.length)
    throw new UsageError('give one --vectors per --adapter, or one for all')
  return o
}

/** `--help` / `--version`: printed to stdout, exit 0. */
export class HelpRequest extends Error {}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`)

const progress: Progress = ({ target, group, passed, failed, notApplicable, ms }) =>
  log(
    `  ${failed ? '✗' : '✓'} [${target}] ${group}: ${passed} passed${failed ? `, ${failed} failed` : ''}${notApplicable ? `, ${notApplicable} not applicable` : ''} (${Math.round(ms)} ms)`,
  )

/** Runs `fn` over `items` with at most `jobs` at a time, results in order. */
async function pool<T, R>(items: readonly T[], jobs: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const workers = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    for (;;) {
      const i = next++
      if (i >= items.length) return
      out[i] = await fn(items[i] as T)
    }
  })
  await Promise.all(workers)
  return out
}

/** Loads every adapter and its vectors. Throws `SetupError` (exit 2) for the first that cannot be loaded. */
async function loadTargets(o: Options, config: MainConfig, cwd: string): Promise<Target[]> {
  const specs = o.adapters.length ? o.adapters : (config.defaultAdapters ?? [])
  if (!specs.length)
    throw new UsageError('no adapter given: errs-conformance --adapter <module or path> [--vectors file.json]')
  const targets: Target[] = []
  for (const [i, spec] of specs.entries()) {
    const given = o.vectors.length === 1 ? o.vectors[0] : o.vectors[i]
    const shipped = SHIPPED_VECTORS[spec]
    const file = given !== undefined ? resolve(cwd, given) : shipped ? join(VECTORS_DIR, shipped) : undefined
    const vectors = file ? loadVectors(file) : undefined
    targets.push(
      await loadTarget(spec, {
        bases: [cwd, process.cwd(), HERE],
        exportName: o.exportName,
        ...(vectors ? { vectors } : {}),
      }),
    )
  }
  return targets
}

/**
 * The whole run: parses `argv`, loads the adapters (exit 2 when one cannot be loaded), starts the harness in
 * child processes, runs the contract groups and the live groups meanwhile, then the extra parts; prints the report.
 * Returns the exit code: 0 all passed, 1 a check failed, 2 the run could not start or the options selected no check.
 */
export async function main(argv: readonly string[], config: MainConfig = {}): Promise<number> {
  let o: Options
  let targets: Target[]
  const cwd = config.cwd ?? process.cwd()
  try {
    o = parseArgs(
      argv,
      (config.extraParts ?? []).map((p) => p.name),
    )
    targets = await loadTargets(o, config, cwd)
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(`${e.message}\n`)
      return 0
    }
    if (e instanceof SetupError) {
      log(`errs-conformance: ${e.message}`)
      return 2
    }
    throw e
  }
  const t0 = performance.now()
  const rows: ReportRow[] = []
  const notes: string[] = []
  const harness = o.parts.has('harness')
    ? pool(targets, o.jobs, async (t) => {
        log(`▶ hostile-input harness: ${t.name} (${o.fuzzRuns} generated inputs per decoder, in a child process)`)
        return runHarness(t, {
          fuzzRuns: o.fuzzRuns,
          seed: o.seed,
          bases: [cwd, process.cwd(), HERE],
          groups: HARNESS_GROUPS.filter((g) => !o.groups || o.groups.has(g)),
          onGroup: progress,
        })
      })
    : Promise.resolve([] as ReportRow[][])
  if (o.parts.has('generic')) {
    for (const t of targets) {
      log(`▶ contract groups: ${t.name}${t.files?.esm ? ` (${t.files.esm})` : ''}`)
      rows.push(...(await runGeneric(t, progress, o.groups)))
    }
  }
  if (o.parts.has('live')) {
    for (const t of targets) {
      for (const group of liveGroupsFor(t)) {
        if (o.groups && !o.groups.has(group.name)) continue
        const client = group.resolveClient()
        if (!client) {
          const line = `${group.name}: not run — install ${group.enable} in this project to run it against ${t.name}`
          notes.push(line)
          log(`  - ${line}`)
          continue
        }
        log(`▶ ${group.name}: ${t.name}`)
        const start = performance.now()
        let result: ReportRow[]
        try {
          result = await group.run(t, client)
        } catch (e) {
          result = [
            {
              target: t.name,
              group: group.name,
              name: 'group crashed',
              passed: false,
              message: e instanceof Error ? (e.stack ?? e.message) : String(e),
            },
          ]
        }
        rows.push(...result)
        progress({
          target: t.name,
          group: group.name,
          passed: result.filter((r) => r.passed).length,
          failed: result.filter((r) => !r.passed).length,
          ms: performance.now() - start,
        })
      }
    }
  }
  for (const part of config.extraParts ?? []) {
    if (!o.parts.has(part.name)) continue
    log(`▶ ${part.name}`)
    const start = performance.now()
    let result: ReportRow[]
    try {
      result = await part.run({ targets, log })
    } catch (e) {
      result = [
        {
          target: part.name,
          group: part.name,
          name: 'crashed',
          passed: false,
          message: e instanceof Error ? (e.stack ?? e.message) : String(e),
        },
      ]
    }
    const failed = result.filter((r) => !r.passed).length
    log(
      `  ${failed ? '✗' : '✓'} ${part.name}: ${result.length - failed} passed${failed ? `, ${failed} failed` : ''} (${((performance.now() - start) / 1000).toFixed(1)} s)`,
    )
    rows.push(...result)
  }
  for (const r of await harness) rows.push(...r)
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  if (rows.length === 0) {
    // `--only`/`--skip` (or an adapter no group applies to) left nothing to check: no run, not a failed check.
    log('errs-conformance: the options selected no check to run (see --only and --skip in --help)')
    return 2
  }
  const report = render(rows, o.reporter, notes)
  if (o.output) writeFileSync(resolve(cwd, o.output), `${report}\n`)
  process.stdout.write(`${report}\n`)
  return rows.every((r) => r.passed) ? 0 : 1
}
