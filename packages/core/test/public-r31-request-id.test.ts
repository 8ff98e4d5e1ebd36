import { describe, expect, it } from 'vitest'
import { fromProblem, fromResponse, toProblem, toResponse } from '../src/index.js'

// Round 31: a peer's request id was echoed in the public problem whatever it showed.

describe("a peer's request id in the public form", () => {
  // A request id is a correlation token: a proxy or mesh passes one `x-request-id` through every hop (Envoy:
  // https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/headers#x-request-id), so the
  // peer's id is often the caller's own, and echoing it is what it is for. An id that shows a host, an address or a
  // path is not opaque: the public form leaves it out (not cut: a cut id would name another request).
  it('echoes an opaque id, in the body of every public writer', async () => {
    for (const id of ['7f1c2b7e-3d2a-4c55-9a1e-6a3f0c1d2e4b', '105445aa7843bc8bf206b12000100000/1;o=1', 'req_01HX']) {
      const e = fromProblem({ type: 'urn:errs:acme:NF', status: 404, kind: 'not_found', detail: 'x', requestId: id })
      expect(toProblem(e).requestId).toBe(id)
      expect(JSON.parse(await toResponse(e).text()).requestId).toBe(id)
      expect(JSON.parse(JSON.stringify(e)).requestId).toBe(id)
    }
  })

  it('leaves out an id that shows an internal; the trusted form keeps it', async () => {
    for (const id of ['db-7.internal.example-17', '10.1.2.3:5432/42', 'req@/srv/app/run/7', 'redis.default.svc#3']) {
      const e = fromProblem({ type: 'urn:errs:acme:NF', status: 404, kind: 'not_found', detail: 'x', requestId: id })
      expect(e.requestId).toBe(id)
      expect(toProblem(e).requestId).toBeUndefined()
      expect(await toResponse(e).text()).not.toContain('requestId')
      expect(JSON.stringify(e)).not.toContain('requestId')
      expect(toProblem(e, { exposeInternal: true }).requestId).toBe(id)
    }
    const fromHeader = await fromResponse({ status: 404, headers: { 'x-request-id': '10.1.2.3:9000' }, body: 'no' })
    expect(fromHeader.requestId).toBe('10.1.2.3:9000')
    expect(toProblem(fromHeader).requestId).toBeUndefined()
  })
})
