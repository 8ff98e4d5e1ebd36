import { describe, expect, it } from 'vitest'
import type { Adapter } from '../src/index.js'
import { attempt, ErrsError, isRetryable, kindOf, normalize, statusOf } from '../src/index.js'
import { classifyForeign } from '../src/kit.js'

const sysErr = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })

describe('classification of any thrown value', () => {
  it('classifies connection failures as unavailable and retryable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']) {
      const e = sysErr(code)
      expect([kindOf(e), isRetryable(e), statusOf(e)]).toEqual(['unavailable', true, 503])
      expect(classifyForeign(e).reason).toBe(code)
    }
  })

  it('sees the socket error behind fetch', async () => {
    const err = await fetch('http://127.0.0.1:1/').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect(kindOf(err)).toBe('unavailable')
    expect(isRetryable(err)).toBe(true)
    // The bare TypeError that browsers throw has no cause: its message is enough.
    expect(kindOf(new TypeError('Failed to fetch'))).toBe('unavailable')
  })

  it('classifies aborts as cancelled and timeouts as deadline_exceeded', () => {
    const c = new AbortController()
    c.abort()
    expect(kindOf(c.signal.reason)).toBe('cancelled')
    expect(isRetryable(c.signal.reason)).toBe(false)
    expect(statusOf(c.signal.reason)).toBe(499)
    expect(kindOf(new DOMException('t', 'TimeoutError'))).toBe('deadline_exceeded')
  })

  it('reads an HTTP status from status, statusCode or httpStatus', () => {
    // fauna-js's ServiceError keeps the reply's status in `httpStatus` (fauna/fauna-js src/errors.ts @ v2.5.0):
    // a ThrottlingError is a 429.
    const throttled = Object.assign(new Error('Rate limit exceeded'), { name: 'ThrottlingError', httpStatus: 429 })
    expect([kindOf(throttled), isRetryable(throttled), statusOf(throttled)]).toEqual(['resource_exhausted', true, 429])
    for (const key of ['status', 'statusCode', 'httpStatus']) {
      const e = Object.assign(new Error('down'), { [key]: 503 })
      expect([kindOf(e), isRetryable(e), statusOf(e)]).toEqual(['unavailable', true, 503])
    }
  })

  it('classifies anything else as unknown, not retryable, 500', () => {
    for (const v of [
      new Error('x'),
      new TypeError('x is not a function'),
      'string',
      42,
      null,
      undefined,
      { a: 1 },
      Symbol('s'),
    ]) {
      expect([kindOf(v), isRetryable(v), statusOf(v)]).toEqual(['unknown', false, 500])
    }
  })

  it('reads an HTTP status carried by a foreign error', () => {
    expect(kindOf({ status: 404 })).toBe('not_found')
    expect(statusOf({ statusCode: 503 })).toBe(503)
    expect(isRetryable({ statusCode: 503 })).toBe(true)
  })

  it('never throws on hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
        has: () => {
          throw new Error('boom')
        },
      },
    )
    expect(kindOf(hostile)).toBe('unknown')
    expect(ErrsError.is(hostile)).toBe(false)
    expect(normalize(hostile)).toBeInstanceOf(ErrsError)
  })

  it('reads ErrsError fields directly', () => {
    const e = new ErrsError({
      system: 's',
      code: 1,
      reason: 'R',
      kind: 'aborted',
      message: 'm',
      retryable: false,
      status: 409,
    })
    expect([kindOf(e), isRetryable(e), statusOf(e), ErrsError.is(e)]).toEqual(['aborted', false, 409, true])
  })
})

describe('normalize and attempt', () => {
  const adapter = {
    system: 'toy',
    recognize: (v: unknown) =>
      typeof v === 'object' && v !== null && 'toyCode' in v
        ? new ErrsError({
            system: 'toy',
            code: (v as { toyCode: number }).toyCode,
            reason: 'TOY',
            kind: 'internal',
            message: 'toy',
            cause: v,
          })
        : undefined,
  } as unknown as Adapter

  it('passes ErrsErrors through, lets adapters recognise, wraps the rest', () => {
    const own = new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: 'm' })
    expect(normalize(own)).toBe(own)
    const toy = { toyCode: 9 }
    expect(normalize(toy, { adapters: [adapter] })).toMatchObject({ system: 'toy', code: 9 })
    const wrapped = normalize(sysErr('ECONNREFUSED'))
    expect(wrapped).toMatchObject({ system: 'runtime', code: 'ECONNREFUSED', kind: 'unavailable', retryable: true })
    expect((wrapped.cause as Error).message).toContain('ECONNREFUSED')
    expect(normalize('plain string').message).toBe('plain string')
  })

  it('survives an adapter that throws', () => {
    const bad = {
      system: 'bad',
      recognize: () => {
        throw new Error('adapter bug')
      },
    } as unknown as Adapter
    expect(normalize(new Error('x'), { adapters: [bad] }).system).toBe('runtime')
  })

  it('attempt never rejects', async () => {
    expect(await attempt(Promise.resolve(3))).toEqual({ ok: true, value: 3 })
    expect(await attempt(() => 4)).toEqual({ ok: true, value: 4 })
    const r = await attempt(
      () => {
        throw { toyCode: 2 }
      },
      { adapters: [adapter] },
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ system: 'toy', code: 2 })
    const r2 = await attempt(Promise.reject(sysErr('ECONNRESET')))
    expect(r2.ok === false && r2.error.retryable).toBe(true)
  })
})
