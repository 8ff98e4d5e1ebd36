/**
 * Renders the doc comments of every adapter's error codes from its code table (the single source of truth), so
 * hovers and the API reference cannot drift from the data:
 *
 * - Fluss: each member of `ErrorCode` (`packages/fluss/src/codes.ts`) from its `CODES` row.
 * - Lance: each member of `ErrorCode` (`packages/lance/src/codes.ts`) from its `CODES` row.
 * - Fauna (codes are strings, the tables are arrays): the doc comment of `V4_CODES` and `V10_CODES`
 *   (`packages/fauna/src/v4/codes.ts`, `packages/fauna/src/v10/codes.ts`, exported as `CODES`) lists every row.
 *
 * Each says the code's kind, HTTP status and retryability and links (`@see`) to the upstream documentation of the
 * code. `apps/interop/test/docs.test.ts` fails when a file disagrees with `renderFiles()`; rewrite them with
 * `UPDATE_CODE_DOCS=1 npx vitest run --project interop -t "code table"`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FaunaCodeInfo } from '../packages/fauna/src/codes.js'
import { SOURCES } from '../packages/fauna/src/codes.js'
import { V4_CODES } from '../packages/fauna/src/v4/codes.js'
import { V10_CODES } from '../packages/fauna/src/v10/codes.js'
import { CODES as FLUSS_CODES } from '../packages/fluss/src/codes.js'
import { CODES as LANCE_CODES } from '../packages/lance/src/codes.js'

/** Upstream version every Fluss link points at: the apache/fluss commit the code table was taken from. */
export const FLUSS_REF = '545c553'
/** Upstream version every Lance link points at: lance-format/lance-namespace release 0.11.1. */
export const LANCE_REF = 'eeb337ca'

const FLUSS_BLOB = `https://github.com/apache/fluss/blob/${FLUSS_REF}`
const FLUSS_ERRORS = `${FLUSS_BLOB}/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java`
const FLUSS_EXCEPTIONS = `${FLUSS_BLOB}/fluss-common/src/main/java/org/apache/fluss/exception`
const FLUSS_CLIENT_ERRORS = `${FLUSS_BLOB}/fluss-rust/website/docs/user-guide/python/error-handling.md`
const FLUSS_RUST_ERRORS = `${FLUSS_BLOB}/fluss-rust/crates/fluss/src/rpc/fluss_api_error.rs`
const LANCE_BLOB = `https://github.com/lance-format/lance-namespace/blob/${LANCE_REF}/docs/src`
const LANCE_ERRORS = `${LANCE_BLOB}/namespace/operations/errors.md`
const LANCE_SPEC = `${LANCE_BLOB}/spec.yaml`
const LANCE_REST = `${LANCE_BLOB}/namespace/supported-catalogs/lance-rest.md`

/** Text safe inside a TSDoc comment: no comment end, no tag or inline-tag characters. */
function tsdoc(text: string): string {
  return text.replaceAll('*/', '*\\/').replace(/[@{}]/g, (c) => `\\${c}`)
}

/** Words wrapped to `width` columns, each line prefixed with `prefix`. */
function wrap(text: string, prefix: string, width = 118): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(prefix + line)
  return lines
}

/** A member doc comment at two spaces of indentation: wrapped paragraphs, then one line per tag. */
function memberComment(paragraphs: readonly string[], tags: readonly string[]): string {
  const body: string[] = []
  for (const p of paragraphs) {
    if (body.length > 0) body.push('   *')
    body.push(...wrap(p, '   * '))
  }
  if (tags.length > 0) body.push('   *', ...tags.map((t) => `   * ${t}`))
  return ['  /**', ...body, '   */'].join('\n')
}

const retry = (yes: boolean | undefined, word: string): string => (yes ? word : `not ${word}`)
const sentence = (text: string): string => {
  const t = text.trim()
  return /[.!?]$/.test(t) ? t : `${t}.`
}

