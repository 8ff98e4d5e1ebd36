/**
 * The one benchmark harness: per case a generated loop (its own call site, so V8 can inline the case as it would
 * in user code), results stored into a ring buffer (no dead-code elimination), warm-up, calibrated batches, and
 * round-robin sampling of every case of a group (floor, ours, peers) so that load changes hit all of them alike.
 * mitata (a devDependency that was never wired in, now removed) runs each case to the end (~0.6 s of CPU time)
 * before the next, so a load change between two cases of a group shows up in their ratio; on a shared machine the
 * round-robin sampling here is what keeps the ratios steady.
 */

/**
 * What a row is to the comparison: `floor` (least work giving the same kind of result), `ours`, `peer` (a driver's
 * or serialize-error's code), `ref` (an explanatory reference, e.g. an empty Error subclass as deep as ours).
 */
export type Role = 'floor' | 'ours' | 'peer' | 'ref'

export interface Case {
  /** Stable id, unique in the group. */
  id: string
  /** What the row measures, as shown in the table. */
  label: string
  role: Role
  /** One operation; `i` is the iteration number (use it to rotate inputs). Must return its result. */
  fn: (i: number) => unknown
}

export interface Group {
  /** Stable id, e.g. `construct.fluss`. */
  id: string
  /** Which table the group belongs to (and which targets apply, see targets.ts). */
  section: Section
  /** What the group compares. */
  title: string
  cases: Case[]
  /** Sampling options for this group (e.g. longer samples for operations that take milliseconds). */
  options?: Partial<HarnessOptions>
  /**
   * Also measure the group with `Error.stackTraceLimit = 0` (V8 then skips stack capture), which separates our own
   * work from the stack capture every Error pays. Default: true for construction, decode and rebuild.
   */
  noStack?: boolean
}

/** Whether a group is also measured without stack capture. */
export function measuresNoStack(group: Group): boolean {
  return (
    group.noStack ?? (group.section === 'construction' || group.section === 'decode' || group.section === 'rebuild')
  )
}

export type Section = 'construction' | 'decode' | 'rebuild' | 'serialization' | 'classification' | 'redaction'

export interface HarnessOptions {
  /** Time per sample, ms. */
  sampleMs: number
  /** Samples per case. */
  samples: number
  /** Warm-up per case, ms. */
  warmupMs: number
  /**
   * JavaScript frames the harness puts below each row's loop (`FRAMES_BELOW`), so that every error a row makes
   * captures a full stack of `Error.stackTraceLimit` (10) frames, as an error made in a server does.
   */
  framesBelow: number
}

/**
 * Frames below each row's loop, by default. With a shallow stack an error captures only the frames there are (in
 * micro.ts, a floor row's `new Error` captures 6: the row, its loop, three of the harness's, the module), so every
 * function between a row's loop and its `new` (a decoder's own frame, a driver's `raiseForStatusCode`) adds a
 * captured frame that, in an application, would only push the bottom one out of the 10 kept. Ten frames below fill
 * the 10 kept whatever the row does. They are kept unoptimized (`pinHarnessFrames`), as every frame of the harness.
 */
export const FRAMES_BELOW = 10

/**
 * The `--frames-below` value: a whole number from 0 to 1,000. Anything else (`ten`, `NaN`, a negative or fractional
 * number, one so large the recursion would overflow the stack) is an error, not a silently different condition.
 */
export function parseFramesBelow(text: string | undefined): number {
  if (text === undefined) return FRAMES_BELOW
  const n = Number(text)
  if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > 1000) {
    throw new Error(`--frames-below takes a whole number from 0 to 1000, not ${JSON.stringify(text)}`)
  }
  return n
}

export const DEFAULT_OPTIONS: HarnessOptions = { sampleMs: 10, samples: 15, warmupMs: 150, framesBelow: FRAMES_BELOW }

type Loop = (fn: (i: number) => unknown, n: number, sink: unknown[]) => void

/** A fresh loop function per case: each gets its own type feedback, like a hot loop in an application. */
function makeLoop(): Loop {
  return new Function('fn', 'n', 'sink', 'for (let i = 0; i < n; i++) sink[i & 255] = fn(i)') as Loop
}

