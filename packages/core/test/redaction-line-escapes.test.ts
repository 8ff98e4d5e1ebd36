import { describe, expect, it } from 'vitest'
import { fromResponse, redactString } from '../src/index.js'

// A raw body is kept as its JSON text, where a line break or tab inside a string is the two characters `\n` / `\t`
// (RFC 8259 §7: https://www.rfc-editor.org/rfc/rfc8259#section-7; what `JSON.stringify` writes). A bare value ends
// there, as it ends at the line break itself: the next line's key is no part of it, and its value is hidden too.
describe('a bare value in JSON text ends at an escaped line break or tab', () => {
  it.each([
    ['password=a\\nclient_secret = CANARY1', 'password=[REDACTED]\\nclient_secret = [REDACTED]'],
    ['{"m":"password=a\\ntoken: CANARY2"}', '{"m":"password=[REDACTED]\\ntoken: [REDACTED]"}'],
    ['password=a\\r\\napi_key=CANARY3', 'password=[REDACTED]\\r\\napi_key=[REDACTED]'],
    ['--password a\\tapi_key=CANARY4', '--password [REDACTED]\\tapi_key=[REDACTED]'],
  ])('%s', (text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('keeps an escaped backslash inside the value (a Windows path, a secret with a backslash)', () => {
    // JSON text of `password=C:\Users\nina next` and of `password=pa\nss rest` (a backslash, then n, in the secret).
    expect(redactString('password=C:\\\\Users\\\\nina next')).toBe('password=[REDACTED] next')
    expect(redactString('password=pa\\\\nss rest')).toBe('password=[REDACTED] rest')
  })

  it('ends before an escaped quote (JSON text inside a JSON string)', () => {
    expect(redactString('"{\\"m\\":\\"password=abc\\"}"')).toBe('"{\\"m\\":\\"password=[REDACTED]\\"}"')
  })

  it('end to end: an unreadable reply kept as its text shows neither value', async () => {
    const body = JSON.stringify({ message: 'password=x\nclient_secret = CANARY5' })
    const err = await fromResponse({ status: 0, headers: {}, body })
    const shown = [JSON.stringify(err), JSON.stringify(err.details), err.message, String(err.stack)]
    for (const s of shown) {
      expect(s).not.toContain('CANARY5')
      expect(s).not.toMatch(/password=x/)
    }
  })
})
