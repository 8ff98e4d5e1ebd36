/**
 * What retry libraries need: the predicate `isRetryable` and the delay `retryDelay` (full-jitter exponential backoff honouring Retry-After).
 *
 * @module \@errs/core/retry
 */
export * from '@errs/core/retry'
