#!/usr/bin/env node
/**
 * errs-conformance: runs the @errs conformance suite.
 *
 *   pnpm conformance                       # everything, against @errs/fluss, @errs/fluss/wire, @errs/lance, @errs/fauna
 *   pnpm conformance --adapter ./dist/index.js --vectors ./vectors.json   # the generic checks against your adapter
 *
 * Options:
 *   --adapter <module or path>   (repeatable) run the generic checks against this module's `adapter` export
 *   --vectors <file>             (repeatable) vector file for the --adapter at the same position (one for all if single)
 *   --export <name>              export name of the adapter (default: adapter)
 *   --reporter table|json|junit  output format of the final report (default: table)
 *   --output <file>              also write the report to this file
 *   --skip <part>                (repeatable) skip a part of the default run: generic, live, cross-service, install
 *   --only <part>                (repeatable) run only these parts of the default run
 */
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInstallAlone } from './install-alone.js'
import { runCrossService } from './live/cross-service.js'
import { runFaunaLive } from './live/fauna.js'
import { runLanceLive } from './live/lance.js'
import { loadTarget } from './load.js'
import { type Reporter, render } from './report.js'
import { type Progress, type ReportRow, runGeneric } from './run.js'
import type { Target } from './types.js'
import { loadVectors } from './vectors.js'

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const vectorsDir = join(appDir, 'vectors')

/** The adapters of this repository and their vector files. */
export const BUILTIN = [
  { spec: '@errs/fluss', vectors: 'fluss.json' },
  { spec: '@errs/fluss/wire', vectors: 'fluss.json' },
  { spec: '@errs/lance', vectors: 'lance.json' },
  { spec: '@errs/fauna/adapter', vectors: 'fauna.json' },
] as const

const PARTS = ['generic', 'live', 'cross-service', 'install'] as const
type Part = (typeof PARTS)[number]

interface Options {
  adapters: string[]
  vectors: string[]
  exportName: string
  reporter: Reporter
  output?: string
  parts: Set<Part>
}

function usage(message: string): never {
  process.stderr.write(`errs-conformance: ${message}\n`)
  process.exit(2)
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { adapters: [], vectors: [], exportName: 'adapter', reporter: 'table', parts: new Set(PARTS) }
  const only: Part[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) usage(`${flag} needs a value`)
      return v
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
        if (r !== 'table' && r !== 'json' && r !== 'junit') usage(`unknown reporter "${r}" (table, json, junit)`)
        o.reporter = r
        break
      }
      case '--output':
        o.output = value()
        break
      case '--skip':
      case '--only': {
        const p = value() as Part
        if (!PARTS.includes(p)) usage(`unknown part "${p}" (${PARTS.join(', ')})`)
        if (flag === '--skip') o.parts.delete(p)
        else only.push(p)
        break
      }
      case '--help':
      case '-h':
        process.stdout.write(`${readHelp()}\n`)
        process.exit(0)
        break
      default:
        usage(`unknown argument "${arg}" (see --help)`)
    }
  }
  if (only.length) o.parts = new Set(only.filter((p) => o.parts.has(p)))
  if (o.vectors.length > 1 && o.vectors.length !== o.adapters.length)
    usage('give one --vectors per --adapter, or one for all')
  return o
}

function readHelp(): string {
  return (
    'Usage: errs-conformance [--adapter <module or path> [--vectors <file>]]... [--export <name>]\n' +
    '                        [--reporter table|json|junit] [--output <file>] [--skip|--only generic|live|cross-service|install]'
  )
}

const log = (line: string) => process.stderr.write(`${line}\n`)

const progress: Progress = ({ target, group, passed, failed, ms }) =>
  log(
    `  ${failed ? '✗' : '✓'} [${target}] ${group}: ${passed} passed${failed ? `, ${failed} failed` : ''} (${Math.round(ms)} ms)`,
  )

async function timedPart(name: string, fn: () => Promise<ReportRow[]>): Promise<ReportRow[]> {
  const t0 = performance.now()
  log(`▶ ${name}`)
  let rows: ReportRow[]
  try {
    rows = await fn()
  } catch (e) {
    rows = [
      {
        target: name,
        group: name,
        name: 'crashed',
        passed: false,
        message: e instanceof Error ? (e.stack ?? e.message) : String(e),
      },
    ]
  }
  const failed = rows.filter((r) => !r.passed).length
  log(
    `  ${failed ? '✗' : '✓'} ${name}: ${rows.length - failed} passed${failed ? `, ${failed} failed` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  )
  return rows
}

export async function main(argv: readonly string[]): Promise<number> {
  const o = parseArgs(argv)
  // `pnpm conformance` runs this script from apps/conformance: relative paths are the user's, from where pnpm ran.
  const userCwd =
    process.env.npm_lifecycle_event === 'conformance' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd()
  const rows: ReportRow[] = []
  const targets: Target[] = []
  const custom = o.adapters.length > 0
  const wanted = custom
    ? o.adapters.map((spec, i) => ({ spec, vectors: o.vectors.length === 1 ? o.vectors[0] : o.vectors[i] }))
    : BUILTIN.map((b) => ({ spec: b.spec as string, vectors: join(vectorsDir, b.vectors) }))
  if (custom || o.parts.has('generic') || o.parts.has('cross-service')) {
    for (const w of wanted) {
      try {
        const vectors = w.vectors ? loadVectors(resolve(userCwd, w.vectors)) : undefined
        targets.push(
          await loadTarget(w.spec, { exportName: o.exportName, cwd: userCwd, ...(vectors ? { vectors } : {}) }),
        )
      } catch (e) {
        rows.push({
          target: w.spec,
          group: 'load',
          name: 'load the adapter',
          passed: false,
          message: e instanceof Error ? e.message : String(e),
        })
        log(`  ✗ [${w.spec}] cannot load: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
  if (custom || o.parts.has('generic')) {
    for (const t of targets) {
      log(`▶ generic checks: ${t.name}${t.files?.esm ? ` (${t.files.esm})` : ''}`)
      rows.push(...(await runGeneric(t, progress)))
    }
  }
  if (!custom) {
    if (o.parts.has('live')) {
      rows.push(...(await timedPart('live: faunadb + fauna drivers', () => runFaunaLive(vectorsDir))))
      rows.push(...(await timedPart('live: @lancedb/lancedb', () => runLanceLive(vectorsDir))))
    }
    if (o.parts.has('cross-service')) {
      rows.push(
        ...(await timedPart('cross-service', () =>
          runCrossService(['@errs/fluss', '@errs/lance', '@errs/fauna/adapter']),
        )),
      )
    }
    if (o.parts.has('install')) {
      rows.push(...(await timedPart('install alone', () => runInstallAlone(appDir))))
    }
  }
  const report = render(rows, o.reporter)
  if (o.output) writeFileSync(o.output, `${report}\n`)
  process.stdout.write(`${report}\n`)
  return rows.length > 0 && rows.every((r) => r.passed) ? 0 : 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`errs-conformance crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
      process.exitCode = 2
    },
  )
}
