/**
 * Child process entry: runs the named benchmark groups in this fresh process and prints
 * `{ [groupId]: { [caseId]: medianNsPerOp } }` as JSON on the last line of stdout.
 * Usage (run.ts does this): node .tmp/micro.mjs <groupId>... [--quick] [--frames-below N], the file compiled by
 * compile.ts. Not under tsx: its `keepNames` transform makes V8 keep aborting optimizations around the bench's own
 * classes (compile.ts).
 */
import {
  DEFAULT_OPTIONS,
  type HarnessOptions,
  measuresNoStack,
  parseFramesBelow,
  pinHarnessFrames,
  runGroup,
} from './harness.js'
import { loadSuites } from './suites/index.js'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--frames-below')
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
