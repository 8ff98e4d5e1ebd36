import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire'
import { describe, expect, it } from 'vitest'
import { MAX_RATIO, timeRatio } from '../src/hostile/linear.js'
import { runHarness } from '../src/hostile/run.js'
import { loadTarget } from '../src/load.js'
import { parseArgs } from '../src/main.js'
import { renderJson, renderJunit, renderTable } from '../src/report.js'
import { GENERIC_GROUPS, type ReportRow, runGeneric } from '../src/run.js'
import { loadVectors, vectorErrors } from '../src/vectors.js'

const here = dirname(fileURLToPath(import.meta.url))
const app = join(here, '..')
const quokkaVectors = loadVectors(join(here, 'fixtures/quokka.json'))
const exec = promisify(execFile)

async function target(fixture: string) {
  return loadTarget(join(here, 'fixtures', fixture, 'index.js'), {
    vectors: quokkaVectors,
    name: fixture,
    bases: [app],
  })
}

async function run(fixture: string): Promise<ReportRow[]> {
  return runGeneric(await target(fixture))
}

async function harness(fixture: string, groups: string[], fuzzRuns = 200, decoders?: string[]): Promise<ReportRow[]> {
  return runHarness(await target(fixture), {
    fuzzRuns,
    seed: 1,
    bases: [app],
    groups,
    ...(decoders ? { decoders } : {}),
  })
}

const failures = (rows: ReportRow[], group: string) => rows.filter((r) => !r.passed && r.group === group)

