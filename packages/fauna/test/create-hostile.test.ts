import { describe, expect, it } from 'vitest'
import { adapter } from '../src/adapter.js'

// `create` with a code whose `toString` throws made the error from `String(code)`, which threw; the code is now read
// as text without calling it (core kit's `codeText`).

describe('Fauna create with a hostile code', () => {
  it('never throws', () => {
    const hostile = {
      toString(): string {
        throw new Error('boom')
      },
    }
    expect(() => adapter.create(hostile as unknown as string)).not.toThrow()
  })
})
