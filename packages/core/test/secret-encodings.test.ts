import { describe, expect, it } from 'vitest'
import { addSecret, normalize, redactString, toProblem } from '../src/index.js'

// A registered password as a JSON string quotes it (RFC 8259 §7: `"` and `\` escaped), as Python's `json.dumps`
// writes it by default (`ensure_ascii`: every non-ASCII character a `\uXXXX` escape,
// https://docs.python.org/3/library/json.html#json.dump), and as a query parameter carries it (`encodeURIComponent`,
// ECMA-262 §19.2.6.5).
const QUOTED = 'Kx9"Quote\\Canary'
const UMLAUT = 'Kx9Gehëimnis€Canary'
const URLISH = 'Kx9 p@ss/w0rd&Canary'

describe('a registered secret in the encodings a text quotes it in', () => {
  it('inside JSON text, escaped', () => {
    addSecret(QUOTED)
    const body = JSON.stringify({ message: `login failed for secret ${QUOTED}` })
    expect(body).not.toContain(QUOTED)
    const out = redactString(body)
    expect(out).toBe('{"message":"login failed for secret [REDACTED]"}')
  })

  it('inside ASCII-only JSON (Python json.dumps), \\u-escaped', () => {
    addSecret(UMLAUT)
    const body = '{"detail": "bad password Kx9Geh\\u00ebimnis\\u20acCanary"}'
    expect(redactString(body)).toBe('{"detail": "bad password [REDACTED]"}')
  })

  it('in a query parameter, percent-encoded', () => {
    addSecret(URLISH)
    const line = `GET /v1/login?user=bob&hint=${encodeURIComponent(URLISH)}&x=1`
    expect(redactString(line)).toBe('GET /v1/login?user=bob&hint=[REDACTED]&x=1')
  })

  it('reaches no output of an error whose message quotes such a body', () => {
    addSecret(UMLAUT)
    // A client that puts the reply's text in its message (`HTTP 500: <body>`), the body Python's ASCII-only JSON.
    const err = normalize(new Error('HTTP 500: {"detail": "bad password Kx9Geh\\u00ebimnis\\u20acCanary"}'))
    const cause = err.cause as Error
    for (const text of [err.message, String(err.stack), cause.message, String(cause.stack)]) {
      expect(text).not.toContain('imnis\\u20acCanary')
    }
    expect(JSON.stringify(toProblem(err, { exposeInternal: true }))).not.toContain('imnis\\\\u20acCanary')
  })

  it('a secret with a lone surrogate registers (no percent-encoding exists) and is hidden as it is', () => {
    const lone = 'Kx9Lone\ud800Canary'
    expect(() => addSecret(lone)).not.toThrow()
    expect(redactString(`x ${lone} y`)).toBe('x [REDACTED] y')
  })
})
