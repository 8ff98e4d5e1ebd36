// Claims of packages/lance/README.md a user relies on, not covered elsewhere.
import { fromResponse as coreFromResponse } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { adapter, fromErrorResponse, fromResponse, TableNotFoundError } from '../src/index.js'

describe('README: Retry-After', () => {
  // "Retry-After … of a 429 or 503 reply, or of a reply whose code is 21 (Throttling) or 17 (ServiceUnavailable)
  // whatever its status … becomes retryAfterMs"
  it('is read for code 17 and code 21 whatever the status', () => {
    for (const code of [17, 21]) {
      const e = fromErrorResponse({ code, error: 'busy' }, { status: 400, headers: { 'retry-after': '2' } })
      expect(e.code).toBe(code)
      expect(e.retryAfterMs).toBe(2000)
    }
  })

  it('is read at a 429 or 503 reply whatever the code', () => {
    const e = fromErrorResponse({ code: 4, error: 'x' }, { status: 503, headers: { 'retry-after': '3' } })
    expect(e.retryAfterMs).toBe(3000)
  })

  it('is not read for another code at another status (22 is TableBranchNotFound, not ServiceUnavailable)', () => {
    for (const code of [4, 22]) {
      const e = fromErrorResponse({ code, error: 'x' }, { status: 404, headers: { 'retry-after': '2' } })
      expect(e.retryAfterMs).toBeUndefined()
    }
  })
})

describe('README: which fromResponse', () => {
  const reply = () =>
    new Response(JSON.stringify({ code: 4, error: "Table 'users' not found" }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    })

  it("this package's fromResponse gives the Lance class of an ErrorResponse", async () => {
    const e = await fromResponse(reply())
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.code).toBe(4)
  })

  it("core's fromResponse, even with the adapter, gives a plain ErrsError of system 'http' keeping the raw body", async () => {
    const e = await coreFromResponse(reply(), { adapters: [adapter] })
    expect(e).not.toBeInstanceOf(TableNotFoundError)
    expect(e).toMatchObject({ system: 'http', code: 404 })
    expect(e.details.raw).toContain("Table 'users' not found")
  })
})
