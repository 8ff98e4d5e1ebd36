import { describe, expect, it } from 'vitest'
import { addSecret, ErrsError, redactString } from '../src/index.js'
import { outputsOf } from './support/attack-r29.js'

// A registered secret quoted in a raw body that a server's JSON encoder wrote. The expected texts are written out by
// hand from each encoder's rules:
// - Go's encoding/json (json.Marshal, escapeHTML on): `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` (lower-case hex),
//   U+2028/U+2029 as `\u2028`/`\u2029`; `"` and `\` backslash-escaped; everything else as it is
//   (https://github.com/golang/go/blob/go1.23.0/src/encoding/json/encode.go, `appendString`).
// - .NET's System.Text.Json with its default encoder (JavaScriptEncoder.Default): every character outside printable
//   ASCII, and each of `"`, `&`, `'`, `+`, `<`, `>` and `` ` ``, as `\uXXXX` with upper-case hex; `\` as `\\`;
//   `\b\t\n\f\r` as such
//   (https://github.com/dotnet/runtime/blob/8508a99b0f77d6ca0235c4ade3a1fead926583d5/src/libraries/System.Text.Encodings.Web/src/System/Text/Encodings/Web/DefaultJavaScriptEncoder.cs;
//   https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/character-encoding: "the
//   serializer escapes all non-ASCII characters", `\u0436\u0430\u0440\u043A\u043E`).
const SECRET = `Zq+7<Kp>&'é"\`\u2028w9`
const GO = 'Zq+7\\u003cKp\\u003e\\u0026\'é\\"`\\u2028w9'
const DOTNET = 'Zq\\u002B7\\u003CKp\\u003E\\u0026\\u0027\\u00E9\\u0022\\u0060\\u2028w9'

describe('a registered secret as servers’ JSON encoders write it', () => {
  addSecret(SECRET)

  it.each([
    ['Go encoding/json', GO],
    ['.NET System.Text.Json (default encoder)', DOTNET],
  ])('%s: hidden in a raw body kept as text', (_, quoted) => {
    // The body is what the encoder would write for {"error":"bad login for <secret>"}, cut short (unparseable).
    const raw = `{"error":"bad login for ${quoted}","code":4`
    const out = redactString(raw)
    expect(out).toBe('{"error":"bad login for [REDACTED]","code":4')
    expect(redactString(out)).toBe(out)
  })

  it('stays hidden in every output of an error that carries the body', () => {
    const err = new ErrsError({
      system: 'problem',
      code: 'X',
      reason: 'X',
      kind: 'internal',
      message: `reply: ${DOTNET} / ${GO}`,
      details: { raw: `{"password_hint":"${DOTNET}"}` },
      internal: { raw: `<${GO}>` },
    })
    // Every output a log, a trace or a reply may show (the attack support's one list of them).
    for (const [, o] of outputsOf(err)) {
      expect(o).not.toContain('Kp\\u003E')
      expect(o).not.toContain('Kp\\u003e')
      expect(o).not.toContain('w9')
    }
  })

  it('an ordinary text with the same escapes is left alone', () => {
    const text = 'a \\u003cb\\u003e and \\u002B1 \\u00E9t\\u00E9'
    expect(redactString(text)).toBe(text)
  })
})
