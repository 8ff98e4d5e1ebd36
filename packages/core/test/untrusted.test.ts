import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  ErrsError,
  fromProblem,
  fromResponse,
  isRetryable,
  kindOf,
  normalize,
  statusOf,
  toOtelAttributes,
  toProblem,
  toResponse,
} from '../src/index.js'
import { MAX_STRING, rawPreview, toPlainData } from '../src/kit.js'

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const throwingGetters = (): object =>
  Object.defineProperties(
    {},
    {
      message: {
        enumerable: true,
        get: () => {
          throw new Error('getter')
        },
      },
      name: {
        enumerable: true,
        get: () => {
          throw new Error('getter')
        },
      },
      toJSON: {
        value: () => {
          throw new Error('toJSON')
        },
      },
    },
  )
const forged = (fields: Record<string, unknown> = {}): object => ({
  [Symbol.for('errs.core.ErrsError')]: true,
  kind: 'pwned',
  retryable: 'yes',
  status: 'x',
  ...fields,
})

/** Every way our serializers write any thrown value, as text. */
async function serialized(e: unknown): Promise<string[]> {
  const res = toResponse(e)
  const trusted = toResponse(e, { exposeInternal: true })
  return [
    JSON.stringify(toProblem(e)),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
    await res.text(),
    JSON.stringify(Object.fromEntries(res.headers as unknown as Iterable<[string, string]>)),
    await trusted.text(),
    JSON.stringify(toOtelAttributes(e)),
  ]
}

/** Every public way an ErrsError leaves a process, as text. */
async function everyOutput(e: ErrsError): Promise<string[]> {
  const res = toResponse(e)
  const trusted = toResponse(e, { exposeInternal: true })
  return [
    String(e.message),
    String(e),
    JSON.stringify(e),
    JSON.stringify(toProblem(e)),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
    await res.text(),
    JSON.stringify(Object.fromEntries(res.headers as unknown as Iterable<[string, string]>)),
    await trusted.text(),
    inspect(e, { depth: 8 }),
    String(e.stack),
    JSON.stringify(toOtelAttributes(e)),
  ]
}

describe('decoders and serializers never throw', () => {
  it('a lone surrogate from the network survives every serializer', async () => {
    const e = fromProblem('{"title":"\\ud800","system":"\\ud800","reason":"\\ud800","detail":"\\udfff x"}')
    expect(() => JSON.stringify(e)).not.toThrow()
    expect(() => toProblem(e, { exposeInternal: true })).not.toThrow()
    expect(() => toResponse(e)).not.toThrow()
    expect(e.system).toBe('problem')
    const back = await fromResponse(new Response('{"type":"urn:errs:x:\\ud800","title":"\\ud800"}', { status: 400 }))
    expect(() => JSON.stringify(back)).not.toThrow()
  })

  it('hostile in-memory values: revoked proxies, throwing getters, forged brands', async () => {
    for (const value of [
      revoked(),
      throwingGetters(),
      forged(),
      forged({ kind: 'internal', retryable: true, status: 500 }),
    ]) {
      expect(fromProblem(value)).toBeInstanceOf(ErrsError)
      const n = normalize(value)
      expect(n).toBeInstanceOf(ErrsError)
      expect(() => inspect(n)).not.toThrow()
      expect(() =>
        inspect(new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: 'm', cause: value })),
      ).not.toThrow()
      const chained = new ErrsError({
        system: 's',
        code: 1,
        reason: 'R',
        kind: 'internal',
        message: 'm',
        cause: { cause: value },
      })
      for (const out of [chained, value]) {
        expect(() => toProblem(out, { exposeInternal: true })).not.toThrow()
        expect(() => toResponse(out, { exposeInternal: true })).not.toThrow()
        expect(() => toOtelAttributes(out)).not.toThrow()
        await expect(serialized(out)).resolves.toBeDefined()
      }
    }
    expect(fromProblem(revoked()).reason).toBe('MALFORMED_PROBLEM')
    expect(() => toPlainData({ a: revoked(), b: throwingGetters() })).not.toThrow()
    const bytes = new Uint8Array(4)
    Object.defineProperty(bytes, 'length', {
      get: () => {
        throw new Error('length')
      },
    })
    expect(() => rawPreview(bytes)).not.toThrow()
    expect(() => toPlainData({ bytes })).not.toThrow()
  })

  it('a forged brand proves identity, not well-formed fields', () => {
    const f = forged()
    expect([kindOf(f), isRetryable(f), statusOf(f)]).toEqual(['unknown', false, 500])
    expect(toProblem(f)).toMatchObject({ system: 'runtime', kind: 'unknown', status: 500, retryable: false })
    expect(normalize(f)).not.toBe(f)
  })

  it('huge sparse arrays and shared references are walked by work done, not by length or depth', () => {
    let node: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < 40; i++) node = { a: node, b: node }
    // Bounded by MAX_NODES, so this returns at once; walked slot by slot or pair by pair, it would never return.
    const copy = JSON.stringify(toPlainData({ sparse: new Array(2 ** 32 - 1), node }, { maxDepth: 64 }))
    expect(copy).toContain('more keys truncated')
    expect(copy.length).toBeLessThan(200_000)
  })
})

