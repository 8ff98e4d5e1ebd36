import { describe, expect, it } from 'vitest'
import { BadRequest, fromResponse } from '../src/index.js'
import * as v10 from '../src/v10.js'

// Both dialects' `fromResponse` read their reply with core's one reader (`readResponse`), which takes every carrier
// core's `fromResponse` takes; the parameter type says so (it once demanded a fetch `Response`'s `text()`, so a plain
// reply object, which worked, did not type-check). This file is type-checked with the package (`pnpm typecheck`).
// Bodies: FQL v4 error reply `{ errors: [{ code, description }] }` (fauna/faunadb-js `src/errors.js`, BadRequest for
// 400); FQL v10 query failure `{ error: { code, message } }` (fauna/fauna-js `src/errors.ts`, `getServiceError`:
// 400 with `invalid_query` → QueryCheckError).

describe('fromResponse takes every reply carrier core reads', () => {
  it('v4: a plain { status, headers, body } and axios-style { status, headers, data }', async () => {
    const body = { errors: [{ code: 'invalid expression', description: 'No form/function found.' }] }
    for (const reply of [
      { status: 400, headers: { 'x-faunadb-build': '1' }, body: JSON.stringify(body) },
      { status: 400, headers: {}, data: body },
    ]) {
      const e = await fromResponse(reply)
      expect(e).toBeInstanceOf(BadRequest)
      expect(e.code).toBe('invalid expression')
    }
  })

  it('v10: Fastify-style { statusCode, headers, body }', async () => {
    const e = await v10.fromResponse({
      statusCode: 400,
      headers: {},
      body: JSON.stringify({ error: { code: 'invalid_query', message: 'The query failed 1 validation check' } }),
    })
    expect(e).toBeInstanceOf(v10.QueryCheckError)
    expect(e.code).toBe('invalid_query')
  })
})
