import { describe, expect, it } from 'vitest'
import { ErrorCode, fromResponse, TableNotFoundError } from '../src/index.js'

// `fromResponse` reads its reply with core's one reader (`readResponse`), which takes every carrier core's
// `fromResponse` takes; its parameter type says so (it once demanded a fetch `Response`'s `text()`, so a plain
// reply object, which worked, did not type-check). This file is type-checked with the package (`pnpm typecheck`).
// The body is the Lance REST spec's ErrorResponse (lance-format/lance-namespace `docs/src/rest.yaml`, ErrorResponse;
// code 4 = TableNotFound, `lance-namespace` `ErrorCode`).

const body = { code: 4, error: 'Table not found: db.t', type: 'TableNotFound' }

describe('fromResponse takes every reply carrier core reads', () => {
  it('a plain { status, headers, body }, axios-style { status, headers, data }, Fastify-style { statusCode, body }', async () => {
    const plain = await fromResponse({ status: 404, headers: { 'x-request-id': 'r-1' }, body })
    const axiosLike = await fromResponse({ status: 404, headers: {}, data: body })
    const injected = await fromResponse({ statusCode: 404, headers: {}, body: JSON.stringify(body) })
    for (const e of [plain, axiosLike, injected]) {
      expect(e).toBeInstanceOf(TableNotFoundError)
      expect(e.code).toBe(4)
    }
    expect(plain.requestId).toBe('r-1')
  })

  it('the request url of a plain carrier names the operation of a bare 404', async () => {
    const e = await fromResponse({
      status: 404,
      headers: {},
      body: '',
      url: 'http://127.0.0.1:1/v1/table/db$t/index/idx/stats',
    })
    expect(e.code).toBe(ErrorCode.TABLE_INDEX_NOT_FOUND)
  })
})
