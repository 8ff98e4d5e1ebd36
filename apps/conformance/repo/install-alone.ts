import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Results } from '../src/checks/util.js'
import type { ReportRow } from '../src/run.js'

const run = promisify(execFile)

/** Each adapter, the subpaths to smoke-test, and a code to create. */
const ADAPTERS = [
  { pkg: 'fluss', entries: ['@errs/fluss'], code: 7, reason: 'TABLE_NOT_EXIST' },
  { pkg: 'lance', entries: ['@errs/lance'], code: 4, reason: 'TABLE_NOT_FOUND' },
  {
    pkg: 'fauna',
    entries: ['@errs/fauna/adapter', '@errs/fauna', '@errs/fauna/v10'],
    code: 'instance not found',
    variant: 'v4',
  },
] as const

async function sh(cmd: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<string> {
  const { stdout, stderr } = await run(cmd, args, {
    cwd,
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  })
  return `${stdout}${stderr}`
}

/** `pnpm pack` (rewrites `workspace:^` into a version range) into `dest`; returns the tarball path. */
async function pack(pkgDir: string, dest: string): Promise<string> {
  return packWith('npx', ['--yes', 'pnpm@10.34.8', 'pack', '--pack-destination', dest], pkgDir, dest)
}

async function packWith(cmd: string, args: string[], pkgDir: string, dest: string): Promise<string> {
  const before = new Set(readdirSync(dest))
  await sh(cmd, args, pkgDir)
  const made = readdirSync(dest).filter((f) => f.endsWith('.tgz') && !before.has(f))
  if (made.length !== 1) throw new Error(`packing ${pkgDir} made ${made.length} tarballs`)
  return join(dest, made[0] as string)
}

function smokeScript(a: (typeof ADAPTERS)[number], mode: 'esm' | 'cjs'): string {
  const load = (spec: string) =>
    mode === 'esm' ? `await import(${JSON.stringify(spec)})` : `require(${JSON.stringify(spec)})`
  const variant = JSON.stringify('variant' in a ? { variant: a.variant } : {})
  const body = [
    `const core = ${load('@errs/core')}`,
    `const mod = ${load(a.entries[0])}`,
    `const e = mod.adapter.create(${JSON.stringify(a.code)}, undefined, ${variant})`,
    `if (!core.ErrsError.is(e) || !(e instanceof core.ErrsError)) throw new Error('not an ErrsError')`,
    `const back = core.fromProblem(JSON.stringify(e), { adapters: [mod.adapter] })`,
    `if (back.constructor !== e.constructor || back.code !== e.code) throw new Error('problem round trip lost the class')`,
    ...a.entries.slice(1).map((s) => `if (!(${load(s)})) throw new Error('no ${s}')`),
    `console.log(JSON.stringify({ name: e.name, code: e.code, system: e.system }))`,
  ].join('\n')
  return mode === 'esm'
    ? `${body}\n`
    : `;(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1) })\n`
}

/** Packages installed in a project's node_modules (scoped names joined). */
function installed(project: string): string[] {
  const nm = join(project, 'node_modules')
  return readdirSync(nm, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => (d.name.startsWith('@') ? readdirSync(join(nm, d.name)).map((n) => `${d.name}/${n}`) : [d.name]))
    .sort()
}

/**
 * Install alone: packs @errs/core and each adapter with pnpm, installs the tarballs with npm into an empty project
 * (nothing else: no adapter has a dependency besides core; `@errs/fluss/wire` has the few modules of
 * `@bufbuild/protobuf` it uses built in), then `import`s and `require`s them and runs a smoke test, `@errs/fluss/wire`
 * included.
 */
export async function runInstallAlone(appDir: string): Promise<ReportRow[]> {
  const root = resolve(appDir, '../..')
  const tmp = mkdtempSync(join(tmpdir(), 'errs-install-alone-'))
  const rows: ReportRow[] = []
  try {
    const tarballs = join(tmp, 'tarballs')
    mkdirSync(tarballs)
    const coreTgz = await pack(join(root, 'packages/core'), tarballs)
    for (const a of ADAPTERS) {
      const r = new Results('install alone')
      const project = join(tmp, `only-${a.pkg}`)
      mkdirSync(project)
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: `only-${a.pkg}`, version: '1.0.0', private: true }),
      )
      let ok = false
      await r.checkAsync(`pnpm pack + npm install core and @errs/${a.pkg} only`, async () => {
        const tgz = await pack(join(root, 'packages', a.pkg), tarballs)
        await sh(
          'npm',
          ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--offline', coreTgz, tgz],
          project,
        )
        ok = true
      })
      for (const mode of ['esm', 'cjs'] as const) {
        if (!ok) break
        await r.checkAsync(`${mode === 'esm' ? 'import' : 'require'} + smoke test`, async () => {
          const file = join(project, mode === 'esm' ? 'smoke.mjs' : 'smoke.cjs')
          writeFileSync(file, smokeScript(a, mode))
          const out = JSON.parse(
            (await sh(process.execPath, [file], project, 30_000)).trim().split('\n').pop() as string,
          ) as {
            name: string
            code: unknown
          }
          const deps = installed(project)
          if (out.code !== a.code)
            return { message: 'smoke test created the wrong code', expected: a.code, actual: out.code }
          const want = ['@errs/core', `@errs/${a.pkg}`]
          if (JSON.stringify(deps) !== JSON.stringify(want))
            return { message: 'node_modules holds more than core and the adapter', expected: want, actual: deps }
        })
      }
      if (a.pkg === 'fluss' && ok) {
        await r.checkAsync('@errs/fluss/wire (with nothing but core installed)', async () => {
          const code =
            "import { adapter } from '@errs/fluss/wire'\nconst e = adapter.decode(adapter.encode(adapter.create(7)))\nconsole.log(e.code)\n" +
            "const { createRequire } = await import('node:module')\nconst w = createRequire(import.meta.url)('@errs/fluss/wire')\nconsole.log(w.adapter.create(7).code)\n"
          writeFileSync(join(project, 'wire.mjs'), code)
          const out = (await sh(process.execPath, ['wire.mjs'], project, 30_000)).trim()
          if (out !== '7\n7') return { message: 'wire smoke test', expected: '7\\n7', actual: out }
        })
      }
      rows.push(...r.list.map((x) => ({ ...x, target: `@errs/${a.pkg}` })))
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return rows
}
