import { describe, expect, it } from 'vitest'
import { adapter, decodeGatewayResponse, ErrorCode } from '../src/index.js'

// The core `status` is the HTTP status a service should answer with: what the code means, never a transport
// artefact. A reply's own status stays on the error as `details.httpStatus`.
// Sources: apache/fluss `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java` (TABLE_NOT_EXIST = 7,
// TableNotExistException) and the REST gateway's table `fluss-gateway/src/error.rs` (table_not_found → 404).
describe('status is what the code means, not what the transport said', () => {
  it('a known code sent at another HTTP status keeps its own status; the wire status is kept as httpStatus', () => {
    const e = adapter.decode({ status: 500, body: { error_code: ErrorCode.TABLE_NOT_EXIST, error_message: 'm' } })
    expect([e.error_code, e.kind, e.status, e.details.httpStatus]).toEqual([7, 'not_found', 404, 500])
  })

  it('a gateway reply with a known gateway code keeps the gateway mapping', () => {
    const e = decodeGatewayResponse({ status: 500, body: { error: { code: 'table_not_found', message: 'x' } } })
    expect([e.error_code, e.kind, e.status, e.details.httpStatus]).toEqual([7, 'not_found', 404, 500])
  })

  it('an unknown code takes kind and status from the reply (the one unknown-code policy)', () => {
    const e = adapter.decode({ status: 503, body: { error_code: 9999 } })
    expect([e.error_code, e.reason, e.kind, e.status, e.retryable]).toEqual([
      9999,
      'UNKNOWN_CODE',
      'unavailable',
      503,
      false,
    ])
  })
})
