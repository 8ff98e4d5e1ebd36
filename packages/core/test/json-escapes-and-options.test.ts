import { describe, expect, it } from 'vitest'
import { addSecret, ErrsError, fromProblem, normalize, redactString, toProblem, toResponse } from '../src/index.js'
import { headerMap, problemDetail } from '../src/kit.js'

// Shapes as in gitleaks config/gitleaks.toml (OpenAI-style `sk-`, AWS access key id, JWT) and the Fauna key secret
// format (https://docs.fauna.com/fauna/current/reference/fql-api/auth/key: `secret: "fn..."`).
const SK = `sk-${'A'.repeat(20)}${'b'.repeat(20)}`
const AWS = 'AKIAQWERTYUIOPASDFGH'
const FAUNA = `fnA${'x'.repeat(37)}`
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

describe('shaped tokens right after a JSON escape (raw bodies are kept as JSON text)', () => {
  // In JSON text a newline is `\n`: the letter `n` stands right before the token, which is no word boundary.
  it.each([
    ['sk-', SK],
    ['AKIA', AWS],
    ['fnA', FAUNA],
    ['JWT', JWT],
    ['Bearer', 'Bearer abc.def.ghi'],
  ])('hides a %s token after \\n, \\t, \\r, \\u0020 and a double-escaped \\\\n', (_name, token) => {
    const secret = token.replace(/^Bearer /, '')
    for (const text of [
      JSON.stringify({ message: `failed\n${token}` }),
      JSON.stringify({ message: `failed\t${token}` }),
      JSON.stringify({ message: `failed\r${token}` }),
      `{"message":"failed\\u0020${token}"}`,
      JSON.stringify(JSON.stringify({ message: `failed\n${token}` })),
    ]) {
      const out = redactString(text)
      expect(out).not.toContain(secret)
      expect(out).toContain('[REDACTED]')
      expect(out).toContain('failed\\') // the escape itself is kept
    }
  })

  it('still leaves a word that merely ends in those letters alone', () => {
    expect(redactString('ask-me-anything-about-this-please')).toBe('ask-me-anything-about-this-please')
    expect(redactString('an AKIA-like word: MAKIAQWERTYUIOPASDFGH')).toBe('an AKIA-like word: MAKIAQWERTYUIOPASDFGH')
  })
})

describe('options are read guarded: hostile options are the defaults, never a throw', () => {
  const err = new ErrsError({ system: 'x', code: 'c', reason: 'R', kind: 'not_found', message: 'm' })
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const throwing = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('ownKeys')
      },
      get() {
        throw new Error('get')
      },
    },
  )
  const hostile: unknown[] = [null, revoked.proxy, throwing, { headers: revoked.proxy }, { headers: throwing }, 7]

  it('toResponse answers with the public problem', async () => {
    for (const options of hostile) {
      const res = toResponse(err, options as never)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { detail: string }).detail).toBe('m')
    }
  })

  it('toProblem, fromProblem and normalize take the defaults', () => {
    for (const options of hostile) {
      expect(toProblem(err, options as never).detail).toBe('m')
      expect(fromProblem(toProblem(err), options as never).reason).toBe('R')
      expect(normalize(new Error('boom'), options as never).system).toBe('runtime')
    }
    const trap = new Proxy([{ system: 'x' }], {
      get() {
        throw new Error('adapters')
      },
    })
    expect(fromProblem(toProblem(err), { adapters: trap as never }).reason).toBe('R')
  })

  it('toResponse takes extra headers as a plain object, Headers, a Map or [name, value] pairs', () => {
    const shapes: unknown[] = [
      { 'X-Trace': 't1' },
      new Headers({ 'X-Trace': 't1' }),
      new Map([['X-Trace', 't1']]),
      [['X-Trace', 't1']],
    ]
    for (const headers of shapes) {
      const res = toResponse(err, { headers: headers as never })
      expect(res.headers.get('x-trace')).toBe('t1')
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    expect(headerMap([['Retry-After', '5'], ['bad'], 'x'])).toEqual({ 'retry-after': '5' })
  })
})

describe('problemDetail: the message a problem carries, for adapters whose wire form has its own', () => {
  it('is exactly the detail toProblem writes, in both forms', () => {
    const values: unknown[] = [
      new ErrsError({ system: 'x', code: 1, reason: 'R', kind: 'not_found', message: 'no table at /home/a/b.db' }),
      new ErrsError({ system: 'x', code: 2, reason: 'R', kind: 'internal', message: 'at 10.0.0.1:5432 db down' }),
      new Error('connect ECONNREFUSED 10.1.2.3:5432'),
      'a string',
      undefined,
    ]
    for (const v of values) {
      expect(problemDetail(v)).toBe(toProblem(v).detail)
      expect(problemDetail(v, { exposeInternal: true })).toBe(toProblem(v, { exposeInternal: true }).detail)
    }
    expect(problemDetail(values[0])).toBe('no table at [internal]')
    expect(problemDetail(values[1])).toBe('An internal error occurred')
  })
})

describe('a problem from another service: its details and internal context are redacted when read', () => {
  // `details` is enumerable: structured loggers (pino's err serializer copies every enumerable key) write it as it is.
  it('keeps no registered secret or secret-named value in err.details / err.internal', () => {
    addSecret('CANARY-SECRET-123456')
    const err = fromProblem({
      type: 'about:blank',
      title: 'Bad',
      status: 400,
      detail: 'x',
      details: { password: 'hunter2xyz', note: 'CANARY-SECRET-123456', ok: 'kept' },
      internal: { token: 'CANARY-SECRET-123456' },
    })
    const seen = JSON.stringify([err.details, err.internal])
    expect(seen).not.toContain('CANARY-SECRET-123456')
    expect(seen).not.toContain('hunter2xyz')
    expect(err.details.ok).toBe('kept')
  })
})
