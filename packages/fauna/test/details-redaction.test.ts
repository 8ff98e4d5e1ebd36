import { addSecret } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { fromHttp } from '../src/index.js'
import { fromResponse as fromResponseV10 } from '../src/v10.js'

// `details` is an enumerable field: structured loggers (pino, winston) write it as it is, without `toJSON`.
// So what a decoder keeps there from a reply is redacted when the error is made, as the message is.

const SECRET = 'CANARY-SECRET-123456'

describe('details of errors decoded from a Fauna reply', () => {
  it('v4 fromHttp: details.errors / details.position hold no secret (details.description is redacted)', () => {
    addSecret(SECRET)
    const err = fromHttp({
      status: 400,
      headers: {},
      body: JSON.stringify({
        errors: [{ code: 'invalid argument', description: `password=hunter2xyz ${SECRET}`, position: [SECRET] }],
      }),
    })
    const details = JSON.stringify(err.details)
    expect(details).not.toContain(SECRET)
    expect(details).not.toContain('hunter2xyz')
  })

  it('v10 fromResponse: details.queryInfo.summary and details.abort hold no registered secret', async () => {
    addSecret(SECRET)
    const err = await fromResponseV10(
      new Response(
        JSON.stringify({ error: { code: 'abort', message: 'm', abort: `token=${SECRET}` }, summary: SECRET }),
        {
          status: 400,
        },
      ),
    )
    expect(JSON.stringify(err.details)).not.toContain(SECRET)
  })
})
