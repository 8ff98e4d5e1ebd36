import { describe, expect, it } from 'vitest'
import { generatedReadme } from '../../../scripts/readme-sections.js'
import { renderReadme } from '../scripts/readme-table.js'

// `UPDATE_README=1 npx vitest run --project lance test/readme` rewrites the generated sections first.
const { readme, expected } = generatedReadme(new URL('../README.md', import.meta.url), renderReadme)

describe('README', () => {
  it('generated tables equal the data (UPDATE_README=1 rewrites them)', () => {
    expect(readme).toBe(expected)
  })

  // Its TypeScript examples are checked with every README's by apps/interop/test/readme.test.ts.
})
