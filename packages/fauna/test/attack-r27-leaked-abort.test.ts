import { toProblem, toResponse } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { normalize as normalizeBoth } from '../src/adapter.js'
import { errors, normalize } from '../src/index.js'
import { normalize as normalizeV10 } from '../src/v10.js'

// faunadb 4.8 lets the fetch/HTTP2 layer's own errors through (an abort, a timeout, a reset connection), and
// `normalize` wraps them in its v4 classes. Such an error's message is another library's text (a `DOMException`'s, or
// whatever `controller.abort(reason)` was given), a foreign message: the public problem shows its kind's title, as
// core's `normalizeWith` does for every wrapped value (`publicMessage: problemDetail(value)`). A 499 `AbortError` is no
// unexpected error (not 5xx), so the v4 wrapper showed the foreign text itself in `detail`, `toResponse` and the OTel
// message, where the v10 dialect, Lance, Fluss and core all say "The request was cancelled".

const TEXT = 'aborted by job 7 of tenant acme-prod while reading customers_2024 (retry budget 3)'

const leaks = (): Array<[string, unknown]> => [
  ['DOMException AbortError', new DOMException(TEXT, 'AbortError')],
  ['Error named AbortError', Object.assign(new Error(TEXT), { name: 'AbortError' })],
]

describe('a leaked foreign abort keeps its text out of the public problem', () => {
  for (const [label, leak] of leaks()) {
    it(`${label}: v4 normalize`, async () => {
      for (const e of [normalize(leak), normalizeBoth(leak), normalizeBoth(leak, { dialect: 'v4' })]) {
        expect(e).toBeInstanceOf(errors.AbortError)
        expect(e.kind).toBe('cancelled')
        // The trusted form and the error itself keep the text.
        expect(e.message).toBe(TEXT)
        expect(toProblem(e, { exposeInternal: true }).detail).toBe(TEXT)
        // The public form says what the v10 dialect and core say for the same value.
        const detail = toProblem(e).detail
        expect(detail).toBe(toProblem(normalizeV10(leak)).detail)
        expect(detail).toBe('The request was cancelled')
        expect(await toResponse(e).text()).not.toContain('acme-prod')
      }
    })
  }

  it("faunadb's own AbortError keeps faunadb's text", () => {
    // faunadb/src/_http/errors.js @ 4.8.2: `this.message = message || 'Request aborted'`, `this.isAbortError = true`.
    const own = Object.assign(new Error('Request aborted'), { isAbortError: true })
    expect(toProblem(normalize(own)).detail).toBe('Request aborted')
  })
})
