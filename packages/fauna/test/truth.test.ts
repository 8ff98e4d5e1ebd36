import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { toResponse } from '@errs/core'
import * as fauna from 'fauna'
import faunadb from 'faunadb'
import { describe, expect, it } from 'vitest'
import { V4_CODES, ProtocolError as V4ProtocolError, fromHttp as v4FromHttp } from '../src/index.js'
import * as v10 from '../src/v10.js'

const { V10_CODES } = v10

/**
 * Runs the real fauna 2.5.0 client against one canned reply through an in-process `HTTPClient` (the driver's own
 * unit tests mock this way) and returns what it throws, plus how many requests it made.
 */
async function faunaJs(status: number, body: string, headers: Record<string, string> = {}, maxAttempts = 1) {
  let requests = 0
  const http = {
    async request() {
      requests++
      return { status, body, headers }
    },
    close() {},
  }
  const client = new fauna.Client({ secret: 'fnAFAKE', max_attempts: maxAttempts, max_backoff: 0.001 }, http)
  try {
    await client.query(fauna.fql`1`)
    throw new Error('expected a failure')
  } catch (e) {
    return { error: e as Error & { httpStatus?: number; code?: unknown }, requests }
  } finally {
    client.close()
  }
}

describe('retryability follows what Fauna’s clients do, not the status’s kind', () => {
  it('a 413 HTML page from a proxy is not retryable (v4 and v10), and keeps its status', async () => {
    const html = '<html><body>413 Request Entity Too Large</body></html>'
    const e10 = v10.fromHttp({ status: 413, body: html })
    expect(e10).toBeInstanceOf(v10.ProtocolError)
    expect([e10.kind, e10.status, e10.retryable, (e10 as v10.ProtocolError).httpStatus]).toEqual([
      'resource_exhausted',
      413,
      false,
      413,
    ])
    const e4 = v4FromHttp({ status: 413, body: html })
    expect(e4).toBeInstanceOf(V4ProtocolError)
    expect([e4.kind, e4.status, e4.retryable]).toEqual(['resource_exhausted', 413, false])
    // fauna-js 2.5.0 throws a ProtocolError with httpStatus 413 and does not retry it (3 attempts allowed).
    const real = await faunaJs(413, html, {}, 3)
    expect([real.error.name, real.error.httpStatus, real.requests]).toEqual(['ProtocolError', 413, 1])
    expect(v10.normalize(real.error).retryable).toBe(false)
    // Fauna's own request_size_exceeded (413) is not retryable either: the same payload is too large again.
    expect(
      v10.fromHttp({ status: 413, body: '{"error":{"code":"request_size_exceeded","message":"m"}}' }).retryable,
    ).toBe(false)
  })

  it('fauna-js retries a ThrottlingError whatever its status: ours is retryable whatever its status', async () => {
    // fauna/fauna-js src/client.ts @ v2.5.0 `#queryWithRetries`: `error instanceof ThrottlingError`.
    const body = '{"error":{"code":"limit_exceeded","message":"slow down"}}'
    const at200 = await faunaJs(200, body, {}, 3)
    expect([at200.error.name, at200.error.httpStatus, at200.requests]).toEqual(['ThrottlingError', 200, 3])
    const ours = v10.fromHttp({ status: 200, body })
    expect([ours.name, ours.retryable, (ours as v10.ThrottlingError).httpStatus]).toEqual([
      'ThrottlingError',
      true,
      200,
    ])
    expect(v10.normalize(at200.error).retryable).toBe(true)
    // Errors delivered inside streams and feeds have no status (src/values/stream.ts): still ThrottlingErrors.
    const event = v10.fromStreamEvent({ type: 'error', error: { code: 'limit_exceeded', message: 'm' }, txn_ts: 1 })
    expect([event?.name, event?.retryable, (event as v10.ServiceError).httpStatus]).toEqual([
      'ThrottlingError',
      true,
      undefined,
    ])
    const page = v10.fromFeedPage({ events: [{ type: 'error', error: { code: 'limit_exceeded', message: 'm' } }] })
    expect([page?.name, page?.retryable]).toEqual(['ThrottlingError', true])
    // The class decides, not the code: a ThrottlingError built with another code (fauna-js's old `throttle`).
    const built = new v10.ThrottlingError({ error: { code: 'throttle', message: 'm' } })
    expect([built.retryable, built.kind, built.status, built.httpStatus]).toEqual([
      true,
      'resource_exhausted',
      429,
      undefined,
    ])
    const real = new fauna.ThrottlingError({ error: { code: 'limit_exceeded', message: 'm' } } as never)
    expect(v10.normalize(real).retryable).toBe(true)
  })

  it('other classes are not retried by fauna-js; an unknown code is retryable only at 429', async () => {
    const contended = await faunaJs(409, '{"error":{"code":"time_out","message":"m"}}', {}, 3)
    expect(contended.requests).toBe(1)
    expect(v10.fromHttp({ status: 503, body: '{"error":{"code":"time_out","message":"m"}}' }).retryable).toBe(false)
    // Unknown code: the transport status decides, and only 429 is retried by Fauna's drivers
    // (https://docs.fauna.com/fauna/current/manage/plans-billing/plan-details).
    const unknown = (status: number) =>
      v10.fromHttp({ status, body: '{"error":{"code":"brand_new","message":"m"}}' }).retryable
    expect([unknown(429), unknown(503), unknown(502), unknown(413)]).toEqual([true, false, false, false])
  })
})

