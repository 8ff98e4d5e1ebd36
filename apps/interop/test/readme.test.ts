// The READMEs' code is the tested code: the core README's recipes are apps/interop/src/recipes.ts, the root
// README's Fauna examples are apps/interop/src/readme/*.ts (run here against the real drivers), and the README's
// commands run without a prompt (`npx --yes`).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errors } from '@errs/fauna'
import { Client, FetchClient } from 'fauna'
import faunadb from 'faunadb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { example as v4Example } from '../src/readme/fauna-v4.js'
import { example as v10Example } from '../src/readme/fauna-v10.js'

const file = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const rootReadme = file('../../../README.md')
const coreReadme = file('../../../packages/core/README.md')

/**
 * The code of a text without imports, comments or blank lines, each line trimmed and the lines joined: a comparison
 * free of indentation and of the formatter's line breaks (a call chain on one line or several).
 */
const code = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('import ') && !l.startsWith('//'))
    .join('')
const blocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
const section = (markdown: string, from: string, to: string) =>
  markdown.slice(markdown.indexOf(from), markdown.indexOf(to))

describe('packages/core/README.md recipes are apps/interop/src/recipes.ts', () => {
  const recipes = code(file('../src/recipes.ts'))
  const recipeBlocks = blocks(section(coreReadme, '## HTTP frameworks and clients', '## API reference'))

  it('has a recipe for each framework, client and retry library', () => {
    expect(recipeBlocks).toHaveLength(10)
    for (const name of ['onError', 'app.use', 'setErrorHandler', 'sendProblem', 'fetch(', 'axios', 'get(url', 'inject'])
      expect(recipeBlocks.some((b) => b.includes(name))).toBe(true)
    expect(recipeBlocks.some((b) => b.includes('pRetry('))).toBe(true)
    expect(recipeBlocks.some((b) => b.includes('DelegateBackoff'))).toBe(true)
  })

  for (const [i, block] of recipeBlocks.entries()) {
    it(`block ${i + 1} is verbatim in the tested recipes`, () => {
      expect(recipes).toContain(code(block))
    })
  }
})

describe('root README', () => {
  it('runs every command through `npx --yes` (no "Ok to proceed?" prompt, works with no TTY)', () => {
    const npx = [...rootReadme.matchAll(/\bnpx (\S+)/g)].map((m) => m[1])
    expect(npx.length).toBeGreaterThanOrEqual(8)
    expect(npx.filter((arg) => arg !== '--yes')).toEqual([])
    expect(rootReadme).toContain(
      'npx --yes pnpm@10.34.8 install --frozen-lockfile && npx --yes pnpm@10.34.8 conformance',
    )
    expect(rootReadme).toContain('npx --yes pnpm@10.34.8 install --frozen-lockfile && npx --yes pnpm@10.34.8 test')
  })

  it('names the public and the trusted problem forms', () => {
    expect(rootReadme).toContain('toResponse(err, { exposeInternal: true })')
    expect(rootReadme).toMatch(/\*\*public\*\*/)
  })

  it('its Fauna examples normalize where the driver error is caught, and are the tested files', () => {
    const fauna = blocks(rootReadme).filter((b) => b.includes("'@errs/fauna"))
    expect(fauna).toHaveLength(2)
    for (const b of fauna) expect(b).toContain('const err = normalize(e)')
    expect(code(file('../src/readme/fauna-v4.ts'))).toContain(code(fauna[0] as string))
    expect(code(file('../src/readme/fauna-v10.ts'))).toContain(code(fauna[1] as string))
  })
})

describe('root README Fauna examples against the real drivers (server on 127.0.0.1)', () => {
  let reply = { status: 400, body: '' }
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body))
  })
  let base = ''
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
  })

  it('FQL v4 (faunadb 4.8.2): the raw driver error never matches errors.BadRequest; normalize(e) does', async () => {
    // faunadb raises BadRequest for HTTP 400 (fauna/faunajs `src/errors.js` FaunaHTTPError.raiseForStatusCode).
    reply = {
      status: 400,
      body: JSON.stringify({
        errors: [{ position: ['add'], code: 'invalid argument', description: 'Number expected.' }],
      }),
    }
    const client = new faunadb.Client({ secret: 'fnSECRET', endpoint: base, fetch: globalThis.fetch })
    const q = faunadb.query.Add(1, 'x')
    const raw = await client.query(q).catch((e: unknown) => e)
    expect((raw as Error).name).toBe('BadRequest')
    expect(raw instanceof errors.BadRequest).toBe(false)
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      await v4Example(client, q)
      expect(log).toHaveBeenCalledWith('BadRequest', 'invalid argument', 'Number expected.', 400, 'invalid argument', [
        'add',
      ])
    } finally {
      log.mockRestore()
      await client.close({ force: true })
    }
  })

  it('FQL v10 (fauna 2.5.0): QueryRuntimeError and ThrottlingError after normalize', async () => {
    // fauna-js 2.5.0 dispatches on the error code: document_not_found → QueryRuntimeError, limit_exceeded (429)
    // → ThrottlingError (fauna/fauna-js `src/errors.ts` getServiceError at v2.5.0).
    const url = new URL(base)
    const client = new Client(
      { secret: 'fnSECRET', endpoint: url, max_attempts: 1 },
      new FetchClient({
        url: url.toString(),
        fetch_keepalive: false,
        http2_session_idle_ms: 5000,
        http2_max_streams: 1,
      }),
    )
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const failure = (code: string) => JSON.stringify({ error: { code, message: `${code} happened` }, summary: '' })
      reply = { status: 400, body: failure('document_not_found') }
      await v10Example(client)
      expect(log).toHaveBeenLastCalledWith('document_not_found', 400, 'document_not_found happened')
      reply = { status: 429, body: failure('limit_exceeded') }
      await v10Example(client)
      expect(log).toHaveBeenLastCalledWith('retry in 1000 ms')
    } finally {
      log.mockRestore()
      client.close()
    }
  })
})
