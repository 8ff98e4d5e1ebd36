/**
 * Renders the README's code table from the code table itself (`CODES`), so the docs cannot drift.
 * `npx tsx scripts/readme-table.ts` rewrites the section between the markers; a test checks it is current.
 */
import { CODES } from '../src/codes.js'

export const START_MARKER = '<!-- codes:start -->'
export const END_MARKER = '<!-- codes:end -->'

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

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

/** The README with its code section replaced by `table`. */
export function replaceCodeSection(readme: string, table: string = renderCodeTable()): string {
  const start = readme.indexOf(START_MARKER)
  const end = readme.indexOf(END_MARKER)
  if (start < 0 || end < start) throw new Error('README lacks the codes markers')
  return `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`
}

/** The section currently between the markers (trimmed). */
export function readCodeSection(readme: string): string {
  const start = readme.indexOf(START_MARKER)
  const end = readme.indexOf(END_MARKER)
  if (start < 0 || end < start) return ''
  return readme.slice(start + START_MARKER.length, end).trim()
}
