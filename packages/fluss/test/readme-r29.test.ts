// Claims of packages/fluss/README.md a user relies on, not covered elsewhere.
import { describe, expect, it } from 'vitest'
import { adapter, decodeGatewayResponse, ErrorCode } from '../src/index.js'

describe('README: the REST gateway', () => {
  // "request_id (or x-request-id; unknown counts as none …)"
  it("a request_id of 'unknown' counts as none: x-request-id is taken", () => {
    const e = decodeGatewayResponse({
      status: 404,
      headers: { 'x-request-id': 'hdr-1' },
      body: { error: { code: 'table_not_found', message: 'm', request_id: 'unknown' } },
    })
    expect(e.error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
    expect(e.requestId).toBe('hdr-1')
  })

  it('a gateway code the table does not know takes the status: kind, status, retryable at 503', () => {
    const e = decodeGatewayResponse({ status: 503, body: { error: { code: 'brand_new_code', message: 'm' } } })
    expect(e).toMatchObject({ error_code: -1, kind: 'unavailable', status: 503, retryable: true })
    expect(e.details.gatewayCode).toBe('brand_new_code')
  })
})

describe('README: adapters', () => {
  it("the main entry's adapter answers RPC bytes with a CLIENT_ERROR pointing to @errs/fluss/wire", () => {
    const e = adapter.decode(new Uint8Array([0x08, 0x07]))
    expect(e.error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(e.message).toContain('@errs/fluss/wire')
  })
})