/**
 * Every FQL v10 code of the documentation's two lists:
 * N = https://docs.fauna.com/fauna/current/reference/fql/error-codes (current "Error handling" page, whose list is
 * cut off after `type_mismatch`), O = https://docs.fauna.com/fauna/current/build/fql/errors (older "Error codes").
 */
const DOCS_N = [
  'abort',
  'conflict',
  'constraint_failure',
  'contended_transaction',
  'disabled_feature',
  'divide_by_zero',
  'document_deleted',
  'document_id_exists',
  'document_not_found',
  'eval_error',
  'forbidden',
  'index_out_of_bounds',
  'internal_error',
  'internal_failure',
  'invalid_argument',
  'invalid_bounds',
  'invalid_computed_field_access',
  'invalid_cursor',
  'invalid_date',
  'invalid_document_id',
  'invalid_effect',
  'invalid_function_invocation',
  'invalid_id',
  'invalid_index_invocation',
  'invalid_null_access',
  'invalid_receiver',
  'invalid_regex',
  'invalid_request',
  'invalid_schema',
  'invalid_secret',
  'invalid_time',
  'invalid_timestamp_field_access',
  'invalid_type',
  'invalid_unit',
  'invalid_write',
  'limit_exceeded',
  'method_not_allowed',
  'not_found',
  'null_value',
  'permission_denied',
  'request_size_exceeded',
  'stack_overflow',
  'time_out',
  'tmp_write_failed',
  'type_mismatch',
]
const DOCS_O_ONLY = ['constraint_violation', 'document_already_exists', 'unauthorized']

