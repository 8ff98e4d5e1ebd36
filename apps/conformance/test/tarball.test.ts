/**
 * The packed packages, used as a user would: `@errs/core`, `@errs/lance` and `@errs/conformance` packed, installed
 * offline into an empty project (with the conformance package's own dependencies, packed from this workspace's
 * store, so no registry is needed), then `npx errs-conformance` run there.
 */
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPackageDir } from '../src/load.js'

const run = promisify(execFile)
const here = dirname(fileURLToPath(import.meta.url))
const app = resolve(here, '..')
const root = resolve(app, '../..')
const env = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
}

async function sh(cmd: string, args: string[], cwd: string, timeout = 180_000) {
  return run(cmd, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 })
}

/** Runs a command, resolving with its exit code and output whatever the code. */
async function exit(cmd: string, args: string[], cwd: string) {
  return sh(cmd, args, cwd).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
}

async function packWith(cmd: string, args: string[], dir: string, dest: string): Promise<string> {
  const before = new Set(readdirSync(dest))
  await sh(cmd, [...args, '--pack-destination', dest], dir)
  const made = readdirSync(dest).filter((f) => f.endsWith('.tgz') && !before.has(f))
  if (made.length !== 1) throw new Error(`packing ${dir} made ${made.length} tarballs`)
  return join(dest, made[0] as string)
}

/** A dependency and its dependencies, packed from their installed copies (npm cannot pack inside pnpm's store). */
async function packDependencies(names: string[], from: string, tmp: string, dest: string): Promise<string[]> {
  const out: string[] = []
  const seen = new Set<string>()
  const queue = names.map((name) => ({ name, from }))
  while (queue.length) {
    const { name, from: base } = queue.shift() as { name: string; from: string }
    if (seen.has(name)) continue
    seen.add(name)
    const dir = findPackageDir(name, base)
    if (!dir) throw new Error(`${name} is not installed near ${base}`)
    const real = realpathSync(dir)
    const copy = join(tmp, 'deps', name.replace('/', '+'))
    cpSync(real, copy, { recursive: true, dereference: true })
    rmSync(join(copy, 'node_modules'), { recursive: true, force: true })
    // `devEngines` (pure-rand names pnpm) makes `npm pack` refuse; it says nothing about installing the package.
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as Record<string, unknown>
    delete manifest.devEngines
    writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2))
    out.push(await packWith('npm', ['pack', '--ignore-scripts'], copy, dest))
    const pkg = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')) as { dependencies?: object }
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: real })
  }
  return out
}

let tmp = ''
let project = ''

/** Whether the package's main ESM file (its `exports["."].import.default`, built by tsup) exists. */
function built(pkg: string): boolean {
  const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as {
    exports: { '.': { import: { default: string } } }
  }
  return existsSync(join(root, pkg, manifest.exports['.'].import.default))
}

