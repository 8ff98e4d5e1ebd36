// A fresh consumer project with the PACKED packages (`pnpm pack`, so `files`, `exports`, `typesVersions` and the
// rewritten `workspace:` ranges are what users get): every entry type-checks with `tsc` 5.9 (node10, node16,
// nodenext, bundler) and 6.0 (node10, nodenext, bundler) under `lib: ["es2022"]` with no DOM or Node types and
// `skipLibCheck: false`; `toResponse` is the global `Response` where the program has one (DOM lib, `@types/node`);
// every entry loads with `import` and `require`, with nothing but the packed packages installed (`@errs/fluss/wire` too).
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type * as TS from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const root = resolve(appDir, '../..')
const PACKAGES = ['core', 'fluss', 'lance', 'fauna'] as const

const TYPESCRIPT: Record<string, typeof TS> = {
  '5.9': require('typescript') as typeof TS,
  '6.0': require('typescript-6') as typeof TS,
}

/** Every entry of every package, used so that a wrong type or a missing declaration fails the compile. */
const CONSUMER = `import { type Adapter, ErrsError, fromResponse, isRetryable, toProblem, toResponse } from '@errs/core'
import { isRecord, readReply } from '@errs/core/kit'
import { retryDelay, type RetryDelayOptions } from '@errs/core/retry'
import * as fauna from '@errs/fauna'
import { adapter as faunaAdapter } from '@errs/fauna/adapter'
import * as v10 from '@errs/fauna/v10'
import * as fluss from '@errs/fluss'
import * as wire from '@errs/fluss/wire'
import * as lance from '@errs/lance'

export const adapters: Adapter[] = [fluss.adapter, wire.adapter, lance.adapter, faunaAdapter]
export const faunaEntries = [fauna.errors.BadRequest, v10.ServiceError]
const e: ErrsError = lance.adapter.create(4)
const options: RetryDelayOptions = { baseMs: 100, maxMs: 5000 }
export const delay: number = retryDelay(e, 1, options)
export const retry: boolean = isRetryable(e)
export const status: number = toResponse(e).status
export const contentType: string | null = toResponse(e).headers.get('content-type')
export const problemStatus: number = toProblem(e).status
export const back: Promise<ErrsError> = fromResponse({ status: 404, headers: {}, data: { title: 'x' } })
export const reply = readReply({ status: 500, body: '' })
export const record: boolean = isRecord(reply)
export const bytes: Uint8Array = wire.adapter.encode(wire.adapter.create(7)) as Uint8Array
`

/** Only with a global `Response` (DOM lib or `@types/node`): `toResponse` is that type. */
const WITH_RESPONSE = `import { toResponse } from '@errs/core'
export const res: Response = toResponse(new Error('x'))
`

let tmp = ''
let project = ''

async function sh(cmd: string, args: string[], cwd: string): Promise<string> {
  const { stdout, stderr } = await run(cmd, args, { cwd, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 })
  return `${stdout}${stderr}`
}

/**
 * An empty project whose node_modules gets the packed packages (extracted by `beforeAll`) and nothing else: no
 * adapter depends on more than `@errs/core` (`@errs/fluss/wire` has the modules of `@bufbuild/protobuf` it uses built
 * in), and the workspace's `@bufbuild/protobuf` is not reachable from the project's directory.
 */
function makeProject(name: string): string {
  const dir = join(tmp, name)
  mkdirSync(join(dir, 'node_modules/@errs'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }))
  return dir
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'errs-consumer-'))
  const packs = join(tmp, 'packs')
  mkdirSync(packs)
  const tgz: Record<string, string> = {}
  for (const pkg of PACKAGES) {
    const before = new Set(readdirSync(packs))
    await sh('npx', ['--yes', 'pnpm@10.34.8', 'pack', '--pack-destination', packs], join(root, 'packages', pkg))
    const made = readdirSync(packs).filter((f) => f.endsWith('.tgz') && !before.has(f))
    expect(made).toHaveLength(1)
    tgz[pkg] = join(packs, made[0] as string)
  }
  project = makeProject('consumer')
  for (const pkg of PACKAGES) {
    const dest = join(project, 'node_modules/@errs', pkg)
    mkdirSync(dest)
    await sh('tar', ['-xzf', tgz[pkg] as string, '-C', dest, '--strip-components=1'], tmp)
  }
  mkdirSync(join(project, 'node_modules/@types'))
  symlinkSync(realpathSync(join(root, 'node_modules/@types/node')), join(project, 'node_modules/@types/node'))
  writeFileSync(join(project, 'index.ts'), CONSUMER)
  writeFileSync(join(project, 'esm.mts'), CONSUMER)
  writeFileSync(join(project, 'cjs.cts'), CONSUMER)
  writeFileSync(join(project, 'response.ts'), WITH_RESPONSE)
}, 180_000)

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** `tsc --noEmit` of `files` in the project with these options; the formatted diagnostics ('' when clean). */
function compile(version: string, files: string[], options: Record<string, unknown>): string {
  const ts = TYPESCRIPT[version] as typeof TS
  const { options: parsed, errors } = ts.convertCompilerOptionsFromJson(
    { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022'], types: [], ...options },
    project,
  )
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  const program = ts.createProgram({ rootNames: files.map((f) => join(project, f)), options: parsed })
  const diagnostics = ts.getPreEmitDiagnostics(program)
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => project,
    getNewLine: () => '\n',
  })
}

