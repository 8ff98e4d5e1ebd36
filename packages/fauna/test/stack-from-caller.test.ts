import * as fauna from 'fauna'
import faunadb from 'faunadb'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/adapter.js'
import * as v4 from '../src/index.js'
import * as v10 from '../src/v10.js'

// An error made several calls down (a driver's error recognised, an unreadable reply) has its stack start at the
// user's call, as the drivers' own errors start theirs at the constructor's caller (fauna-js 2.5.0 src/errors.ts:
// `Error.captureStackTrace(this, ProtocolError)`); with Node's default of 10 frames, the adapter's own frames
// (recognizers, the dialect's decoder) crowded the caller's out.

/** The first frame of a stack (the line after the header). */
const firstFrame = (err: unknown): string =>
  ((err as Error).stack ?? '').split('\n').find((l) => /^\s+at /.test(l)) ?? ''

// faunadb 4.8.2 src/errors.js: a FaunaHTTPError takes the RequestResult alone; src/RequestResult.js names its fields.
function faunadbNotFound(): unknown {
  const responseContent = { errors: [{ code: 'instance not found', description: 'Set not found.', position: [] }] }
  const rr = { statusCode: 404, responseContent, responseRaw: JSON.stringify(responseContent), responseHeaders: {} }
  return new (faunadb.errors.NotFound as unknown as new (rr: unknown) => Error)(rr)
}

// fauna 2.5.0 src/errors.ts: a ServiceError takes the query failure and the HTTP status.
function faunaFailure(): unknown {
  const failure = { error: { code: 'document_not_found', message: 'Not found.' }, summary: 'error: not found' }
  return new fauna.QueryRuntimeError(failure as never, 400)
}

describe("an error made down the adapter's calls has its stack start at the caller", () => {
  it('normalize of a faunadb 4.8.2 error (both entries)', () => {
    function callsAdapterNormalize() {
      return normalize(faunadbNotFound())
    }
    function callsV4Normalize() {
      return v4.normalize(faunadbNotFound())
    }
    const a = callsAdapterNormalize()
    const b = callsV4Normalize()
    expect(a.name).toBe('NotFound')
    expect(firstFrame(a)).toContain('callsAdapterNormalize')
    expect(firstFrame(b)).toContain('callsV4Normalize')
    // The driver's own error, with its own stack, is the cause.
    expect((a.cause as Error).stack).toContain('faunadbNotFound')
  })

  it('normalize of a fauna 2.5.0 error', () => {
    function callsV10Normalize() {
      return v10.normalize(faunaFailure())
    }
    const e = callsV10Normalize()
    expect(e.name).toBe('QueryRuntimeError')
    expect(firstFrame(e)).toContain('callsV10Normalize')
  })

  it('fromHttp of an unreadable reply (ProtocolError), both dialects', () => {
    function callsV4FromHttp() {
      return v4.fromHttp({ status: 502, body: '<html>bad gateway</html>' })
    }
    function callsV10FromHttp() {
      return v10.fromHttp({ status: 502, body: '<html>bad gateway</html>' })
    }
    const a = callsV4FromHttp()
    const b = callsV10FromHttp()
    expect([a.name, b.name]).toEqual(['ProtocolError', 'ProtocolError'])
    expect(firstFrame(a)).toContain('callsV4FromHttp')
    expect(firstFrame(b)).toContain('callsV10FromHttp')
  })

  it('fromResponse of an unreadable reply starts at the caller too', async () => {
    async function callsV10FromResponse() {
      return v10.fromResponse(new Response('<html>bad gateway</html>', { status: 502 }))
    }
    const e = await callsV10FromResponse()
    expect(e.name).toBe('ProtocolError')
    expect(e.stack).not.toMatch(/decodeReply|protocolError|httpDecoders/)
  })

  it("a value that is already the adapter's error is returned as it is, its stack untouched", () => {
    const mine = v10.fromHttp({ status: 502, body: 'x' })
    const stack = mine.stack
    expect(normalize(mine)).toBe(mine)
    expect(mine.stack).toBe(stack)
  })
})