describe('a third-party adapter (Quokka, a fictional key-value service, in plain JavaScript)', () => {
  it('passes every contract group', async () => {
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

  it('survives every hostile value through its five decoders', async () => {
    const rows = await harness('quokka', ['hostile'])
    expect(rows.length).toBeGreaterThan(300)
    expect(rows.filter((r) => !r.passed)).toEqual([])
  }, 60_000)
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

describe('the hostile-input harness fails each planted bug, naming it', () => {
  it('unguarded reads: a revoked Proxy makes decode throw (hostile), and fuzzing finds it too', async () => {
    const rows = await harness('quokka-throwing', ['hostile', 'fuzz'], 300)
    const h = failures(rows, 'hostile').find((r) => r.name === 'adapter.decode (http): revoked Proxy as the wire')
    expect(h?.message).toMatch(/^adapter\.decode \(http\) threw TypeError/)
    const f = failures(rows, 'fuzz').find((r) => r.name.startsWith('adapter.decode (http)'))
    expect(f?.message).toMatch(/threw .* — input .*replay: --fuzz-seed 1/)
    // recognize reads `value.name` unguarded
    expect(failures(rows, 'hostile').some((r) => r.name.startsWith('adapter.recognize: revoked Proxy'))).toBe(true)
  }, 60_000)

  it('a quadratic scan of the message fails the time ratio, not an absolute time', async () => {
    const rows = await harness('quokka-slow', ['linear'], 200, ['decode', 'fromProblem'])
    const f = failures(rows, 'linear').find(
      (r) => r.name === 'adapter.decode (http): plain text as the message of its own encoding',
    )
    expect(f?.message).toMatch(
      /^time\(8n\) \/ time\(n\) = \d+\.\d \(median of \d; n = 2048 chars: .* ms\): super-linear$/,
    )
    expect(f?.expected).toBe(`< ${MAX_RATIO}`)
    expect(Number(f?.actual)).toBeGreaterThan(MAX_RATIO)
    // the same text through a path without the bug stays linear
    expect(rows.find((r) => r.name.startsWith('fromProblem') && r.name.includes('plain text'))?.passed).toBe(true)
  }, 120_000)

  it('a raw message copied into a header leaks the canary through encode', async () => {
    const rows = await harness('quokka-leaky', ['canary'])
    const f = failures(rows, 'canary').find((r) => r.name === 'create: registered literal (addSecret) in the cause')
    expect(f?.message).toBe('secret leaked in encode headers')
    expect(String(f?.actual)).toContain('cnry-Secret-7f3a9c21e5')
  }, 60_000)

  it('a decoder that never returns is killed by the watchdog and the harness goes on', async () => {
    const rows = await harness('quokka-hang', ['hostile'], 200, ['decode', 'fromResponse'])
    const hung = failures(rows, 'hostile')
    expect(hung.length).toBeGreaterThan(0)
    for (const r of hung) {
      expect(r.name).toMatch(/^adapter\.decode \(http\): huge sparse array/)
      expect(r.message).toBe('did not return within 5 s (the process was killed)')
    }
    // the cases after the killed ones still ran
    expect(rows.some((r) => r.passed && r.name.startsWith('fromResponse'))).toBe(true)
  }, 120_000)

  it('timeRatio tells linear from quadratic work', async () => {
    const work = (quadratic: boolean) => async (input: unknown) => {
      const n = input as number
      let x = 0
      for (let i = 0; i < n; i++) for (let j = 0; j < (quadratic ? i : 8); j++) x += j
      return x
    }
    expect((await timeRatio(work(false), 20_000, 160_000)).ratio).toBeLessThan(MAX_RATIO)
    expect((await timeRatio(work(true), 400, 3_200)).ratio).toBeGreaterThan(MAX_RATIO)
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
  it('table: adapter × group with the first failure, expected vs actual, notes', () => {
    const t = renderTable(rows, ['live lancedb: not run — install @lancedb/lancedb@0.39.0 in this project'])
    expect(t).toMatch(/a\s+codes\s+FAIL\s+1\s+1\s+create 2: status differs/)
    expect(t).toMatch(/b\s+wire\s+pass\s+1\s+0/)
    expect(t).toContain('expected: {"status":404}')
    expect(t).toContain('actual:   {"status":500}')
    expect(t).toContain('note: live lancedb: not run — install @lancedb/lancedb@0.39.0 in this project')
    expect(t.trimEnd().split('\n').pop()).toBe('conformance: 2 passed, 1 failed')
  })
  it('json and junit', () => {
    const j = JSON.parse(renderJson(rows))
    expect(j.ok).toBe(false)
    expect(j.summary).toEqual([
      { adapter: 'a', group: 'codes', passed: 1, failed: 1, notApplicable: 0 },
      { adapter: 'b', group: 'wire', passed: 1, failed: 0, notApplicable: 0 },
    ])
    const x = renderJunit(rows)
    expect(x).toContain('<testsuites name="errs-conformance" tests="3" failures="1">')
    expect(x).toContain('name="round trip &lt;1&gt;"')
    expect(x).toContain('<failure message="status differs">')
  })
})

describe('CLI', () => {
  it('parses repeatable --adapter / --vectors, the reporter, fuzz runs and groups', () => {
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
      '--fuzz-runs',
      '10000',
      '--only',
      'fuzz',
      '--only',
      'vectors',
    ])
    expect(o.adapters).toEqual(['x', 'y'])
    expect(o.vectors).toEqual(['x.json', 'y.json'])
    expect(o.reporter).toBe('junit')
    expect(o.fuzzRuns).toBe(10_000)
    expect(o.groups).toEqual(new Set(['fuzz', 'vectors']))
    expect(o.parts).toEqual(new Set(['harness', 'generic']))
    expect(() => parseArgs(['--fuzz-runs', 'many'])).toThrow('--fuzz-runs must be an integer ≥ 1, got "many"')
    expect(() => parseArgs(['--only', 'nope'])).toThrow(/unknown part or group "nope"/)
  })

  const cli = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', join(app, 'src/cli.ts'), ...args], { cwd: app }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )

  it('exits 0 for the good adapter and 1 for the broken one, naming the groups', async () => {
    const args = (f: string) => [
      '--adapter',
      `./test/fixtures/${f}/index.js`,
      '--vectors',
      './test/fixtures/quokka.json',
      '--reporter',
      'json',
      '--skip',
      'harness',
    ]
    const good = await cli(args('quokka'))
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout).ok).toBe(true)
    const bad = await cli(args('quokka-broken'))
    expect(bad.code).toBe(1)
    expect(
      JSON.parse(bad.stdout)
        .summary.filter((s: { failed: number }) => s.failed)
        .map((s: { group: string }) => s.group),
    ).toEqual(['vectors', 'unknown', 'redaction'])
  }, 60_000)

  it('exits 2 when the run cannot start, saying why', async () => {
    const missing = await cli(['--adapter', '@acme/errs-nothing'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('adapter module not found: cannot resolve "@acme/errs-nothing"')
    const noExport = await cli(['--adapter', './test/fixtures/quokka/impl.cjs'])
    expect(noExport.code).toBe(2)
    expect(noExport.stderr).toContain('exports no adapter: no "adapter" export (exports: makeAdapter')
    const none = await cli([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no adapter given')
    // Options that leave nothing to check are no run (before: exit 1, as if a check had failed, with an empty report).
    const nothing = await cli([
      '--adapter',
      './test/fixtures/quokka/index.js',
      '--vectors',
      './test/fixtures/quokka.json',
      '--only',
      'vectors',
      '--skip',
      'vectors',
    ])
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('the options selected no check to run')
    expect(nothing.stdout).toBe('')
  }, 30_000)

  it('exits 2 for a vector file with a typo, naming the member and the likely fix', async () => {
    const r = await cli(['--adapter', './test/fixtures/quokka/index.js', '--vectors', './test/fixtures/typo.json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('does not match vectors.schema.json')
    expect(r.stderr).toContain('/codes/0: unknown member "expcet" — did you mean "expect"?')
  }, 30_000)
})

describe('vector files', () => {
  const files = ['vectors/fluss.json', 'vectors/lance.json', 'vectors/fauna.json', 'test/fixtures/quokka.json']

  it('validate against vectors.schema.json', () => {
    for (const f of files) expect(vectorErrors(JSON.parse(readFileSync(join(app, f), 'utf8')))).toEqual([])
  })

  it('give clear messages for mistakes', () => {
    const good = JSON.parse(readFileSync(join(app, 'test/fixtures/quokka.json'), 'utf8'))
    const bad = structuredClone(good)
    bad.codes[1].expect.kind = 'not found'
    bad.codes[2].wire = { status: 404, bodytext: '{}' }
    delete bad.sources
    // A local reference folder is not an upstream source (built here so the literal path does not stand in the repo).
    const local = ['..', 'shared', 'reference', 'quokka.md'].join('/')
    bad.codes[3].source = local
    const errors = vectorErrors(bad)
    expect(errors).toContain('(top level): missing member "sources"')
    expect(errors.some((e) => e.startsWith('/codes/1/expect/kind: "not found" is not one of "invalid_argument"'))).toBe(
      true,
    )
    expect(errors).toContain(
      '/codes/2/wire: unknown member "bodytext" — did you mean "bodyText"? (allowed: status, headers, body, bodyText, bodyBase64)',
    )
    expect(errors).toContain(
      `/codes/3/source: "${local}" is not an upstream source (cite a repository path at a version or a documentation URL)`,
    )
  })

  it('every file of the package cites upstream sources, never a local reference folder or a tracker number', () => {
    const hits: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else {
          const text = readFileSync(p, 'utf8')
          if (/\.\.\/shared|\/work\/shared|\bissues? #?\d+\b/i.test(text) && !p.endsWith('conformance.test.ts'))
            hits.push(p)
        }
      }
    }
    walk(app)
    expect(hits).toEqual([])
    for (const f of files) {
      const v = loadVectors(join(app, f))
      expect(v.sources.length).toBeGreaterThan(0)
    }
  })

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

  it('hold every code of the three systems’ tables', () => {
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
