import { describe, expect, it } from 'vitest'
import { ErrsError } from '../src/index.js'
import { errorReplyHeaders, readReply } from '../src/kit.js'

// Every adapter's encoder writes an error reply's headers with `errorReplyHeaders`, so that `readReply` (which every
// decoder reads replies with) gets the same `Retry-After` and `x-request-id` back.

describe('errorReplyHeaders', () => {
  it('writes what readReply reads back', () => {
    const err = new ErrsError({
      system: 't',
      code: 1,
      reason: 'R',
      kind: 'resource_exhausted',
      message: 'm',
      retryAfterMs: 1500,
      requestId: 'req-7',
    })
    const headers = errorReplyHeaders(err, 'application/json')
    // RFC 9110 §10.2.3: delay-seconds, a whole number: 1.5 s is written as 2.
    expect(headers).toEqual({ 'content-type': 'application/json', 'retry-after': '2', 'x-request-id': 'req-7' })
    const back = readReply({ status: 429, headers, body: '{}' })
    expect([back.retryAfterMs, back.requestId]).toEqual([2000, 'req-7'])
  })

  it('writes no header it cannot write safely, and never throws', () => {
    const hostile = { retryAfterMs: Number.NaN, requestId: 'a\r\nX-Evil: 1' }
    expect(errorReplyHeaders(hostile, 'application/json')).toEqual({ 'content-type': 'application/json' })
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(errorReplyHeaders(revoked.proxy, 'text/plain')).toEqual({ 'content-type': 'text/plain' })
  })
})
