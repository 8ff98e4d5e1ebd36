import { describe, expect, it } from 'vitest'
import { adapter, ErrorCode, FlussError } from '../src/index.js'

// The JSON HTTP form keeps `Retry-After` and `x-request-id` both ways, as the gateway form does: a 429 with
// `Retry-After: 7` decodes to `retryAfterMs` 7000 (before, the JSON path dropped it), and `encode` writes it back.

describe('the JSON HTTP adapter keeps Retry-After and the request id', () => {
  it('decodes them from the reply headers', () => {
    const err = adapter.decode({
      status: 429,
      headers: { 'Retry-After': '7', 'X-Request-Id': 'req-42' },
      // Fluss error JSON `{ error_code, error_message }`; NETWORK_EXCEPTION is 1 in apache/fluss
      // fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java @ 545c553.
      body: JSON.stringify({ error_code: ErrorCode.NETWORK_EXCEPTION, error_message: 'busy' }),
    })
    expect(err).toBeInstanceOf(FlussError)
    expect([err.retryAfterMs, err.requestId]).toEqual([7000, 'req-42'])
  })

  it('encodes them, and a round trip keeps them', () => {
    const err = new FlussError('busy', ErrorCode.NETWORK_EXCEPTION, { retryAfterMs: 3000, requestId: 'req-9' })
    const wire = adapter.encode(err)
    const headers = (wire as { headers: Record<string, string> }).headers
    expect(headers['retry-after']).toBe('3')
    expect(headers['x-request-id']).toBe('req-9')
    const back = adapter.decode(wire)
    expect([back.error_code, back.retryAfterMs, back.requestId]).toEqual([ErrorCode.NETWORK_EXCEPTION, 3000, 'req-9'])
  })
})
