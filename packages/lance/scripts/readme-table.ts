import { cell, replaceSection } from '../../../scripts/readme-sections.js'
import { CODES, COMMON_ERRORS, OPERATION_ERRORS, OPERATIONS } from '../src/index.js'

type Align = 'left' | 'right'

/** A markdown table with padded columns, in the layout biome's markdown formatter keeps as is. */
export function markdownTable(header: readonly string[], align: readonly Align[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const cell = (text: string, i: number) =>
    align[i] === 'right' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`
  const rule = widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)))
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n')
}

const code = (text: string) => `\`${text}\``

/** The README code table, rendered from the code table (`CODES`): the README cannot drift from the data. */
export function renderCodeTable(): string {
  const rows = CODES.map((r) => [
    String(r.code),
    code(r.reason),
    code(r.className),
    cell(r.message),
    code(r.kind),
    String(r.status),
    r.retryable ? 'yes' : 'no',
  ])
  rows.push([
    'other',
    code('UNKNOWN_CODE'),
    `${code('InternalError')} (code kept)`,
    'Unknown lance error code N',
    `${code('unknown')} (or the reply status's)`,
    '500 (or the reply status)',
    'no (yes at a 429 or 503 reply)',
  ])
  return markdownTable(
    ['Code', code('ErrorCode'), 'Class', 'Description (default message)', 'Kind', 'HTTP', 'Retryable'],
    ['right', 'left', 'left', 'left', 'left', 'right', 'left'],
    rows,
  )
}

/** The README per-operation table, rendered from `OPERATION_ERRORS`. */
export function renderOperationTable(): string {
  const names = new Map(CODES.map((r) => [r.code, r.specName]))
  const common = COMMON_ERRORS.map((c) => `${c} ${names.get(c)}`).join(', ')
  const rows = OPERATIONS.map((name) => {
    const op = OPERATION_ERRORS[name]
    const codes = op.codes.length === 0 ? '-' : op.codes.map((c) => `${c} ${names.get(c)}`).join(', ')
    return [name, op.category, code(`${op.method} ${op.path}`), codes]
  })
  const table = markdownTable(
    ['Operation', 'Category', 'Route', 'Additional codes'],
    ['left', 'left', 'left', 'left'],
    rows,
  )
  return `Every operation may also return the common codes ${common}.\n\n${table}`
}

/** The README with both generated sections up to date. */
export function renderReadme(readme: string): string {
  return replaceSection(replaceSection(readme, 'codes', renderCodeTable()), 'operations', renderOperationTable())
}
