// The core README's HTTP recipes against the real frameworks and clients, servers on 127.0.0.1 only: every server
// sends `toResponse(err)` with its recipe, every client reads it back with `fromResponse`.
import { createServer, get, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ErrsError, fromResponse, PROBLEM_CONTENT_TYPE } from '@errs/core'
import { MAX_RAW } from '@errs/core/kit'
import { adapter as lance, TableNotFoundError, ThrottlingError } from '@errs/lance'
import { serve } from '@hono/node-server'
import axios from 'axios'
import express from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expressErrors,
  fastifyErrors,
  honoErrors,
  sendProblem,
  viaAxios,
  viaFastifyInject,
  viaFetch,
  viaNodeHttp,
} from '../src/recipes.js'

const SECRET = 'hunter2-canary'

/** What each route throws: a Lance TableNotFoundError (404), a throttling error with Retry-After, a foreign crash. */
function routeError(path: string): unknown {
  if (path === '/tables/missing') return lance.create(4, "Table 'missing' not found")
  if (path === '/throttle') return lance.create(21, 'slow down', { retryAfterMs: 2000, requestId: 'req-21' })
  if (path === '/crash') return new Error(`connect to 10.0.0.7:5432 failed: password=${SECRET}`)
  return undefined
}
const ROUTES = ['/tables/missing', '/throttle', '/crash'] as const

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function nodeServer(): Server {
  return createServer(async (req, res) => {
    req.resume()
    try {
      const err = routeError(req.url ?? '/')
      if (err) throw err
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    } catch (e) {
      await sendProblem(res, e)
    }
  })
}

function expressApp(): express.Express {
  const app = express()
  app.get('/tables/missing', () => {
    throw routeError('/tables/missing')
  })
  app.get('/throttle', async () => {
    await Promise.resolve()
    throw routeError('/throttle') // a rejected promise: Express 5 passes it to the error handler
  })
  app.get('/crash', () => {
    throw routeError('/crash')
  })
  app.get('/ok', (_req, res) => {
    res.json({ ok: true })
  })
  return expressErrors(app)
}

function fastifyApp(): FastifyInstance {
  const app = fastifyErrors(Fastify())
  for (const path of ROUTES)
    app.get(path, async () => {
      throw routeError(path)
    })
  app.get('/ok', async () => ({ ok: true }))
  return app
}

function honoApp(): Hono {
  const app = new Hono()
  for (const path of ROUTES)
    app.get(path, () => {
      throw routeError(path)
    })
  app.get('/ok', (c) => c.json({ ok: true }))
  return honoErrors(app)
}

const servers: Record<string, string> = {}
const closers: (() => Promise<unknown>)[] = []
const fastify = fastifyApp()
const hono = honoApp()

beforeAll(async () => {
  const node = nodeServer()
  servers['node:http'] = await listen(node)
  closers.push(() => new Promise((r) => node.close(r)))
  const ex = createServer(expressApp())
  servers.express = await listen(ex)
  closers.push(() => new Promise((r) => ex.close(r)))
  servers.fastify = await fastify.listen({ port: 0, host: '127.0.0.1' })
  closers.push(() => fastify.close())
  const honoServer = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server))
  })
  servers.hono = `http://127.0.0.1:${(honoServer.address() as AddressInfo).port}`
  closers.push(() => new Promise((r) => honoServer.close(r)))
})

afterAll(async () => {
  for (const close of closers) await close()
})

