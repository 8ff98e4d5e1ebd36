import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { coreEntriesLoaded } from '../../core/test/support/core-entries.js'

// The built package (`pnpm test` builds it first): every entry (`.`, `./v10`, `./adapter`) and chunk, ESM and CJS.
const dist = fileURLToPath(new URL('../dist/', import.meta.url))

describe('the built files', () => {
  it('load one entry of core, `@errs/core/kit` (one module with `@errs/core`, which it exports all of)', () => {
    expect(coreEntriesLoaded(dist)).toEqual(['@errs/core/kit'])
  })
})
