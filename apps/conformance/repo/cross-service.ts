import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReportRow } from '../src/run.js'

const here = dirname(fileURLToPath(import.meta.url))

/** Starts a service (a plain .mjs run by node), resolves with its port once it prints "PORT <n>". */
function startService(
  file: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, file)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${file} did not start within ${timeoutMs} ms: ${err}`))
    }, timeoutMs)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PORT (\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, port: Number(m[1]) })
      }
    })
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${file} exited with ${code}: ${err.slice(0, 2000)}`))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

interface ServiceAResult {
  spec: string
  name: string
  passed: boolean
  message?: string
  expected?: unknown
  actual?: unknown
}

/**
 * Cross-service: service B (all adapters) sends each adapter's errors as problem+json; two service A processes, each
 * loading only part of the adapters, rebuild them with `fromResponse`. Every case is checked by both A's, so each
 * adapter is seen once rebuilt natively and once as a plain ErrsError.
 */
export async function runCrossService(specs: readonly string[], timeoutMs = 90_000): Promise<ReportRow[]> {
  const children: ChildProcess[] = []
  const rows: ReportRow[] = []
  const deadline = setTimeout(() => {
    for (const c of children) c.kill('SIGKILL')
  }, timeoutMs)
  try {
    const b = await startService('service-b.mjs', { ERRS_ADAPTERS: JSON.stringify(specs) })
    children.push(b.child)
    const halves = [specs.filter((_, i) => i % 2 === 0), specs.filter((_, i) => i % 2 === 1)]
    for (const half of halves) {
      const a = await startService('service-a.mjs', {
        ERRS_ADAPTERS: JSON.stringify(half),
        B_URL: `http://127.0.0.1:${b.port}`,
      })
      children.push(a.child)
      const res = await fetch(`http://127.0.0.1:${a.port}/run`, {
        method: 'POST',
        signal: AbortSignal.timeout(timeoutMs),
      })
      const body = (await res.json()) as { loaded: string[]; results: ServiceAResult[] }
      for (const r of body.results) {
        rows.push({
          target: r.spec,
          group: 'cross-service',
          name: `A loads [${half.join(', ')}]: ${r.name}`,
          passed: r.passed,
          ...(r.message !== undefined ? { message: r.message } : {}),
          ...(r.expected !== undefined ? { expected: r.expected } : {}),
          ...(r.actual !== undefined ? { actual: r.actual } : {}),
        })
      }
      await stop(a.child)
    }
  } finally {
    clearTimeout(deadline)
    await Promise.all(children.map(stop))
  }
  return rows
}
