/**
 * Re-derives the size budgets: runs size-limit, prints each check's size and the budget "measured + 10%"
 * (rounded up to 10 bytes); with `--write`, rewrites the limits in .size-limit.cjs.
 * Usage: pnpm --filter @errs/bench run size:budgets [--write]
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(appDir, 'node_modules', '.bin', 'size-limit')
const run = spawnSync(bin, ['--json'], { cwd: appDir, encoding: 'utf8' })
const start = run.stdout.indexOf('[')
if (start < 0) throw new Error(`size-limit failed:\n${run.stdout}\n${run.stderr}`)
const checks = JSON.parse(run.stdout.slice(start)) as {
  name: string
  size: number
  sizeLimit?: number
  passed: boolean
}[]

const configPath = join(appDir, '.size-limit.cjs')
let config = readFileSync(configPath, 'utf8')
for (const c of checks) {
  const budget = Math.ceil((c.size * 1.1) / 10) * 10
  const limit = `${(budget / 1000).toFixed(2)} kB`
  process.stdout.write(`${c.name.padEnd(80)} ${String(c.size).padStart(6)} B  → limit ${limit}\n`)
  // The check's own `limit:` is the first one after its name (biome may wrap a check over several lines).
  const at = config.indexOf(`name: '${c.name}'`)
  const re = /limit: '[^']*'/g
  re.lastIndex = at
  const hit = at < 0 ? null : re.exec(config)
  if (hit) config = config.slice(0, hit.index) + `limit: '${limit}'` + config.slice(hit.index + hit[0].length)
}
if (process.argv.includes('--write')) {
  writeFileSync(configPath, config)
  process.stdout.write('updated .size-limit.cjs\n')
}
