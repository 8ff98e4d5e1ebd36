import { describe, expect, it } from 'vitest'
import { addSecret } from '../src/index.js'
import { codeText, MAX_KEY } from '../src/kit.js'

// A code given to an adapter's `create` as any value becomes text that is bounded, redacted and made without calling
// the value's `toString` (one that throws, or returns megabytes, cannot break or bloat `create`).

describe('codeText', () => {
  it('writes primitives as String does and other values as their type', () => {
    expect([codeText('TABLE_NOT_FOUND'), codeText(4), codeText(true), codeText(10n), codeText(null)]).toEqual([
      'TABLE_NOT_FOUND',
      '4',
      'true',
      '10',
      'null',
    ])
    const hostile = {
      toString() {
        throw new Error('boom')
      },
    }
    expect([codeText(hostile), codeText(Symbol('s')), codeText(undefined), codeText(() => 1)]).toEqual([
      'object',
      'symbol',
      'undefined',
      'function',
    ])
  })

  it('cuts to MAX_KEY first, then redacts', () => {
    addSecret('Hx4CodeTextCanary')
    expect(codeText('c'.repeat(5_000_000))).toBe(`…[truncated 5000000 chars]`)
    expect(codeText(`bad ${'Hx4CodeTextCanary'}`)).toBe('bad [REDACTED]')
    expect(codeText(`${'c '.repeat(200)}`).length).toBeLessThanOrEqual(MAX_KEY + 30)
  })
})
