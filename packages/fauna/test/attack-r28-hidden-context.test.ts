import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { errors, normalize } from '../src/index.js'

// Core keeps an error's `publicMessage` as a function under a registered symbol, read through a getter on
// `ErrsError.prototype`. faunadb 4.8 lets the fetch layer's own aborts through, and the v4 `normalize` wraps them with
// the public message a problem of the value shows ("The request was cancelled"): checked here through a Proxy and by
// another copy of core (the CJS build, where this package imports the ESM one).

const TEXT = 'aborted by job 7 of tenant Zq9FaunaTenantCanary'
const core = createRequire(import.meta.url)('@errs/core') as typeof import('@errs/core')

describe('Fauna v4: a wrapped AbortError keeps its public message through a Proxy and another copy of core', () => {
  it('normalize of a DOMException AbortError', () => {
    const e = normalize(new DOMException(TEXT, 'AbortError'))
    expect(e).toBeInstanceOf(errors.AbortError)
    for (const x of [e, new Proxy(e, {})]) {
      expect(x.publicMessage).toBe('The request was cancelled')
      for (const reader of [{ toProblem }, core]) {
        expect(reader.toProblem(x).detail).toBe('The request was cancelled')
        expect(reader.toProblem(x, { exposeInternal: true }).detail).toBe(TEXT)
      }
      for (const out of [JSON.stringify(x), JSON.stringify({ ...x }), inspect({ ...x }, { showHidden: true })]) {
        expect(out).not.toContain('Zq9FaunaTenantCanary')
      }
      // Normalized again (by the package, and by the other copy), it is the same error.
      expect(normalize(x)).toBe(x)
      expect(core.normalize(x)).toBe(x)
    }
  })

  it('normalize of an AbortError whose public-message slot user code replaced does not throw', () => {
    const e = normalize(new DOMException(TEXT, 'AbortError')) as unknown as Record<symbol, unknown>
    e[Symbol.for('@errs/core.publicMessage')] = () => {
      throw new Error('Zq9Thrown')
    }
    expect(() => [normalize(e), toProblem(e), core.toProblem(e), inspect(e)]).not.toThrow()
    // Without a readable public message, an abort's problem still says only its kind's text or the message.
    expect(toProblem(e).detail).not.toContain('Zq9Thrown')
  })
})
