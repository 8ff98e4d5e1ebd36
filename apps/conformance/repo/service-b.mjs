// Service B of the cross-service check: throws every adapter's errors as problem+json (`toResponse`), in the trusted form
// (`exposeInternal`) that hops between your own services use.
// Env: ERRS_ADAPTERS = JSON array of module specifiers. Prints "PORT <n>" once listening on 127.0.0.1.
import { createServer } from 'node:http'
import { toProblem, toResponse } from '@errs/core'

const specs = JSON.parse(process.env.ERRS_ADAPTERS ?? '[]')
const adapters = []
for (const spec of specs) adapters.push({ spec, adapter: (await import(spec)).adapter })

/** Every code of every adapter, plus an unknown code each; odd cases carry another adapter's error as cause. */
const cases = []
for (const [i, { spec, adapter }] of adapters.entries()) {
  const rows = [...adapter.codes]
  const numeric = typeof rows[0]?.code === 'number'
  rows.push({ code: numeric ? 987654 : 'cross_service_unknown_code', retryable: false })
  for (const row of rows) {
    const id = cases.length
    const other = adapters[(i + 1) % adapters.length]
    const make = () => {
      const cause =
        id % 2 === 1 && other
          ? other.adapter.create(
              other.adapter.codes[id % other.adapter.codes.length].code,
              `cause from ${other.spec}`,
              {
                variant: other.adapter.codes[id % other.adapter.codes.length].variant,
              },
            )
          : new Error(`root cause of case ${id}`)
      return adapter.create(row.code, `cross-service ${adapter.system} ${String(row.code)}`, {
        variant: row.variant,
        requestId: `req-${id}`,
        instance: `/cases/${id}`,
        details: { case: id, table: 'orders' },
        ...(row.retryable ? { retryAfterMs: 3000 } : {}),
        cause,
      })
    }
    cases.push({ id, spec, system: adapter.system, code: row.code, variant: row.variant, make })
  }
}

const server = createServer(async (req, res) => {
  try {
    if (req.url === '/cases') {
      const list = cases.map(({ make, ...c }) => ({ ...c, expected: toProblem(make(), { exposeInternal: true }) }))
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(list))
      return
    }
    const m = /^\/error\/(\d+)$/.exec(req.url ?? '')
    const c = m ? cases[Number(m[1])] : undefined
    if (!c) {
      res.writeHead(404).end()
      return
    }
    const reply = toResponse(c.make(), { exposeInternal: true })
    res.writeHead(reply.status, Object.fromEntries(reply.headers))
    res.end(await reply.text())
  } catch (e) {
    res.writeHead(599, { 'content-type': 'text/plain' }).end(String(e?.stack ?? e))
  }
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
