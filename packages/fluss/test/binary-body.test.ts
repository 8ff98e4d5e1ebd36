import { describe, expect, it } from 'vitest'
import { bodyKinds } from '../../core/test/support/body-kinds.js'
import { adapter, decodeErrorJson, decodeGatewayResponse } from '../src/index.js'

// A reply body read as `Response.arrayBuffer()` (an `ArrayBuffer`), or handed on as another view of the same bytes,
// decodes as the bytes in a `Uint8Array` or the text do. The gateway's envelope and `table_not_found` → 404 /
// TABLE_NOT_EXIST (7): apache/fluss fluss-gateway/src/error.rs @ 545c553; error code 7: fluss-rpc
// src/main/java/org/apache/fluss/rpc/protocol/Errors.java @ 545c553.
const GATEWAY = '{"error":{"code":"table_not_found","message":"table `mydb.orders` does not exist","request_id":"r-1"}}'

describe('Fluss: a binary body of any kind', () => {
  it('decodeGatewayResponse gives TABLE_NOT_EXIST for table_not_found at 404', () => {
    for (const [name, body] of bodyKinds(GATEWAY)) {
      const e = decodeGatewayResponse({ status: 404, headers: {}, body } as never)
      expect([name, e.error_code, e.reason, e.status, e.requestId]).toEqual([name, 7, 'TABLE_NOT_EXIST', 404, 'r-1'])
    }
  })

  it('decodeErrorJson and the HTTP adapter read {"error_code":7} from any binary kind', () => {
    for (const [name, body] of bodyKinds('{"error_code":7,"error_message":"no table"}')) {
      const e = decodeErrorJson(body as never)
      expect([name, e.error_code, e.message]).toEqual([name, 7, 'no table'])
      const d = adapter.decode({ status: 404, headers: {}, body } as never)
      expect([name, d.error_code]).toEqual([name, 7])
    }
  })
})
