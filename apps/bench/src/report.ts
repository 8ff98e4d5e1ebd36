/**
 * BENCHMARKS.md and the console summary. Numbers come from the run (`BenchResults`); prose comes from the Markdown
 * files in apps/bench/prose (intro, per-group notes, findings), so it is edited as Markdown, not as TS strings.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ColdResult, EMPTY_PACKAGE } from './cold.js'
import { type Group, median, type Section } from './harness.js'
import type { CaseProfile } from './profile.js'
import type { SizeResult } from './size.js'
import { COLD_LOADS, COLD_TARGET_MS, MICRO_TARGETS, SIZE_IN_THE_WAY } from './targets.js'

const proseDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'prose')

export interface Environment {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  v8: string
  date: string
  loadBefore: string
  loadAfter?: string
}

export interface BenchResults {
  env: Environment
  runs: number
  coldRuns: number
  quick: boolean
  /** JavaScript frames below each row's loop (harness.ts `FRAMES_BELOW`); absent in results of older runs (0). */
  framesBelow?: number
  groups: Group[]
  missing: Record<string, string>
  /** group → case → median ns/op over runs, and each run's median (index = run). */
  micro: Record<string, Record<string, { ns: number; runs: number[] }>>
  /** `<group id>/<case id>` → CPU profile of that row (our decoders; absent in results of older runs). */
  profiles?: Record<string, CaseProfile>
  sizes: SizeResult[]
  cold: ColdResult[]
}

export function environment(): Environment {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    v8: process.versions.v8,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  }
}

const SECTION_TITLES: Record<Section, string> = {
  construction: '1. Construction (and throw + catch)',
  decode: '2. Decoding',
  rebuild: '3. Rebuilding from problem+json',
  serialization: '4. Serialization',
  classification: '5. Classification',
  redaction: '6. Redaction of 1 MiB',
}

export interface Row {
  group: Group
  caseId: string
  label: string
  role: string
  ns: number
  runs: number[]
  /** Median over runs of (this row ÷ the floor row) within each run. */
  vsFloor?: number
  /** Median over runs of (this row ÷ the peer row) within each run. */
  vsPeer?: number
  /** Median over runs of (this row ÷ the group's first ref row) within each run. */
  vsRef?: number
  /** ns/op with `Error.stackTraceLimit = 0`, and its ratio to the floor's, when measured. */
  noStackNs?: number
  noStackVsFloor?: number
}

/** Median over runs of a/b, each pair taken from the same run. */
function ratioInRuns(a: number[] | undefined, b: number[] | undefined): number | undefined {
  if (!a || !b || a.length === 0 || b.length === 0) return undefined
  const n = Math.min(a.length, b.length)
  const ratios: number[] = []
  for (let i = 0; i < n; i++) ratios.push((a[i] as number) / (b[i] as number))
  return median(ratios)
}

export function rowsOf(results: BenchResults, group: Group): Row[] {
  const m = results.micro[group.id]
  if (!m) return []
  const floor = group.cases.find((c) => c.role === 'floor')
  const peer = group.cases.find((c) => c.role === 'peer')
  const ref = group.cases.find((c) => c.role === 'ref')
  return group.cases.map((c) => {
    const r = m[c.id] ?? { ns: Number.NaN, runs: [] }
    const row: Row = { group, caseId: c.id, label: c.label, role: c.role, ns: r.ns, runs: r.runs }
    const ns0 = m[`${c.id}@nostack`]
    const floor0 = floor ? m[`${floor.id}@nostack`] : undefined
    if (ns0 !== undefined) row.noStackNs = ns0.ns
    if (ns0 !== undefined && floor0 !== undefined && c.role !== 'floor') {
      const v = ratioInRuns(ns0.runs, floor0.runs)
      if (v !== undefined) row.noStackVsFloor = v
    }
    if (c.role !== 'floor' && floor) {
      const v = ratioInRuns(r.runs, m[floor.id]?.runs)
      if (v !== undefined) row.vsFloor = v
    }
    if (c.role === 'ours') {
      const p = peer ? ratioInRuns(r.runs, m[peer.id]?.runs) : undefined
      if (p !== undefined) row.vsPeer = p
      const f = ref ? ratioInRuns(r.runs, m[ref.id]?.runs) : undefined
      if (f !== undefined) row.vsRef = f
    }
    return row
  })
}

/** One line of the target table. */
export interface TargetLine {
  what: string
  row: string
  measured: string
  limit: string
  met: boolean | undefined
  /** For a row that misses its target: what stands in the way, measured in the same run. */
  inTheWay?: string
}

