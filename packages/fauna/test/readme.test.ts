import { describe, expect, it } from 'vitest'
import { generatedReadme } from '../../../scripts/readme-sections.js'
import { renderCodeTable, renderReadme } from '../scripts/readme-table.js'
import { CODES } from '../src/adapter.js'

// `UPDATE_README=1 npx vitest run --project fauna test/readme` rewrites the generated section first.
const { readme, expected } = generatedReadme(new URL('../README.md', import.meta.url), renderReadme)

describe('README', () => {
  it('the code table section equals the generated table (UPDATE_README=1 rewrites it)', () => {
    expect(readme).toBe(expected)
    expect(readme).toContain(`<!-- codes:start -->\n${renderCodeTable()}\n<!-- codes:end -->`)
  })

  it('lists every row of both dialects once', () => {
    expect(renderCodeTable().split('\n').slice(2)).toHaveLength(CODES.length)
  })
  // Its TypeScript examples are checked with every README's by apps/interop/test/readme.test.ts.
})
