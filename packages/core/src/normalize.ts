import type { Adapter } from './adapter.js'
import { classifyForeign } from './classify.js'
import { ErrsError } from './errs-error.js'

/** Options naming the adapters that may recognise a thrown value. */
export interface NormalizeOptions {
  adapters?: readonly Adapter[]
}

function messageOf(value: unknown): string {
  try {
    if (typeof value === 'string') return value
    const m = (value as { message?: unknown } | null)?.message
    if (typeof m === 'string') return m
    return value === undefined
      ? 'undefined was thrown'
      : `Non-error value thrown: ${Object.prototype.toString.call(value)}`
  } catch {
    return 'Unreadable value thrown'
  }
}

/** Wraps a value no adapter recognised: `system: 'runtime'`, classified by shape, the value kept as `cause`. */
export function wrapForeign(value: unknown): ErrsError {
  const c = classifyForeign(value)
  return new ErrsError({
    system: 'runtime',
    code: c.code,
    reason: c.reason,
    kind: c.kind,
    status: c.status,
    retryable: c.retryable,
    message: messageOf(value),
    cause: value,
  })
}

/**
 * Turns anything thrown into an ErrsError: ErrsErrors as they are, values an adapter recognises into its
 * native class, anything else wrapped and classified. Never throws.
 */
export function normalize(value: unknown, options: NormalizeOptions = {}): ErrsError {
  if (ErrsError.is(value)) return value
  for (const adapter of options.adapters ?? []) {
    try {
      const native = adapter.recognize(value)
      if (native !== undefined) return native
    } catch {
      // A faulty adapter must not turn error handling into a crash.
    }
  }
  return wrapForeign(value)
}

/** Result of `attempt`: the value, or the normalized error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrsError }

/**
 * Runs a function or awaits a promise and returns the outcome as data (Go style): never rejects.
 */
export async function attempt<T>(
  work: Promise<T> | (() => T | Promise<T>),
  options: NormalizeOptions = {},
): Promise<Result<T>> {
  try {
    const value = await (typeof work === 'function' ? work() : work)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: normalize(error, options) }
  }
}