/** Every target the run can judge: micro ratios, sizes, cold imports. */
export function targetLines(results: BenchResults): TargetLine[] {
  const lines: TargetLine[] = []
  for (const g of results.groups) {
    const target = MICRO_TARGETS[g.section]
    if (!target) continue
    const peerLabel = g.cases.find((c) => c.role === 'peer')?.label ?? ''
    const peerName = /serialize-error/.test(peerLabel)
      ? 'serialize-error 13'
      : /faunadb/.test(peerLabel)
        ? 'faunadb 4.8.2'
        : 'fauna 2.5.0'
    const rows = rowsOf(results, g)
    // The group's least decoder (`least`): the floor's own work, then the error made as ours makes it, in a function.
    const least = rows.find((x) => x.caseId === 'least')?.vsFloor
    for (const r of rows) {
      if (r.role !== 'ours') continue
      if (target.floor !== undefined && r.vsFloor !== undefined) {
        const met = r.vsFloor <= target.floor
        lines.push({
          what: `${g.section}: ≤ ${target.floor}× its floor`,
          row: r.label,
          measured: fmtRatio(r.vsFloor),
          limit: `≤ ${target.floor.toFixed(2)}×`,
          met,
          ...(!met && least !== undefined
            ? {
                // What any decoder function pays before doing any work of its own. Over the target by itself, that
                // is the obstacle; else the rest is our own work.
                inTheWay:
                  least > target.floor
                    ? `the least decoder: ${fmtRatio(least)}, over the target by itself; ours ÷ it: ${fmtRatio(r.vsFloor / least)}`
                    : `our own work (see Findings; where its time goes: §9): the least decoder is ${fmtRatio(least)} in this run; ours ÷ it: ${fmtRatio(r.vsFloor / least)}`,
              }
            : {}),
        })
      }
      if (target.peer !== undefined && r.vsPeer !== undefined) {
        const met = target.strictPeer ? r.vsPeer < target.peer : r.vsPeer <= target.peer
        const p = rows.find((x) => x.role === 'peer')
        // A miss against a driver: the work of each with the stack off, and what the stack capture adds to each (the
        // time with it, less without), all from this run's rows.
        const inTheWay =
          !met && r.noStackNs !== undefined && p?.noStackNs !== undefined
            ? `our own work: with the stack off ours takes ${fmtNs(r.noStackNs)} against the driver's ${fmtNs(p.noStackNs)} (${fmtRatio(r.noStackNs / p.noStackNs)}); the stack capture adds ${fmtNs(r.ns - r.noStackNs)} to ours and ${fmtNs(p.ns - p.noStackNs)} to the driver's`
            : undefined
        lines.push({
          what: target.strictPeer ? `${g.section}: faster than ${peerName}` : `${g.section}: ≤ 1.0× ${peerName}`,
          row: r.label,
          measured: fmtRatio(r.vsPeer),
          limit: `${target.strictPeer ? '<' : '≤'} ${target.peer.toFixed(2)}×`,
          met,
          ...(inTheWay !== undefined ? { inTheWay } : {}),
        })
      }
    }
  }
  const sizeOf = new Map(results.sizes.map((s) => [s.name, s.bytes]))
  for (const s of results.sizes) {
    if (s.target === undefined) continue
    const met = Number.isFinite(s.bytes) ? s.bytes <= s.target : undefined
    const part = SIZE_IN_THE_WAY[s.name]
    const partBytes = part === undefined ? Number.NaN : (sizeOf.get(part) ?? Number.NaN)
    lines.push({
      ...(met === false && part !== undefined && Number.isFinite(partBytes)
        ? {
            inTheWay: `it contains ${part.replace(/^[^:]*: (\{[^}]*\})/, '`$1`')}: ${fmtBytes(partBytes)}${partBytes > s.target ? ' (over the target by itself)' : ''}`,
          }
        : {}),
      what: 'size: min + gzip, with core',
      row: `\`${s.name}\``,
      measured: Number.isFinite(s.bytes)
        ? `${fmtBytes(s.bytes)} (${(s.bytes / s.target).toFixed(2)}× the target)`
        : '–',
      limit: `≤ ${fmtBytes(s.target)}`,
      met,
    })
  }
  const coldOf = (specifier: string, format: string): ColdResult | undefined =>
    results.cold.find((x) => x.specifier === specifier && x.format === format && x.after === undefined && !x.error)
  // What one more package costs in a process that has loaded core's file (an empty package, loaded after the kit).
  const packageAfter = (after: string, format: string): ColdResult | undefined =>
    results.cold.find((x) => x.specifier === EMPTY_PACKAGE && x.after === after && x.format === format && !x.error)
  for (const c of results.cold) {
    if (!c.ours) continue
    const met = c.error ? undefined : c.importCpuMs <= COLD_TARGET_MS
    const floor = coldOf(EMPTY_PACKAGE, c.format)
    // Each module the entry loads, with an empty package loaded after it (the entry's own package), when measured.
    const loads = (COLD_LOADS[c.specifier ?? ''] ?? [])
      .map((sp) => [sp, coldOf(sp, c.format), packageAfter(sp, c.format)] as const)
      .filter((x): x is readonly [string, ColdResult, ColdResult | undefined] => x[1] !== undefined)
    const inTheWay = [
      ...(floor
        ? [
            `an empty package: ${floor.importCpuMs.toFixed(1)} ms${floor.importCpuMs > COLD_TARGET_MS ? ' (over the target by itself)' : ''}`,
          ]
        : []),
      ...loads.map(([sp, r]) => `\`${sp}\` alone, which it loads: ${r.importCpuMs.toFixed(1)} ms`),
      ...loads.flatMap(([, r, more]) =>
        more === undefined
          ? []
          : [
              `that and its own package's resolution (an empty package loaded after it: ${more.importCpuMs.toFixed(1)} ms): ${(r.importCpuMs + more.importCpuMs).toFixed(1)} ms`,
            ],
      ),
    ].join('; ')
    // What the loads leave of the target for the entry's own files (the loads overlap: the largest one counts; a
    // load with one more package after it counts with that package's resolution).
    const left = COLD_TARGET_MS - Math.max(0, ...loads.map(([, r, more]) => r.importCpuMs + (more?.importCpuMs ?? 0)))
    const leftText =
      loads.length === 0 || (floor !== undefined && floor.importCpuMs > COLD_TARGET_MS)
        ? ''
        : left < 0
          ? ' (over the target by itself)'
          : ` (leaves ${left.toFixed(1)} ms of the target for its own files)`
    lines.push({
      ...(met === false && inTheWay !== '' ? { inTheWay: inTheWay + leftText } : {}),
      what: `cold import (${c.format.toUpperCase()}), over an empty program`,
      row: c.label,
      measured: c.error
        ? `– (${c.error})`
        : `${c.importCpuMs.toFixed(1)} ms CPU (${c.importMs.toFixed(1)} ms wall; ${c.netCpuMs.toFixed(1)} ms CPU over an empty module)`,
      limit: `≤ ${COLD_TARGET_MS} ms`,
      met,
    })
  }
  return lines
}

