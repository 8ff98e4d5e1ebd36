import { describe, expect, it } from 'vitest'
import { addSecret, normalize } from '../src/index.js'
import { MAX_KEY, MAX_STRING, redactBoundedText, truncate } from '../src/kit.js'

// A text cut by `truncate` (or by `describeThrown`) and redacted later must show no more of a secret than a text
// cut and redacted at once (`redactBounded`): the cut drops a token it falls inside and the beginning of a
// registered secret, and cutting again to the same bound keeps the first cut's mark (one mark, the right count).

const SECRET = 'Qk7CutCanarySecretValue'
const TOKEN = `ghp_${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'}`

function straddling(secret: string, bound: number): string {
  // The secret starts 10 characters before the bound: a plain cut would keep its first 10 characters.
  return `${'x'.repeat(bound - 11)} ${secret} tail`
}

describe('truncate cuts where redaction cuts', () => {
  for (const [label, secret] of [
    ['a token', TOKEN],
    ['a registered secret', SECRET],
  ] as const) {
    it(`leaves no beginning of ${label} the cut falls inside, cut alone or then redacted`, () => {
      addSecret(SECRET)
      const text = straddling(secret, MAX_KEY)
      const cut = truncate(text, MAX_KEY)
      expect(cut).toBe(`${'x'.repeat(MAX_KEY - 11)} …[truncated ${secret.length + 5} chars]`)
      expect(cut).not.toContain(secret.slice(0, 4))
      // Redacting the cut text gives what cutting and redacting at once gives: one mark, the right count.
      expect(redactBoundedText(cut, MAX_KEY)).toBe(redactBoundedText(text, MAX_KEY))
      expect(truncate(cut, MAX_KEY)).toBe(cut)
    })
  }

  it('a thrown value with a long message becomes an error whose message shows no part of a token at the cut', () => {
    const big = straddling(TOKEN, 16 * 1024)
    const err = normalize(new Error(big))
    expect(err.message).not.toContain('ghp_')
    expect(err.message.endsWith(`…[truncated ${TOKEN.length + 5} chars]`)).toBe(true)
    expect(err.message.match(/…\[truncated/g)).toHaveLength(1)
  })

  it('short texts and cuts outside words are as before', () => {
    expect(truncate('short', 10)).toBe('short')
    expect(truncate('a b c d e f', 5)).toBe('a b c…[truncated 6 chars]')
    // A surrogate pair is never split.
    expect(truncate(`a ${'😀'}`, 3)).toBe('a …[truncated 2 chars]')
  })

  it('a text ending in a mark of its own is not taken as cut unless the mark starts within the bound', () => {
    const forged = `${'y'.repeat(300)}…[truncated 1 chars]`
    expect(truncate(forged, 256)).toBe(`…[truncated ${forged.length} chars]`)
  })
})

describe('a mark another producer wrote', () => {
  it('is trusted only when the text before it shows no beginning of a registered secret', () => {
    addSecret(SECRET)
    // A plain cut inside the secret, then a mark in this format: the head ends with the secret's first characters.
    const forged = `${'z'.repeat(100)} ${SECRET.slice(0, 8)}…[truncated 15 chars]`
    expect(redactBoundedText(forged, 120)).not.toContain(SECRET.slice(0, 8))
    expect(truncate(forged, 120)).not.toContain(SECRET.slice(0, 8))
  })
})

describe('a cut inside a URL keeps no part of its password', () => {
  // RFC 3986 §3.2.1: `userinfo` ends at the `@` before the host, and redaction hides a URL's password by that `@`
  // (`https://u:pw@host`). A URL glued to a word too long to drop whole (here 16,000+ characters without a
  // separator) is cut where it falls: inside the authority, the head kept `https://u:CANARY` and showed `CANARY`.
  const PASSWORD = 'CANARY3pw'
  const url = `https://u:${PASSWORD}@db.example.com/x`
  for (const pad of [16368, 16372, 16375]) {
    it(`cut ${MAX_STRING - pad} characters into the URL`, () => {
      const out = redactBoundedText(`${'y'.repeat(pad)}${url}`)
      for (let n = 2; n <= PASSWORD.length; n++) expect(out).not.toContain(`u:${PASSWORD.slice(0, n)}`)
      expect(out.endsWith(`https://…[truncated ${url.length - 'https://'.length} chars]`)).toBe(true)
      expect(truncate(`${'y'.repeat(pad)}${url}`)).toBe(out)
    })
  }

  it('the same in a JSON-escaped URL (`https:\\/\\/u:pw@host`, a raw body kept as its text)', () => {
    const escaped = `https:\\/\\/u:${PASSWORD}@db.example.com\\/x`
    const out = redactBoundedText(`${'y'.repeat(16370)}${escaped}`)
    expect(out).not.toContain('u:CA')
    expect(out.endsWith(`https:\\/\\/…[truncated ${escaped.length - 'https:\\/\\/'.length} chars]`)).toBe(true)
  })

  it('a cut after the `@` or in the path stays where it was (the password is whole, and hidden)', () => {
    const atHost = redactBoundedText(`${'y'.repeat(16355)}${url}`)
    expect(atHost).toContain('https://u:[REDACTED]@db.exampl…[truncated')
    const inPath = redactBoundedText(`${'y'.repeat(16300)}https://example.com/a/long/path/${'z'.repeat(100)}`)
    expect(inPath).toContain('https://example.com/a/long/path/zz')
  })
})
