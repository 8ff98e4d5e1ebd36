// Every README's examples, by one mechanism (src/readme/check.ts): each ```ts / ```js block of every README is
// type-checked as its own module against the built packages (strict); the blocks marked `run` are executed (the
// Fauna ones against the real drivers and a server on 127.0.0.1), with what each `console.log(…) // comment` line
// prints checked against its comment; the blocks marked `recipe` are verbatim in src/recipes.ts, which the HTTP and
// retry tests run against the real libraries. The root README's commands run without a prompt (`npx --yes`).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ErrsError, fromProblem, toProblem } from '@errs/core'
import { errors } from '@errs/fauna'
import { Client, FetchClient } from 'fauna'
import faunadb from 'faunadb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { codeOf, type Example, expectedLogs, READMES, readReadme, runExample, typeCheck } from '../src/readme/check.js'

const readmes = READMES.map(readReadme)
const all = readmes.flatMap((r) => r.examples)
const byName = (name: string) => {
  const found = all.find((e) => e.name === name)
  if (found === undefined) throw new Error(`no README example named ${name}`)
  return found
}

// How many examples each README has, and how many of them run: a block lost in an edit (or a fence the checker no
// longer sees) fails here.
const COUNTS: Record<string, { examples: number; run: number; recipe: number }> = {
  'README.md': { examples: 6, run: 2, recipe: 0 },
  'packages/core/README.md': { examples: 14, run: 1, recipe: 10 },
  'packages/fluss/README.md': { examples: 7, run: 1, recipe: 0 },
  'packages/lance/README.md': { examples: 3, run: 1, recipe: 0 },
  'packages/fauna/README.md': { examples: 3, run: 2, recipe: 0 },
  'apps/conformance/README.md': { examples: 1, run: 1, recipe: 0 },
  'apps/interop/README.md': { examples: 0, run: 0, recipe: 0 },
  'apps/bench/README.md': { examples: 0, run: 0, recipe: 0 },
}

/** Runs an example with console.log captured; returns the printed lines (arguments as String, joined by spaces). */
async function runLogged(example: Example): Promise<{ lines: string[]; namespace: Record<string, unknown> }> {
  const lines: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '))
  })
  try {
    return { lines, namespace: await runExample(example) }
  } finally {
    log.mockRestore()
  }
}