const fmtNs = (ns: number): string =>
  !Number.isFinite(ns)
    ? '–'
    : ns >= 1e6
      ? `${(ns / 1e6).toFixed(2)} ms`
      : ns >= 1000
        ? `${(ns / 1000).toFixed(2)} µs`
        : `${ns.toFixed(ns < 10 ? 2 : 1)} ns`
const fmtOps = (ns: number): string => {
  if (!Number.isFinite(ns) || ns <= 0) return '–'
  const ops = 1e9 / ns
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)} M` : ops >= 1e3 ? `${(ops / 1e3).toFixed(1)} k` : ops.toFixed(1)
}
const fmtRatio = (r: number | undefined): string => (r === undefined ? '' : `${r.toFixed(2)}×`)
const fmtSpread = (runs: number[]): string =>
  runs.length < 2 ? '' : `${fmtNs(Math.min(...runs))} – ${fmtNs(Math.max(...runs))}`
const fmtBytes = (b: number): string => (Number.isFinite(b) ? `${(b / 1000).toFixed(2)} kB` : '–')
const mark = (met: boolean | undefined): string => (met === undefined ? '–' : met ? 'met' : '**not met**')

/** A prose file of apps/bench/prose, without its leading HTML comment. */
function prose(name: string): string {
  try {
    return readFileSync(join(proseDir, name), 'utf8')
      .replace(/^<!--[\s\S]*?-->\s*/, '')
      .trim()
  } catch {
    return `(missing apps/bench/prose/${name})`
  }
}

/** The notes of prose/groups.md, by group id (`## <group id>` sections). */
function groupNotes(): Record<string, string> {
  const out: Record<string, string> = {}
  const text = prose('groups.md')
  for (const part of text.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n')
    out[part.slice(0, nl).trim()] = part.slice(nl + 1).trim()
  }
  return out
}

