/**
 * Child process entry: runs the named benchmark groups in this fresh process and prints
 * `{ [groupId]: { [caseId]: medianNsPerOp } }` as JSON on the last line of stdout.
 * Usage (run.ts does this): node .tmp/micro.mjs <groupId>... [--quick] [--frames-below N], the file compiled by
 * compile.ts. With `--profile <caseId>` (one group): a CPU profile of that case instead (profile.ts), as JSON. Not
 * under tsx: its `keepNames` transform makes V8 keep aborting optimizations around the bench's own classes
 * (compile.ts).
 */
import {
  DEFAULT_OPTIONS,
  type HarnessOptions,
  measuresNoStack,
  parseFramesBelow,
  pinHarnessFrames,
  runGroup,
} from './harness.js'
import { profileCase } from './profile.js'
import { loadSuites } from './suites/index.js'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const valued = new Set(['--frames-below', '--profile'])
const wanted = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''))
const profileAt = args.indexOf('--profile')
const profiled = profileAt >= 0 ? args[profileAt + 1] : undefined
const framesAt = args.indexOf('--frames-below')
const framesBelow = framesAt >= 0 ? parseFramesBelow(args[framesAt + 1] ?? '') : DEFAULT_OPTIONS.framesBelow
const options: HarnessOptions = {
  ...(quick ? { sampleMs: 4, samples: 7, warmupMs: 60 } : DEFAULT_OPTIONS),
  framesBelow,
}

const suiteOf = (id: string): string => id.split('.')[0] ?? id
const { groups, missing } = await loadSuites([...new Set(wanted.map(suiteOf))])
if (!pinHarnessFrames()) {
  process.stderr.write('micro.ts: run with node --allow-natives-syntax (see pinHarnessFrames in harness.ts)\n')
  process.exit(2)
}
// The production setup: no source maps, no Error.prepareStackTrace (a loader such as tsx turns on the first and
// installs the second, and every `.stack` read would pay for source-map lookups).
process.setSourceMapsEnabled(false)
;(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined

if (profiled !== undefined) {
  // `--profile <caseId>`: one group, one case, profiled as it runs when timed (profile.ts); prints the profile.
  const group = groups.find((g) => g.id === wanted[0])
  const c = group?.cases.find((x) => x.id === profiled)
  if (wanted.length !== 1 || c === undefined) {
    process.stderr.write(`--profile takes one group and one of its case ids, not ${JSON.stringify(args)}\n`)
    process.exit(2)
  }
  const profile = await profileCase(c.fn, quick ? 300 : 1500, quick ? 100 : 300, options)
  process.stdout.write(`${JSON.stringify(profile)}\n`)
  process.exit(0)
}

const out: Record<string, Record<string, number>> = {}
for (const id of wanted) {
  const group = groups.find((g) => g.id === id)
  if (!group) {
    process.stderr.write(`unknown or unavailable group ${id} ${JSON.stringify(missing)}\n`)
    process.exit(2)
  }
  const result = runGroup(group, options)
  out[id] = result
  if (measuresNoStack(group)) {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      for (const [caseId, ns] of Object.entries(runGroup(group, options))) result[`${caseId}@nostack`] = ns
    } finally {
      Error.stackTraceLimit = limit
    }
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`)
