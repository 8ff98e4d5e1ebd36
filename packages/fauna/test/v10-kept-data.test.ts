import { inspect } from 'node:util'
import { addSecret, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import * as v10 from '../src/v10.js'

// What the v10 decoders (getServiceError, fromHttp, fromStreamEvent, fromFeedPage) keep of a reply: a registered
// secret (addSecret) or a shaped token, in a key or a value, reaches no output — `details` (structured loggers write
// it as it is), JSON.stringify, toProblem (public and trusted), util.inspect — and what is kept is bounded in total.

const SECRET = 'Zq9AttackCanarySecret'
const TOKEN = `ghp_${'A'.repeat(36)}`

function outputs(err: Error & { details: unknown }): Record<string, string> {
  return {
    details: JSON.stringify(err.details),
    json: JSON.stringify(err),
    problem: JSON.stringify(toProblem(err)),
    trusted: JSON.stringify(toProblem(err, { exposeInternal: true })),
    inspect: inspect(err, { depth: 10 }),
    string: String(err),
    stack: String(err.stack),
  }
}

function leaks(err: Error & { details: unknown }, secret: string): string[] {
  return Object.entries(outputs(err))
    .filter(([, text]) => text.includes(secret))
    .map(([name]) => name)
}

describe('v10 decoders: secrets in keys of reply objects', () => {
  for (const secret of [SECRET, TOKEN]) {
    const label = secret === SECRET ? 'registered secret' : 'GitHub token shape'
    it(`query_tags key (string form) holding a ${label} reaches no output`, () => {
      addSecret(SECRET)
      const err = v10.getServiceError(
        { error: { code: 'invalid_query', message: 'm' }, query_tags: `${secret}=1` },
        400,
      )
      expect(leaks(err, secret)).toEqual([])
    })
    it(`query_tags key (object form, fromStreamEvent) holding a ${label} reaches no output`, () => {
      addSecret(SECRET)
      const err = v10.fromStreamEvent({
        type: 'error',
        error: { code: 'invalid_query', message: 'm' },
        query_tags: { [secret]: 'x' },
      }) as v10.ServiceError
      expect(leaks(err, secret)).toEqual([])
    })
    it(`a key of the abort() value holding a ${label} reaches no output`, () => {
      addSecret(SECRET)
      const err = v10.fromHttp({
        status: 400,
        headers: {},
        body: JSON.stringify({ error: { code: 'abort', message: 'm', abort: { [secret]: 1 } } }),
      })
      expect(leaks(err, secret)).toEqual([])
    })
    it(`a key of stats holding a ${label} reaches no output`, () => {
      addSecret(SECRET)
      const err = v10.fromFeedPage({
        events: [{ type: 'error', error: { code: 'invalid_query', message: 'm' }, stats: { [secret]: 1 } }],
      }) as v10.ServiceError
      expect(leaks(err, secret)).toEqual([])
    })
  }
})

describe('v10 decoders: query tags whose name names a secret', () => {
  // fauna-js 2.5.0 splits the wire's `query_tags` ("k=v,k2=v2", fauna/fauna-js src/client.ts @ v2.5.0) into an
  // object of tags; a tag is a name and a value like any key and value of kept data, so the value of a tag named
  // `session`, `api_key`, `token`… is hidden whole in `details`, as `toPlainData` hides a secret-named key's value.
  const VALUE = 'Zq9TagCanaryValue'
  it('string form (getServiceError, fromHttp): the value is hidden, other tags kept', () => {
    const failure = {
      error: { code: 'invalid_query', message: 'm' },
      query_tags: `app=orders,session=${VALUE}-1,api_key=${VALUE}-2,x-auth-token=${VALUE}-3`,
    }
    const made = v10.getServiceError(failure, 400)
    const decoded = v10.fromHttp({ status: 400, headers: {}, body: JSON.stringify(failure) }) as v10.ServiceError
    for (const err of [made, decoded]) {
      expect(err.queryInfo?.query_tags).toEqual({
        app: 'orders',
        session: '[REDACTED]',
        api_key: '[REDACTED]',
        'x-auth-token': '[REDACTED]',
      })
      expect(leaks(err, VALUE)).toEqual([])
    }
  })
  it('object form (fromStreamEvent, fromFeedPage): the value is hidden, other tags kept', () => {
    const event = {
      type: 'error',
      error: { code: 'invalid_query', message: 'm' },
      query_tags: { app: 'orders', password: `${VALUE}-4` },
    }
    const streamed = v10.fromStreamEvent(event) as v10.ServiceError
    const paged = v10.fromFeedPage({ events: [event] }) as v10.ServiceError
    for (const err of [streamed, paged]) {
      expect(err.queryInfo?.query_tags).toEqual({ app: 'orders', password: '[REDACTED]' })
      expect(leaks(err, VALUE)).toEqual([])
    }
  })
})

describe('v10 decoders: values kept in details unredacted', () => {
  // The package's rule (test/details-redaction.test.ts): what a decoder keeps in `details` from a reply is redacted
  // when the error is made.
  it('constraint_failures[].paths strings hold no registered secret in details', () => {
    addSecret(SECRET)
    const err = v10.getServiceError(
      {
        error: { code: 'constraint_failure', message: 'm', constraint_failures: [{ message: 'x', paths: [[SECRET]] }] },
      },
      400,
    )
    expect(JSON.stringify(err.details)).not.toContain(SECRET)
  })
  it('constraint_failures[].name holds no registered secret in details', () => {
    addSecret(SECRET)
    const err = v10.getServiceError(
      { error: { code: 'constraint_failure', message: 'm', constraint_failures: [{ message: 'x', name: SECRET }] } },
      400,
    )
    expect(JSON.stringify(err.details)).not.toContain(SECRET)
  })
  it('stats values hold no token in details', () => {
    const failure = { error: { code: 'invalid_query', message: 'm' }, stats: { note: TOKEN } }
    const err = v10.getServiceError(failure as unknown as v10.QueryFailure, 400)
    expect(JSON.stringify(err.details)).not.toContain(TOKEN)
  })
})

describe('v10 getServiceError: kept data bounded in total', () => {
  it('a small object graph (shared references) does not become millions of kept path elements', () => {
    // One failure object and 256 path arrays of 16 strings, shared: 1024 × 256 × 16 = 4,194,304 strings if each cap
    // applied alone (1024 × 256 × 256 ≈ 67 million with full paths). Kept in all: at most MAX_TAGGED_NODES.
    const path = Array.from({ length: 16 }, () => 'p')
    const paths = Array.from({ length: 256 }, () => path)
    const failure = { message: 'm', paths }
    const constraint_failures = Array.from({ length: 1024 }, () => failure)
    const err = v10.getServiceError({ error: { code: 'constraint_failure', message: 'm', constraint_failures } }, 400)
    const kept = (err.constraint_failures ?? []).reduce(
      (n, f) => n + (f.paths ?? []).reduce((m, p) => m + p.length, 0),
      0,
    )
    expect(kept).toBeLessThanOrEqual(v10.MAX_TAGGED_NODES)
  })
})
