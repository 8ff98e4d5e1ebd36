import { describe, expect, it } from 'vitest'
import { bodyKinds } from '../../core/test/support/body-kinds.js'
import { adapter } from '../src/adapter.js'
import { errors, fromHttp } from '../src/index.js'
import * as v10 from '../src/v10.js'

// A reply body read as `Response.arrayBuffer()` (an `ArrayBuffer`), or handed on as another view of the same bytes,
// decodes as the bytes in a `Uint8Array` or the text do. v4: faunadb picks the class by status, 404 → NotFound
// (fauna/faunadb-js src/errors.js `FaunaHTTPError.raiseForStatusCode` @ 4.8.2); v10: fauna-js picks it by code,
// `document_not_found` → QueryRuntimeError (fauna/fauna-js src/errors.ts `getServiceError` @ 2.5.0).
const V4 = '{"errors":[{"code":"instance not found","description":"x"}]}'
const V10 = '{"error":{"code":"document_not_found","message":"x"}}'

describe('Fauna: a binary body of any kind', () => {
  it('v4 fromHttp and adapter.decode give NotFound for "instance not found" at 404', () => {
    for (const [name, body] of bodyKinds(V4)) {
      const e = fromHttp({ status: 404, body } as never)
      expect([name, e instanceof errors.NotFound, e.message]).toEqual([name, true, 'instance not found'])
      const d = adapter.decode({ status: 404, body } as never)
      expect([name, d instanceof errors.NotFound]).toEqual([name, true])
    }
  })

  it('v10 fromHttp and adapter.decode give QueryRuntimeError for document_not_found at 404', () => {
    for (const [name, body] of bodyKinds(V10)) {
      const e = v10.fromHttp({ status: 404, body } as never)
      expect([name, e instanceof v10.QueryRuntimeError, e.code, e.message]).toEqual([
        name,
        true,
        'document_not_found',
        'x',
      ])
      const d = adapter.decode({ status: 404, body } as never)
      expect([name, d instanceof v10.QueryRuntimeError]).toEqual([name, true])
    }
  })
})
