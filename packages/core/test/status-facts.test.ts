import { describe, expect, it } from 'vitest'
import { fromProblem, fromResponse, isRetryable, normalize } from '../src/index.js'
import {
  classifyForeign,
  errsInit,
  HTTP_RETRY_AFTER_STATUSES,
  HTTP_RETRY_STATUSES,
  httpStatusToKind,
  statusFacts,
} from '../src/kit.js'

/** A proxy's error page: no problem, no code, only the status (and perhaps `Retry-After`). */
const page = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: '<html>x</html>' })

describe('statusFacts: the one decision from a bare HTTP status', () => {
  it('repeats a 408: the request never arrived whole', async () => {
    // RFC 9110 §15.5.9 (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9): "If the client has an outstanding
    // request in transit, it MAY repeat that request."
    const e = await fromResponse(page(408))
    expect([e.kind, e.status, e.retryable]).toEqual(['deadline_exceeded', 408, true])
    expect(classifyForeign({ status: 408 }).retryable).toBe(true)
  })

  it('repeats a 425 Too Early', async () => {
    // RFC 8470 §5.2 (https://www.rfc-editor.org/rfc/rfc8470#section-5.2): a user agent "SHOULD retry automatically".
    expect((await fromResponse(page(425))).retryable).toBe(true)
    expect(isRetryable(normalize({ status: 425 }))).toBe(true)
  })

  it('does not repeat a 409, 413 or 431 as it is, whatever their kind', async () => {
    // RFC 9110 §15.5.10: a 409 is resubmitted once the user resolved the conflict; RFC 6585 §5
    // (https://www.rfc-editor.org/rfc/rfc6585#section-5): a 431 "MAY be resubmitted after reducing the size of the
    // request header fields"; RFC 9110 §15.5.14: a 413 is temporary only when the server sends Retry-After.
    for (const status of [409, 413, 431]) {
      const e = await fromResponse(page(status))
      expect([e.kind, e.status, e.retryable]).toEqual([httpStatusToKind(status), status, false])
      expect(classifyForeign({ statusCode: status }).retryable).toBe(false)
      expect(fromProblem({ type: 'about:blank', title: 'x', status }).retryable).toBe(false)
    }
  })

  it('repeats a 413 that says when: Retry-After marks it temporary', async () => {
    // RFC 9110 §15.5.14 (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14): "If the condition is temporary,
    // the server SHOULD generate a Retry-After header field to indicate that it is temporary and after what time the
    // client MAY try again."
    const e = await fromResponse(page(413, { 'retry-after': '5' }))
    expect([e.kind, e.retryable, e.retryAfterMs]).toEqual(['resource_exhausted', true, 5000])
    expect(fromProblem({ type: 'about:blank', title: 'x', status: 413, retryAfterMs: 5000 }).retryable).toBe(true)
    expect(statusFacts(413, HTTP_RETRY_AFTER_STATUSES).retryable).toBe(true)
    expect(statusFacts(413).retryable).toBe(false)
  })

  it('gives unknown, 500, not retryable without an HTTP error status', () => {
    for (const status of [undefined, 200, 302, 600, 4.5, '503']) {
      expect(statusFacts(status)).toEqual({ kind: 'unknown', status: 500, retryable: false })
    }
  })

  it('is what fromResponse, the foreign classifier, a kindless problem and errsInit say, for every status', async () => {
    for (let status = 400; status <= 599; status++) {
      const want = statusFacts(status)
      const r = await fromResponse(page(status))
      expect({ kind: r.kind, status: r.status, retryable: r.retryable }).toEqual(want)
      const c = classifyForeign({ status })
      expect({ kind: c.kind, status: c.status, retryable: c.retryable }).toEqual(want)
      const p = fromProblem({ type: 'about:blank', title: 'x', status })
      expect({ kind: p.kind, status: p.status, retryable: p.retryable }).toEqual(want)
      const i = errsInit('x', 'NEW', undefined, undefined, {}, status, HTTP_RETRY_STATUSES)
      expect({ kind: i.kind, status: i.status, retryable: i.retryable }).toEqual(want)
    }
  })

  it('lets a system pass the statuses its clients retry; an unknown code is retried by none by default', () => {
    expect(errsInit('x', 'NEW', undefined, undefined, {}, 503).retryable).toBe(false)
    expect(errsInit('x', 'NEW', undefined, undefined, {}, 429, [429]).retryable).toBe(true)
    // The code's own row wins over the status.
    const row = { code: 'OLD', reason: 'OLD', kind: 'not_found', status: 404, retryable: false, message: 'm' } as const
    expect(errsInit('x', 'OLD', row, undefined, {}, 503, [503]).retryable).toBe(false)
  })

  it('keeps a kind or retry rule the problem states', () => {
    const e = fromProblem({ type: 'about:blank', title: 'x', status: 409, kind: 'aborted' })
    expect([e.kind, e.retryable]).toEqual(['aborted', true])
    expect(fromProblem({ type: 'about:blank', title: 'x', status: 503, retryable: false }).retryable).toBe(false)
  })
})
