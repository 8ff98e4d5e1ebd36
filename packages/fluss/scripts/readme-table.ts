/**
 * Renders the README's code table from the code table itself (`CODES`), so the docs cannot drift. `test/readme`
 * checks it is current; `UPDATE_README=1` before that test rewrites it (`scripts/readme-sections.ts` at the root).
 */
import { cell, replaceSection } from '../../../scripts/readme-sections.js'
import { CODES } from '../src/codes.js'

/** The markdown table of every code: number, name, Java class, retriable, kind, status, default message, why. */
export function renderCodeTable(): string {
  const lines = [
    '| Code | `ErrorCode` name | Java exception | Retriable | Kind | Status | Default message | Why this kind |',
    '|---:|---|---|:---:|---|---:|---|---|',
  ]
  for (const row of CODES) {
    // A trailing space is part of code 51's message: show it, since markdown would eat it.
    const message = row.message.endsWith(' ') ? `\`${row.message}\`` : cell(row.message)
    lines.push(
      `| ${row.code} | \`${row.reason}\` | ${row.exceptionClass ? `\`${row.exceptionClass}\`` : '—'} | ${row.retryable ? 'yes' : 'no'} | \`${row.kind}\` | ${row.status} | ${message} | ${cell(row.why)} |`,
    )
  }
  return lines.join('\n')
}

/** The README with its generated section (`codes`) up to date. */
export function renderReadme(readme: string): string {
  return replaceSection(readme, 'codes', renderCodeTable())
}
