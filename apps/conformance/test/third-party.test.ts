// What a third-party adapter author meets: the README's minimal adapter and vectors run through the CLI exactly as
// the README shows them, ESM-only and CommonJS-only adapters, and the message when the adapter file cannot import
// `@errs/core`.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { HARNESS_GROUPS } from '../src/hostile/run.js'
import { loadTarget } from '../src/load.js'
import { renderJson, renderJunit, renderTable } from '../src/report.js'
import { GENERIC_GROUPS, type ReportRow, runGeneric } from '../src/run.js'

const here = dirname(fileURLToPath(import.meta.url))
const app = join(here, '..')
const exec = promisify(execFile)

/** Folders made by these tests: inside the app (so that `@errs/core` resolves as in a user's project) or in /tmp. */
const made: string[] = []
function folder(parent: string, prefix: string): string {
  mkdirSync(parent, { recursive: true })
  const dir = mkdtempSync(join(parent, prefix))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})
const inApp = (prefix: string) => folder(join(app, '.tmp'), prefix)

/** tsx's loader by URL: the CLI runs from folders (in /tmp) where `--import tsx` would not resolve. */
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** The CLI as a user runs it (`npx errs-conformance …`), from `cwd`. */
const cli = (args: string[], cwd: string) =>
  exec(process.execPath, ['--import', tsx, join(app, 'src/cli.ts'), ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )

/** The body of the one fenced block of `lang` (with `info` in its info string) in a Markdown text. */
function fenced(markdown: string, lang: string, info = ''): string {
  const blocks = [...markdown.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].filter(
    (m) => m[1] === lang && (m[2] ?? '').includes(info),
  )
  expect(blocks.length).toBe(1)
  return blocks[0]?.[3] ?? ''
}

const NOT_APPLICABLE_ESM = {
  'ESM ⇄ CJS': 'not applicable: ESM-only adapter (no CommonJS build, so no second copy in this process)',
  'node:vm realm': 'not applicable: ESM-only adapter (no CommonJS build to load in a second realm)',
}

describe('the README minimal adapter, with the README vectors, as the README shows them', () => {
  const readme = readFileSync(join(app, 'README.md'), 'utf8')
  const adapterSource = fenced(readme, 'js', 'name=quokka')
  const vectorsText = fenced(readme, 'json')
  const vectors = JSON.parse(vectorsText)

  it('the README states the contract the example must follow (raw input kept)', () => {
    expect(readme).toContain('bad input gives a typed error keeping the raw input')
    expect(vectors.system).toBe('quokka')
    expect(vectors.malformed.length).toBeGreaterThan(0)
  })

  it('passes the whole suite through the CLI (exit 0): ESM-only identity checks are not applicable, not failed', async () => {
    // A project of the user's: package.json, the adapter file and the vectors file, as the README names them.
    const dir = inApp('readme-')
    writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n')
    writeFileSync(join(dir, 'my-adapter.js'), adapterSource)
    writeFileSync(join(dir, 'my-vectors.json'), vectorsText)
    const r = await cli(
      ['--adapter', './my-adapter.js', '--vectors', './my-vectors.json', '--reporter', 'json', '--fuzz-runs', '2000'],
      dir,
    )
    const report = JSON.parse(r.stdout) as {
      ok: boolean
      passed: number
      failed: number
      notApplicable: number
      results: ReportRow[]
      summary: { group: string }[]
    }
    expect(report.results.filter((x) => !x.passed)).toEqual([])
    expect(r.code).toBe(0)
    expect(report.ok).toBe(true)
    expect(report.failed).toBe(0)
    expect(report.passed).toBeGreaterThan(900)
    expect(new Set(report.summary.map((s) => s.group))).toEqual(new Set([...GENERIC_GROUPS, ...HARNESS_GROUPS]))
    // Malformed replies keep their raw input (the contract), so every malformed check ran and passed.
    expect(report.results.filter((x) => x.group === 'malformed' && x.notApplicable)).toEqual([])
    const na = report.results.filter((x) => x.notApplicable)
    expect(Object.fromEntries(na.map((x) => [x.name, x.message]))).toEqual(NOT_APPLICABLE_ESM)
    expect(report.notApplicable).toBe(2)
    expect(na.every((x) => x.group === 'identity' && x.passed)).toBe(true)
  }, 240_000)
})

describe("the repository's command with a third-party adapter file (pnpm conformance --adapter ./path)", () => {
  it('cross-service loads the adapter by its file (not as a package name) and names it as given', async () => {
    const readme = readFileSync(join(app, 'README.md'), 'utf8')
    const dir = inApp('repo-')
    writeFileSync(join(dir, 'my-adapter.js'), fenced(readme, 'js', 'name=quokka'))
    const r = await exec(
      process.execPath,
      ['--import', tsx, join(app, 'repo/cli.ts'), '--adapter', './my-adapter.js', '--only', 'cross-service'],
      { cwd: dir, env: { ...process.env, npm_lifecycle_event: '' } },
    ).then(
      (x) => ({ code: 0, stdout: x.stdout, stderr: x.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )
    expect(r.stdout).toMatch(/\.\/my-adapter\.js\s+cross-service\s+pass\s+[1-9]\d*\s+0/)
    expect(r.stdout).not.toContain('file://')
    expect(r.code).toBe(0)
  }, 120_000)
})

describe('identity across realms', () => {
  it('runs for real for the adapters of this repository (they ship CommonJS builds)', async () => {
    for (const spec of ['@errs/fluss', '@errs/fluss/wire', '@errs/lance', '@errs/fauna/adapter']) {
      const t = await loadTarget(spec, { bases: [app] })
      expect(t.files?.cjs, spec).toMatch(/\.cjs$/)
      const rows = await runGeneric(t, undefined, new Set(['identity']))
      expect(
        rows.filter((r) => !r.passed || r.notApplicable),
        spec,
      ).toEqual([])
      const names = rows.map((r) => r.name)
      expect(names, spec).toContain('load the CJS build in a node:vm context')
      expect(names.filter((n) => n.startsWith('host ⇄ vm')).length, spec).toBeGreaterThan(0)
      expect(names.filter((n) => n.startsWith('ESM ⇄ CJS')).length, spec).toBeGreaterThan(0)
    }
  })

  /** A package `@acme/quokka` in a project's node_modules whose ESM entry is the README's adapter. */
  function esmPackage(exportsField: unknown): string {
    const dir = inApp('pkg-')
    const pkg = join(dir, 'node_modules', '@acme', 'quokka')
    mkdirSync(pkg, { recursive: true })
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/quokka', version: '1.0.0', type: 'module', exports: exportsField }),
    )
    writeFileSync(join(pkg, 'index.js'), fenced(readFileSync(join(app, 'README.md'), 'utf8'), 'js', 'name=quokka'))
    return dir
  }

  it('is not applicable to an ESM-only package, and says so', async () => {
    const t = await loadTarget('@acme/quokka', { bases: [esmPackage({ '.': './index.js' })] })
    const rows = await runGeneric(t, undefined, new Set(['identity']))
    expect(rows.filter((r) => !r.passed)).toEqual([])
    const na = rows.filter((r) => r.notApplicable)
    expect(Object.fromEntries(na.map((r) => [r.name, r.message]))).toEqual(NOT_APPLICABLE_ESM)
  })

  it('fails a package that declares a CommonJS build whose file is missing (a broken build, not ESM-only)', async () => {
    const base = esmPackage({ '.': { import: './index.js', require: './index.cjs' } })
    const t = await loadTarget('@acme/quokka', { bases: [base] })
    const rows = await runGeneric(t, undefined, new Set(['identity']))
    expect(rows.filter((r) => r.notApplicable)).toEqual([])
    const failed = rows.filter((r) => !r.passed)
    expect(failed.map((r) => r.name)).toEqual(['CommonJS build declared by the package'])
    expect(failed[0]?.expected).toBe(join(base, 'node_modules', '@acme', 'quokka', 'index.cjs'))
  })

  it('runs the vm realm for a CommonJS-only adapter file; ESM ⇄ CJS is not applicable', async () => {
    const dir = inApp('cjs-')
    const impl = join(here, 'fixtures', 'quokka', 'impl.cjs')
    writeFileSync(
      join(dir, 'only.cjs'),
      `module.exports = require(${JSON.stringify(impl)}).makeAdapter(require('@errs/core'), require('@errs/core/kit'), {})\n`,
    )
    const t = await loadTarget(join(dir, 'only.cjs'), { bases: [dir] })
    expect(t.files).toEqual({ cjs: join(dir, 'only.cjs') })
    const rows = await runGeneric(t, undefined, new Set(['identity']))
    expect(rows.filter((r) => !r.passed)).toEqual([])
    expect(rows.filter((r) => r.notApplicable).map((r) => [r.name, r.message])).toEqual([
      ['ESM ⇄ CJS', 'not applicable: CommonJS-only adapter (no ESM build, so no second copy in this process)'],
    ])
    expect(rows.filter((r) => r.name.startsWith('host ⇄ vm')).length).toBeGreaterThan(0)
  })
})

describe('reports show not-applicable checks apart: never passed, never failed', () => {
  const rows: ReportRow[] = [
    { target: 'a', group: 'identity', name: 'load', passed: true },
    {
      target: 'a',
      group: 'identity',
      name: 'node:vm realm',
      passed: true,
      notApplicable: true,
      message: 'not applicable: ESM-only adapter (no CommonJS build to load in a second realm)',
    },
    { target: 'a', group: 'codes', name: 'create 1', passed: false, message: 'status differs' },
  ]
  it('table: the group passes with its n/a count, a section lists each with its reason, the last line counts them', () => {
    const t = renderTable(rows)
    expect(t).toMatch(/a\s+identity\s+pass \(1 n\/a\)\s+1\s+0/)
    expect(t).toContain(
      '  - [a] identity › node:vm realm: not applicable: ESM-only adapter (no CommonJS build to load in a second realm)',
    )
    expect(t.trimEnd().split('\n').pop()).toBe('conformance: 1 passed, 1 failed, 1 not applicable')
    expect(renderTable(rows.slice(0, 2)).trimEnd().split('\n').pop()).toBe(
      'conformance: 1 passed, 0 failed, 1 not applicable',
    )
  })
  it('json: a notApplicable count, per group too, and ok when nothing failed', () => {
    const j = JSON.parse(renderJson(rows))
    expect([j.ok, j.passed, j.failed, j.notApplicable]).toEqual([false, 1, 1, 1])
    expect(j.summary[0]).toEqual({ adapter: 'a', group: 'identity', passed: 1, failed: 0, notApplicable: 1 })
    expect(j.results[1]).toMatchObject({ name: 'node:vm realm', notApplicable: true })
    expect(JSON.parse(renderJson(rows.slice(0, 2))).ok).toBe(true)
  })
  it('junit: a skipped test case with the reason', () => {
    const x = renderJunit(rows)
    expect(x).toContain('<testsuites name="errs-conformance" tests="3" failures="1" skipped="1">')
    expect(x).toContain('<testsuite name="a › identity" tests="2" failures="0" skipped="1">')
    expect(x).toContain(
      '<skipped message="not applicable: ESM-only adapter (no CommonJS build to load in a second realm)"/>',
    )
  })
})

describe('an adapter file that cannot import @errs/core', () => {
  const adapterFile = "import { ErrsError } from '@errs/core'\nexport const adapter = { ErrsError }\n"

  it('outside any project: exit 2, saying the file must be able to import @errs/core and how', async () => {
    const dir = folder(tmpdir(), 'errs-conf-outside-')
    writeFileSync(join(dir, 'my-adapter.mjs'), adapterFile)
    const r = await cli(['--adapter', './my-adapter.mjs'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("Cannot find package '@errs/core'")
    expect(r.stderr).toContain(`The adapter file imports "@errs/core", which Node cannot find from ${dir}`)
    expect(r.stderr).toContain(
      'An adapter must be able to import @errs/core itself: keep the adapter file in a project or package that depends on @errs/core (npm install @errs/core there)',
    )
    expect(r.stderr).not.toContain('Did you mean to import')
    expect(r.stderr).not.toContain('Under pnpm')
  }, 30_000)

  it('in a pnpm workspace whose root does not depend on it (this repository): names the package that does', async () => {
    const ws = folder(tmpdir(), 'errs-conf-ws-')
    writeFileSync(join(ws, 'pnpm-workspace.yaml'), "packages:\n  - 'apps/*'\n")
    writeFileSync(join(ws, 'package.json'), '{ "private": true, "type": "module" }\n')
    mkdirSync(join(ws, 'apps', 'conformance'), { recursive: true })
    writeFileSync(join(ws, 'apps', 'conformance', 'vectors.schema.json'), '{}\n')
    mkdirSync(join(ws, 'mine'))
    writeFileSync(join(ws, 'mine', 'my-adapter.js'), adapterFile)
    const r = await cli(['--adapter', './mine/my-adapter.js'], ws)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `Under pnpm a package imports only what its own package.json depends on, and the package this file belongs to (the workspace root, ${ws}) does not depend on @errs/core: put the file in a workspace package that lists "@errs/core" in its dependencies, e.g. under ${join(ws, 'apps', 'conformance')}/, whose package depends on it`,
    )
  }, 30_000)
})
