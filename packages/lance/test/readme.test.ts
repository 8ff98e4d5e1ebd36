import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderReadme } from '../scripts/readme-table.js'

const README = new URL('../README.md', import.meta.url)
// `UPDATE_README=1 npx vitest run --project lance test/readme` rewrites the generated sections first.
if (process.env.UPDATE_README === '1') writeFileSync(README, renderReadme(readFileSync(README, 'utf8')))
const readme = readFileSync(README, 'utf8')
const examples = readFileSync(new URL('./readme-examples.ts', import.meta.url), 'utf8')

describe('README', () => {
  it('generated tables equal the data (UPDATE_README=1 rewrites them)', () => {
    expect(readme).toBe(renderReadme(readme))
  })

  it('every TypeScript example is in test/readme-examples.ts (type-checked)', () => {
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    for (const block of blocks) expect(examples).toContain(block.trim().replace("'@errs/lance'", "'../src/index.js'"))
  })
})
