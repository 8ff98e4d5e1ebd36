/**
 * `@errs/core/retry`: what a retry library needs to honour an error's own retryability and the server's
 * `Retry-After` — the predicate `isRetryable` and the delay `retryDelay` (full-jitter exponential backoff, bounded).
 * There is no retry loop here: plug these into p-retry, cockatiel or your own policy (recipes in the README).
 *
 * @packageDocumentation
 */
import { coreView } from './classify.js'
import { read } from './guard.js'

export { isRetryable } from './classify.js'

/** Options of `retryDelay`. Every field is optional; invalid numbers fall back to the defaults. */
export interface RetryDelayOptions {
  /** Upper bound of the first retry's delay, in milliseconds; doubles on each attempt. Default 100. */
  baseMs?: number
  /**
   * Largest delay returned, in milliseconds — also for a longer `Retry-After` (give up instead when the error's
   * `retryAfterMs` exceeds what the caller can wait). Default 20 000.
   */
  maxMs?: number
  /** Uniform random numbers in [0, 1) for the jitter; default `Math.random`. Values outside are clamped. */
  random?: () => number
}

/** Default `RetryDelayOptions.baseMs`: 100 ms, the AWS SDK's `DEFAULT_RETRY_DELAY_BASE`. */
const DEFAULT_BASE_MS = 100
/** Default `RetryDelayOptions.maxMs`: 20 s, the AWS SDK's `MAXIMUM_RETRY_DELAY`. */
const DEFAULT_MAX_MS = 20_000

const positive = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback

/**
 * Milliseconds to wait before retrying the call that failed with `error`, on its `attempt`-th failure (1 for the
 * first retry, as p-retry's `attemptNumber` and cockatiel's `attempt` count).
 *
 * Full-jitter exponential backoff: a uniform random delay in `[0, min(maxMs, baseMs × 2^(attempt − 1))]`. When
 * `error` is an ErrsError (of any copy of `@errs/core`) with `retryAfterMs` — the server's `Retry-After` — the
 * delay is at least that, as the AWS SDK's standard retry strategy does; the result never exceeds `maxMs`.
 * Whether to retry at all is `isRetryable(error)`'s answer, not this function's. Returns a whole number of
 * milliseconds, `0 ≤ delay ≤ maxMs`. Never throws (a throwing `random` counts as 0.5).
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ — "Full Jitter"
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 — `Retry-After`
 */
export function retryDelay(error: unknown, attempt: number, options: RetryDelayOptions = {}): number {
  // Read guarded: options that cannot be read (null from untyped code, a revoked Proxy, a throwing getter) are defaults.
  const baseMs = positive(read(options, 'baseMs'), DEFAULT_BASE_MS)
  const maxMs = positive(read(options, 'maxMs'), DEFAULT_MAX_MS)
  const n = typeof attempt === 'number' && attempt >= 1 ? Math.min(Math.floor(attempt), 1024) : 1
  const ceiling = Math.min(maxMs, baseMs * 2 ** (n - 1))
  let r: unknown
  try {
    r = ((read(options, 'random') as RetryDelayOptions['random']) ?? Math.random)()
  } catch {
    r = 0.5
  }
  const unit = typeof r === 'number' && r > 0 ? Math.min(r, 1) : 0
  let delay = Math.floor(unit * ceiling)
  const retryAfterMs = coreView(error)?.retryAfterMs
  if (retryAfterMs !== undefined && retryAfterMs > delay) delay = Math.ceil(retryAfterMs)
  return Math.min(delay, Math.floor(maxMs))
}
