// Every entry of every package in a browser bundle: esbuild (platform 'browser', format esm) bundles each entry from
// the real built dist with a probe that makes an error, writes its problem+json and rebuilds it with the adapter;
// no bundle may pull in a Node built-in. Each bundle then runs where only web globals exist: a `node:vm` context
// given `Response`, `Headers`, `TextDecoder`, `TextEncoder`, `URL` and `structuredClone`, and nothing of Node —
// and, when Debian's chromium is installed, headless Chromium loading the bundles from 127.0.0.1.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { builtinModules } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { build, type Plugin, transform } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const interop = fileURLToPath(new URL('..', import.meta.url))

// What every probe ends with: `e` made by the entry, `adapter` the adapter that knows its class, and the rebuilt
// error compared with it (same constructor, same code), through the public problem form.
const roundTrip = `
const problem = toProblem(e)
const back = fromProblem(JSON.parse(JSON.stringify(problem)), { adapters: [adapter] })
export const result = {
  name: back.name,
  sameClass: back.constructor === e.constructor && back instanceof e.constructor && back instanceof ErrsError,
  sameCode: back.code === e.code,
  status: back.status,
  extra,
}`
const core = `import { ErrsError, fromProblem, toProblem } from '@errs/core'\n`

/** One probe per published entry: the entry's own round trip, and a check of something only that entry has. */
const PROBES: Record<string, { source: string; name: string; status: number; extra: unknown }> = {
  '@errs/core': {
    source: `${core}import { toResponse } from '@errs/core'
const adapter = { system: 'none', wire: 'http', codes: [], classes: {}, clientCodes: { unknown: 'x' } }
const e = new ErrsError({ system: 'acme', code: 'GONE', kind: 'not_found', message: 'no such thing' })
const extra = toResponse(e).headers.get('content-type')`,
    name: 'ErrsError',
    status: 404,
    extra: 'application/problem+json',
  },
  '@errs/core/kit': {
    source: `${core}import { brandClass, codeIndex, errsInit, readReply } from '@errs/core/kit'
const CODES = [{ code: 1, reason: 'KEY_NOT_FOUND', kind: 'not_found', status: 404, retryable: false, message: 'No key.', className: 'QuokkaError' }]
const info = codeIndex(CODES)
class QuokkaError extends ErrsError {
  static { brandClass(this, 'acme.quokka.QuokkaError') }
  constructor(code, message, options) { super(errsInit('quokka', code, info(code), message, options)) }
}
const adapter = { system: 'quokka', wire: 'http', codes: CODES, classes: { QuokkaError }, clientCodes: { unknown: -1 },
  create: (code, message, options) => new QuokkaError(code, message, options) }
const e = adapter.create(1)
const extra = readReply({ status: 429, headers: { 'Retry-After': '2' } }).retryAfterMs`,
    name: 'QuokkaError',
    status: 404,
    extra: 2000,
  },
  '@errs/core/retry': {
    source: `${core}import { isRetryable, retryDelay } from '@errs/core/retry'
const adapter = { system: 'none', wire: 'http', codes: [], classes: {}, clientCodes: { unknown: 'x' } }
const e = new ErrsError({ system: 'acme', code: 'BUSY', kind: 'unavailable', message: 'busy', retryAfterMs: 700 })
const extra = [isRetryable(e), retryDelay(e, 1, { random: () => 0 })]`,
    name: 'ErrsError',
    status: 503,
    extra: [true, 700],
  },
  '@errs/fluss': {
    source: `${core}import { adapter, ErrorCode } from '@errs/fluss'
const e = adapter.create(ErrorCode.TABLE_NOT_EXIST)
const extra = e.error_code`,
    name: 'FlussError',
    status: 404,
    extra: 7,
  },
  '@errs/fluss/wire': {
    source: `${core}import { adapter } from '@errs/fluss'
import { decodeErrorResponse, encodeErrorResponse } from '@errs/fluss/wire'
const e = decodeErrorResponse(encodeErrorResponse({ error_code: 7 }))
const extra = [...encodeErrorResponse(e)]`,
    name: 'FlussError',
    status: 404,
    extra: [8, 7],
  },
  '@errs/lance': {
    source: `${core}import { adapter, ErrorCode } from '@errs/lance'
const e = adapter.create(ErrorCode.TABLE_NOT_FOUND, 'no table t')
const extra = e.constructor.name`,
    name: 'TableNotFoundError',
    status: 404,
    extra: 'TableNotFoundError',
  },
  '@errs/fauna': {
    source: `${core}import { errors, fromHttp } from '@errs/fauna'
import { adapter } from '@errs/fauna/adapter'
const e = fromHttp({ status: 400, body: { errors: [{ position: [], code: 'invalid ref', description: 'no ref' }] } })
const extra = e instanceof errors.BadRequest`,
    name: 'BadRequest',
    status: 400,
    extra: true,
  },
  '@errs/fauna/v10': {
    source: `${core}import { AbortError, fromHttp } from '@errs/fauna/v10'
import { adapter } from '@errs/fauna/adapter'
const e = fromHttp({ status: 400, body: { error: { code: 'abort', message: 'Query aborted.', abort: 'no' }, summary: '' } })
const extra = e instanceof AbortError`,
    name: 'AbortError',
    status: 400,
    extra: true,
  },
  '@errs/fauna/adapter': {
    source: `${core}import { adapter } from '@errs/fauna/adapter'
const e = adapter.create('limit_exceeded')
const extra = e.retryable`,
    name: 'ThrottlingError',
    status: 429,
    extra: true,
  },
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
/** Fails the build on any import of a Node built-in (esbuild's browser platform would only warn for some). */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      builtins.has(args.path) || args.path.startsWith('node:')
        ? { errors: [{ text: `Node built-in ${args.path} imported by ${args.importer}` }] }
        : undefined,
    )
  },
}

