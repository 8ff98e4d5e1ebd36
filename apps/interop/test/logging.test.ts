import { Writable } from 'node:stream'
import { addSecret, normalize } from '@errs/core'
import { InternalError } from '@errs/fauna'
import { ServiceInternalError } from '@errs/fauna/v10'
import { FlussError } from '@errs/fluss'
import { fromErrorCode, normalize as lanceNormalize } from '@errs/lance'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'

// Fastify logs a route's error with pino, whose `err` serializer (pino-std-serializers 7.1.0, `lib/err.js`:
// `messageWithCauses`, `stackWithCauses`) appends the message and stack of every error-like `cause` as it finds it.
// An error normalized from a foreign one keeps that one as its cause: when its text holds a secret, a redacted
// stand-in is kept instead, so that the log line shows none. A clean cause is kept as it is (identity).

const SECRET = 'Pn7LogCanarySecretValue'

async function logLineOf(thrown: () => Error): Promise<string> {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const app = Fastify({ logger: { level: 'error', stream } })
  app.get('/', async () => {
    throw thrown()
  })
  const res = await app.inject({ method: 'GET', url: '/' })
  await app.close()
  expect(res.statusCode).toBeGreaterThanOrEqual(400)
  return lines.join('\n')
}

describe('a structured logger writes no secret of a cause', () => {
  it('core normalize of a foreign error quoting a bearer token and a registered secret', async () => {
    addSecret(SECRET)
    const log = await logLineOf(() =>
      normalize(new Error(`connect failed; Authorization: Bearer CANARYtok123456 key=${SECRET}`)),
    )
    expect(log).toContain('connect failed')
    expect(log).not.toContain('CANARYtok123456')
    expect(log).not.toContain(SECRET)
  })

  it('lance normalize of a LanceDB error quoting a URL credential', async () => {
    addSecret(SECRET)
    const lancedb = Object.assign(new Error(`lance error: Table not found: s3://AKID:${SECRET}@bucket/t.lance`), {
      code: 'GenericFailure',
    })
    const log = await logLineOf(() => lanceNormalize(lancedb))
    expect(log).toContain('Table not found')
    expect(log).not.toContain(SECRET)
  })

  it('details given by the caller: pino copies the enumerable field and writes its JSON, the redacted copy', async () => {
    const log = await logLineOf(
      () => new FlussError('m', 1, { details: { password: 'pw-SECRET-1', note: 'Bearer abcdefghijklmnopSECRET' } }),
    )
    expect(log).toContain('"details":{')
    expect(log).not.toContain('pw-SECRET-1')
    expect(log).not.toContain('abcdefghijklmnopSECRET')
  })

  it('details given by the caller to each adapter’s classes', async () => {
    const details = { password: 'pw-SECRET-2', nested: { api_key: 'SECRET3value' } }
    const made = [
      // 5xx errors: Fastify logs a 4xx at `info`, under this logger's level.
      () => fromErrorCode(18, 'Internal', { details }),
      () => new InternalError({ statusCode: 500, responseContent: { errors: [] } }, { details }),
      () => new ServiceInternalError({ error: { code: 'internal_error', message: 'bad' } }, 500, { details }),
    ]
    for (const make of made) {
      const log = await logLineOf(make)
      expect(log).toContain('"details":{')
      expect(log).not.toContain('pw-SECRET-2')
      expect(log).not.toContain('SECRET3value')
    }
  })

  it('a cause whose message was scrubbed after its stack was read', async () => {
    addSecret(SECRET)
    const log = await logLineOf(() => {
      const scrubbed = new Error(`connect failed password=${SECRET}`)
      void scrubbed.stack
      scrubbed.message = 'connect failed'
      return normalize(scrubbed)
    })
    expect(log).toContain('connect failed')
    expect(log).not.toContain(SECRET)
  })

  it('a clean cause is kept as it is', () => {
    const original = new Error('socket hang up')
    expect(normalize(original).cause).toBe(original)
  })
})
