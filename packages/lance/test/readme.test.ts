import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderReadme } from '../scripts/readme-table.js'

const README = new URL('../README.md', import.meta.url)
// `UPDATE_README=1 npx vitest run --project lance test/readme` rewrites the generated sections first.
if (process.env.UPDATE_README === '1') writeFileSync(README, renderReadme(readFileSync(README, 'utf8')))
const readme = readFileSync(README, 'utf8')

describe('README', () => {
  it('generated tables equal the data (UPDATE_README=1 rewrites them)', () => {
    expect(readme).toBe(renderReadme(readme))
  })

  // Its TypeScript examples are checked with every README's by apps/interop/test/readme.test.ts.
})