export function renderMarkdown(results: BenchResults): string {
  const { env } = results
  const out: string[] = []
  const p = (line = ''): void => {
    out.push(line)
  }
  const notes = groupNotes()
  p('# @errs benchmarks')
  p()
  p(
    `Generated by \`pnpm bench\` (\`apps/bench/src/run.ts\`) on ${env.date}. Do not edit by hand: run \`pnpm bench\` again (prose: \`apps/bench/prose/*.md\`, then \`pnpm bench -- --render\`). Analysis: [Findings](#findings).`,
  )
  p()
  p('## Machine and conditions')
  p()
  p(`- CPU: ${env.cpu}, ${env.cores} logical cores, ${env.memoryGiB} GiB RAM; ${env.os}`)
  p(`- Node ${env.node} (V8 ${env.v8})`)
  p(`- Load average (1 / 5 / 15 min) before: ${env.loadBefore}; after: ${env.loadAfter ?? '?'}`)
  p(
    `- ${results.runs} runs${results.quick ? ' (quick mode: short samples, not for publication)' : ''}; cold imports: ${results.coldRuns} rounds`,
  )
  p(
    `- Micro-benchmarks run compiled (esbuild, no \`keepNames\`) under plain \`node\`, with ${results.framesBelow ?? 0} JavaScript frames below each row's loop${(results.framesBelow ?? 0) >= 10 ? ' (every error captures a full `Error.stackTraceLimit` of 10 frames)' : ''}: see "How to read the numbers".`,
  )
  p(
    '- The machine is shared: other jobs (builds, test suites) may run at the same time. Ratios are taken within each run, between rows sampled side by side in one process; absolute times move with the load.',
  )
  if (Object.keys(results.missing).length > 0) {
    p(
      `- Not measured (package not built or API missing): ${Object.entries(results.missing)
        .map(([k, v]) => `${k} (${v})`)
        .join('; ')}`,
    )
  }
  p()
  p('## How to read the numbers')
  p()
  p(prose('intro.md'))
  p()
  p('## Target table')
  p()
  p(
    "Every target of the issue this run can judge, with the measured value. Micro-benchmark ratios: median over the runs of the ratio within each run. Construction and decoding of Fluss and Lance have no JavaScript driver to compare with (no JS client with a class per code); their ratios to the floor are in §1 and §2, and the decode rows' floor target applies to them too.",
  )
  p()
  p('| Target | Row | Measured | Limit | Result | In the way (measured in this run) |')
  p('|---|---|---:|---:|---|---|')
  const lines = targetLines(results)
  for (const l of lines)
    p(`| ${l.what} | ${l.row} | ${l.measured} | ${l.limit} | ${mark(l.met)} | ${l.inTheWay ?? ''} |`)
  const met = lines.filter((l) => l.met === true).length
  const notMet = lines.filter((l) => l.met === false).length
  p()
  p(
    `${met} met, ${notMet} not met${lines.length - met - notMet > 0 ? `, ${lines.length - met - notMet} not measured` : ''}. What stands in the way of each miss is in its last column, measured in this same run (the reference rows of §2, §7 and §8); the analysis is in [Findings](#findings).`,
  )
  p()
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    const gs = results.groups.filter((g) => g.section === section)
    if (gs.length === 0) continue
    p(`## ${SECTION_TITLES[section]}`)
    p()
    const target = MICRO_TARGETS[section]
    if (target) p(`Target: ${target.text}.`)
    else p('No target: for context.')
    p()
    for (const g of gs) {
      p(`### ${g.title}`)
      p()
      const rows = rowsOf(results, g)
      if (section === 'redaction') {
        p('| Input (1 MiB) | Role | time per MiB | MB/s | ÷ floor | spread over runs |')
        p('|---|---|---:|---:|---:|---|')
        for (const r of rows) {
          const mbs = Number.isFinite(r.ns) ? ((1 << 20) / 1e6 / (r.ns / 1e9)).toFixed(0) : '–'
          p(`| ${r.label} | ${r.role} | ${fmtNs(r.ns)} | ${mbs} | ${fmtRatio(r.vsFloor)} | ${fmtSpread(r.runs)} |`)
        }
      } else if (rows.some((r) => r.noStackNs !== undefined)) {
        p(
          '| Row | Role | time/op | ops/s | ours/floor | ours/peer | spread over runs | time/op, no stack | ÷ floor, no stack |',
        )
        p('|---|---|---:|---:|---:|---:|---|---:|---:|')
        for (const r of rows) {
          p(
            `| ${r.label} | ${r.role} | ${fmtNs(r.ns)} | ${fmtOps(r.ns)} | ${fmtRatio(r.vsFloor)} | ${fmtRatio(r.vsPeer)} | ${fmtSpread(r.runs)} | ${fmtNs(r.noStackNs ?? Number.NaN)} | ${fmtRatio(r.noStackVsFloor)} |`,
          )
        }
      } else {
        p('| Row | Role | time/op | ops/s | ours/floor | ours/peer | spread over runs |')
        p('|---|---|---:|---:|---:|---:|---|')
        for (const r of rows) {
          p(
            `| ${r.label} | ${r.role} | ${fmtNs(r.ns)} | ${fmtOps(r.ns)} | ${fmtRatio(r.vsFloor)} | ${fmtRatio(r.vsPeer)} | ${fmtSpread(r.runs)} |`,
          )
        }
      }
      const note = notes[g.id]
      if (note) {
        p()
        for (const line of note.split('\n')) p(`> ${line}`)
      }
      p()
    }
  }
  if (results.sizes.length > 0) {
    p('## 7. Size (min + gzip)')
    p()
    p(
      "size-limit 12 (`@size-limit/preset-small-lib`: esbuild, minified, gzip) on `apps/bench/.size-limit.cjs`, the checks CI runs (`pnpm size`). *Limit* is what CI enforces; *target* is the issue's.",
    )
    p()
    p('| Check | min + gzip | CI limit | target | result |')
    p('|---|---:|---:|---:|---|')
    for (const s of results.sizes) {
      const result = s.target === undefined ? '' : mark(Number.isFinite(s.bytes) ? s.bytes <= s.target : undefined)
      p(
        `| ${s.name} | ${s.error ? `– (${s.error})` : fmtBytes(s.bytes)} | ${s.limit === undefined ? '' : fmtBytes(s.limit)} | ${s.target === undefined ? '' : fmtBytes(s.target)} | ${result} |`,
      )
    }
    p()
  }
  if (results.cold.length > 0) {
    p('## 8. Cold import')
    p()
    p(
      `${results.coldRuns} rounds, every case once per round, in a fresh process launched from apps/bench; medians. *Import* columns: the \`require\` / \`await import\` alone, timed inside a program file (\`fixtures/probe.*\`; the cost over an empty program). *Process* columns: the whole process, and that minus the empty program of the same format.`,
    )
    p()
    p('| Module | Format | import, CPU | import, wall | import, CPU − empty module | process, wall | process − empty |')
    p('|---|---|---:|---:|---:|---:|---:|')
    for (const c of results.cold) {
      if (c.error) {
        p(`| ${c.label} | ${c.format.toUpperCase()} | – (${c.error}) | | | | |`)
        continue
      }
      const some = c.specifier !== undefined
      p(
        `| ${c.label} | ${c.format.toUpperCase()} | ${c.importCpuMs.toFixed(2)} ms | ${c.importMs.toFixed(2)} ms | ${some && !c.id.startsWith('emptymod') ? `${c.netCpuMs.toFixed(2)} ms` : ''} | ${c.medianMs.toFixed(1)} ms | ${some ? `${c.overEmptyMs.toFixed(1)} ms` : ''} |`,
      )
    }
    p()
  }
  renderProfiles(results, p)
  p('## Findings')
  p()
  p(prose('findings.md'))
  p()
  return `${out.join('\n')}\n`
}

