import { describe, expect, it } from 'vitest'
import { outputs, underStackRewritingError } from '../../core/test/support/stack-rewriting-error.js'
import { errorForStatus, Unauthorized } from '../src/index.js'
import * as v10 from '../src/v10.js'

// A decoder's error holds its message redacted: no secret the server put in it reaches any output, whatever the
// process did to the global `Error` (the decoders make their error from a plain `Error`).
const SECRET = 'fnAEhunter2hunter2'

describe('Fauna decoders under a global Error that formats its stack when made', () => {
  it('v10 fromHttp (getServiceError)', () => {
    const body = JSON.stringify({ error: { code: 'invalid_query', message: `bad query: secret=${SECRET}` } })
    const e = underStackRewritingError(() => v10.fromHttp({ status: 400, body }))
    expect(e).toBeInstanceOf(v10.QueryCheckError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })

  it('v4 errorForStatus', () => {
    const result = { statusCode: 401, responseContent: { errors: [{ code: `secret=${SECRET}`, description: 'no' }] } }
    const e = underStackRewritingError(() => errorForStatus(result))
    expect(e).toBeInstanceOf(Unauthorized)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })
})
