import { expect } from 'vitest'
import { REDACTED, redactString } from '../../src/kit.js'

/** The markup as it travels: as it is, in Go's JSON (`\u003c`, `\"`), in .NET's (`\u003C`, `\u0022`), in HTML. */
export const MARKUPS: [string, (xml: string) => string][] = [
  ['plain', (x) => x],
  [
    "Go's JSON",
    (x) =>
      x.replace(/[<>"\n]/g, (c) => (c === '"' ? '\\"' : c === '\n' ? '\\n' : `\\u00${c.charCodeAt(0).toString(16)}`)),
  ],
  [
    ".NET's JSON",
    (x) => x.replace(/[<>"'\n]/g, (c) => (c === '\n' ? '\\n' : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`)),
  ],
  ['HTML', (x) => x.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
]

/** `xml` in every markup: the secret is gone from each, the rest of the markup stays, and a second pass changes nothing. */
export function hidesIn(xml: string, secret: string): void {
  for (const [markup, write] of MARKUPS) {
    const text = write(xml)
    const out = redactString(text)
    expect(out, markup).toBe(write(xml.replace(secret, REDACTED)))
    expect(redactString(out), markup).toBe(out)
  }
}
