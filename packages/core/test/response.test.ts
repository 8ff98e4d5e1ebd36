import { describe, expect, it } from 'vitest'
import { ErrsError, fromResponse, PROBLEM_CONTENT_TYPE, toResponse } from '../src/index.js'
import { parseRetryAfter } from '../src/kit.js'

describe('toResponse / fromResponse', () => {
  it('sends problem+json with the status and Retry-After, and reads it back', async () => {
    const e = new ErrsError({
      system: 'demo',
      code: 21,
      reason: 'THROTTLING',
      kind: 'resource_exhausted',
      message: 'slow down',
      retryAfterMs: 1500,
      requestId: 'r-9',
    })
    const res = toResponse(e)
    expect(res.status).toBe(429)
    expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(res.headers.get('retry-after')).toBe('2')
    const back = await fromResponse(res)
    expect(back).toMatchObject({
      system: 'demo',
      code: 21,
      kind: 'resource_exhausted',
      retryable: true,
      retryAfterMs: 1500,
      requestId: 'r-9',
      message: 'slow down',
    })
  })

  it('reads a bare HTTP error with a non-JSON body, keeping the raw body and headers', async () => {
    const res = new Response('<html>Bad Gateway</html>', {
      status: 502,
      headers: { 'retry-after': '3', 'x-request-id': 'abc' },
    })
    const e = await fromResponse(res)
    expect(e).toMatchObject({
      system: 'http',
      code: 502,
      reason: 'HTTP_502',
      kind: 'unavailable',
      retryable: true,
      retryAfterMs: 3000,
      requestId: 'abc',
    })
    expect(e.details.raw).toBe('<html>Bad Gateway</html>')
  })

  it('never rejects, even when the body cannot be read', async () => {
    const res = { status: 500, headers: { get: () => null }, text: () => Promise.reject(new Error('socket hang up')) }
    const e = await fromResponse(res)
    expect(e).toBeInstanceOf(ErrsError)
    expect(e.reason).toBe('UNREADABLE_RESPONSE')
  })

  it('parses Retry-After in seconds and as an HTTP date', () => {
    const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})
