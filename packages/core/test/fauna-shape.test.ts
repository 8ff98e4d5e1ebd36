import { describe, expect, it } from 'vitest'
import { redactString } from '../src/index.js'

// Fauna key and token secrets are hidden by core's one shape, in every system's text and whatever ran before:
// `@errs/fauna` registered a broader pattern for the whole process the first time a Fauna error was made, so the
// same Fluss or Lance message was redacted differently before and after (a history-dependent output).
// Shape: https://docs.fauna.com/fauna/current/reference/fql-api/auth/key (`secret: "fn..."`, 40 characters today).

describe("core's Fauna secret shape", () => {
  it('hides a short Fauna secret in any text, before any Fauna error exists', () => {
    expect(redactString('denied: fnAEshortKEY12345678')).toBe('denied: [REDACTED]')
    expect(redactString('key fnAFbbXr8ZACAPbt3ZuRNoLuvl1tkIdd2IzMNtSw:db:admin')).toBe('key [REDACTED]:db:admin')
  })

  it('keeps words that only start with fn', () => {
    for (const text of [
      'fnmatch failed in fn_call',
      'fnordConfigurationValue1',
      'the function fn_apply_all_pending_migrations',
    ]) {
      expect(redactString(text)).toBe(text)
    }
  })
})
