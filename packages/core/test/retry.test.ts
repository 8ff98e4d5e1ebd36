import { describe, expect, it } from 'vitest'
import { ErrsError, isRetryable as isRetryableMain } from '../src/index.js'
import { isRetryable, retryDelay } from '../src/retry.js'

const throttled = (retryAfterMs?: number) =>
  new ErrsError({
    system: 'demo',
    code: 429,
    reason: 'THROTTLED',
    kind: 'resource_exhausted',
    message: 'slow down',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  })
const fixed = (r: number) => () => r

// Full jitter: sleep = random_between(0, min(cap, base * 2 ** attempt))
// (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). Defaults as the AWS SDK's
// DEFAULT_RETRY_DELAY_BASE = 100 and MAXIMUM_RETRY_DELAY = 20 * 1000 (smithy-lang/smithy-typescript
// `packages/util-retry/src/constants.ts`); Retry-After wins when longer, as its StandardRetryStrategy's
// `Math.max(delayFromResponse || 0, delayFromDecider)`.
describe('retryDelay: full-jitter exponential backoff', () => {
  it('draws uniformly in [0, base × 2^(attempt−1)]', () => {
    const e = throttled()
    expect(retryDelay(e, 1, { random: fixed(0.5) })).toBe(50)
    expect(retryDelay(e, 2, { random: fixed(0.5) })).toBe(100)
    expect(retryDelay(e, 3, { random: fixed(0.999) })).toBe(399)
    expect(retryDelay(e, 3, { random: fixed(0) })).toBe(0)
    expect(retryDelay(e, 4, { baseMs: 250, random: fixed(0.5) })).toBe(1000)
  })

  it('is bounded by maxMs (default 20 s), whatever the attempt', () => {
    const e = throttled()
    expect(retryDelay(e, 20, { random: fixed(0.9999) })).toBe(19_998)
    expect(retryDelay(e, 1e9, { random: fixed(1) })).toBe(20_000)
    expect(retryDelay(e, Number.POSITIVE_INFINITY, { maxMs: 5000, random: fixed(1) })).toBe(5000)
    expect(retryDelay(e, 8, { baseMs: 1000, maxMs: 3000, random: fixed(0.5) })).toBe(1500)
  })

  it('honours Retry-After: at least retryAfterMs, still at most maxMs', () => {
    expect(retryDelay(throttled(1500), 1, { random: fixed(0) })).toBe(1500)
    expect(retryDelay(throttled(1500), 1, { random: fixed(0.99) })).toBe(1500)
    expect(retryDelay(throttled(10), 8, { random: fixed(0.5) })).toBe(6400) // backoff longer than Retry-After
    expect(retryDelay(throttled(60_000), 1, { maxMs: 5000 })).toBe(5000)
    expect(retryDelay(throttled(0.4), 1, { random: fixed(0) })).toBe(1) // whole milliseconds, rounded up
  })

  it('reads retryAfterMs only from ErrsErrors (any copy), never from arbitrary objects', () => {
    const forged = Object.assign(new Error('x'), { retryAfterMs: 9000 })
    expect(retryDelay(forged, 1, { random: fixed(0) })).toBe(0)
    // Another copy of the core: the brand is `Symbol.for`-keyed, the fields are read, not trusted blindly.
    const copy = Object.assign(Object.create(null), {
      [Symbol.for('errs.core.ErrsError')]: true,
      system: 'x',
      code: 1,
      reason: 'R',
      kind: 'unavailable',
      status: 503,
      retryable: true,
      message: 'm',
      retryAfterMs: 3000,
    })
    expect(retryDelay(copy, 1, { random: fixed(0) })).toBe(3000)
    expect(retryDelay({ ...copy, retryAfterMs: -5 }, 1, { random: fixed(0) })).toBe(0)
  })

  it('falls back to defaults on invalid input, and never throws', () => {
    const e = throttled()
    for (const attempt of [0, -1, Number.NaN, 0.5, '3' as unknown as number])
      expect(retryDelay(e, attempt, { random: fixed(1) })).toBe(100)
    expect(retryDelay(e, 2, { baseMs: -1, maxMs: Number.NaN, random: fixed(1) })).toBe(200)
    expect(retryDelay(e, 1, { random: fixed(Number.NaN) })).toBe(0)
    expect(retryDelay(e, 1, { random: fixed(7) })).toBe(100)
    expect(
      retryDelay(e, 1, {
        random: () => {
          throw new Error('no entropy')
        },
      }),
    ).toBe(50)
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    expect(retryDelay(hostile, 2, { random: fixed(0.5) })).toBe(100)
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(retryDelay(proxy, 1, { random: fixed(0.5) })).toBe(50)
    expect(retryDelay(undefined, 1, { random: fixed(0.5) })).toBe(50)
  })

  it('options that cannot be read (null, a revoked Proxy, a throwing getter) are the defaults: never throws', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const throwing = Object.defineProperty({ random: fixed(0.5) }, 'baseMs', {
      enumerable: true,
      get() {
        throw new Error('getter')
      },
    })
    for (const options of [null, proxy, throwing]) {
      // A delay within the defaults' ceiling for attempt 1 (100 ms), at least the Retry-After.
      const delay = retryDelay(throttled(30), 1, options as never)
      expect(delay).toBeGreaterThanOrEqual(30)
      expect(delay).toBeLessThanOrEqual(100)
    }
    expect(retryDelay(throttled(), 2, throwing)).toBe(100)
  })

  it('with Math.random: every draw within bounds, spread over the range', () => {
    const draws = Array.from({ length: 2000 }, () => retryDelay(undefined, 4))
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThanOrEqual(800)
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    expect(mean).toBeGreaterThan(300)
    expect(mean).toBeLessThan(500)
  })

  it('re-exports the main entry’s isRetryable', () => {
    expect(isRetryable).toBe(isRetryableMain)
    expect(isRetryable(throttled())).toBe(true)
  })
})
