/**
 * Where a row's time goes: V8's sampling CPU profiler (the inspector protocol's `Profiler` domain, the one behind
 * `node --cpu-prof`) over one case, run as it is timed (the harness's frames below, pinned; stack capture on). Self
 * time is summed per function; for each function the line with the most samples is named with its source text, so a
 * reader sees what the time is (`JSON.parse(text)`, `super(...)`: the `Error` and its stack, a redaction lookup).
 * Time spent in the engine on behalf of a line (the stack capture of `new`, `JSON.parse`, a `defineProperty`) is
 * sampled on that line. A sampling profile perturbs what it measures a little and is a share, not a time: the report
 * multiplies each share by the row's measured ratio to its floor.
 */
import { readFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'
import { DEFAULT_OPTIONS, type HarnessOptions, runFor } from './harness.js'

/** One function's share of a profile. */
export interface ProfileEntry {
  /** Function name as V8 reports it (`(garbage collector)`, `(program)` for the engine's own time). */
  name: string
  /** Where the function is: package-relative path of the file, a `node:` URL, or '' (the engine's own entries, and
   * functions without a source file). */
  file: string
  /** Its hottest line (1-based) and that line's text, trimmed (empty for the engine's own entries). */
  line: number
  text: string
  /** Share of all samples spent in the function itself (0–1). */
  share: number
  /** Share of the function's own samples that fell on its hottest line (0–1). */
  lineShare: number
}

export interface CaseProfile {
  /** Operations run while the profiler sampled, and the CPU time they took. */
  ops: number
  ms: number
  samples: number
  /** Sampling interval, µs. */
  intervalUs: number
  entries: ProfileEntry[]
}

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  positionTicks?: { line: number; ticks: number }[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
}

const INTERVAL_US = 50

/** Profiles `fn` for `ms` of CPU time, after `warmupMs` unprofiled (the optimizing compiler's work done first). */
export async function profileCase(
  fn: (i: number) => unknown,
  ms: number,
  warmupMs: number,
  options: HarnessOptions = DEFAULT_OPTIONS,
): Promise<CaseProfile> {
  runFor(fn, warmupMs, options)
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: INTERVAL_US })
    await session.post('Profiler.start')
    const t0 = process.cpuUsage()
    const ops = runFor(fn, ms, options)
    const used = process.cpuUsage(t0)
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
    return {
      ops,
      ms: (used.user + used.system) / 1000,
      samples: profile.samples.length,
      intervalUs: INTERVAL_US,
      entries: summarize(profile),
    }
  } finally {
    session.disconnect()
  }
}

/** Self samples per function (name, file, first line), with each function's hottest line. */
export function summarize(profile: Profile): ProfileEntry[] {
  const hits = new Map<number, number>()
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1)
  const total = profile.samples.length || 1
  const byFunction = new Map<string, { frame: CallFrame; self: number; lines: Map<number, number> }>()
  for (const node of profile.nodes) {
    const self = hits.get(node.id) ?? 0
    if (self === 0) continue
    const f = node.callFrame
    const key = `${f.functionName}\u0000${f.url}\u0000${f.lineNumber}`
    const entry = byFunction.get(key) ?? { frame: f, self: 0, lines: new Map<number, number>() }
    byFunction.set(key, entry)
    entry.self += self
    for (const t of node.positionTicks ?? []) entry.lines.set(t.line, (entry.lines.get(t.line) ?? 0) + t.ticks)
  }
  const sourceLines = new Map<string, string[]>()
  const lineText = (url: string, line: number): string => {
    if (!url.startsWith('file:')) return ''
    let lines = sourceLines.get(url)
    if (lines === undefined) {
      try {
        lines = readFileSync(fileURLToPath(url), 'utf8').split('\n')
      } catch {
        lines = []
      }
      sourceLines.set(url, lines)
    }
    const text = (lines[line - 1] ?? '').trim()
    return text.length > 90 ? `${text.slice(0, 89)}…` : text
  }
  return [...byFunction.values()]
    .map(({ frame, self, lines }) => {
      const [line, ticks] = [...lines].reduce<[number, number]>((best, l) => (l[1] > best[1] ? l : best), [0, 0])
      const linesTotal = [...lines.values()].reduce((a, b) => a + b, 0)
      return {
        name: frame.functionName || '(anonymous)',
        file: shortFile(frame.url),
        line,
        text: line > 0 ? lineText(frame.url, line) : '',
        share: self / total,
        lineShare: linesTotal > 0 ? ticks / linesTotal : 0,
      }
    })
    .sort((a, b) => b.share - a.share)
}

/** `packages/core/dist/chunk-….js`, `apps/bench/.tmp/micro.mjs`, a `node:` URL as it is, or the URL's last segment. */
function shortFile(url: string): string {
  if (url === '' || url.startsWith('node:')) return url
  const m =
    /\/((?:packages|apps)\/.*)$/.exec(url) ?? /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(.*)$/.exec(url)
  return m?.[1] ?? url.replace(/^.*\//, '')
}