describe('every documented v10 code has a row with its kind (the table is data)', () => {
  it('both docs lists, plus invalid_query from the docs examples', () => {
    const rows = new Map(V10_CODES.map((r) => [r.code, r]))
    for (const code of [...DOCS_N, ...DOCS_O_ONLY, 'invalid_query']) {
      const row = rows.get(code)
      expect(row, code).toBeDefined()
      expect(row?.source, code).toMatch(/https:\/\/docs\.fauna\.com\//)
    }
  })
  it('document_already_exists → already_exists, constraint_violation → failed_precondition (not by status)', () => {
    const e = v10.fromHttp({ status: 400, body: '{"error":{"code":"document_already_exists","message":"m"}}' })
    expect([e.name, e.kind, e.status, e.retryable, (e as v10.ServiceError).httpStatus]).toEqual([
      'QueryRuntimeError',
      'already_exists',
      409,
      false,
      400,
    ])
    const c = v10.fromHttp({ status: 400, body: '{"error":{"code":"constraint_violation","message":"m"}}' })
    expect([c.name, c.kind, c.status]).toEqual(['QueryRuntimeError', 'failed_precondition', 400])
  })
  it('every row cites its source; the driver-only codes cite the driver', () => {
    for (const row of [...V4_CODES, ...V10_CODES]) expect(row.source, row.code).toBeTruthy()
    const byCode = new Map(V10_CODES.map((r) => [r.code, r]))
    expect(byCode.get('gateway_timeout')?.source).toMatch(/fauna-dotnet/)
    expect(byCode.get('invalid_stream_start_time')?.source).toMatch(/fauna-jvm/)
  })
  it('the class of each row is what fauna-js 2.5.0 makes for it (real driver, canned 400 reply)', async () => {
    for (const row of V10_CODES) {
      if (row.className === row.code) continue // client-side rows: no wire code
      const failure = { error: { code: row.code, message: 'm', abort: 1, constraint_failures: [] } }
      const real = await faunaJs(400, JSON.stringify(failure))
      expect([row.code, row.className]).toEqual([row.code, real.error.name])
      expect([row.code, v10.getServiceError(failure, 400).name]).toEqual([row.code, real.error.name])
    }
  })
})

describe('v10 dispatch exactly like fauna-js 2.5.0 (isQueryFailure and Client#query)', () => {
  // [status, body, class, httpStatus]: each checked against the real driver below.
  const cases: [number, string, string, number][] = [
    [400, '{"error":{"code":"x"}}', 'ProtocolError', 400],
    [400, '{"error":{"code":5,"message":"m"}}', 'QueryRuntimeError', 400],
    [200, '', 'ProtocolError', 500],
    [999, '{"error":{"code":"invalid_query","message":"m"}}', 'QueryCheckError', 999],
    [400, '{"error":{"code":"x","message":"m"},"query_tags":{"k":{"toString":0}}}', 'ProtocolError', 400],
    [400, '{"error":{"code":"x","message":"m"},"query_tags":"a=b,c=d"}', 'QueryRuntimeError', 400],
    [400, '{"error":[1]}', 'ProtocolError', 400],
    [400, '{"error":{"code":null,"message":null}}', 'QueryRuntimeError', 400],
    [503, '', 'ProtocolError', 503],
    [502, '{"foo":1}', 'ProtocolError', 502],
    [413, '<html>', 'ProtocolError', 413],
    [429, '{"error":{"code":"limit_exceeded","message":"m"}}', 'ThrottlingError', 429],
  ]
  for (const [status, body, name, httpStatus] of cases) {
    it(`${status} ${body || '(empty)'} → ${name}, httpStatus ${httpStatus}`, async () => {
      const real = await faunaJs(status, body)
      expect([real.error.name, real.error.httpStatus]).toEqual([name, httpStatus])
      const ours = v10.fromHttp({ status, body }) as v10.ServiceError | v10.ProtocolError
      expect([ours.name, ours.httpStatus]).toEqual([name, httpStatus])
      // fauna-js keeps `error.code` whatever its type; ours is text (a number as its digits; no code at all:
      // MISSING_CODE).
      if (ours instanceof v10.ServiceError) {
        const code = real.error.code
        expect(ours.code).toBe(typeof code === 'string' || typeof code === 'number' ? String(code) : v10.MISSING_CODE)
      }
      // and our view of the driver's own error agrees
      expect(v10.normalize(real.error).name).toBe(name)
    })
  }
  it('isQueryFailure: code and message present, whatever their types', () => {
    expect(v10.isQueryFailure({ error: { code: 5, message: 'm' } })).toBe(true)
    expect(v10.isQueryFailure({ error: { code: undefined, message: undefined } })).toBe(true)
    expect(v10.isQueryFailure({ error: { code: 'x' } })).toBe(false)
    expect(v10.isQueryFailure({ error: 'x' })).toBe(false)
  })
  it('the empty-200 ProtocolError asks to try again: retryable, 503', () => {
    const e = v10.fromHttp({ status: 200, body: '' })
    expect([e.kind, e.status, e.retryable]).toEqual(['unavailable', 503, true])
    const withHeader = v10.fromHttp({ status: 200, headers: { 'content-length': '0' }, body: '{"x":1}' })
    expect((withHeader as v10.ProtocolError).httpStatus).toBe(500)
  })
})

describe('core status is the status a service should answer with; native fields keep the wire status', () => {
  const body = (code: string) => JSON.stringify({ error: { code, message: 'm' } })
  const cases: [string, number, number][] = [
    ['document_not_found', 400, 404],
    ['time_out', 440, 504],
    ['time_out', 503, 504],
    ['document_id_exists', 400, 409],
    ['permission_denied', 400, 403],
    ['invalid_secret', 400, 401],
    ['internal_failure', 400, 500],
    ['request_size_exceeded', 413, 413],
    ['method_not_allowed', 405, 405],
  ]
  for (const [code, wire, status] of cases) {
    it(`${code} sent at ${wire} → status ${status}, httpStatus ${wire}`, async () => {
      const e = v10.fromHttp({ status: wire, body: body(code) }) as v10.ServiceError
      expect([e.status, e.httpStatus]).toEqual([status, wire])
      expect((await toResponse(e)).status).toBe(status)
    })
  }
  it('transport failures keep their standard status (a proxy’s 413 or 502)', () => {
    expect(v10.fromHttp({ status: 502, body: '<html>Bad Gateway</html>' }).status).toBe(502)
    expect(v4FromHttp({ status: 502, body: '<html>Bad Gateway</html>' }).status).toBe(502)
    expect(v10.fromHttp({ status: 413, body: '<html/>' }).status).toBe(413)
  })
  it('v4: httpStatusCode keeps the wire status, status what the code means', () => {
    const e = v4FromHttp({
      status: 400,
      body: { errors: [{ code: 'instance already exists', description: 'd', position: ['create'] }] },
    })
    expect([e.name, e.status, (e as unknown as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'BadRequest',
      409,
      400,
    ])
  })
})

describe('class names equal the upstream names', () => {
  it('source classes', () => {
    for (const [ours, theirs] of [
      [v10.ProtocolError, fauna.ProtocolError],
      [v10.AbortError, fauna.AbortError],
      [v10.FaunaError, fauna.FaunaError],
      [v10.ThrottlingError, fauna.ThrottlingError],
    ] as const) {
      expect(ours.name).toBe(theirs.name)
    }
    expect(V4ProtocolError.name).toBe('ProtocolError')
    expect(faunadb.errors.FaunaError.name).toBe('FaunaError')
  })
})

describe('class names in the built bundle (tsup.config.ts, as published)', () => {
  it('v4 and v10 classes that share names keep them after bundling (ESM and CJS)', async () => {
    const { build } = await import('tsup')
    const { builds } = await import('../tsup.config.js')
    const root = fileURLToPath(new URL('..', import.meta.url))
    // Inside the package, so that the bundle resolves `@errs/core` as the published one does.
    const cache = join(root, 'node_modules', '.cache')
    mkdirSync(cache, { recursive: true })
    const outDir = mkdtempSync(join(cache, 'dist-names-'))
    try {
      expect(builds.map((b) => [b.format, b.splitting, b.keepNames])).toEqual([
        [['esm'], true, false],
        [['cjs'], true, false],
      ])
      for (const config of builds) {
        await build({
          ...config,
          entry: Object.fromEntries(['index', 'v10', 'adapter'].map((n) => [n, join(root, `src/${n}.ts`)])),
          outDir,
          dts: false,
          sourcemap: false,
          silent: true,
          // Without it, tsup also loads tsup.config.ts, whose build empties this package's `dist`.
          config: false,
        })
      }
      const esm10 = await import(pathToFileURL(join(outDir, 'v10.js')).href)
      const esm4 = await import(pathToFileURL(join(outDir, 'index.js')).href)
      const require = createRequire(import.meta.url)
      const cjs10 = require(join(outDir, 'v10.cjs'))
      const cjs4 = require(join(outDir, 'index.cjs'))
      for (const m of [esm10, cjs10]) {
        expect([m.ProtocolError.name, m.AbortError.name, m.FaunaError.name]).toEqual([
          'ProtocolError',
          'AbortError',
          'FaunaError',
        ])
        expect(new m.ProtocolError({ message: 'x', httpStatus: 502 }).name).toBe('ProtocolError')
      }
      // Each dialect entry's bundle holds one dialect (brand ids name it): imports followed through the chunks.
      const closure = (file: string, seen = new Set<string>()): string => {
        if (seen.has(file)) return ''
        seen.add(file)
        const text = readFileSync(join(outDir, file), 'utf8')
        let all = text
        for (const m of text.matchAll(/(?:from '|require\(')\.\/([^']+)'/g)) all += closure(m[1] as string, seen)
        return all
      }
      expect(closure('v10.js')).not.toContain('errs.fauna.v4.')
      expect(closure('index.js')).not.toContain('errs.fauna.v10.')
      expect(closure('v10.cjs')).not.toContain('errs.fauna.v4.')
      expect(closure('index.cjs')).not.toContain('errs.fauna.v10.')
      expect(closure('index.cjs')).toContain('errs.fauna.v4.')
      for (const m of [esm4, cjs4]) {
        expect([m.ProtocolError.name, m.AbortError.name, m.FaunaError.name]).toEqual([
          'ProtocolError',
          'AbortError',
          'FaunaError',
        ])
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
