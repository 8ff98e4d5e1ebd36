import { describe, expect, it } from 'vitest'
import { fromErrorResponse, toErrorResponse } from '../src/index.js'

// Round 30 finding: a server's `context` keyed by host, address or path passed its keys to the public ErrorResponse
// (and the public problem) as they were; values were scrubbed, keys were not.

describe('the public ErrorResponse of a decoded error', () => {
  it('scrubs the keys of `context` as it scrubs its values; the trusted form keeps them', () => {
    const e = fromErrorResponse(
      {
        code: 4,
        error: 'Table t not found',
        context: { 'db-7.internal.example:5432': 'down', '10.1.2.3': 'x', table: 't' },
      },
      { status: 404 },
    )
    const pub = toErrorResponse(e)
    expect(pub.body.context).toEqual({ '[internal]': 'down', table: 't' })
    expect(JSON.stringify(pub)).not.toMatch(/db-7|10\.1\.2\.3/)
    expect(toErrorResponse(e, { exposeInternal: true }).body.context).toEqual({
      'db-7.internal.example:5432': 'down',
      '10.1.2.3': 'x',
      table: 't',
    })
  })
})
