import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ErrorCode,
  fromLanceDbMessage,
  InternalError,
  isExpectedError,
  LanceNamespaceError,
  NamespaceNotFoundError,
  normalize,
  PermissionDeniedError,
  ServiceUnavailableError,
  stripRustPaths,
  TableAlreadyExistsError,
  TableNotFoundError,
  ThrottlingError,
  UnauthenticatedError,
} from '../src/index.js'
import { caught, lancedb, lancedbError } from './support/lancedb.js'

interface MessageVector {
  name: string
  message: string
  expect: {
    code: number
    name: string
    message?: string
    detail?: string
    instance?: string
    requestId?: string
    retryable?: boolean
  }
}

const vectors = JSON.parse(
  readFileSync(new URL('./vectors/lancedb-messages.json', import.meta.url), 'utf8'),
) as MessageVector[]

/** What @lancedb/lancedb 0.39.0 throws: a plain Error whose only own property is code 'GenericFailure'. */

describe('normalize: @lancedb/lancedb 0.39.0 messages (recorded)', () => {
  for (const v of vectors) {
    it(v.name, () => {
      const raw = lancedbError(v.message)
      const e = normalize(raw)
      expect(e).toBeInstanceOf(LanceNamespaceError)
      expect(e.code).toBe(v.expect.code)
      expect(e.name).toBe(v.expect.name)
      expect(e.cause).toBe(raw)
      expect(e.message).not.toMatch(/\.rs:\d+/)
      expect(e.message).not.toContain('/usr/local/cargo')
      if (v.expect.message !== undefined) expect(e.message).toBe(v.expect.message)
      if (v.expect.detail !== undefined) expect(e.detail).toBe(v.expect.detail)
      if (v.expect.instance !== undefined) expect(e.instance).toBe(v.expect.instance)
      if (v.expect.requestId !== undefined) expect(e.requestId).toBe(v.expect.requestId)
      if (v.expect.retryable !== undefined) expect(e.retryable).toBe(v.expect.retryable)
    })
  }

  it('unknown GenericFailure messages from a Lance crate become InternalError, Rust paths stripped', () => {
    const raw = lancedbError(
      'something odd, /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-io-12.0.0/src/local.rs:1:2',
    )
    expect(fromLanceDbMessage(raw.message)).toBeInstanceOf(InternalError)
    const e = normalize(raw)
    expect(e).toBeInstanceOf(InternalError)
    expect(e.message).toBe('something odd')
    expect(e.cause).toBe(raw)
  })

  it('a napi GenericFailure of another native module is not taken for Lance (wrapped by the one policy)', () => {
    const raw = lancedbError('something odd, /home/runner/.cargo/git/checkouts/x/src/lib.rs:1:2')
    expect(fromLanceDbMessage(raw.message)).toBeUndefined()
    const e = normalize(raw)
    expect(e).toBeInstanceOf(InternalError)
    expect(e.cause).toBe(raw)
  })

  it('stripRustPaths keeps everything else', () => {
    expect(stripRustPaths("Namespace 'a, b' not found, /x/y/src/rest.rs:1:2, C:\\r\\lib.rs:3:4 tail")).toBe(
      "Namespace 'a, b' not found tail",
    )
  })
})

describe('normalize: other values', () => {
  it('returns our errors as they are', () => {
    const e = new TableNotFoundError('t')
    expect(normalize(e)).toBe(e)
  })

  it('ECONNREFUSED → ServiceUnavailableError, retryable, cause kept', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    const e = normalize(new TypeError('fetch failed', { cause: refused }))
    expect(e).toBeInstanceOf(ServiceUnavailableError)
    expect(e.retryable).toBe(true)
    expect((e.cause as Error).cause).toBe(refused)
  })

  it('anything else → InternalError', () => {
    expect(normalize('str')).toMatchObject({ code: 18, message: 'str' })
    expect(normalize(undefined)).toBeInstanceOf(InternalError)
    expect(normalize({ code: 4, error: 'shape of an ErrorResponse' })).toBeInstanceOf(TableNotFoundError)
  })
})

// The real Node SDK against a local server that answers with spec ErrorResponse bodies (reference §8.5).

