// Claims of packages/core/README.md a user relies on, not covered elsewhere.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addSecret, redactString } from '../src/index.js'
import * as retry from '../src/retry.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

describe('README: entries', () => {
  it('has the three entries of the table', () => {
    expect(Object.keys(pkg.exports).filter((k) => k !== './package.json')).toEqual(['.', './kit', './retry'])
  })

  it('points @errs/core and @errs/core/kit at one module (dist/kit.js and dist/kit.cjs)', () => {
    for (const entry of ['.', './kit']) {
      expect(pkg.exports[entry].import.default).toBe('./dist/kit.js')
      expect(pkg.exports[entry].require.default).toBe('./dist/kit.cjs')
    }
  })

  it('@errs/core/retry gives isRetryable and retryDelay, and no loop of its own', () => {
    expect(Object.keys(retry).sort()).toEqual(['isRetryable', 'retryDelay'])
  })

  it('has zero runtime dependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
  })
})

describe('README: redaction of a registered secret', () => {
  it('is hidden as it is, JSON-escaped, non-ASCII \\u-escaped and percent-encoded', () => {
    const secret = 'r29-pässwört"/x'
    addSecret(secret)
    const forms = [
      secret,
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret)
        .slice(1, -1)
        .replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      encodeURIComponent(secret),
    ]
    for (const form of forms) expect(redactString(`before ${form} after`)).toBe('before [REDACTED] after')
  })
})
