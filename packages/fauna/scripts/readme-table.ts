import { CODES } from '../src/adapter.js'
import type { FaunaCodeInfo } from '../src/codes.js'

const cell = (s: string) => s.replace(/\|/g, '\\|')

/** Renders the code table (both dialects) as the markdown table inserted in the README. */
export function renderCodeTable(rows: readonly FaunaCodeInfo[] = CODES): string {
  const lines = [
    '| Variant | Code | Reason | Class | Kind | Status | Wire status | Retryable | Note |',
    '|---|---|---|---|---|---:|---:|---|---|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.variant} | \`${cell(r.code)}\` | ${r.reason} | ${r.className} | ${r.kind} | ${r.status} | ${
        r.wireStatus ?? '—'
      } | ${r.retryable ? 'yes' : 'no'} | ${cell(r.note ?? '')} |`,
    )
  }
  return lines.join('\n')
}

/** Replaces the README section between the markers with the generated table. */
export function insertCodeTable(readme: string, table: string = renderCodeTable()): string {
  const start = '<!-- codes:start -->'
  const end = '<!-- codes:end -->'
  const i = readme.indexOf(start)
  const j = readme.indexOf(end)
  if (i < 0 || j < i) throw new Error('README markers not found')
  return `${readme.slice(0, i + start.length)}\n${table}\n${readme.slice(j)}`
}
