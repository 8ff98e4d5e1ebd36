import { describe, expect, it } from 'vitest'
import { generatedReadme } from '../../../scripts/readme-sections.js'
import { renderCodeTable, renderReadme } from '../scripts/readme-table.js'
import { CODES } from '../src/index.js'

// `UPDATE_README=1 npx vitest run --project fluss test/readme` rewrites the generated section first.
const { readme, expected } = generatedReadme(new URL('../README.md', import.meta.url), renderReadme)

describe('README', () => {
  it('has the code table generated from CODES (UPDATE_README=1 rewrites it)', () => {
    expect(readme).toBe(expected)
    expect(readme).toContain(`<!-- codes:start -->\n${renderCodeTable()}\n<!-- codes:end -->`)
  })

  it('lists every code once', () => {
    const rows = renderCodeTable().split('\n').slice(2)
    expect(rows).toHaveLength(CODES.length)
    for (const [i, row] of CODES.entries()) expect(rows[i]).toContain(`| ${row.code} | \`${row.reason}\` |`)
  })
  // Its TypeScript examples are checked with every README's by apps/interop/test/readme.test.ts.
})
