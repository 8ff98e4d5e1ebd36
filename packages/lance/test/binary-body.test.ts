import { describe, expect, it } from 'vitest'
import { bodyKinds } from '../../core/test/support/body-kinds.js'
import { adapter, fromErrorResponse, fromResponse, TableNotFoundError } from '../src/index.js'

// A reply body read as `Response.arrayBuffer()` (an `ArrayBuffer`), or handed on as another view of the same bytes,
// decodes as the bytes in a `Uint8Array` or the text do. Code 4 is TableNotFound, HTTP 404: lance-format/lance-namespace
// docs/src/namespace/operations/errors.md and docs/src/namespace/supported-catalogs/lance-rest.md @ eeb337ca.
const TEXT = '{"code":4,"error":"x"}'

describe('Lance: a binary body of any kind', () => {
  it('fromErrorResponse, adapter.decode and fromResponse give TableNotFoundError for {"code":4} at 404', async () => {
    for (const [name, body] of bodyKinds(TEXT)) {
      const direct = fromErrorResponse(body, { status: 404 })
      expect([name, direct instanceof TableNotFoundError, direct.code, direct.message]).toEqual([name, true, 4, 'x'])
      const decoded = adapter.decode({ status: 404, headers: {}, body } as never)
      expect([name, decoded instanceof TableNotFoundError, decoded.code]).toEqual([name, true, 4])
      const read = await fromResponse({ status: 404, headers: {}, body })
      expect([name, read instanceof TableNotFoundError, read.code]).toEqual([name, true, 4])
    }
  })
})

describe('Lance: a binary body that is no ErrorResponse', () => {
  it('keeps the same raw preview as the bytes in a Uint8Array: their text', () => {
    const html = '<html>Bad Gateway</html>'
    for (const [name, body] of bodyKinds(html)) {
      const e = fromErrorResponse(body, { status: 502 })
      expect([name, e.details.raw]).toEqual([name, html])
    }
  })
})