describe('live: @lancedb/lancedb against a local Lance REST server', () => {
  let reply: { status: number; body: unknown; headers?: Record<string, string> } = { status: 500, body: {} }
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    req.resume()
    req.on('end', () => {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
    })
  })
  let base = ''
  const opened: { close(): void }[] = []

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const c of opened) c.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const remote = async () => {
    const db = await lancedb.connect('db://mydb', {
      apiKey: 'k',
      hostOverride: base,
      clientConfig: { retryConfig: { retries: 0, connectRetries: 0, readRetries: 0 } },
    })
    opened.push(db)
    return db
  }
  const rest = async () => {
    const ns = await lancedb.connectNamespace('rest', { uri: base })
    opened.push(ns)
    return ns
  }

  it('db:// openTable, 404 code 4 → TableNotFoundError with detail, instance, request id', async () => {
    reply = {
      status: 404,
      body: { error: "Table 'missing' not found", code: 4, detail: 'trace', instance: '/v1/table/missing/describe' },
    }
    const db = await remote()
    const raw = await caught(() => db.openTable('missing'))
    expect(raw).toMatchObject({ code: 'GenericFailure' })
    const e = normalize(raw)
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e).toMatchObject({
      code: ErrorCode.TABLE_NOT_FOUND,
      message: "Table 'missing' not found",
      detail: 'trace',
      instance: '/v1/table/missing/describe',
    })
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(e.cause).toBe(raw)
    expect(isExpectedError('DescribeTable', e)).toBe(true)
  })

  it('db:// createTable, 409 code 5 → TableAlreadyExistsError (LanceDB itself gives a generic Http error)', async () => {
    reply = { status: 409, body: { error: "Table 'dup' already exists", code: 5 } }
    const db = await remote()
    const e = normalize(await caught(() => db.createTable('dup', [{ a: 1 }])))
    expect(e).toBeInstanceOf(TableAlreadyExistsError)
    expect(isExpectedError('CreateTable', e)).toBe(true)
  })

  it('db:// tableNames, 401 code 16 → UnauthenticatedError', async () => {
    reply = { status: 401, body: { error: 'bad key', code: 16 } }
    const db = await remote()
    expect(normalize(await caught(() => db.tableNames()))).toBeInstanceOf(UnauthenticatedError)
  })

  it('db:// tableNames, 429 code 21 → ThrottlingError, retryable', async () => {
    reply = { status: 429, body: { error: 'slow down', code: 21 }, headers: { 'retry-after': '1' } }
    const db = await remote()
    const e = normalize(await caught(() => db.tableNames()))
    expect(e).toBeInstanceOf(ThrottlingError)
    expect(e.retryable).toBe(true)
  })

  it('rest namespace openTable, 404 code 4 → TableNotFoundError without Rust paths', async () => {
    reply = { status: 404, body: { error: "Table 'missing' not found", code: 4 } }
    const ns = await rest()
    const raw = await caught(() => ns.openTable('missing'))
    expect((raw as Error).message).toContain('.rs:')
    const e = normalize(raw)
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.message).toBe("Table 'missing' not found")
  })

  it('rest namespace describeNamespace, 404 code 1 / 403 code 15 / 429 code 21', async () => {
    const ns = await rest()
    reply = { status: 404, body: { error: "Namespace 'gone' not found", code: 1 } }
    const nf = normalize(await caught(() => ns.describeNamespace(['gone'])))
    expect(nf).toBeInstanceOf(NamespaceNotFoundError)
    expect(nf.message).toBe("Namespace 'gone' not found")
    reply = { status: 403, body: { error: 'nope', code: 15 } }
    expect(normalize(await caught(() => ns.describeNamespace(['x'])))).toBeInstanceOf(PermissionDeniedError)
    reply = { status: 429, body: { error: 'slow down', code: 21 } }
    expect(normalize(await caught(() => ns.describeNamespace(['x'])))).toBeInstanceOf(ThrottlingError)
  })

  it('requests went to the spec routes', () => {
    expect(seen).toContain('POST /v1/table/missing/describe/')
    expect(seen.some((s) => s.startsWith('POST /v1/namespace/gone/describe'))).toBe(true)
  })

  it('connection refused → ServiceUnavailableError, retryable', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const db = await lancedb.connect('db://mydb', {
      apiKey: 'k',
      hostOverride: `http://127.0.0.1:${port}`,
      clientConfig: { retryConfig: { retries: 0, connectRetries: 0, readRetries: 0 } },
    })
    opened.push(db)
    const e = normalize(await caught(() => db.tableNames()))
    expect(e).toBeInstanceOf(ServiceUnavailableError)
    expect(e.retryable).toBe(true)
  })
})
