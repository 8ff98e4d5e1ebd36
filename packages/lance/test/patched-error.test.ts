import { describe, expect, it } from 'vitest'
import { outputs, underStackRewritingError } from '../../core/test/support/stack-rewriting-error.js'
import { fromErrorResponse, TableNotFoundError } from '../src/index.js'

// A decoder's error holds its message redacted: no secret the server put in it reaches any output, whatever the
// process did to the global `Error` (the decoders make their error from a plain `Error`).
const SECRET = 'hunter2'

describe('Lance decoders under a global Error that formats its stack when made', () => {
  it('fromErrorResponse', () => {
    const body = { error: `table t not found via https://admin:${SECRET}@ns.example/v1`, code: 4 }
    const e = underStackRewritingError(() => fromErrorResponse(body, { status: 404 }))
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })
})
