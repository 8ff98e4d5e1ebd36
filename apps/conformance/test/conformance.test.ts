import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../src/cli.js'
import { loadTarget } from '../src/load.js'
import { renderJson, renderJunit, renderTable } from '../src/report.js'
import { GENERIC_GROUPS, type ReportRow, runGeneric } from '../src/run.js'
import { loadVectors } from '../src/vectors.js'

const here = dirname(fileURLToPath(import.meta.url))
const app = join(here, '..')
const quokkaVectors = loadVectors(join(here, 'fixtures/quokka.json'))

async function run(fixture: string): Promise<ReportRow[]> {
  const target = await loadTarget(join(here, 'fixtures', fixture, 'index.js'), {
    vectors: quokkaVectors,
    name: fixture,
  })
  return runGeneric(target)
}

const failures = (rows: ReportRow[], group: string) => rows.filter((r) => !r.passed && r.group === group)

describe('a third-party adapter (Quokka, a fictional key-value service)', () => {
  it('passes every generic check group', async () => {
    const rows = await run('quokka')
    expect(rows.filter((r) => !r.passed)).toEqual([])
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(GENERIC_GROUPS))
    expect(rows.length).toBeGreaterThan(100)
  })

  it('is loaded as two copies (ESM + CJS) and in a vm realm by the identity checks', async () => {
    const rows = await run('quokka')
    const names = rows.filter((r) => r.group === 'identity').map((r) => r.name)
    expect(names).toContain('ESM ⇄ CJS 1')
    expect(names).toContain('host ⇄ vm 1')
  })
})

describe('the deliberately broken copy fails with clear messages', () => {
  it('wrong status: its table says 500 for KEY_NOT_FOUND, the vectors say 404', async () => {
    const rows = await run('quokka-broken')
    const f = failures(rows, 'vectors').find((r) => r.name === 'create 1')
    expect(f?.message).toBe('create(1) differs from the reference: status')
    expect(f?.expected).toEqual({ status: 404 })
    expect(f?.actual).toEqual({ status: 500 })
    expect(failures(rows, 'vectors').some((r) => r.name.startsWith('decode KEY_NOT_FOUND'))).toBe(true)
  })

  it('lost code: unknown codes collapse into INTERNAL', async () => {
    const rows = await run('quokka-broken')
    const f = failures(rows, 'unknown')
    expect(f.map((r) => r.name)).toContain('create 987654 keeps the code')
    expect(f.find((r) => r.name === 'create 987654 keeps the code')).toMatchObject({
      message: 'unknown code not kept',
      expected: 987654,
      actual: 5,
    })
    expect(f.find((r) => r.name === 'decode unknown code 77')).toMatchObject({
      expected: { code: 77 },
      actual: { code: 5 },
    })
  })

  it('leaked secret: the raw message reaches the stack and the JSON', async () => {
    const rows = await run('quokka-broken')
    const f = failures(rows, 'redaction')
    expect(f.length).toBeGreaterThan(0)
    expect(f[0]?.message).toMatch(/^secret leaked in (stack|JSON\.stringify|toProblem)/)
    expect(String(f[0]?.actual)).toContain('cnry-Secret-7f3a9c21e5')
  })

  it('passes the groups it does not break (the checks are not failing blindly)', async () => {
    const rows = await run('quokka-broken')
    for (const group of ['wire', 'problem', 'identity', 'malformed', 'cause']) expect(failures(rows, group)).toEqual([])
  })
})

describe('reports', () => {
  const rows: ReportRow[] = [
    { target: 'a', group: 'codes', name: 'create 1', passed: true },
    {
      target: 'a',
      group: 'codes',
      name: 'create 2',
      passed: false,
      message: 'status differs',
      expected: { status: 404 },
      actual: { status: 500 },
    },
    { target: 'b', group: 'wire', name: 'round trip <1>', passed: true },
  ]
  it('table: adapter × group with the first failure, expected vs actual', () => {
    const t = renderTable(rows)
    expect(t).toMatch(/a\s+codes\s+FAIL\s+1\s+1\s+create 2: status differs/)
    expect(t).toMatch(/b\s+wire\s+pass\s+1\s+0/)
    expect(t).toContain('expected: {"status":404}')
    expect(t).toContain('actual:   {"status":500}')
    expect(t).toContain('conformance: 2 passed, 1 failed')
  })
  it('json and junit', () => {
    const j = JSON.parse(renderJson(rows))
    expect(j.ok).toBe(false)
    expect(j.summary).toEqual([
      { adapter: 'a', group: 'codes', passed: 1, failed: 1 },
      { adapter: 'b', group: 'wire', passed: 1, failed: 0 },
    ])
    const x = renderJunit(rows)
    expect(x).toContain('<testsuites name="errs-conformance" tests="3" failures="1">')
    expect(x).toContain('name="round trip &lt;1&gt;"')
    expect(x).toContain('<failure message="status differs">')
  })
})

