/**
 * The hostile-input harness's child process: loads one adapter, builds its cases and runs them one by one,
 * announcing each before it starts so that the parent's watchdog can kill a case that never returns.
 */
import { addSecret } from '@errs/core'
import { describeThrown } from './checks/util.js'
import { REGISTERED_SECRET } from './hostile/canaries.js'
import { harnessCases } from './hostile/cases.js'
import type { WorkerMessage, WorkerRequest } from './hostile/protocol.js'
import { loadTarget } from './load.js'

function send(m: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(m, undefined, undefined, () => resolve())
  })
}

function cloneable(v: unknown): unknown {
  if (v === undefined) return undefined
  try {
    return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)))
  } catch {
    return describeThrown(v)
  }
}

async function run(req: WorkerRequest): Promise<void> {
  addSecret(REGISTERED_SECRET)
  const target = await loadTarget(req.spec, { bases: req.bases, exportName: req.exportName })
  const cases = harnessCases(
    target.adapter,
    req.vectors,
    { fuzzRuns: req.fuzzRuns, seed: req.seed, ...(req.decoders ? { decoders: req.decoders } : {}) },
    new Set(req.groups),
  )
  await send({ type: 'cases', count: cases.length })
  const skip = new Set(req.skip)
  for (const c of cases) {
    if (skip.has(c.id)) continue
    await send({ type: 'start', id: c.id, group: c.group, name: c.name, timeoutMs: c.timeoutMs })
    const t0 = performance.now()
    let failure: Awaited<ReturnType<typeof c.run>>
    try {
      failure = await c.run()
    } catch (e) {
      failure = { message: `check threw: ${describeThrown(e)}` }
    }
    await send({
      type: 'result',
      id: c.id,
      group: c.group,
      name: c.name,
      passed: failure === undefined,
      ms: performance.now() - t0,
      ...(failure
        ? { message: failure.message, expected: cloneable(failure.expected), actual: cloneable(failure.actual) }
        : {}),
    })
  }
  await send({ type: 'done' })
}

process.once('message', (req: WorkerRequest) => {
  run(req).then(
    () => process.exit(0),
    async (e) => {
      await send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) })
      process.exit(3)
    },
  )
})
