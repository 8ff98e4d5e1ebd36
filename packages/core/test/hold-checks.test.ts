import { describe, expect, it } from 'vitest'
import { ErrsError, type ErrsErrorInit, fromResponse, toProblem, toResponse } from '../src/index.js'
import { errorReplyHeaders, requestIdOf } from '../src/kit.js'

// The fields of an ErrsError are worked out in one place (`hold`), for the constructor and for decoders alike, and
// checked there: a JavaScript caller (or a hostile options object) is not held to the types. Before, a kind outside
// ERROR_KINDS, a status of 7, `retryable: 'yes'` and a request id with CR/LF were stored as given.

const bad = {
  system: 'test',
  message: 'm',
  code: 'X',
  reason: 'X',
  kind: 'bogus',
  status: 7,
  retryable: 'yes',
  retryAfterMs: Number.NaN,
  requestId: 'a\r\nSet-Cookie: x=1',
} as unknown as ConstructorParameters<typeof ErrsError>[0]

describe('hold checks what it stores', () => {
  it('an unknown kind is `unknown`; status and retryable that are not an HTTP status and a boolean are the kind’s', () => {
    const err = new ErrsError(bad)
    expect(err.kind).toBe('unknown')
    expect(err.status).toBe(500)
    expect(err.retryable).toBe(false)
    expect(err.retryAfterMs).toBeUndefined()
    expect(err.requestId).toBeUndefined()
    expect(toProblem(err).status).toBe(500)
  })

  it('a known kind with an ill-typed status and retryable takes the kind’s', () => {
    const err = new ErrsError({ ...bad, kind: 'unavailable', status: 200.5, retryable: 1 } as never)
    expect([err.kind, err.status, err.retryable]).toEqual(['unavailable', 503, true])
  })

  it('a code that is not a finite number is kept as text', () => {
    const err = new ErrsError({ ...bad, kind: 'internal', code: Number.NaN } as never)
    expect(err.code).toBe('NaN')
  })

  it('well-typed fields are kept as given', () => {
    const err = new ErrsError({
      system: 'test',
      message: 'm',
      code: 7,
      reason: 'X',
      kind: 'not_found',
      status: 410,
      retryable: true,
      retryAfterMs: 1500,
      requestId: 'req-1',
    })
    expect([err.code, err.status, err.retryable, err.retryAfterMs, err.requestId]).toEqual([
      7,
      410,
      true,
      1500,
      'req-1',
    ])
  })

  it('a request id is kept only when it can be sent back in x-request-id', async () => {
    for (const id of ['', '   ', 'a\nb', 'a\0b', 'żółw', 'x'.repeat(257)]) expect(requestIdOf(id)).toBeUndefined()
    expect(requestIdOf('x'.repeat(256))).toBe('x'.repeat(256))
    // An encoder writes the id it keeps (`errorReplyHeaders`): the bad one is gone, a good one goes out.
    expect(errorReplyHeaders(new ErrsError({ ...bad, kind: 'unavailable' } as never), 'application/json')).toEqual({
      'content-type': 'application/json',
    })
    const good = new ErrsError({ ...bad, kind: 'unavailable', requestId: 'req-2' } as never)
    expect(errorReplyHeaders(good, 'application/json')['x-request-id']).toBe('req-2')
    expect(await toResponse(good).text()).not.toContain('Set-Cookie')
  })
})

describe('a request id that cannot be kept leaves room for the next one', () => {
  it("a problem's bad requestId gives way to the reply's x-request-id", async () => {
    const body = JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, requestId: 'a\r\nX-Evil: 1' })
    const res = new Response(body, {
      status: 404,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-h' },
    })
    const err = await fromResponse(res)
    expect(err.requestId).toBe('req-h')
  })
})

describe('title', () => {
  // RFC 9457 §3.1.3 (https://www.rfc-editor.org/rfc/rfc9457#section-3.1.3): "title" is "a short, human-readable
  // summary of the problem type". An error made with neither title nor reason had an empty one.
  it('is the kind’s generic title when neither title nor reason is given', () => {
    const e = new ErrsError({ system: 'x', code: 1, reason: '', kind: 'not_found', message: 'm' })
    expect(e.title).toBe('The resource was not found')
    expect(toProblem(e).title).toBe('The resource was not found')
    // A JavaScript caller is not held to the types: no reason at all.
    const js = new ErrsError({ system: 'x', code: 1, kind: 'unavailable', message: 'm' } as unknown as ErrsErrorInit)
    expect(js.title).toBe('The service is unavailable')
    expect(new ErrsError({ system: 'x', code: 1, reason: 'GONE', kind: 'not_found', message: 'm' }).title).toBe('GONE')
    expect(
      new ErrsError({ system: 'x', code: 1, reason: 'GONE', kind: 'not_found', title: 'Gone for good', message: 'm' })
        .title,
    ).toBe('Gone for good')
  })
})
