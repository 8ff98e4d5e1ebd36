import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readCodeSection, renderCodeTable, replaceCodeSection } from '../scripts/readme-table.js'
import { CODES } from '../src/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')

describe('README', () => {
  it('has the code table generated from CODES (run scripts/update-readme.ts after changing the table)', () => {
    expect(readCodeSection(readme)).toBe(renderCodeTable())
    expect(replaceCodeSection(readme)).toBe(readme)
  })

  it('lists every code once', () => {
    const rows = renderCodeTable().split('\n').slice(2)
    expect(rows).toHaveLength(CODES.length)
    for (const [i, row] of CODES.entries()) expect(rows[i]).toContain(`| ${row.code} | \`${row.reason}\` |`)
  })
  // Its TypeScript examples are checked with every README's by apps/interop/test/readme.test.ts.
})