beforeAll(async () => {
  // What is packed is what is built: the packages' dist, and this package's dist built now.
  for (const pkg of ['packages/core', 'packages/lance']) {
    if (!built(pkg)) await sh('npx', ['tsup'], join(root, pkg))
  }
  await sh('npx', ['tsup'], app)
  tmp = mkdtempSync(join(tmpdir(), 'errs-conformance-tarball-'))
  const dest = join(tmp, 'tarballs')
  mkdirSync(dest)
  const pnpmPack = ['--yes', 'pnpm@10.34.8', 'pack']
  const tarballs = [
    await packWith('npx', pnpmPack, join(root, 'packages/core'), dest),
    await packWith('npx', pnpmPack, join(root, 'packages/lance'), dest),
    await packWith('npx', pnpmPack, app, dest),
    ...(await packDependencies(['ajv', 'fast-check'], app, tmp, dest)),
  ]
  project = join(tmp, 'project')
  mkdirSync(project)
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }),
  )
  await sh(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs],
    project,
  )
  // A third-party adapter the user wrote (the Quokka fixture) and a broken copy of @errs/lance.
  cpSync(join(here, 'fixtures/quokka'), join(project, 'quokka'), { recursive: true })
  cpSync(join(here, 'fixtures/quokka.json'), join(project, 'quokka/quokka.json'))
  const broken = join(project, 'broken-lance')
  cpSync(join(project, 'node_modules/@errs/lance'), broken, { recursive: true })
  for (const f of ['dist/index.js', 'dist/index.cjs']) {
    const file = join(broken, f)
    const text = readFileSync(file, 'utf8')
    // The bug: TABLE_NOT_FOUND (4) answers 500 instead of the 404 of lance-rest.md's status table.
    const bad = [/("TABLE_NOT_FOUND"[^\n]{0,200}?)\b404\b/, /(TABLE_NOT_FOUND[\s\S]{0,300}?status:\s*)404\b/].reduce(
      (t, re) => (t === text ? t.replace(re, '$1500') : t),
      text,
    )
    if (bad === text) throw new Error(`could not plant the bug in ${f}`)
    writeFileSync(file, bad)
  }
}, 600_000)

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('npx errs-conformance in an empty project with only core, an adapter and the suite installed', () => {
  it('installed nothing else: no adapter but lance, no driver', () => {
    const nm = join(project, 'node_modules')
    expect(readdirSync(join(nm, '@errs')).sort()).toEqual(['conformance', 'core', 'lance'])
    for (const absent of ['faunadb', 'fauna', '@lancedb', '@errs/fluss', '@errs/fauna'])
      expect(existsSync(join(nm, absent))).toBe(false)
    expect(existsSync(join(nm, '.bin/errs-conformance'))).toBe(true)
  })

  it('--adapter @errs/lance passes every group, the hostile-input harness included (exit 0), and says which package enables the live group', async () => {
    // 1,000 generated inputs per decoder here; the repository's `pnpm conformance` runs the default 10,000.
    const r = await exit('npx', ['errs-conformance', '--adapter', '@errs/lance', '--fuzz-runs', '1000'], project)
    expect(r.stdout).toMatch(/@errs\/lance\s+fuzz\s+pass/)
    expect(r.stdout).toMatch(/@errs\/lance\s+canary\s+pass/)
    expect(r.stderr).toContain('live lancedb: not run — install @lancedb/lancedb@0.39.0 in this project')
    expect(r.stdout).toMatch(/conformance: \d{3,} passed, 0 failed/)
    expect(r.code).toBe(0)
  }, 240_000)

  it('a broken copy fails (exit 1), naming the group and the expected vs actual value', async () => {
    const r = await exit(
      'npx',
      [
        'errs-conformance',
        '--adapter',
        './broken-lance/dist/index.js',
        '--vectors',
        'node_modules/@errs/conformance/vectors/lance.json',
        '--skip',
        'harness',
      ],
      project,
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ [./broken-lance/dist/index.js] vectors › create 4')
    expect(r.stdout).toContain('expected: {"status":404}')
    expect(r.stdout).toContain('actual:   {"status":500}')
  }, 120_000)

  it('runs the hostile-input harness from the package against a third-party adapter (exit 0)', async () => {
    const r = await exit(
      'npx',
      [
        'errs-conformance',
        '--adapter',
        './quokka/index.js',
        '--vectors',
        './quokka/quokka.json',
        '--only',
        'hostile',
        '--reporter',
        'json',
      ],
      project,
    )
    const report = JSON.parse(r.stdout)
    expect(report.summary).toEqual([
      { adapter: './quokka/index.js', group: 'hostile', passed: expect.any(Number), failed: 0, notApplicable: 0 },
    ])
    expect(report.passed).toBeGreaterThan(300)
    expect(r.code).toBe(0)
  }, 120_000)

  it('exits 2 when the adapter module is not installed', async () => {
    const r = await exit('npx', ['errs-conformance', '--adapter', '@errs/fauna'], project)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('adapter module not found: cannot resolve "@errs/fauna"')
  }, 60_000)
})

describe('likewise for the other adapters: a project with only core, that adapter and the suite', () => {
  let others = ''
  beforeAll(async () => {
    for (const pkg of ['packages/fluss', 'packages/fauna']) {
      if (!built(pkg)) await sh('npx', ['tsup'], join(root, pkg))
    }
    others = mkdtempSync(join(tmpdir(), 'errs-conformance-others-'))
    const dest = join(others, 'tarballs')
    mkdirSync(dest)
    const pnpmPack = ['--yes', 'pnpm@10.34.8', 'pack']
    const core = await packWith('npx', pnpmPack, join(root, 'packages/core'), dest)
    const suite = await packWith('npx', pnpmPack, app, dest)
    const suiteDeps = await packDependencies(['ajv', 'fast-check'], app, others, dest)
    // No adapter depends on more than core (`@errs/fluss/wire` has the modules of `@bufbuild/protobuf` it uses built in).
    for (const pkg of ['fluss', 'fauna'] as const) {
      const adapter = await packWith('npx', pnpmPack, join(root, 'packages', pkg), dest)
      const dir = join(others, pkg)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `only-${pkg}`, version: '1.0.0', private: true }))
      await sh(
        'npm',
        [
          'install',
          '--offline',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--no-package-lock',
          core,
          suite,
          adapter,
        ].concat(suiteDeps),
        dir,
      )
    }
  }, 600_000)

  afterAll(() => {
    if (others) rmSync(others, { recursive: true, force: true })
  })

  for (const [pkg, spec] of [
    ['fluss', '@errs/fluss'],
    ['fluss', '@errs/fluss/wire'],
    ['fauna', '@errs/fauna/adapter'],
  ] as const) {
    it(`--adapter ${spec} passes every group it can run here (exit 0)`, async () => {
      const r = await exit('npx', ['errs-conformance', '--adapter', spec, '--fuzz-runs', '1000'], join(others, pkg))
      expect(r.stdout).toMatch(/conformance: \d{3,} passed, 0 failed/)
      expect(r.code).toBe(0)
    }, 240_000)
  }
})