/** Doc comment of every Fluss `ErrorCode` member, by name. */
export function flussMemberDocs(): Map<string, string> {
  const docs = new Map<string, string>()
  for (const row of FLUSS_CODES) {
    const head =
      row.exceptionClass === undefined
        ? `Code ${row.code}, no Java exception.`
        : `Code ${row.code}, Java \`${row.exceptionClass}\`: "${tsdoc(row.message.trim())}"`
    const facts = `Kind \`${row.kind}\`, HTTP status ${row.status}, ${retry(row.retryable, 'retriable')}${
      row.exceptionClass === undefined ? '' : row.retryable ? ' (extends `RetriableException`)' : ''
    }. Why: ${tsdoc(sentence(row.why))}`
    const paragraphs = [row.exceptionClass === undefined ? `${head} ${tsdoc(sentence(row.message))}` : head, facts]
    if (row.reason.startsWith('SEVER_')) {
      paragraphs.push('Sic: the Java enum spells it `SEVER_…`, and names are part of the protocol.')
    }
    // -2 is not in the Java enum: the Rust-based clients define it (their error-handling guide documents it).
    const tags =
      row.code === -2
        ? [`@see {@link ${FLUSS_CLIENT_ERRORS} | Python client error handling} (apache/fluss @ ${FLUSS_REF})`]
        : [`@see {@link ${FLUSS_ERRORS} | Errors.${row.reason}} (apache/fluss @ ${FLUSS_REF})`]
    if (row.exceptionClass !== undefined) {
      tags.push(`@see {@link ${FLUSS_EXCEPTIONS}/${row.exceptionClass}.java | ${row.exceptionClass}}`)
    }
    // Java's NONE has no message (null): the text is fluss-rust's.
    if (row.code === 0) tags.push(`@see {@link ${FLUSS_RUST_ERRORS} | fluss-rust FlussError::None} (its message)`)
    docs.set(row.reason, memberComment(paragraphs, tags))
  }
  return docs
}

/** Doc comment of every Lance `ErrorCode` member, by name. */
export function lanceMemberDocs(): Map<string, string> {
  const docs = new Map<string, string>()
  for (const row of LANCE_CODES) {
    // errors.md lists 0–21; 22 and 23 are only in spec.yaml's ErrorResponse code list at this version.
    const inErrorsMd = row.code <= 21
    const paragraphs = [
      `Code ${row.code}, spec \`${row.specName}\` (Python \`${row.className}\`, Java \`${row.javaClassName}\`): "${tsdoc(
        row.message,
      )}".`,
      `Kind \`${row.kind}\`, HTTP status ${row.status}, ${retry(row.retryable, 'retryable')}.`,
    ]
    const tags = [
      inErrorsMd
        ? `@see {@link ${LANCE_ERRORS} | errors.md} (lance-format/lance-namespace @ ${LANCE_REF})`
        : `@see {@link ${LANCE_SPEC} | spec.yaml ErrorResponse} (lance-format/lance-namespace @ ${LANCE_REF})`,
      `@see {@link ${LANCE_REST} | lance-rest.md, error code to HTTP status}`,
    ]
    docs.set(row.reason, memberComment(paragraphs, tags))
  }
  return docs
}

const FAUNA_SOURCE_LABELS: ReadonlyMap<string, string> = new Map([
  [SOURCES.docsV10, 'FQL v10 error codes'],
  [SOURCES.docsV10Old, 'FQL v10 errors (older list)'],
  [SOURCES.docsPlans, 'plan details'],
  [SOURCES.docsV4, 'FQL v4 errors'],
])

