import { describe, expect, it } from 'vitest'
import { adapter, fromErrorCode, InternalError } from '../src/index.js'

// `create` and `fromErrorCode` with a code that is not a number keep it in `details.invalidCode` bounded (it was
// `String(code)`, whole: 5 MB stored on the error) and never throw (a code whose `toString` throws threw).

describe('create with a code that is not a Lance code', () => {
  it('keeps it bounded', () => {
    const err = adapter.create('x'.repeat(5_000_000))
    expect(err).toBeInstanceOf(InternalError)
    expect(String(err.details.invalidCode).length).toBeLessThan(300)
  })

  it('never throws on a hostile value', () => {
    const hostile = {
      toString(): string {
        throw new Error('boom')
      },
    }
    expect(() => adapter.create(hostile as unknown as string)).not.toThrow()
    expect(fromErrorCode(hostile as unknown as number).details.invalidCode).toBe('object')
  })
})