const PROFILE_SECTION = "9. Where a decoder's time goes (CPU profile)"

/** Functions shown per profile; the rest are summed in one line. */
const PROFILE_TOP = 10

/** §9: where the time of each of our decoders goes, from its CPU profile (profile.ts). */
function renderProfiles(results: BenchResults, p: (line?: string) => void): void {
  const profiled = results.groups.flatMap((g) =>
    rowsOf(results, g)
      .filter((r) => r.role === 'ours' && results.profiles?.[`${g.id}/${r.caseId}`] !== undefined)
      .map((r) => [g, r, results.profiles?.[`${g.id}/${r.caseId}`] as CaseProfile] as const),
  )
  if (profiled.length === 0) return
  p(`## ${PROFILE_SECTION}`)
  p()
  p(
    "Each of our decoders once more, in a fresh process under the same conditions as its timing (the harness's frames below, stack capture on), with V8's sampling CPU profiler on (the inspector's `Profiler`, as `node --cpu-prof`). *Share*: the function's own samples over all samples; the engine's work on behalf of a line (`new Error`'s stack capture, `JSON.parse`, a `defineProperty`) is sampled on that line, named with its text (the published `dist` file). *× floor*: the share times the row's ratio to its floor in §2, i.e. what the function costs in units of the floor. The profiler slows the process down a little and a share is a sample count, so the column adds up to the ratio only roughly.",
  )
  p()
  for (const [g, r, prof] of profiled) {
    p(`### ${g.title}: ${r.label}`)
    p()
    p(
      `${prof.samples} samples (every ${prof.intervalUs} µs) over ${(prof.ms / 1000).toFixed(1)} s of CPU time, ${fmtNs((prof.ms * 1e6) / prof.ops)} per decode while profiled; ${fmtRatio(r.vsFloor)} its floor in §2.`,
    )
    p()
    p('| Function | Its hottest line (share of the function) | Share | × floor |')
    p('|---|---|---:|---:|')
    const ratio = r.vsFloor ?? Number.NaN
    for (const e of prof.entries.slice(0, PROFILE_TOP)) {
      // V8 names its own entries `(program)`, `(garbage collector)`, …; a function without a name is `(anonymous)`.
      const where =
        e.name.startsWith('(') && e.name !== '(anonymous)'
          ? '(the engine)'
          : e.file === ''
            ? '(no source file)'
            : `\`${e.file}:${e.line}\``
      const text = e.text === '' ? '' : ` \`${e.text.replaceAll('`', "'").replaceAll('|', '\\|')}\``
      p(
        `| \`${e.name}\` | ${where}${text}${e.file === '' ? '' : ` (${(e.lineShare * 100).toFixed(0)}%)`} | ${(e.share * 100).toFixed(1)}% | ${(e.share * ratio).toFixed(2)}× |`,
      )
    }
    const rest = prof.entries.slice(PROFILE_TOP).reduce((a, e) => a + e.share, 0)
    if (rest > 0)
      p(
        `| ${prof.entries.length - PROFILE_TOP} other functions | | ${(rest * 100).toFixed(1)}% | ${(rest * ratio).toFixed(2)}× |`,
      )
    p()
  }
}