async function rejection(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work()
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

/** The checks every (server, client) pair must pass for each route. */
function expectRoute(path: (typeof ROUTES)[number], e: unknown): void {
  expect(e).toBeInstanceOf(ErrsError)
  const err = e as ErrsError
  if (path === '/tables/missing') {
    expect(err).toBeInstanceOf(TableNotFoundError)
    expect(err).toMatchObject({ system: 'lance', code: 4, kind: 'not_found', status: 404, retryable: false })
    expect(err.message).toBe("Table 'missing' not found")
  } else if (path === '/throttle') {
    expect(err).toBeInstanceOf(ThrottlingError)
    expect(err).toMatchObject({ code: 21, kind: 'resource_exhausted', status: 429, retryable: true })
    expect(err.retryAfterMs).toBe(2000)
    expect(err.requestId).toBe('req-21')
  } else {
    // The public form: a foreign error's message, host and secret never leave the server.
    expect(err).toMatchObject({ status: 500, kind: 'unknown', retryable: false })
    expect(JSON.stringify(err)).not.toContain(SECRET)
    expect(err.message).not.toContain('10.0.0.7')
    expect(err.message).not.toContain(SECRET)
  }
}

const CLIENTS = { fetch: viaFetch, axios: viaAxios, 'node:http': viaNodeHttp } as const

for (const server of ['node:http', 'express', 'fastify', 'hono'] as const) {
  describe(`${server} sends toResponse(err) with the README recipe`, () => {
    it('the wire: status, application/problem+json, Retry-After, no secret', async () => {
      const base = servers[server]
      const throttle = await fetch(`${base}/throttle`)
      expect(throttle.status).toBe(429)
      expect(throttle.headers.get('content-type')).toMatch(/^application\/problem\+json\b/)
      expect(throttle.headers.get('retry-after')).toBe('2')
      const body = (await throttle.json()) as Record<string, unknown>
      expect(body).toMatchObject({ type: 'urn:errs:lance:THROTTLING', status: 429, code: 21, retryAfterMs: 2000 })
      const crash = await fetch(`${base}/crash`)
      expect(crash.status).toBe(500)
      const text = await crash.text()
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain('10.0.0.7')
      expect(await viaFetch(`${base}/ok`)).toEqual({ ok: true })
    })

    for (const [client, read] of Object.entries(CLIENTS)) {
      it(`${client} reads every error back with fromResponse (native class, Retry-After, request id)`, async () => {
        for (const path of ROUTES) expectRoute(path, await rejection(() => read(`${servers[server]}${path}`)))
      })
    }
  })
}

describe('in-process replies', () => {
  it("Fastify's inject() reply", async () => {
    for (const path of ROUTES) expectRoute(path, await rejection(() => viaFastifyInject(fastify, path)))
    expect(await viaFastifyInject(fastify, '/ok')).toEqual({ ok: true })
  })

  it("Hono's app.request() Response", async () => {
    for (const path of ROUTES) {
      const res = await hono.request(path)
      expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
      expectRoute(path, await fromResponse(res, { adapters: [lance] }))
    }
  })
})

describe('fromResponse reads what each client hands over', () => {
  it("axios' err.response: parsed data, AxiosHeaders", async () => {
    const e = await rejection(() => axios.get(`${servers.express}/throttle`))
    expect(axios.isAxiosError(e)).toBe(true)
    const response = (e as { response: { data: unknown; headers: unknown } }).response
    expect(typeof response.data).toBe('object') // axios parsed the problem+json: there is no body to read
    const err = await fromResponse(response as never, { adapters: [lance] })
    expect(err).toBeInstanceOf(ThrottlingError)
    expect(err.retryAfterMs).toBe(2000)
  })

  it("axios with responseType 'stream': data is a Node stream, read bounded", async () => {
    const e = await rejection(() => axios.get(`${servers.fastify}/tables/missing`, { responseType: 'stream' }))
    const response = (e as { response: { data: unknown } }).response
    expect(typeof (response.data as { pipe?: unknown }).pipe).toBe('function')
    expect(await fromResponse(response as never, { adapters: [lance] })).toBeInstanceOf(TableNotFoundError)
  })

  it('a non-problem error body from a real server becomes an http error with the raw body kept', async () => {
    const server = createServer((req, res) => {
      req.resume()
      res.writeHead(502, { 'content-type': 'text/html', 'retry-after': '7' }).end('<h1>Bad Gateway</h1>')
    })
    const base = await listen(server)
    try {
      const e = (await rejection(() => viaNodeHttp(base))) as ErrsError
      expect(e).toMatchObject({ system: 'http', code: 502, kind: 'unavailable', retryable: true, retryAfterMs: 7000 })
      expect(e.details.raw).toBe('<h1>Bad Gateway</h1>')
    } finally {
      await new Promise((r) => server.close(r))
    }
  })

  it('an IncomingMessage with a huge body is read bounded (1 MiB), then the stream is released', async () => {
    let written = 0
    let closed = false
    const chunk = 'x'.repeat(64 * 1024)
    const server = createServer((req, res) => {
      req.resume()
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.on('close', () => {
        closed = true
      })
      const pump = () => {
        // 64 MiB at most: far more than the reader takes.
        while (written < 64 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    const base = await listen(server)
    try {
      const res = await new Promise<IncomingMessage>((resolve, reject) => get(base, resolve).on('error', reject))
      const e = await fromResponse(res)
      expect(e).toMatchObject({ system: 'http', code: 500 })
      expect(String(e.details.raw).length).toBeLessThanOrEqual(MAX_RAW + 64)
      expect(String(e.details.raw)).toMatch(/^x+/)
      await new Promise((r) => setTimeout(r, 100))
      expect(res.destroyed).toBe(true)
      expect(written).toBeLessThan(16 * 1024 * 1024)
      expect(closed || written < 64 * 1024 * 1024).toBe(true)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })
})
