// The recipes of packages/core/README.md, verbatim (test/readme.test.ts checks every README block is here), wrapped
// in functions the tests call against the real libraries. `tsc` type-checks this file.
import { get, type IncomingMessage, type ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { fromResponse, toResponse } from '@errs/core'
import { isRetryable, retryDelay } from '@errs/core/retry'
import { adapter as lance } from '@errs/lance'
import axios from 'axios'
import { DelegateBackoff, handleWhen, retry } from 'cockatiel'
import type express from 'express'
import type { FastifyInstance } from 'fastify'
import type { Hono } from 'hono'
import pRetry from 'p-retry'

// ── sending toResponse(err) ────────────────────────────────────────────────────────────────────────────────────

/** Hono: return the Response. */
export function honoErrors(app: Hono): Hono {
  app.onError((err) => toResponse(err))
  return app
}

/** Express: copy status, headers and text (the error handler is the last middleware). */
export function expressErrors(app: express.Express): express.Express {
  app.use(async (err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const r = toResponse(err)
    res
      .setHeaders(r.headers)
      .status(r.status)
      .send(await r.text())
  })
  return app
}

/** Fastify: the same in its error handler. */
export function fastifyErrors(app: FastifyInstance): FastifyInstance {
  app.setErrorHandler(async (err, _req, reply) => {
    const r = toResponse(err)
    r.headers.forEach((value, name) => void reply.header(name, value))
    return reply.code(r.status).send(await r.text())
  })
  return app
}

/** `node:http`: a helper for the request handler's catch. */
export async function sendProblem(res: ServerResponse, err: unknown) {
  const r = toResponse(err)
  res
    .setHeaders(r.headers)
    .writeHead(r.status)
    .end(await r.text())
}

// ── reading an error reply with fromResponse ───────────────────────────────────────────────────────────────────

/** fetch (and Hono's `app.request` / `hc` client, which give a fetch Response). */
export async function viaFetch(url: string): Promise<unknown> {
  const res = await fetch(url)
  if (!res.ok) throw await fromResponse(res, { adapters: [lance] })
  return res.json()
}

/** axios: `err.response` carries the parsed `data`. */
export async function viaAxios(url: string): Promise<unknown> {
  try {
    return (await axios.get(url)).data
  } catch (e) {
    throw axios.isAxiosError(e) && e.response ? await fromResponse(e.response, { adapters: [lance] }) : e
  }
}

/** `node:http`: the IncomingMessage itself (its body stream is read, bounded). */
export async function viaNodeHttp(url: string): Promise<IncomingMessage> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => get(url, resolve).on('error', reject))
  if (res.statusCode !== 200) throw await fromResponse(res, { adapters: [lance] })
  return res
}

/** Fastify's `inject()` reply (tests, or calling a route in-process). */
export async function viaFastifyInject(app: FastifyInstance, url: string): Promise<unknown> {
  const res = await app.inject({ method: 'GET', url })
  if (res.statusCode >= 400) throw await fromResponse(res, { adapters: [lance] })
  return res.json()
}

// ── retrying with the error's own retryability and Retry-After ──────────────────────────────────────────────────

/** p-retry: decide and sleep in `shouldRetry` (p-retry's own delay off with `minTimeout: 0`). */
export function withPRetry<T>(call: () => Promise<T>): Promise<T> {
  return pRetry(call, {
    retries: 4,
    minTimeout: 0,
    async shouldRetry({ error, attemptNumber }) {
      if (!isRetryable(error)) return false
      await sleep(retryDelay(error, attemptNumber, { baseMs: 100, maxMs: 5_000 }))
      return true
    },
  })
}

/** cockatiel: the predicate in `handleWhen`, the delay as a `DelegateBackoff`. */
export const policy = retry(handleWhen(isRetryable), {
  maxAttempts: 4,
  backoff: new DelegateBackoff((ctx) =>
    retryDelay('error' in ctx.result ? ctx.result.error : undefined, ctx.attempt, { baseMs: 100, maxMs: 5_000 }),
  ),
})