interface Bundle {
  entry: string
  esm: string
  inputs: string[]
}
const bundles: Bundle[] = []

beforeAll(async () => {
  for (const [entry, probe] of Object.entries(PROBES)) {
    const out = await build({
      stdin: { contents: `${probe.source}\n${roundTrip}\n`, resolveDir: interop, sourcefile: 'probe.js', loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [noNodeBuiltins],
    })
    bundles.push({ entry, esm: out.outputFiles[0]?.text ?? '', inputs: Object.keys(out.metafile.inputs) })
  }
}, 120_000)

/** Runs an ESM bundle in a fresh realm holding only the web globals the packages may use; returns its `result`. */
async function runInWebRealm(esm: string): Promise<unknown> {
  const { code } = await transform(esm, { format: 'iife', globalName: '__probe', platform: 'browser' })
  const context = vm.createContext({ Response, Headers, TextDecoder, TextEncoder, URL, structuredClone })
  expect(vm.runInContext('[typeof process, typeof Buffer, typeof require, typeof global]', context)).toEqual([
    'undefined',
    'undefined',
    'undefined',
    'undefined',
  ])
  // Plain data out of the realm: compared with the host's toEqual.
  return JSON.parse(vm.runInContext(`${code}\nJSON.stringify(__probe.result)`, context) as string)
}

const expected = (entry: string) => {
  const p = PROBES[entry] as (typeof PROBES)[string]
  return { name: p.name, sameClass: true, sameCode: true, status: p.status, extra: p.extra }
}

describe('browser bundles (esbuild, platform browser, esm) of every entry, from the built dist', () => {
  it('covers every entry of every package', async () => {
    const { default: core } = await import('@errs/core/package.json', { with: { type: 'json' } })
    const entries = [core, ...(await Promise.all(['fluss', 'lance', 'fauna'].map(readPkg)))].flatMap((pkg) =>
      Object.keys(pkg.exports)
        .filter((k) => k !== './package.json')
        .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`)),
    )
    expect(Object.keys(PROBES).sort()).toEqual(entries.sort())
    expect(bundles.map((b) => b.entry).sort()).toEqual(entries.sort())
  })

  for (const entry of Object.keys(PROBES)) {
    it(`${entry}: bundles from dist without Node built-ins and round-trips in a realm of web globals only`, async () => {
      const bundle = bundles.find((b) => b.entry === entry) as Bundle
      const pkg = entry.split('/')[1] as string
      expect(bundle.inputs.some((i) => i.includes(`packages/${pkg}/dist/`))).toBe(true)
      expect(bundle.inputs.filter((i) => i.includes('/src/') && i.includes('packages/'))).toEqual([])
      expect(bundle.esm).not.toMatch(/\bfrom\s*["']node:|require\(["']/)
      expect(await runInWebRealm(bundle.esm)).toEqual(expected(entry))
    })
  }

  const chromium = '/usr/bin/chromium'
  it('in headless Chromium (pages from 127.0.0.1), when Debian chromium is installed', async () => {
    if (!existsSync(chromium)) {
      console.log(`browser bundles: headless Chromium sub-case not run: ${chromium} is not installed on this machine`)
      return
    }
    const results = await runInChromium(chromium)
    for (const entry of Object.keys(PROBES)) expect(results[entry]).toEqual(expected(entry))
  }, 90_000)
})

async function readPkg(name: string): Promise<{ name: string; exports: Record<string, unknown> }> {
  const { readFileSync } = await import('node:fs')
  return JSON.parse(readFileSync(join(interop, '..', '..', 'packages', name, 'package.json'), 'utf8'))
}

/** Serves the bundles and a page importing each from 127.0.0.1, loads it in headless Chromium, collects results. */
async function runInChromium(binary: string): Promise<Record<string, unknown>> {
  const page = `<!doctype html><script type="module">
const entries = ${JSON.stringify(bundles.map((b) => b.entry))}
const results = {}
for (const [i, entry] of entries.entries()) {
  try { results[entry] = JSON.parse(JSON.stringify((await import('/bundle/' + i + '.js')).result)) }
  catch (e) { results[entry] = { error: String(e && e.stack || e) } }
}
await fetch('/result', { method: 'POST', body: JSON.stringify(results) })
</script>`
  let resolveResults: (r: Record<string, unknown>) => void = () => {}
  const done = new Promise<Record<string, unknown>>((r) => {
    resolveResults = r
  })
  const server = createServer((req, res) => {
    const m = /^\/bundle\/(\d+)\.js$/.exec(req.url ?? '')
    if (req.method === 'POST' && req.url === '/result') {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        res.end('ok')
        resolveResults(JSON.parse(body))
      })
    } else if (m) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[Number(m[1])]?.esm ?? '')
    } else res.writeHead(200, { 'content-type': 'text/html' }).end(page)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const profile = mkdtempSync(join(tmpdir(), 'errs-chromium-'))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const child = spawn(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      url,
    ],
    // Its own process group: Chromium's helpers (renderer, zygote, crashpad) are stopped with it.
    { stdio: 'ignore', detached: true },
  )
  const stop = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal)
    } catch {
      child.kill(signal)
    }
  }
  try {
    return await Promise.race([
      done,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('Chromium sent no results in 60 s')), 60_000),
      ),
    ])
  } finally {
    // Wait for Chromium to exit before removing its profile: it writes there until it is gone (ENOTEMPTY otherwise).
    const exited = new Promise<void>((r) => {
      if (child.exitCode !== null || child.signalCode !== null) r()
      else child.once('exit', () => r())
    })
    stop('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null && child.signalCode === null) stop('SIGKILL')
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
    // A helper that outlived the group's signal may still be writing the profile: retry, and in the end leave a
    // temporary directory behind rather than fail a test about bundles over its cleanup.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
        break
      } catch {
        await new Promise((r) => setTimeout(r, 1_000))
      }
    }
  }
}

afterAll(() => {
  bundles.length = 0
})
