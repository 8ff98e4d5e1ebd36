// Service A of the cross-service check: loads only some adapters and rebuilds B's errors with `fromResponse`.
// Env: ERRS_ADAPTERS = JSON array of the module specifiers it loads; B_URL = service B's base URL.
// POST /run answers with one result per case of B: native class where the adapter is loaded, plain ErrsError
// where it is not, every core field (and the cause chain) equal to the problem B sent.
import { createServer } from 'node:http'
import { isDeepStrictEqual } from 'node:util'
import { ErrsError, fromResponse } from '@errs/core'

const specs = JSON.parse(process.env.ERRS_ADAPTERS ?? '[]')
const loaded = []
for (const spec of specs) loaded.push({ spec, adapter: (await import(spec)).adapter })
const adapters = loaded.map((l) => l.adapter)

function compare(err, problem, path, out) {
  if (!ErrsError.is(err)) {
    out.push({ field: `${path}`, expected: 'an ErrsError', actual: String(err) })
    return
  }
  const own = loaded.find((l) => l.adapter.system === problem.system)
  if (own) {
    if (err.name !== problem.name) out.push({ field: `${path}name`, expected: problem.name, actual: err.name })
    if (!own.adapter.recognize(err) || Object.getPrototypeOf(err) === ErrsError.prototype) {
      out.push({ field: `${path}class`, expected: `native ${problem.name}`, actual: err.constructor?.name })
    }
  } else if (Object.getPrototypeOf(err) !== ErrsError.prototype) {
    out.push({ field: `${path}class`, expected: 'plain ErrsError', actual: err.constructor?.name })
  }
  const want = {
    system: problem.system,
    code: problem.code,
    reason: problem.reason,
    kind: problem.kind,
    status: problem.status,
    retryable: problem.retryable,
    title: problem.title,
    message: problem.detail,
    requestId: problem.requestId,
    retryAfterMs: problem.retryAfterMs,
    instance: problem.instance,
    details: problem.details ?? {},
  }
  for (const [k, v] of Object.entries(want)) {
    const a = k === 'details' ? JSON.parse(JSON.stringify(err.details)) : err[k]
    if (!isDeepStrictEqual(a, v)) out.push({ field: `${path}${k}`, expected: v, actual: a })
  }
  if (problem.cause) compare(err.cause, problem.cause, `${path}cause.`, out)
  else if (err.cause !== undefined) out.push({ field: `${path}cause`, expected: undefined, actual: String(err.cause) })
}

async function run() {
  const base = process.env.B_URL
  const cases = await (await fetch(`${base}/cases`)).json()
  const results = []
  for (const c of cases) {
    const name = `${loaded.some((l) => l.adapter.system === c.system) ? 'native' : 'plain'} ${JSON.stringify(c.code)}${c.variant ? ` (${c.variant})` : ''}`
    try {
      const res = await fetch(`${base}/error/${c.id}`)
      const err = await fromResponse(res, { adapters })
      const out = []
      if (res.status !== c.expected.status && !(c.expected.status < 200 || c.expected.status > 599)) {
        out.push({ field: 'HTTP status', expected: c.expected.status, actual: res.status })
      }
      compare(err, c.expected, '', out)
      results.push({
        spec: c.spec,
        name,
        passed: out.length === 0,
        ...(out.length
          ? {
              message: `lost or changed across services: ${out.map((o) => o.field).join(', ')}`,
              expected: Object.fromEntries(out.map((o) => [o.field, o.expected])),
              actual: Object.fromEntries(out.map((o) => [o.field, o.actual])),
            }
          : {}),
      })
    } catch (e) {
      results.push({ spec: c.spec, name, passed: false, message: `service A threw: ${e?.stack ?? e}` })
    }
  }
  return results
}

const server = createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/run') {
    const results = await run()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ loaded: specs, results }))
    return
  }
  res.writeHead(404).end()
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