/** A row's `source`: each URL as a link, anything else (repository path at a version) as code. */
function faunaSource(source: string | undefined): string {
  if (source === undefined) return '—'
  return source
    .split('; ')
    .map((s) => (/^https:\/\//.test(s) ? `[${FAUNA_SOURCE_LABELS.get(s) ?? s}](${s})` : `\`${s}\``))
    .join('; ')
}

/** The markdown table of a Fauna dialect's rows (inside a doc comment). */
function faunaTable(rows: readonly FaunaCodeInfo[]): string[] {
  const cell = (s: string) => tsdoc(s).replaceAll('|', '\\|')
  const lines = [
    '| Code | Class | Kind | Status | Wire status | Retryable | Source |',
    '| --- | --- | --- | ---: | ---: | --- | --- |',
  ]
  for (const r of rows) {
    lines.push(
      `| \`${cell(r.code)}\` | \`${r.className}\` | \`${r.kind}\` | ${r.status} | ${r.wireStatus ?? '—'} | ${
        r.retryable ? 'yes' : 'no'
      } | ${faunaSource(r.source)} |`,
    )
  }
  return lines
}

/** Doc comment of a Fauna dialect's table export (no indentation). */
function faunaTableComment(dialect: 'v4' | 'v10', rows: readonly FaunaCodeInfo[]): string {
  const intro =
    dialect === 'v4'
      ? "FQL v4 rows (`variant: 'v4'`): the HTTP error codes (the `code` of an entry of `errors`, e.g. `instance not found`), then the errors `faunadb` raises itself (the code is the class name). Exported as `CODES` of `@errs/fauna`."
      : "FQL v10 rows (`variant: 'v10'`): the service error codes (`error.code` of a query failure, e.g. `document_not_found`), then the errors `fauna` raises itself (the code is the class name). Exported as `CODES` of `@errs/fauna/v10`."
  const facts =
    '`Status` is the HTTP status a service answers with for the code (its kind); `Wire status` is the one Fauna sends it with (`—`: raised by the client, no reply). `Retryable`: whether the same call may succeed when retried (what Fauna’s clients retry or mark retryable; a row’s `note` says why where no driver retries it). Generated from the rows by `scripts/code-docs.ts`.'
  const see =
    dialect === 'v4'
      ? [`@see {@link ${SOURCES.docsV4} | FQL v4 errors}`]
      : [`@see {@link ${SOURCES.docsV10} | FQL v10 error codes}`, `@see {@link ${SOURCES.docsV10Old} | FQL v10 errors}`]
  const lines = [
    ...wrap(intro, ' * '),
    ' *',
    ...wrap(facts, ' * '),
    ' *',
    ...faunaTable(rows).map((l) => ` * ${l}`),
    ' *',
    ...see.map((t) => ` * ${t}`),
  ]
  return ['/**', ...lines, ' */'].join('\n')
}

/** `source` with the doc comments of the members of `export const <name> = Object.freeze({ … })` replaced. */
export function withMemberDocs(source: string, name: string, docs: ReadonlyMap<string, string>): string {
  const open = `export const ${name} = Object.freeze({\n`
  const start = source.indexOf(open)
  const end = source.indexOf('\n} as const)', start)
  if (start < 0 || end < 0) throw new Error(`no ${open.trim()} … } as const) block`)
  const body = source.slice(start + open.length, end).split('\n')
  const out: string[] = []
  const seen = new Set<string>()
  for (const line of body) {
    const t = line.trim()
    if (t.startsWith('/**') || t.startsWith('*')) continue // an old doc comment: regenerated below
    const m = /^ {2}([A-Z0-9_]+): -?\d+,$/.exec(line)
    if (m) {
      const doc = docs.get(m[1] as string)
      if (doc === undefined) throw new Error(`${name}.${m[1]} has no table row`)
      out.push(doc)
      seen.add(m[1] as string)
    }
    out.push(line)
  }
  for (const key of docs.keys()) if (!seen.has(key)) throw new Error(`${name} lacks the member ${key}`)
  return source.slice(0, start + open.length) + out.join('\n') + source.slice(end)
}

/** `source` with the doc comment right above `export const <name>` replaced by `comment`. */
export function withDeclarationDoc(source: string, name: string, comment: string): string {
  const decl = source.indexOf(`\nexport const ${name}:`)
  if (decl < 0) throw new Error(`no export const ${name}`)
  const before = source.slice(0, decl)
  const docStart = before.endsWith('*/') ? before.lastIndexOf('\n/**') : -1
  const head = docStart >= 0 ? before.slice(0, docStart) : before
  return `${head}\n${comment}${source.slice(decl)}`
}

/** Every generated file: repository path → its text with the generated doc comments. */
export function renderFiles(root: string): Map<string, string> {
  const read = (path: string) => readFileSync(join(root, path), 'utf8')
  const files = new Map<string, string>()
  const fluss = 'packages/fluss/src/codes.ts'
  files.set(fluss, withMemberDocs(read(fluss), 'ErrorCode', flussMemberDocs()))
  const lance = 'packages/lance/src/codes.ts'
  files.set(lance, withMemberDocs(read(lance), 'ErrorCode', lanceMemberDocs()))
  const v4 = 'packages/fauna/src/v4/codes.ts'
  files.set(v4, withDeclarationDoc(read(v4), 'V4_CODES', faunaTableComment('v4', V4_CODES)))
  const v10 = 'packages/fauna/src/v10/codes.ts'
  files.set(v10, withDeclarationDoc(read(v10), 'V10_CODES', faunaTableComment('v10', V10_CODES)))
  return files
}

/** Rewrites the generated files; returns the paths that changed. */
export function writeFiles(root: string): string[] {
  const changed: string[] = []
  for (const [path, text] of renderFiles(root)) {
    if (readFileSync(join(root, path), 'utf8') !== text) {
      writeFileSync(join(root, path), text)
      changed.push(path)
    }
  }
  return changed
}
