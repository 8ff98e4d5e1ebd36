import { type ChildProcess, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ReportRow } from '../run.js'
import type { Target } from '../types.js'
import type { WorkerMessage, WorkerRequest } from './protocol.js'

/** The harness groups, in report order. */
export const HARNESS_GROUPS = ['fuzz', 'hostile', 'canary', 'linear'] as const

export interface HarnessRunOptions {
  fuzzRuns: number
  seed: number
  /** Where the adapter module is resolved from (the user's project first). */
  bases: string[]
  groups?: readonly string[]
  /** Only these decoders (`decode`, `recognize`, `normalizeWith`, `fromProblem`, `fromResponse`). */
  decoders?: readonly string[]
  onGroup?: (event: { target: string; group: string; passed: number; failed: number; ms: number }) => void
}

function workerFile(): { file: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./hostile-worker.js', import.meta.url))
  if (existsSync(js)) return { file: js, execArgv: [] }
  // Running from source (the repository's `pnpm conformance`, tests): the TypeScript worker through tsx's loader.
  const ts = fileURLToPath(new URL('../hostile-worker.ts', import.meta.url))
  return { file: ts, execArgv: ['--import', import.meta.resolve('tsx')] }
}

interface Attempt {
  done: boolean
  /** The case that was running when the process stopped, if any. */
  running?: { id: number; group: string; name: string; timeoutMs: number }
  reason?: string
}

/**
 * Runs the hostile-input harness for one adapter in a child process, under a watchdog: a case that does not
 * return within its time is killed and fails ("did not return"), the process is restarted and goes on with
 * the cases left. A crash of the process fails the running case the same way.
 */
export async function runHarness(t: Target, o: HarnessRunOptions): Promise<ReportRow[]> {
  if (!t.spec) throw new Error('the harness needs the module specifier of the adapter')
  const rows: ReportRow[] = []
  const done = new Set<number>()
  const started = new Map<string, number>()
  const groups = o.groups ?? HARNESS_GROUPS
  for (let restart = 0; restart < 200; restart++) {
    const attempt = await new Promise<Attempt>((resolve) => {
      const { file, execArgv } = workerFile()
      const child: ChildProcess = fork(file, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
      let stderr = ''
      child.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-2000)
      })
      const state: Attempt = { done: false }
      let timer: NodeJS.Timeout | undefined
      const finish = (reason?: string) => {
        if (timer) clearTimeout(timer)
        if (reason) state.reason = reason
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
        resolve(state)
      }
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'start') {
          state.running = { id: m.id, group: m.group, name: m.name, timeoutMs: m.timeoutMs }
          if (!started.has(m.group)) started.set(m.group, performance.now())
          if (timer) clearTimeout(timer)
          timer = setTimeout(
            () => finish(`did not return within ${m.timeoutMs / 1000} s (the process was killed)`),
            m.timeoutMs,
          )
        } else if (m.type === 'result') {
          if (timer) clearTimeout(timer)
          state.running = undefined
          done.add(m.id)
          const row: ReportRow = { target: t.name, group: m.group, name: m.name, passed: m.passed, ms: m.ms }
          if (m.message !== undefined) row.message = m.message
          if (m.expected !== undefined) row.expected = m.expected
          if (m.actual !== undefined) row.actual = m.actual
          rows.push(row)
        } else if (m.type === 'done') {
          state.done = true
          finish()
        } else if (m.type === 'fatal') {
          finish(`the harness could not start: ${m.message}`)
        }
      })
      child.on('exit', (code, signal) => {
        if (!state.done && !state.reason)
          finish(`the process died (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-12).join(' | ')}`)
        else finish()
      })
      const req: WorkerRequest = {
        spec: t.spec as string,
        bases: o.bases,
        exportName: t.exportName ?? 'adapter',
        fuzzRuns: o.fuzzRuns,
        seed: o.seed,
        groups: [...groups],
        skip: [...done],
        ...(o.decoders ? { decoders: [...o.decoders] } : {}),
        ...(t.vectors ? { vectors: t.vectors } : {}),
      }
      child.send(req)
    })
    if (attempt.done) break
    if (attempt.running) {
      done.add(attempt.running.id)
      rows.push({
        target: t.name,
        group: attempt.running.group,
        name: attempt.running.name,
        passed: false,
        message: attempt.reason ?? 'the process stopped',
        expected: `a result within ${attempt.running.timeoutMs / 1000} s`,
        actual: attempt.reason,
      })
      continue
    }
    rows.push({
      target: t.name,
      group: 'harness',
      name: 'run the harness',
      passed: false,
      message: attempt.reason ?? 'stopped',
    })
    break
  }
  for (const g of groups) {
    const mine = rows.filter((r) => r.group === g)
    o.onGroup?.({
      target: t.name,
      group: g,
      passed: mine.filter((r) => r.passed).length,
      failed: mine.filter((r) => !r.passed).length,
      ms: mine.reduce((s, r) => s + (r.ms ?? 0), 0),
    })
  }
  return rows
}
