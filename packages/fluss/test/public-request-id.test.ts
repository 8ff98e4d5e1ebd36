import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { encodeGatewayResponse, FlussError } from '../src/index.js'

// Round 31: the gateway reply (public: its message is the public problem's `detail`) wrote a peer's request id in
// `request_id` and `x-request-id` whatever it showed; it now writes what core's public problem writes as `requestId`.
describe('request_id of the gateway reply', () => {
  it("an opaque id is echoed; one that shows an internal is written as the gateway's `unknown`", () => {
    for (const [id, shown] of [
      ['req-7', true],
      ['db-7.internal.example-17', false],
      ['10.1.2.3:9123', false],
      ['/srv/app/run/7', false],
    ] as const) {
      const e = new FlussError(undefined, 7, { requestId: id })
      const wire = encodeGatewayResponse(e)
      const written = shown ? id : 'unknown'
      expect([wire.body.error.request_id, wire.headers['x-request-id']]).toEqual([written, written])
      expect(toProblem(e).requestId).toBe(shown ? id : undefined)
    }
  })
})
