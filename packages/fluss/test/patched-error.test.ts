import { describe, expect, it } from 'vitest'
import { outputs, underStackRewritingError } from '../../core/test/support/stack-rewriting-error.js'
import { decodeErrorJson, FlussError } from '../src/index.js'
import { decodeErrorResponse, encodeErrorResponse } from '../src/wire.js'

// A decoder's error holds its message redacted: no secret the server put in it reaches any output, whatever the
// process did to the global `Error` (the decoders make their error from a plain `Error`).
const SECRET = 'hunter2'
const MESSAGE = `Failed to authenticate (password=${SECRET})`

describe('Fluss decoders under a global Error that formats its stack when made', () => {
  it('decodeErrorJson', () => {
    const e = underStackRewritingError(() => decodeErrorJson({ error_code: 46, error_message: MESSAGE }))
    expect(e).toBeInstanceOf(FlussError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })

  it('decodeErrorResponse (wire)', () => {
    const bytes = encodeErrorResponse({ error_code: 46, error_message: MESSAGE })
    const e = underStackRewritingError(() => decodeErrorResponse(bytes))
    expect(e).toBeInstanceOf(FlussError)
    expect(outputs(e)).not.toContain(SECRET)
  })
})