describe('output is bounded', () => {
  it('a 10 MB message is cut in the error and in OpenTelemetry attributes', () => {
    const big = 'x'.repeat(10 * 1024 * 1024)
    expect(normalize(new Error(big)).message.length).toBeLessThan(MAX_STRING + 64)
    expect(toOtelAttributes(new Error(big))['exception.message'].length).toBeLessThan(MAX_STRING + 64)
    expect(
      new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: big }).message.length,
    ).toBeLessThan(MAX_STRING + 64)
  })
})

describe('secrets and internals do not leave', () => {
  it('free text never becomes an identifier (type, reason, error.type)', async () => {
    const e = fromProblem({ title: 'auth failed with Authorization: Bearer T0KEN-9', status: 401 })
    expect(e.reason).toBe('UNKNOWN')
    for (const out of await everyOutput(e)) expect(out).not.toContain('T0KEN-9')
    expect(toProblem(e).type).toBe('urn:errs:problem:UNKNOWN')
    const url = fromProblem({ type: 'https://errors.example/p?api_key=S3CR3T-KEY-1', status: 400 })
    for (const out of await everyOutput(url)) expect(out).not.toContain('S3CR3T-KEY-1')
  })

  it('an unexpected error answers with its kind title only (like Hono, Fastify and Spring)', async () => {
    const res = toResponse(new TypeError('db password is hunter2 at 10.0.0.5'))
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(JSON.parse(body).detail).toBe('An unexpected error occurred')
    expect(body).not.toContain('hunter2')
    expect(body).not.toContain('10.0.0.5')
    const dns = normalize(Object.assign(new Error('getaddrinfo ENOTFOUND 10-internal-db.local'), { code: 'ENOTFOUND' }))
    const pub = toProblem(dns)
    expect(pub).toMatchObject({
      status: 503,
      kind: 'unavailable',
      retryable: true,
      detail: 'The service is unavailable',
    })
    expect(JSON.stringify(pub)).not.toContain('internal-db')
    expect(toProblem(dns, { exposeInternal: true }).detail).toContain('10-internal-db.local')
  })

  it('the public detail of an expected error loses hosts, addresses, paths and stack frames', () => {
    const e = new ErrsError({
      system: 'lance',
      code: 13,
      reason: 'INVALID_INPUT',
      kind: 'invalid_argument',
      message:
        'Invalid input at /home/ci/.cargo/registry/src/index/lance-0.39.0/src/io/commit.rs:670:26 from 10.0.0.5:9123 via https://lance.internal:8443/v1/x\n\tat java.lang.Thread.run(Thread.java:833)',
      cause: new Error('inner secret detail'),
    })
    const pub = toProblem(e)
    expect(pub.detail).toBe('Invalid input at [internal] from [internal] via [internal]')
    expect(pub).not.toHaveProperty('cause')
    expect(pub).not.toHaveProperty('stack')
    expect(toProblem(e, { exposeInternal: true }).cause?.detail).toBe('inner secret detail')
  })

  it('header values that are not header-safe are dropped', () => {
    const res = toResponse(new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'not_found', message: 'm' }), {
      headers: { 'x-request-id': 'a\r\nset-cookie: x=1', 'x-ok': 'fine' },
    })
    expect(res.headers.get('x-request-id')).toBeNull()
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('x-ok')).toBe('fine')
  })
})
