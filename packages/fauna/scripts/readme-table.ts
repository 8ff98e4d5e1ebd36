import { cell, replaceSection } from '../../../scripts/readme-sections.js'
import { CODES } from '../src/adapter.js'
import type { FaunaCodeInfo } from '../src/codes.js'

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

/** The README with its generated section (`codes`) up to date. */
export function renderReadme(readme: string): string {
  return replaceSection(readme, 'codes', renderCodeTable())
}
