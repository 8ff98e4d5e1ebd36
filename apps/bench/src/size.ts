/**
 * Bundle sizes: the one size tool is size-limit, on the one list `.size-limit.cjs` — what CI enforces (`pnpm size`)
 * is what BENCHMARKS.md shows. This module runs it (`size-limit --json`) and reads its answer.
 *
 * As a script: `pnpm size:budgets` prints each check's size, its target (src/targets.ts) and the limit the policy
 * gives (target when met, else measured + margin); `--write` puts those limits into `.size-limit.cjs`;
 * `--check-names` (run by `pnpm size` after size-limit) fails when src/targets.ts names a check that does not exist.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SIZE_IN_THE_WAY, SIZE_TARGETS } from './targets.js'

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface SizeResult {
  /** The check's name in `.size-limit.cjs`. */
  name: string
  /** min + gzip bytes, as size-limit counts them. */
  bytes: number
  /** The check's limit in `.size-limit.cjs`, bytes (none for peer rows). */
  limit?: number
  /** The target for the row, bytes (src/targets.ts). */
  target?: number
  error?: string
}

/** Runs size-limit on `.size-limit.cjs` and returns every check (the whole run fails when one bundle fails). */
export function measureSizes(dir: string = appDir): SizeResult[] {
  const bin = join(dir, 'node_modules', '.bin', 'size-limit')
  const run = spawnSync(bin, ['--json'], { cwd: dir, encoding: 'utf8' })
  const start = run.stdout.indexOf('[')
  const limits = configLimits(dir)
  if (start < 0) {
    const error = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(0, 3).join(' ')
    return Object.keys(limits).map((name) => ({ name, bytes: Number.NaN, error }))
  }
  const checks = JSON.parse(run.stdout.slice(start)) as { name: string; size: number }[]
  return checks.map((c) => {
    const out: SizeResult = { name: c.name, bytes: c.size }
    const limit = limits[c.name]
    if (limit !== undefined) out.limit = limit
    const target = SIZE_TARGETS[c.name]
    if (target !== undefined) out.target = target
    return out
  })
}

/** Sizes of an earlier run with the limits and targets of the current config (for re-rendering). */
export function withCurrentLimits(sizes: SizeResult[], dir: string = appDir): SizeResult[] {
  const limits = configLimits(dir)
  return sizes.map((s) => {
    const { limit: _limit, target: _target, ...rest } = s
    const out: SizeResult = rest
    const limit = limits[s.name]
    if (limit !== undefined) out.limit = limit
    const target = SIZE_TARGETS[s.name]
    if (target !== undefined) out.target = target
    return out
  })
}

/** `limit` of every check of `.size-limit.cjs`, in bytes (size-limit's `kB` is 1000 bytes). */
function configLimits(dir: string): Record<string, number | undefined> {
  const require = createRequire(join(dir, 'package.json'))
  const checks = require('./.size-limit.cjs') as { name: string; limit?: string }[]
  const out: Record<string, number | undefined> = {}
  for (const c of checks) out[c.name] = c.limit === undefined ? undefined : parseLimit(c.limit)
  return out
}

function parseLimit(limit: string): number {
  const m = /^([\d.]+)\s*(kB|B)$/.exec(limit.trim())
  if (!m) throw new Error(`unreadable size limit ${limit}`)
  return Math.round(Number(m[1]) * (m[2] === 'kB' ? 1000 : 1))
}

/** The policy: the target when met; otherwise measured plus `margin` (5%; 10% for rows without a target). */
export function policyLimit(s: SizeResult, margin = s.target === undefined ? 0.1 : 0.05): number {
  if (s.target !== undefined && s.bytes <= s.target) return s.target
  return Math.ceil((s.bytes * (1 + margin)) / 10) * 10
}

/**
 * Names of `src/targets.ts` (size targets and what stands in their way) that are not a check of `.size-limit.cjs`:
 * a renamed check would otherwise drop its row from the target table without a word.
 */
export function danglingNames(dir: string = appDir): string[] {
  const names = new Set(Object.keys(configLimits(dir)))
  const used = [...Object.keys(SIZE_TARGETS), ...Object.entries(SIZE_IN_THE_WAY).flat()]
  return [...new Set(used)].filter((name) => !names.has(name))
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--check-names')) {
  const dangling = danglingNames()
  for (const name of dangling) process.stderr.write(`src/targets.ts names no check of .size-limit.cjs: ${name}\n`)
  process.exit(dangling.length > 0 ? 1 : 0)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const configPath = join(appDir, '.size-limit.cjs')
  let config = readFileSync(configPath, 'utf8')
  for (const s of measureSizes()) {
    if (s.name.startsWith('peer:')) continue
    const limit = `${(policyLimit(s) / 1000).toFixed(2)} kB`
    const target = s.target === undefined ? '' : `target ${s.target} B ${s.bytes <= s.target ? 'met' : 'NOT met'}`
    process.stdout.write(`${s.name.padEnd(78)} ${String(s.bytes).padStart(6)} B  ${target.padEnd(22)} → ${limit}\n`)
    // The check's own `limit:` is the first one after its name (biome may wrap a check over several lines).
    const single = config.indexOf(`name: '${s.name}'`)
    const at = single >= 0 ? single : config.indexOf(`name: "${s.name}"`)
    const re = /limit: '[^']*'/g
    re.lastIndex = at
    const hit = at < 0 ? null : re.exec(config)
    if (hit) config = `${config.slice(0, hit.index)}limit: '${limit}'${config.slice(hit.index + hit[0].length)}`
  }
  if (process.argv.includes('--write')) {
    writeFileSync(configPath, config)
    process.stdout.write('updated .size-limit.cjs (check the comments on the rows that miss their target)\n')
  }
}