export function renderConsole(results: BenchResults): string {
  const lines: string[] = ['']
  const pad = (s: string, n: number): string => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length))
  const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s)
  const plain = (s: string): string => s.replace(/`/g, '')
  for (const g of results.groups) {
    lines.push(`${g.id} — ${plain(g.title)}`)
    for (const r of rowsOf(results, g)) {
      lines.push(
        `  ${pad(plain(r.label), 70)} ${pad(r.role, 5)} ${lpad(fmtNs(r.ns), 10)} ${lpad(fmtOps(r.ns), 9)} ops/s ${lpad(fmtRatio(r.vsFloor), 7)} ${lpad(fmtRatio(r.vsPeer), 7)}${r.noStackNs === undefined ? '' : ` | no stack ${fmtNs(r.noStackNs)} ${fmtRatio(r.noStackVsFloor)}`}`,
      )
    }
  }
  if (results.sizes.length > 0) {
    lines.push('', 'size (min+gzip, size-limit)')
    for (const s of results.sizes) lines.push(`  ${pad(s.name, 90)} ${lpad(fmtBytes(s.bytes), 9)}`)
  }
  if (results.cold.length > 0) {
    lines.push('', 'cold import (median: import CPU ms, import wall ms, process − empty ms)')
    for (const c of results.cold) {
      lines.push(
        `  ${pad(`${plain(c.label)} ${c.format}`, 60)} ${c.error ? 'ERR' : `${lpad(c.importCpuMs.toFixed(2), 7)} ${lpad(c.importMs.toFixed(2), 7)} ${c.specifier ? lpad(c.overEmptyMs.toFixed(1), 7) : ''}`}`,
      )
    }
  }
  lines.push('', 'targets')
  for (const l of targetLines(results)) {
    lines.push(
      `  ${pad(l.met === undefined ? '–' : l.met ? 'met' : 'NOT MET', 8)} ${pad(plain(l.what), 50)} ${pad(plain(l.row), 70)} ${l.measured}${l.inTheWay ? `\n  ${' '.repeat(8)} in the way: ${plain(l.inTheWay)}` : ''}`,
    )
  }
  return `${lines.join('\n')}\n`
}
