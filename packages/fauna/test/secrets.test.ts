import { inspect } from 'node:util'
import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { adapter, normalize } from '../src/adapter.js'
import { fromHttp, type RequestResult, Unauthorized } from '../src/index.js'
import * as v10 from '../src/v10.js'

const CANARY = 'fnAECANARYzz9876543210'

function outputs(e: Error): string[] {
  return [
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
    inspect(e, { depth: 20 }),
    JSON.stringify(adapter.encode(e as never)),
  ]
}

describe('the client secret never shows', () => {
  it('requestResult carrying Authorization stays hidden', () => {
    const requestResult: RequestResult = {
      method: 'POST',
      path: '/',
      requestHeaders: { Authorization: `Bearer ${CANARY}` },
      statusCode: 401,
      responseContent: { errors: [{ code: 'unauthorized', description: `Unauthorized Bearer ${CANARY}` }] },
    }
    const e = new Unauthorized(requestResult)
    expect(e.requestResult).toBe(requestResult)
    expect(Object.keys(e)).not.toContain('requestResult')
    for (const text of outputs(e)) expect(text).not.toContain(CANARY)
    expect(e.description).not.toContain(CANARY)
  })
  it('secrets echoed in bodies, descriptions, summaries and causes are redacted', () => {
    const v4 = fromHttp({
      status: 400,
      body: { errors: [{ code: `secret=${CANARY}`, description: `authorization: Bearer ${CANARY}` }] },
    })
    for (const text of outputs(v4)) expect(text).not.toContain(CANARY)
    const v10e = v10.fromHttp({
      status: 400,
      body: { error: { code: 'invalid_query', message: `token=${CANARY}` }, summary: `Bearer ${CANARY}` },
    })
    for (const text of outputs(v10e)) expect(text).not.toContain(CANARY)
    const wrapped = normalize(
      Object.assign(new Error(`Bearer ${CANARY}`), { headers: { authorization: `Bearer ${CANARY}` } }),
    )
    for (const text of outputs(wrapped)) expect(text).not.toContain(CANARY)
  })
})

describe('a Fauna secret right after a JSON escape (raw bodies are kept as JSON text)', () => {
  // `fn` + base64url (https://docs.fauna.com/fauna/current/reference/fql-api/auth/key): in JSON text a newline is
  // `\n`, so the letter `n` stands right before the secret.
  const SHORT = 'fnAEshortKEY12345678' // `fn` and 18 base64url characters: core's Fauna shape hides it in every system
  it.each([
    ['v4', (body: string) => fromHttp({ status: 400, headers: {}, body })],
    ['v10', (body: string) => v10.fromHttp({ status: 400, headers: {}, body })],
  ])('%s: hidden in every output of an unreadable reply that keeps the raw body', (_dialect, decode) => {
    for (const body of [
      JSON.stringify({ oops: `denied\n${SHORT}` }),
      `{"oops":"denied\\u0020${SHORT}"}`,
      `not json\\t${SHORT}`,
    ]) {
      const e = decode(body) as Error
      for (const out of outputs(e)) expect(out).not.toContain(SHORT)
    }
  })
})
