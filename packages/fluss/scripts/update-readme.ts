// Rewrites the README's code table: `npx tsx scripts/update-readme.ts`.
import { readFileSync, writeFileSync } from 'node:fs'
import { replaceCodeSection } from './readme-table.js'

const path = new URL('../README.md', import.meta.url)
writeFileSync(path, replaceCodeSection(readFileSync(path, 'utf8')))