const MODES: [version: string, mode: string, files: string[], options: Record<string, unknown>][] = [
  ['5.9', 'node10 (module commonjs)', ['index.ts'], { module: 'commonjs', moduleResolution: 'node10' }],
  ['5.9', 'node16', ['esm.mts', 'cjs.cts'], { module: 'node16', moduleResolution: 'node16' }],
  ['5.9', 'nodenext', ['esm.mts', 'cjs.cts'], { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['5.9', 'bundler', ['index.ts'], { module: 'esnext', moduleResolution: 'bundler' }],
  [
    '6.0',
    'node10 (module commonjs)',
    ['index.ts'],
    { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
  ],
  ['6.0', 'nodenext', ['esm.mts', 'cjs.cts'], { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['6.0', 'bundler', ['index.ts'], { module: 'esnext', moduleResolution: 'bundler' }],
]

describe('a consumer project type-checks every entry of the packed packages', () => {
  it('runs the TypeScript versions it claims', () => {
    expect(TYPESCRIPT['5.9']?.version).toMatch(/^5\.9\./)
    expect(TYPESCRIPT['6.0']?.version).toMatch(/^6\.0\./)
  })

  for (const [version, mode, files, options] of MODES) {
    it(`TypeScript ${version}, ${mode}, lib es2022 only (no DOM, no Node types)`, () => {
      expect(compile(version, files, options)).toBe('')
    })
  }

  it('with the DOM lib, toResponse is the DOM Response', () => {
    const options = { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] }
    expect(compile('5.9', ['index.ts', 'response.ts'], options)).toBe('')
  })

  it("with @types/node, toResponse is Node's global Response", () => {
    const options = { module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] }
    expect(compile('5.9', ['esm.mts', 'response.ts'], options)).toBe('')
  })

  it('without either, the global Response does not exist (the check above is not vacuous)', () => {
    const out = compile('5.9', ['response.ts'], { module: 'esnext', moduleResolution: 'bundler' })
    expect(out).toContain("Cannot find name 'Response'")
  })

  it('a wrong use still fails to compile (the checks above are not vacuous)', () => {
    writeFileSync(join(project, 'wrong.ts'), "import { retryDelay } from '@errs/core/retry'\nretryDelay()\n")
    const out = compile('5.9', ['wrong.ts'], { module: 'commonjs', moduleResolution: 'node10' })
    expect(out).toContain('TS2554')
  })
})

const ENTRIES = [
  '@errs/core',
  '@errs/core/kit',
  '@errs/core/retry',
  '@errs/fluss',
  '@errs/fluss/wire',
  '@errs/lance',
  '@errs/fauna',
  '@errs/fauna/v10',
]

describe('every entry loads from the packed packages', () => {
  it('with import and with require', async () => {
    const script = `const entries = ${JSON.stringify(ENTRIES)}
const { createRequire } = await import('node:module')
const req = createRequire(import.meta.url)
const out = []
for (const e of entries) {
  const esm = await import(e)
  const cjs = req(e)
  out.push([e, Object.keys(esm).length > 0 && Object.keys(cjs).length > 0])
}
const w = await import('@errs/fluss/wire')
out.push(['wire round trip', w.adapter.decode(w.adapter.encode(w.adapter.create(7))).code === 7])
console.log(JSON.stringify(out))
`
    writeFileSync(join(project, 'load.mjs'), script)
    const out = JSON.parse((await sh(process.execPath, ['load.mjs'], project)).trim()) as [string, boolean][]
    expect(out).toEqual([...ENTRIES.map((e) => [e, true]), ['wire round trip', true]])
  })

  it('@errs/fluss/wire loads and decodes without @bufbuild/protobuf installed (its modules are built in)', async () => {
    const script = `const { createRequire } = await import('node:module')
const req = createRequire(import.meta.url)
let found = 'found'
try { await import('@bufbuild/protobuf/wire') } catch (e) { found = e.code }
const esm = await import('@errs/fluss/wire')
const cjs = req('@errs/fluss/wire')
// ErrorResponse { error_code: 7, error_message: "x" } (FlussApi.proto: field 1 int32, field 2 string)
const bytes = new Uint8Array([0x08, 0x07, 0x12, 0x01, 0x78])
console.log(JSON.stringify([found, esm.decodeErrorResponse(bytes).code, cjs.decodeErrorResponse(bytes).message]))
`
    writeFileSync(join(project, 'load-wire.mjs'), script)
    const out = JSON.parse((await sh(process.execPath, ['load-wire.mjs'], project)).trim())
    expect(out).toEqual(['ERR_MODULE_NOT_FOUND', 7, 'x'])
  })

  it('each built file names one source map, and the package ships it', () => {
    for (const pkg of PACKAGES) {
      const dist = join(project, 'node_modules/@errs', pkg, 'dist')
      for (const file of readdirSync(dist).filter((f) => /\.c?js$/.test(f))) {
        const refs = [...readFileSync(join(dist, file), 'utf8').matchAll(/^\/\/# sourceMappingURL=(.+)$/gm)]
        expect(
          refs.map((m) => m[1]),
          `${pkg}/dist/${file}`,
        ).toEqual([`${file}.map`])
        expect(existsSync(join(dist, `${file}.map`)), `${pkg}/dist/${file}.map`).toBe(true)
      }
    }
  })

  it('the packed @errs/fluss depends on @errs/core alone and ships the licences of the code built into /wire', async () => {
    const pkg = JSON.parse(
      (await sh(process.execPath, ['-p', 'JSON.stringify(require("@errs/fluss/package.json"))'], project)).trim(),
    ) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['@errs/core'])
    expect(pkg.peerDependencies).toBeUndefined()
    const notices = readFileSync(join(project, 'node_modules/@errs/fluss/THIRD_PARTY_NOTICES.md'), 'utf8')
    expect(notices).toContain('Copyright 2021-2026 Buf Technologies, Inc.')
    expect(notices).toContain('Copyright 2008 Google Inc.')
    expect(notices).toContain('Apache License')
  })
})
