import { describe, expect, it } from 'vitest'
import { addSecret } from '../src/index.js'
import { rawPreview } from '../src/kit.js'

// The promise checked here: secrets never appear in any output, `details.raw` included (structured loggers write
// `details` as it is). A preview of unreadable bytes (a binary reply a decoder could not read, such as a Fluss
// ErrorResponse cut short) is a hex dump, and a credential inside the bytes (a protobuf string field holds plain
// UTF-8) is that credential, merely encoded: the preview must not carry it, nor the beginning of a registered secret
// the cut falls inside.

const SECRET = 'Zq9RawBytesCanarySecret'
const hex = (s: string) => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('')

describe('rawPreview of bytes', () => {
  it('carries no registered secret, bearer credential or password pair, in hex or as text', () => {
    addSecret(SECRET)
    const bytes = new TextEncoder().encode(`\x08\x07\x12\x30password=hunter2xyz ${SECRET} Bearer abc.def.ghi\xff`)
    const out = rawPreview(bytes)
    for (const s of ['hunter2xyz', SECRET, 'abc.def.ghi']) {
      expect(out).not.toContain(s)
      expect(out).not.toContain(hex(s))
    }
  })

  it('leaves no beginning of a registered secret at the cut', () => {
    addSecret(SECRET)
    const bytes = new TextEncoder().encode(`${'\x01'.repeat(2048 - 8)}${SECRET}${'\x02'.repeat(100)}`)
    const out = rawPreview(bytes)
    expect(out).not.toContain(hex(SECRET.slice(0, 8)))
    expect(out).not.toContain(SECRET.slice(0, 8))
  })

  it('carries no registered secret with characters beyond ASCII: not as text, not as the hex of its UTF-8', () => {
    const secret = 'Geheimnis-ä-ÿ-Ω'
    addSecret(secret)
    const utf8 = new TextEncoder().encode(secret)
    const payloads = [
      Uint8Array.of(0x12, utf8.length, ...utf8, 0x18, 0x01),
      Uint8Array.of(0x00, 0xff, ...utf8),
      new TextEncoder().encode(`\x01${secret} password=hunter2xyz\x02`),
    ]
    for (const bytes of payloads) {
      const out = rawPreview(bytes)
      expect(out).toContain('[REDACTED]')
      for (const s of [secret, 'Geheimnis', hex(secret), hex('Geheimnis'), 'c3a4', 'hunter2xyz']) {
        expect(out).not.toContain(s)
      }
    }
    // The cut falls inside it: no beginning of it is left, in either form.
    const cut = rawPreview(Uint8Array.of(...new Uint8Array(2048 - 12).fill(1), ...utf8, ...new Uint8Array(50).fill(2)))
    expect(cut).not.toContain(hex('Geheimnis-'))
    expect(cut).not.toContain('Geheimnis')
    // The same bytes without the secret are a hex dump as before, and the text of the secret is redacted as before.
    expect(rawPreview(Uint8Array.of(0x12, 0xc3, 0xa4, 0xce, 0xa9))).toBe('12c3a4cea9')
    expect(rawPreview(`x ${secret} y`)).toBe('x [REDACTED] y')
    // Its UTF-8 read as Latin-1 (mojibake, as a text decoded with the wrong charset shows it) is hidden too.
    expect(rawPreview(`x ${String.fromCharCode(...utf8)} y`)).toBe('x [REDACTED] y')
  })

  it('is a hex dump of bytes that hold nothing to hide', () => {
    expect(rawPreview(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff')
    expect(rawPreview(new Uint8Array(3000).fill(7)).startsWith('07'.repeat(2000))).toBe(true)
  })
})

describe('rawPreview of bytes: the cut and binary neighbours', () => {
  it('drops a token the cut falls inside, and finds one right after a length byte', () => {
    // npm tokens are `npm_` + 36 (gitleaks config/gitleaks.toml v8.30.0): cut after 35, the rest would not match.
    const token = `npm_${'a1B2'.repeat(9)}`
    const cutInside = new TextEncoder().encode(`${'x'.repeat(2048 - 20)} ${token} more`)
    expect(rawPreview(cutInside)).not.toContain('npm_')
    expect(rawPreview(cutInside)).not.toContain(hex('npm_'))
    // A protobuf string field: its length byte (here 0x18, 24) stands right before the value. (A length byte that is
    // itself a letter or digit, 48 to 122 bytes, still hides a token shape from the word-boundary rule: a limit.)
    const stripe = `sk_live_${'Z9'.repeat(8)}`
    const field = Uint8Array.of(0x12, stripe.length, ...new TextEncoder().encode(stripe), 0x18, 0x01)
    const out = rawPreview(field)
    expect(out).not.toContain(stripe)
    expect(out).not.toContain(hex(stripe))
  })
})

describe('rawPreview of a text', () => {
  // The mark says how many characters were cut: all of them, not those of a pre-cut copy (a 20,000-character body
  // once said `…[truncated 4096 chars]`, the count of a copy cut to twice the bound).
  it('counts every character it cut', () => {
    for (const n of [4097, 5000, 8193, 20_000, 1_000_000]) {
      const out = rawPreview('x '.repeat(n / 2) + 'y'.repeat(n % 2))
      const shown = out.slice(0, out.indexOf('…[truncated '))
      expect(out).toBe(`${shown}…[truncated ${n - shown.length} chars]`)
      expect(shown.length).toBeLessThanOrEqual(4096)
    }
  })
})
