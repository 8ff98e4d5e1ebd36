import { addSecret, toProblem } from '@errs/core'
import { MAX_KEY } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import { createFlussError } from '../src/adapter.js'
import { ErrorCode } from '../src/index.js'

// A code name this table does not know is kept as `details.requestedCode`, cut to MAX_KEY: the cut shows no beginning
// of a secret it falls inside (it was a plain `slice`, redacted only on output, after the token was cut in half).

const SECRET = 'Wk5CutCanarySecretValue'
const TOKEN = `ghp_${'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'}`

describe('createFlussError of an unknown name', () => {
  for (const secret of [TOKEN, SECRET]) {
    it(`keeps the name cut where redaction cuts (${secret === TOKEN ? 'a token' : 'a registered secret'} at the cut)`, () => {
      addSecret(SECRET)
      const name = `${'N'.repeat(MAX_KEY - 11)} ${secret}`
      const err = createFlussError(name)
      expect(err.code).toBe(ErrorCode.CLIENT_ERROR)
      expect(err.details.requestedCode).toBe(`${'N'.repeat(MAX_KEY - 11)} …[truncated ${secret.length} chars]`)
      const all = [JSON.stringify(err.details), err.message, JSON.stringify(toProblem(err, { exposeInternal: true }))]
      for (const text of all) expect(text).not.toContain(secret.slice(0, 6))
    })
  }
})