/** Wall clock, ms: for deadlines. */
const now = (): number => Number(process.hrtime.bigint()) / 1e6

/**
 * CPU time of this process, ms (user + system, microsecond resolution): what a batch is timed with. On a shared
 * machine, wall time also counts the time the process waited for a core, which lands on whichever case was running;
 * CPU time does not. (It does count the process's own helper threads, GC and compiler, which are part of the cost.)
 */
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Runs `loop` with `frames` JavaScript frames of this function below it (see `HarnessOptions.framesBelow`). */
function below(frames: number, loop: Loop, fn: (i: number) => unknown, n: number, sink: unknown[]): void {
  if (frames <= 0) loop(fn, n, sink)
  else below(frames - 1, loop, fn, n, sink)
}

function timeBatch(loop: Loop, fn: (i: number) => unknown, n: number, sink: unknown[], frames: number): number {
  const t0 = cpu()
  below(frames, loop, fn, n, sink)
  return cpu() - t0
}

/**
 * Keeps the harness's own frames (`runGroup`, `runFor`, `timeBatch`, `below`: every frame between the module and a
 * row's loop) out of V8's optimizing compiler, so that the stack every row captures is the same in every process.
 * Once TurboFan optimizes `below` and inlines its recursion, each stack capture must rebuild the inlined frames from
 * the optimized code's metadata: `new Error` under 10 such frames cost ~5.7 µs against ~2.9 µs under the same frames
 * not optimized (an isolated loop), and whether (and when) that happened differed from one group's process to the
 * next, so the floors of one run were bimodal. Needs `node --allow-natives-syntax` (run.ts starts the child with it);
 * returns false without it.
 */
export function pinHarnessFrames(): boolean {
  try {
    const never = new Function('f', '%NeverOptimizeFunction(f)') as (f: unknown) => void
    for (const f of [runGroup, runFor, timeBatch, below]) never(f)
    return true
  } catch {
    return false
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Median nanoseconds per operation of every case of a group, sampled round-robin. */
export function runGroup(group: Group, base: HarnessOptions = DEFAULT_OPTIONS): Record<string, number> {
  const options = { ...base, ...group.options }
  const sink: unknown[] = new Array(256)
  const prepared = group.cases.map((c) => {
    const loop = makeLoop()
    // Sanity: a case that throws is a bug in the benchmark, not a measurement.
    c.fn(0)
    // Warm-up (tiers up the loop and the case) and calibration of the batch size.
    let n = 16
    let elapsed = 0
    const deadline = now() + options.warmupMs
    while (now() < deadline) {
      elapsed = timeBatch(loop, c.fn, n, sink, options.framesBelow)
      if (elapsed < options.sampleMs / 4) n *= 2
    }
    const perOp = elapsed / n
    const batch = Math.max(1, Math.round(options.sampleMs / Math.max(perOp, 1e-6)))
    return { c, loop, batch, samples: [] as number[] }
  })
  for (let s = 0; s < options.samples; s++) {
    for (const p of prepared)
      p.samples.push((timeBatch(p.loop, p.c.fn, p.batch, sink, options.framesBelow) * 1e6) / p.batch)
  }
  const out: Record<string, number> = {}
  for (const p of prepared) out[p.c.id] = median(p.samples)
  return out
}

/**
 * Runs one case in batches of 256, under the same frames as `runGroup` (`options.framesBelow`, pinned), until `ms`
 * of this process's CPU time have passed; returns the number of operations run. For a profiler to sample (micro.ts
 * `--profile`): the case runs as it does when it is timed.
 */
export function runFor(fn: (i: number) => unknown, ms: number, options: HarnessOptions = DEFAULT_OPTIONS): number {
  const loop = makeLoop()
  const sink: unknown[] = new Array(256)
  let ops = 0
  const t0 = cpu()
  while (cpu() - t0 < ms) {
    timeBatch(loop, fn, 256, sink, options.framesBelow)
    ops += 256
  }
  return ops
}
