import { describe, expect, it } from 'vitest'
import { parseHttpDate } from '../src/http.js'
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

  // RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds; §5.6.7: an HTTP-date is an IMF-fixdate, and a
  // recipient also accepts the obsolete RFC 850 and asctime forms, all in GMT (https://www.rfc-editor.org/rfc/rfc9110).
  it('reads the three HTTP-date forms, in GMT whatever the time zone', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0)
    expect(parseRetryAfter('Sunday, 22-Nov-26 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sun Nov 22 10:00:30 2026', now)).toBe(30_000)
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37))
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37))
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37))
  })

  it('reads nothing else as a date (what Date.parse would turn into a wait of years)', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0)
    // V8's Date.parse reads '32, 5' as 1 May 2032; web Headers join a repeated Retry-After with ', '.
    expect(Number.isNaN(Date.parse('32, 5'))).toBe(false)
    const notDates = ['32, 5', '32, ', '120, 120', '2030-01-01', 'May 2030', 'Tue, 31 Feb 2026 10:00:00 GMT']
    for (const text of [...notDates, 'Sun, 22 Nuv 2026 10:00:30 GMT', 'Sun, 22 Nov 2026 24:00:30 GMT']) {
      expect(parseRetryAfter(text, now), text).toBeUndefined()
    }
    expect(
      parseRetryAfter(
        new Headers([
          ['Retry-After', '7'],
          ['Retry-After', '9'],
        ]).get('retry-after'),
        now,
      ),
    ).toBe(undefined)
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 UTC', now)).toBeUndefined()
  })
})
