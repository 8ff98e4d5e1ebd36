import { fromProblem, toProblem } from '@errs/core'
import * as fauna from 'fauna'
import { describe, expect, it } from 'vitest'
import { adapter, normalize } from '../src/adapter.js'
import * as v4 from '../src/index.js'
import * as v10 from '../src/v10.js'

// A ProtocolError stands for any reply the driver cannot read: fauna-js 2.5.0 `src/errors.ts` documents the class as
// "An error representing a HTTP failure - but one not directly emitted by Fauna" and makes it for an empty 200 ("…
// Response is empty. Please try again."), a body that is no JSON ("Error parsing response as JSON: …") and JSON of
// an unknown shape ("Response is in an unkown format: …"), each with the reply's status (src/client.ts,
// `#executeRequest`; faunadb 4.8.2 `src/Client.js` likewise). A problem's `title` is the same for every occurrence of
// its type (RFC 9457 §3.1.3), so it cannot be the empty reply's text.
const TITLE = 'An HTTP failure not directly emitted by Fauna'
const EMPTY = 'There was an issue communicating with Fauna. Response is empty. Please try again.'

describe('the title of a ProtocolError problem is true of every unreadable reply', () => {
  const cases = [
    ['v10, 502 HTML page', () => v10.fromHttp({ status: 502, body: '<html>bad gateway</html>' })],
    ['v4, 502 HTML page', () => v4.fromHttp({ status: 502, body: '<html>bad gateway</html>' })],
    ['v10, 413 text', () => v10.fromHttp({ status: 413, body: 'too large' })],
    ['v4, 413 text', () => v4.fromHttp({ status: 413, body: 'too large' })],
    ['v10, empty 200', () => v10.fromHttp({ status: 200, body: '' })],
    ['v4, empty 200', () => v4.fromHttp({ status: 200, body: '' })],
  ] as const

  for (const [name, make] of cases) {
    it(name, () => {
      const err = make()
      expect(err.name).toBe('ProtocolError')
      expect(toProblem(err).title).toBe(TITLE)
      expect(toProblem(err, { exposeInternal: true }).title).toBe(TITLE)
      expect(fromProblem(JSON.parse(JSON.stringify(toProblem(err)))).title).toBe(TITLE)
    })
  }

  it("keeps the driver's text as the message of an empty reply only, which alone is retried", () => {
    const empty = v10.fromHttp({ status: 200, body: '' })
    const html = v10.fromHttp({ status: 502, body: '<html>bad gateway</html>' })
    const tooLarge = v10.fromHttp({ status: 413, body: 'too large' })
    expect([empty.message, empty.retryable]).toEqual([EMPTY, true])
    expect(html.message).not.toContain('empty')
    expect([tooLarge.retryable, toProblem(tooLarge).title]).toEqual([false, TITLE])
    expect(v4.fromHttp({ status: 200, body: '' }).message).toBe(EMPTY)
  })

  it("normalize of fauna 2.5.0's own ProtocolError, and adapter.create in both dialects", () => {
    // fauna 2.5.0 src/errors.ts: `new ProtocolError({ message, httpStatus })`.
    const driver = new fauna.ProtocolError({ message: 'Error parsing response as JSON: SyntaxError', httpStatus: 502 })
    const made = [
      normalize(driver),
      adapter.create('ProtocolError', undefined, { variant: 'v4' }),
      adapter.create('ProtocolError', undefined, { variant: 'v10' }),
    ]
    expect(made.map((e) => [e.name, toProblem(e).title])).toEqual([
      ['ProtocolError', TITLE],
      ['ProtocolError', TITLE],
      ['ProtocolError', TITLE],
    ])
  })

  it('the code tables say so (the title of the ProtocolError rows; the others have none)', () => {
    const rows = [...v4.CODES, ...v10.CODES]
    expect(rows.filter((r) => r.title !== undefined).map((r) => [r.variant, r.code, r.title])).toEqual([
      ['v4', 'ProtocolError', TITLE],
      ['v10', 'ProtocolError', TITLE],
    ])
  })
})
