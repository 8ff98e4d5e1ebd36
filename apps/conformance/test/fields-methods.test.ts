import { describe, expect, it } from 'vitest'
import { compareExpect } from '../src/vectors.js'

// A vector's `fields` may name a method of no parameters (faunadb's `errors()`: fauna/faunadb-js `src/errors.js`): it
// is compared by what it returns. An adapter's method is untrusted code: one that
// throws, rejects or returns megabytes gives a mismatch, not a crashed or flooded run.

describe('compareExpect with a method in fields', () => {
  it('compares what a method of no parameters returns', () => {
    const err = { errors: () => [{ code: 'bad request' }], description: 'x' }
    expect(compareExpect(err, { fields: { errors: [{ code: 'bad request' }], description: 'x' } })).toEqual([])
    expect(compareExpect(err, { fields: { errors: [] } })).toHaveLength(1)
  })

  it('reports a method that throws, rejects or returns a huge text, bounded', async () => {
    let unhandled = 0
    const count = () => {
      unhandled++
    }
    process.on('unhandledRejection', count)
    try {
      const err = {
        boom: () => {
          throw new Error('nope')
        },
        later: async () => {
          throw new Error('later')
        },
        huge: () => 'x'.repeat(5_000_000),
      }
      const ms = compareExpect(err, { fields: { boom: 1, later: 1, huge: 'x' } })
      expect(ms.map((m) => m.field)).toEqual(['boom', 'later', 'huge'])
      expect(String(ms[0]?.actual)).toContain('boom() threw')
      expect(ms[1]?.actual).toBe('<later() returned a promise>')
      expect(String(ms[2]?.actual).length).toBeLessThan(5000)
      await new Promise((r) => setTimeout(r, 20))
      expect(unhandled).toBe(0)
    } finally {
      process.off('unhandledRejection', count)
    }
  })
})
