import { describe, expect, it } from 'vitest'
import { keptCause } from '../src/errs-error.js'
import { addSecret, ErrsError, normalize } from '../src/index.js'

// What an error keeps as its `cause`: the value itself, unless an error-like value's message shows a secret or is
// over its bound, or its own cause chain had to be replaced; then a redacted stand-in (see `keptCause`).

const SECRET = 'Lc2KeptCauseCanary'

describe('keptCause', () => {
  it('keeps clean causes, non-error values and errors of this package as they are', () => {
    const clean = new TypeError('fetch failed', { cause: new Error('ECONNRESET') })
    expect(keptCause(clean)).toBe(clean)
    const value = { password: 'x' }
    expect(keptCause(value)).toBe(value)
    const ours = new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: `m ${SECRET}` })
    expect(keptCause(ours)).toBe(ours)
  })

  it('stands in for an error whose message shows a secret: name kept, message and stack redacted', () => {
    addSecret(SECRET)
    const original = new RangeError(`bad ${SECRET}`)
    const kept = keptCause(original) as Error
    expect(kept).not.toBe(original)
    expect(kept).toBeInstanceOf(Error)
    expect(kept.name).toBe('RangeError')
    expect(kept.message).toBe('bad [REDACTED]')
    expect(kept.stack).not.toContain(SECRET)
    expect(Object.keys(kept)).toEqual([])
  })

  // A library that scrubs `message` after the stack was read (or assigns `stack`) leaves the secret in the stack, which
  // pino's `err` serializer writes for every cause (pino-std-serializers 7.1.0, `lib/err.js`, `stackWithCauses`).
  it('stands in for an error whose message is clean but whose stack shows a secret', () => {
    addSecret(SECRET)
    const scrubbed = new Error(`connect failed password=${SECRET}`)
    void scrubbed.stack
    scrubbed.message = 'connect failed'
    const kept = keptCause(scrubbed) as Error
    expect(kept).not.toBe(scrubbed)
    expect(kept.message).toBe('connect failed')
    expect(kept.stack).not.toContain(SECRET)
    const assigned = Object.assign(new Error('clean'), {
      stack: `Error: clean\n    at f (https://u:${SECRET}@h/x.js:1:1)`,
    })
    expect((keptCause(assigned) as Error).stack).not.toContain(SECRET)
    expect(normalize(scrubbed).cause).not.toBe(scrubbed)
  })

  it('keeps a clean cause whose stack is no string, or long, or names files with secret words', () => {
    const nullStack = Object.assign(new Error('clean'), { stack: null })
    expect(keptCause(nullStack)).toBe(nullStack)
    const arrayStack = { message: 'clean', stack: ['at f'] }
    expect(keptCause(arrayStack)).toBe(arrayStack)
    const frames = Array.from({ length: 400 }, (_, i) => `    at f${i} (/srv/token-service/session/handler.js:${i}:1)`)
    const long = Object.assign(new Error('clean'), { stack: ['Error: clean', ...frames].join('\n') })
    expect(long.stack.length).toBeGreaterThan(16 * 1024)
    expect(keptCause(long)).toBe(long)
  })

  it('stands in for a clean error whose cause chain shows a secret, down the chain', () => {
    addSecret(SECRET)
    const deep = new Error(`token ${SECRET}`)
    const top = new Error('request failed', { cause: new Error('socket closed', { cause: deep }) })
    const kept = keptCause(top) as Error & { cause: Error & { cause: Error } }
    expect(kept).not.toBe(top)
    expect(kept.message).toBe('request failed')
    expect(kept.cause.message).toBe('socket closed')
    expect(kept.cause.cause.message).toBe('token [REDACTED]')
  })

  it('bounds a long message, and the error made keeps the stand-in', () => {
    const original = new Error('x'.repeat(100_000))
    const err = normalize(new Error('outer', { cause: original }))
    const cause = err.cause as Error & { cause?: Error }
    const inner = (cause.cause ?? cause) as Error
    expect(inner.message.length).toBeLessThan(17_000)
  })

  it('never throws on hostile values', () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const throwing = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('boom')
      },
    })
    expect(keptCause(revoked.proxy)).toBe(revoked.proxy)
    expect(keptCause(throwing)).toBe(throwing)
  })
})

describe('keptCause of long and cyclic clean chains', () => {
  it('keeps them as they are', () => {
    let chain: Error = new Error('root')
    for (let i = 0; i < 12; i++) chain = new Error(`level ${i}`, { cause: chain })
    expect(keptCause(chain)).toBe(chain)
    const cyclic = new Error('loop') as Error & { cause?: unknown }
    cyclic.cause = cyclic
    expect(keptCause(cyclic)).toBe(cyclic)
  })
})
