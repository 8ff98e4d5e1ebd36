import type { ReportRow } from './run.js'

export type Reporter = 'table' | 'json' | 'junit'

interface Cell {
  passed: number
  failed: number
  /** Checks that do not apply to the adapter: not run, counted neither as passed nor as failed. */
  notApplicable: number
  first?: ReportRow
}

const isNotApplicable = (r: ReportRow) => r.passed && r.notApplicable === true
/** Totals of a report: passed (ran and passed), failed, not applicable (not run). */
function totals(rows: readonly ReportRow[]) {
  const notApplicable = rows.filter(isNotApplicable).length
  const failed = rows.filter((r) => !r.passed).length
  return { passed: rows.length - failed - notApplicable, failed, notApplicable }
}

function show(v: unknown, max = 160): string {
  let s: string
  try {
    s = typeof v === 'string' ? v : JSON.stringify(v)
  } catch {
    s = String(v)
  }
  if (s === undefined) return 'undefined'
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/** Adapter × group summary, in first-seen order. */
export function summarize(rows: readonly ReportRow[]): {
  targets: string[]
  groups: string[]
  cells: Map<string, Cell>
} {
  const targets: string[] = []
  const groups: string[] = []
  const cells = new Map<string, Cell>()
  for (const r of rows) {
    if (!targets.includes(r.target)) targets.push(r.target)
    if (!groups.includes(r.group)) groups.push(r.group)
    const key = `${r.target}\u0000${r.group}`
    const c = cells.get(key) ?? { passed: 0, failed: 0, notApplicable: 0 }
    if (isNotApplicable(r)) c.notApplicable++
    else if (r.passed) c.passed++
    else {
      c.failed++
      c.first ??= r
    }
    cells.set(key, c)
  }
  return { targets, groups, cells }
}

/** The final table: one line per adapter × check group, and the first failure's expected vs actual. */
export function renderTable(rows: readonly ReportRow[], notes: readonly string[] = []): string {
  const { targets, groups, cells } = summarize(rows)
  const lines: string[] = []
  const head = ['adapter', 'group', 'result', 'passed', 'failed', 'first failure']
  const body: string[][] = []
  for (const t of targets) {
    for (const g of groups) {
      const c = cells.get(`${t}\u0000${g}`)
      if (!c) continue
      const first = c.first
      body.push([
        t,
        g,
        `${c.failed ? 'FAIL' : 'pass'}${c.notApplicable ? ` (${c.notApplicable} n/a)` : ''}`,
        String(c.passed),
        String(c.failed),
        first ? `${first.name}: ${show(first.message ?? '', 100)}` : '',
      ])
    }
  }
  const widths = head.map((h, i) =>
    Math.min(i === 5 ? 120 : 40, Math.max(h.length, ...body.map((b) => (b[i] ?? '').length))),
  )
  const fmt = (cols: string[]) =>
    cols
      .map((c, i) => (c.length > (widths[i] ?? 0) ? `${c.slice(0, (widths[i] ?? 1) - 1)}…` : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) lines.push(fmt(b))
  const failures = body.filter((b) => b[2]?.startsWith('FAIL'))
  if (failures.length) {
    lines.push('', 'First failure per adapter × group (expected vs actual):')
    for (const t of targets) {
      for (const g of groups) {
        const first = cells.get(`${t}\u0000${g}`)?.first
        if (!first) continue
        lines.push(`  ✗ [${t}] ${g} › ${first.name}`)
        if (first.message) lines.push(`      ${show(first.message, 400)}`)
        if (first.expected !== undefined) lines.push(`      expected: ${show(first.expected, 400)}`)
        if (first.actual !== undefined) lines.push(`      actual:   ${show(first.actual, 400)}`)
      }
    }
  }
  const na = rows.filter(isNotApplicable)
  if (na.length) {
    lines.push('', 'Not applicable to the adapter (not run; counted neither as passed nor as failed):')
    for (const r of na) lines.push(`  - [${r.target}] ${r.group} › ${r.name}: ${show(r.message ?? '', 400)}`)
  }
  if (notes.length) lines.push('', ...notes.map((n) => `note: ${n}`))
  const { passed, failed, notApplicable } = totals(rows)
  lines.push(
    '',
    `conformance: ${passed} passed, ${failed} failed${notApplicable ? `, ${notApplicable} not applicable` : ''}`,
  )
  return lines.join('\n')
}

export function renderJson(rows: readonly ReportRow[], notes: readonly string[] = []): string {
  const { targets, groups, cells } = summarize(rows)
  const summary = targets.flatMap((t) =>
    groups.flatMap((g) => {
      const c = cells.get(`${t}\u0000${g}`)
      return c ? [{ adapter: t, group: g, passed: c.passed, failed: c.failed, notApplicable: c.notApplicable }] : []
    }),
  )
  const { passed, failed, notApplicable } = totals(rows)
  return JSON.stringify(
    {
      ok: rows.length > 0 && failed === 0,
      passed,
      failed,
      notApplicable,
      summary,
      notes,
      results: rows.map(({ target, ...r }) => ({ adapter: target, ...r })),
    },
    (_k, v) => (typeof v === 'bigint' ? String(v) : v),
    1,
  )
}

const xml = (s: string) =>
  s
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

export function renderJunit(rows: readonly ReportRow[]): string {
  const { targets, groups } = summarize(rows)
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  const { failed, notApplicable } = totals(rows)
  const skipped = (n: number) => (n ? ` skipped="${n}"` : '')
  out.push(`<testsuites name="errs-conformance" tests="${rows.length}" failures="${failed}"${skipped(notApplicable)}>`)
  for (const t of targets) {
    for (const g of groups) {
      const set = rows.filter((r) => r.target === t && r.group === g)
      if (!set.length) continue
      out.push(
        `  <testsuite name="${xml(`${t} › ${g}`)}" tests="${set.length}" failures="${set.filter((r) => !r.passed).length}"${skipped(set.filter(isNotApplicable).length)}>`,
      )
      for (const r of set) {
        if (isNotApplicable(r)) {
          out.push(`    <testcase classname="${xml(`${t}.${g}`)}" name="${xml(r.name)}">`)
          out.push(`      <skipped message="${xml(show(r.message ?? 'not applicable', 300))}"/>`)
          out.push('    </testcase>')
        } else if (r.passed) out.push(`    <testcase classname="${xml(`${t}.${g}`)}" name="${xml(r.name)}"/>`)
        else {
          const detail = `${r.message ?? ''}\nexpected: ${show(r.expected, 2000)}\nactual: ${show(r.actual, 2000)}`
          out.push(`    <testcase classname="${xml(`${t}.${g}`)}" name="${xml(r.name)}">`)
          out.push(`      <failure message="${xml(show(r.message ?? 'failed', 300))}">${xml(detail)}</failure>`)
          out.push('    </testcase>')
        }
      }
      out.push('  </testsuite>')
    }
  }
  out.push('</testsuites>')
  return out.join('\n')
}

export function render(rows: readonly ReportRow[], reporter: Reporter, notes: readonly string[] = []): string {
  return reporter === 'json'
    ? renderJson(rows, notes)
    : reporter === 'junit'
      ? renderJunit(rows)
      : renderTable(rows, notes)
}
