// The API reference of every entry (`@errs/core`, /kit, /retry, `@errs/fluss`, /wire, `@errs/lance`, `@errs/fauna`,
// /v10, /adapter) builds with TypeDoc with no warning at all (every exported symbol documented, no broken link, no
// accidental tag); no doc comment says "@errs" where TSDoc would read a tag; and the doc comments of the error codes
// are what `scripts/code-docs.ts` renders from the code tables (kind, HTTP status, retryability, upstream link).
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  flussMemberDocs,
  lanceMemberDocs,
  renderFiles,
  withMemberDocs,
  writeFiles,
} from '../../../scripts/code-docs.js'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const typedoc = join(dirname(createRequire(join(root, 'package.json')).resolve('typedoc/package.json')), 'bin/typedoc')

/** Words starting with "@errs" inside doc comments, outside backticks: TSDoc reads them as block tags. */
function accidentalTags(source: string): string[] {
  const found: string[] = []
  for (const comment of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const prose = comment.replace(/`[^`\n]*`/g, '``')
    for (const m of prose.matchAll(/(?:^|[\s(])(@errs\S*)/g)) found.push(m[1] as string)
  }
  return found
}

/** Every `.ts` file under `dir`, as paths relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
}

const ENTRIES = [
  'core',
  'core-kit',
  'core-retry',
  'fluss',
  'fluss-wire',
  'lance',
  'fauna',
  'fauna-v10',
  'fauna-adapter',
] as const

describe('doc comments', () => {
  it('the scanner finds a tag-like "@errs" and ignores backticked ones (not vacuous)', () => {
    expect(accidentalTags('/** Base of every @errs error, see `@errs/core`. */')).toEqual(['@errs'])
    expect(accidentalTags('/** see `@errs/core` and `@errs/core/kit` */')).toEqual([])
  })

  it('no doc comment in packages/{core,fluss,lance,fauna}/src or typedoc/ says "@errs" outside backticks', () => {
    const files = [
      ...['core', 'fluss', 'lance', 'fauna'].flatMap((p) => sources(`packages/${p}/src`)),
      ...sources('typedoc'),
    ]
    expect(files.length).toBeGreaterThan(40)
    const hits = files.flatMap((f) => accidentalTags(readFileSync(join(root, f), 'utf8')).map((t) => `${f}: ${t}`))
    expect(hits).toEqual([])
  })

  it('typedoc.json lists every entry, and every entry file exists', () => {
    const config = JSON.parse(readFileSync(join(root, 'typedoc/typedoc.json'), 'utf8')) as { entryPoints: string[] }
    expect(config.entryPoints).toEqual(ENTRIES.map((e) => `entries/${e}.ts`))
    for (const e of ENTRIES) expect(readFileSync(join(root, `typedoc/entries/${e}.ts`), 'utf8')).toMatch(/@module/)
  })

  it('the API reference of every entry builds with treatWarningsAsErrors', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [typedoc, '--options', 'typedoc/typedoc.json', '--emit', 'none'],
      { cwd: root, timeout: 180_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    ).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: `${e.stderr}\nFAILED` }))
    expect(`${stdout}${stderr}`).not.toMatch(/warning|error|FAILED/i)
  }, 180_000)
})

describe('error-code doc comments follow the code table', () => {
  it('every generated file is current (rewrite: UPDATE_CODE_DOCS=1 npx vitest run --project interop -t "code table")', () => {
    if (process.env.UPDATE_CODE_DOCS === '1') writeFiles(root)
    const stale = [...renderFiles(root)]
      .filter(([path, text]) => readFileSync(join(root, path), 'utf8') !== text)
      .map(([path]) => path)
    expect(stale).toEqual([])
  })

  it('each OPERATION_ERRORS member doc states its route and its own codes', async () => {
    const { OPERATION_ERRORS, OPERATIONS } = await import('../../../packages/lance/src/operations.js')
    const source = readFileSync(join(root, 'packages/lance/src/operations.ts'), 'utf8')
    expect(OPERATIONS.length).toBe(54)
    for (const name of OPERATIONS) {
      const { method, path, codes } = OPERATION_ERRORS[name]
      const doc = new RegExp(`/\\*\\* ([^\\n]*) \\*/\\n  ${name}: op\\(`).exec(source)?.[1]
      expect(doc, name).toContain(`\`${method} ${path}\``)
      expect(doc, name).toContain(codes.length === 0 ? 'only `COMMON_ERRORS`' : `codes ${codes.join(', ')} besides`)
    }
  })

  it('a doc comment that disagrees with its row is caught (not vacuous)', () => {
    const path = 'packages/lance/src/codes.ts'
    const current = readFileSync(join(root, path), 'utf8')
    const drifted = current.replace('Kind `not_found`, HTTP status 404', 'Kind `not_found`, HTTP status 410')
    expect(drifted).not.toBe(current)
    expect(withMemberDocs(drifted, 'ErrorCode', lanceMemberDocs())).toBe(current)
    expect(() => withMemberDocs(current.replace('  THROTTLING: 21,\n', ''), 'ErrorCode', lanceMemberDocs())).toThrow(
      /lacks the member THROTTLING/,
    )
  })

  it('each code doc states kind, status and retryability and links upstream at the cited version', () => {
    const fluss = flussMemberDocs().get('TABLE_NOT_EXIST') as string
    // apache/fluss Errors.java@545c553: TABLE_NOT_EXIST(7, "The table does not exist.", TableNotExistException::new)
    expect(fluss).toContain('Code 7, Java `TableNotExistException`: "The table does not exist."')
    expect(fluss).toContain('Kind `not_found`, HTTP status 404, not retriable.')
    expect(fluss).toContain(
      '@see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java |',
    )
    // SchemaNotExistException extends RetriableException (apache/fluss fluss-common .../exception @ 545c553).
    expect(flussMemberDocs().get('SCHEMA_NOT_EXIST')).toContain('retriable (extends `RetriableException`)')
    const lance = lanceMemberDocs().get('THROTTLING') as string
    // lance-format/lance-namespace docs/src/namespace/operations/errors.md@eeb337ca: 21 Throttling; lance-rest.md: 429.
    expect(lance).toContain('Kind `resource_exhausted`, HTTP status 429, retryable.')
    expect(lance).toContain(
      '@see {@link https://github.com/lance-format/lance-namespace/blob/eeb337ca/docs/src/namespace/operations/errors.md |',
    )
    for (const docs of [flussMemberDocs(), lanceMemberDocs()]) {
      for (const [name, doc] of docs) {
        expect(doc, name).toMatch(/Kind `[a-z_]+`, HTTP status \d{3}, (not )?retr(iable|yable)/)
        expect(doc, name).toMatch(/@see \{@link https:\/\/github\.com\//)
      }
    }
    const v10 = renderFiles(root).get('packages/fauna/src/v10/codes.ts') as string
    // https://docs.fauna.com/fauna/current/reference/fql/error-codes: limit_exceeded, HTTP 429, retried by the drivers.
    expect(v10).toContain('| `limit_exceeded` | `ThrottlingError` | `resource_exhausted` | 429 | 429 | yes |')
  })
})
