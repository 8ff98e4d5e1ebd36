import { describe, expect, it } from 'vitest'
import { adapter } from '../src/adapter.js'
import * as v10 from '../src/v10.js'

// Fauna's encoders write the request id too (core kit's `errorReplyHeaders`): before, `encode → decode` lost it,
// although the decoders read `x-request-id` (as every adapter's does).

describe('Fauna encode keeps the request id and Retry-After', () => {
  it('a v10 error round-trips both', () => {
    // fauna-js 2.5.0 src/errors.ts: a 429 `limit_exceeded` is a ThrottlingError.
    const err = v10.fromHttp({
      status: 429,
      headers: { 'retry-after': '5', 'x-request-id': 'req-3' },
      body: JSON.stringify({ error: { code: 'limit_exceeded', message: 'Rate limit exceeded' } }),
    })
    expect(err).toBeInstanceOf(v10.ThrottlingError)
    expect([err.retryAfterMs, err.requestId]).toEqual([5000, 'req-3'])
    const wire = adapter.encode(err)
    const headers = (wire as { headers: Record<string, string> }).headers
    expect(headers['x-request-id']).toBe('req-3')
    expect(headers['retry-after']).toBe('5')
    const back = adapter.decode(wire)
    expect([back.constructor.name, back.retryAfterMs, back.requestId]).toEqual(['ThrottlingError', 5000, 'req-3'])
  })
})
