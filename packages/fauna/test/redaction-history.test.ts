import { redactString } from '@errs/core'
import { describe, expect, it } from 'vitest'
import * as v10 from '../src/v10.js'

// Making a Fauna error changes nothing about redaction elsewhere: this package registered a broader Fauna pattern
// for the whole process the first time one was made, so the same Fluss or Lance text was redacted differently before
// and after. Core's one shape (https://docs.fauna.com/fauna/current/reference/fql-api/auth/key) now hides Fauna
// secrets in every system's text from the start.

describe('Fauna redaction is the same before and after a Fauna error', () => {
  it('gives the same text', () => {
    const text = 'failed with fnordConfigurationValue1 and key fnAB12cd34EF56gh78'
    const before = redactString(text)
    v10.getServiceError({ error: { code: 'unauthorized', message: 'm' } }, 401)
    expect(redactString(text)).toBe(before)
    expect(before).toBe('failed with fnordConfigurationValue1 and key [REDACTED]')
  })
})