/** A `// comment` is what its line prints; quotes in the comment are the reader's, not the output's. */
const unquote = (s: string) => s.replace(/'/g, '')
function expectCommentsPrinted(example: Example, lines: readonly string[]) {
  for (const expected of expectedLogs(example)) expect(lines.map(unquote)).toContain(unquote(expected))
}

describe.each(readmes)('$path', (readme) => {
  it('has the examples it had, marked as they were', () => {
    const count = COUNTS[readme.path]
    expect(count).toBeDefined()
    expect({
      examples: readme.examples.length,
      run: readme.examples.filter((e) => e.flags.includes('run')).length,
      recipe: readme.examples.filter((e) => e.flags.includes('recipe')).length,
    }).toEqual(count)
  })

  it('every example type-checks against the built packages (strict)', () => {
    expect(typeCheck(readme)).toEqual([])
  }, 60_000)
})

describe('the checker', () => {
  it('reports a wrong example with its README and line', () => {
    const [root] = readmes
    const broken = {
      ...root!,
      examples: [{ ...root!.examples[0]!, code: "import { kindOf } from '@errs/core'\nconst n: number = kindOf(1)\n" }],
    }
    const [diagnostic, ...rest] = typeCheck(broken)
    expect(rest).toEqual([])
    expect(diagnostic).toMatch(/^README\.md#1 \(README\.md line \d+\): Type '.*' is not assignable to type 'number'/)
  }, 60_000)
})

describe('examples that run on their own print what their comments say', () => {
  const standalone = all.filter((e) => e.flags.includes('run') && e.name === undefined)
  it('there are some', () => expect(standalone.length).toBe(3))
  for (const example of standalone) {
    it(example.id, async () => {
      const { lines } = await runLogged(example)
      expectCommentsPrinted(example, lines)
    })
  }

  it('packages/lance/README.md handler answers 404 with the Lance ErrorResponse', async () => {
    const { namespace } = await runLogged(byName('lance-handler'))
    const res = (namespace.handler as () => Response)()
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      code: 4,
      error: "Table 'users' not found in namespace 'production'",
      instance: '/v1/table/production$users/describe',
    })
  })

  it('packages/core/README.md branded class: name from the brand, identity through ErrsError.is', async () => {
    const { namespace } = await runLogged(byName('brand'))
    const MyError = namespace.MyError as new (init: { system: string; code: string; message: string }) => ErrsError
    const e = new MyError({ system: 'acme', code: 'X', message: 'boom' })
    expect(e.name).toBe('MyError')
    expect(ErrsError.is(e)).toBe(true)
  })

  it('apps/conformance/README.md Quokka adapter (plain JavaScript): create → toProblem → fromProblem is the same class', async () => {
    const { namespace } = await runLogged(byName('quokka'))
    const adapter = namespace.adapter as import('@errs/core').Adapter
    const QuokkaError = namespace.QuokkaError as abstract new (...args: never[]) => ErrsError
    const thrown = adapter.create(1, 'no key k')
    const back = fromProblem(toProblem(thrown, { exposeInternal: true }), { adapters: [adapter] })
    expect(back).toBeInstanceOf(QuokkaError)
    expect([back.code, back.reason, back.kind, back.status, back.message]).toEqual([
      1,
      'KEY_NOT_FOUND',
      'not_found',
      404,
      'no key k',
    ])
    const decoded = adapter.decode({ status: 429, headers: { 'retry-after': '2' }, body: '{"code":3}' })
    expect([decoded.reason, decoded.retryable, decoded.retryAfterMs]).toEqual(['THROTTLED', true, 2000])
  })
})

describe('recipes: the core README blocks marked `recipe` are verbatim in src/recipes.ts (run by http and retry tests)', () => {
  const recipes = codeOf(readFileSync(new URL('../src/recipes.ts', import.meta.url), 'utf8'))
  const blocks = all.filter((e) => e.flags.includes('recipe'))
  it('one for each framework, client and retry library', () => {
    for (const name of ['onError', 'app.use', 'setErrorHandler', 'sendProblem', 'fetch(', 'axios', 'get(url', 'inject'])
      expect(blocks.some((b) => b.code.includes(name))).toBe(true)
    expect(blocks.some((b) => b.code.includes('pRetry('))).toBe(true)
    expect(blocks.some((b) => b.code.includes('DelegateBackoff'))).toBe(true)
  })
  for (const block of blocks) {
    it(block.id, () => {
      expect(recipes).toContain(codeOf(block.code))
    })
  }
})

describe('root README', () => {
  const rootReadme = readmes[0]!.text
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

  it('its Fauna examples normalize where the driver error is caught', () => {
    for (const name of ['fauna-v4', 'fauna-v10']) expect(byName(name).code).toContain('const err = normalize(e)')
  })
})

describe('root README Fauna examples against the real drivers (server on 127.0.0.1)', () => {
  let reply = { status: 400, body: '' }
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body))
  })
  let base = ''
  const globals = globalThis as { client?: unknown; q?: unknown }
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete globals.client
    delete globals.q
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
    Object.assign(globals, { client, q })
    try {
      const { lines } = await runLogged(byName('fauna-v4'))
      expect(lines).toEqual(['BadRequest invalid argument Number expected. 400 invalid argument add'])
    } finally {
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
    globals.client = client
    try {
      const failure = (code: string) => JSON.stringify({ error: { code, message: `${code} happened` }, summary: '' })
      reply = { status: 400, body: failure('document_not_found') }
      expect((await runLogged(byName('fauna-v10'))).lines).toEqual([
        'document_not_found 400 document_not_found happened',
      ])
      reply = { status: 429, body: failure('limit_exceeded') }
      expect((await runLogged(byName('fauna-v10'))).lines).toEqual(['retry in 1000 ms'])
    } finally {
      client.close()
    }
  })
})