describe('CLI', () => {
  it('parses repeatable --adapter / --vectors and the reporter', () => {
    const o = parseArgs([
      '--adapter',
      'x',
      '--vectors',
      'x.json',
      '--adapter=y',
      '--vectors',
      'y.json',
      '--reporter',
      'junit',
    ])
    expect(o.adapters).toEqual(['x', 'y'])
    expect(o.vectors).toEqual(['x.json', 'y.json'])
    expect(o.reporter).toBe('junit')
  })

  it('exits 0 for the good adapter and 1 for the broken one', async () => {
    const exec = promisify(execFile)
    const cli = ['--import', 'tsx', join(app, 'src/cli.ts')]
    const args = (f: string) => [
      ...cli,
      '--adapter',
      `./test/fixtures/${f}/index.js`,
      '--vectors',
      './test/fixtures/quokka.json',
      '--reporter',
      'json',
    ]
    const good = await exec(process.execPath, args('quokka'), { cwd: app })
    expect(JSON.parse(good.stdout).ok).toBe(true)
    const bad = await exec(process.execPath, args('quokka-broken'), { cwd: app }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    )
    expect(bad.code).toBe(1)
    expect(
      JSON.parse(bad.stdout)
        .summary.filter((s: { failed: number }) => s.failed)
        .map((s: { group: string }) => s.group),
    ).toEqual(['vectors', 'unknown', 'redaction'])
  })
})

describe('the vectors are independent of the adapters', () => {
  it('every Fluss ErrorResponse hex decodes, with @bufbuild/protobuf, to the row code and message', () => {
    const v = loadVectors(join(app, 'vectors/fluss.json'))
    let n = 0
    for (const row of [...v.codes, ...(v.examples ?? []), ...(v.unknownCodes ?? [])]) {
      if (!row.wire || !('hex' in row.wire)) continue
      const r = new BinaryReader(Buffer.from(row.wire.hex, 'hex'))
      let code: number | undefined
      let message: string | undefined
      while (r.pos < r.len) {
        const [field, type] = r.tag()
        if (field === 1 && type === WireType.Varint) code = r.int32()
        else if (field === 2 && type === WireType.LengthDelimited) message = r.string()
        else r.skip(type)
      }
      expect(code).toBe(row.code)
      if (row.expect.message !== undefined && message !== undefined) expect(message).toBe(row.expect.message)
      n++
    }
    expect(n).toBe(75 * 2 + 2 + 6)
  })

  it('the vectors hold every code of the three seeds’ tables', () => {
    const fluss = loadVectors(join(app, 'vectors/fluss.json'))
    const codes = new Set(fluss.codes.map((c) => c.code))
    for (let c = -2; c <= 73; c++) expect(codes.has(c)).toBe(true)
    const lance = loadVectors(join(app, 'vectors/lance.json'))
    expect(new Set(lance.codes.map((c) => c.code))).toEqual(new Set(Array.from({ length: 24 }, (_, i) => i)))
    const fauna = loadVectors(join(app, 'vectors/fauna.json'))
    const v4 = new Set(fauna.codes.filter((c) => c.variant === 'v4').map((c) => c.code))
    for (const c of [
      'instance not found',
      'instance already exists',
      'validation failed',
      'unauthorized',
      'permission denied',
      'call error',
    ]) {
      expect(v4.has(c)).toBe(true)
    }
    const raw = readFileSync(join(app, 'vectors/fauna.json'), 'utf8')
    for (const cls of [
      'BadRequest',
      'Unauthorized',
      'PermissionDenied',
      'NotFound',
      'MethodNotAllowed',
      'TooManyRequests',
      'InternalError',
      'UnavailableError',
      'UnknownError',
    ]) {
      expect(raw).toContain(`"className": "${cls}"`)
    }
  })
})
