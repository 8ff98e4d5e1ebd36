import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { TableNotFoundError, ThrottlingError, toErrorResponse } from '../src/index.js'

// Round 31: the public `ErrorResponse` wrote a peer's request id in `x-request-id` whatever it showed; it now writes
// what core's public problem writes as `requestId` (an id that shows a host, an address or a path is left out).
describe('x-request-id of the public ErrorResponse', () => {
  it('an opaque id is echoed; one that shows an internal is left out (the trusted reply keeps it)', () => {
    for (const [id, shown] of [
      ['7f1c2b7e-3d2a-4c55-9a1e-6a3f0c1d2e4b', true],
      ['db-7.internal.example-17', false],
      ['10.1.2.3:5432/42', false],
      ['redis.default.svc#3', false],
    ] as const) {
      const e = new TableNotFoundError("Table 't' not found", { requestId: id })
      const reply = toErrorResponse(e)
      expect(reply.headers['x-request-id']).toBe(shown ? id : undefined)
      expect(toProblem(e).requestId).toBe(shown ? id : undefined)
      expect(toErrorResponse(e, { exposeInternal: true }).headers['x-request-id']).toBe(id)
    }
    const slow = toErrorResponse(new ThrottlingError('slow', { retryAfterMs: 1500, requestId: '10.1.2.3' }))
    expect(slow.headers).toEqual({ 'content-type': 'application/json', 'retry-after': '2' })
  })
})
