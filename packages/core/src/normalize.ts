import { type Adapter, adaptersOf, type ErrsOptions } from './adapter.js'
import { isBrandedInstance } from './brand.js'
import { classifyForeign, coreView, foreignFields } from './classify.js'
import { ErrsError, type ErrsErrorInit } from './errs-error.js'
import { describeThrown } from './guard.js'
import { rebuildWith, restartStack } from './problem.js'
import { problemDetail } from './problem-write.js'

/** Options naming the adapters that may recognise a thrown value. */
/** Options of `normalize` and `attempt`. */
export interface NormalizeOptions {
  /** Adapters asked, in order, to recognise the value as one of their system's errors. */
  adapters?: readonly Adapter[]
}

/** Wraps a value no adapter recognised: `system: 'runtime'`, classified by shape, the value kept as `cause` (a redacted stand-in when its message or stack shows a secret). */
export function wrapForeign(value: unknown): ErrsError {
  return new ErrsError({ ...foreignFields(value), cause: value })
}

/** True when `value` is an instance of one of the adapter's native classes (any copy); its own name is tried first. */
function isNative(adapter: Adapter, value: ErrsError): boolean {
  const classes: Readonly<Record<string, unknown>> | undefined = adapter.classes
  if (classes === undefined) return true
  const isOf = (Class: unknown) =>
    typeof Class === 'function' && Class !== ErrsError && isBrandedInstance(Class as typeof ErrsError, value)
  if (Object.hasOwn(classes, value.name) && isOf(classes[value.name])) return true
  return Object.values(classes).some(isOf)
}

/** A well-formed error of the adapter's system that is not one of its classes, rebuilt as its native class. */
function rebuildPlain(adapter: Adapter, err: ErrsError): ErrsError | undefined {
  const init: ErrsErrorInit = {
    system: err.system,
    code: err.code,
    reason: err.reason,
    kind: err.kind,
    status: err.status,
    retryable: err.retryable,
    title: err.title,
    message: err.message,
    details: err.details,
    internal: err.internal,
  }
  if (err.publicMessage !== undefined) init.publicMessage = err.publicMessage
  if (err.retryAfterMs !== undefined) init.retryAfterMs = err.retryAfterMs
  if (err.requestId !== undefined) init.requestId = err.requestId
  if (err.instance !== undefined) init.instance = err.instance
  if (err.cause !== undefined) init.cause = err.cause
  return rebuildWith(adapter, init)
}

/**
 * Turns anything thrown into an ErrsError: ErrsErrors as they are (a plain core error of a given adapter's system
 * rebuilt as its native class), values an adapter recognises into its native class, anything else wrapped and
 * classified (`system: 'runtime'`). A forged brand on an ill-formed object counts as foreign. An error made here has
 * its stack start at the call of `normalize` (`restartStack`: none of the adapter's frames). Never throws.
 */
export function normalize(value: unknown, options?: NormalizeOptions): ErrsError {
  const made = normalized(value, options)
  return made === value ? made : restartStack(made, normalize)
}

/** `normalize`'s work: the value itself, or the error made of it. */
function normalized(value: unknown, options?: NormalizeOptions): ErrsError {
  const adapters = adaptersOf(options)
  if (coreView(value) !== undefined) {
    const err = value as ErrsError
    const adapter = adapters.find((a) => a.system === err.system)
    if (adapter !== undefined && !isNative(adapter, err)) {
      try {
        return rebuildPlain(adapter, err) ?? err
      } catch {
        return err
      }
    }
    return err
  }
  for (const adapter of adapters) {
    try {
      const native = adapter.recognize(value)
      if (native !== undefined && coreView(native) !== undefined) return native
    } catch {
      // A faulty adapter must not turn error handling into a crash.
    }
  }
  return wrapForeign(value)
}

/**
 * Any thrown value as `adapter`'s native error — the body of every adapter's own `normalize`:
 * its native errors as they are; a plain core error of its system rebuilt as the native class; what
 * `adapter.recognize` knows; anything else wrapped in the code `adapter.clientCodes` names for the value's
 * classified kind (the row's kind, status and retry rule stand), or in `clientCodes.unknown` with the
 * classification's kind, status and retry rule. The value is kept as `cause` (a redacted stand-in when its message or stack shows a secret). Never
 * throws.
 *
 * An error made here has its stack start at the call of `entry` (`restartStack`), by default `normalizeWith` itself:
 * an adapter passes its own public function (`normalize`, `FlussError.from`), so that the stack a user reads starts
 * at their call, as a driver's does, not in the adapter's recognizers.
 */
export function normalizeWith<E extends ErrsError>(
  adapter: Adapter<E>,
  value: unknown,
  entry: (...args: never[]) => unknown = normalizeWith,
): E {
  const made = normalizedWith(adapter, value)
  return made === value ? made : restartStack(made, entry)
}

/** `normalizeWith`'s work: the value itself, or the error made of it. */
function normalizedWith<E extends ErrsError>(adapter: Adapter<E>, value: unknown): E {
  const view = coreView(value)
  if (view !== undefined && view.system === adapter.system) {
    const err = value as E
    if (isNative(adapter, err)) return err
    try {
      const rebuilt = rebuildPlain(adapter, err)
      if (rebuilt !== undefined) return rebuilt as E
    } catch {
      // fall through: wrap it
    }
  }
  try {
    const native = adapter.recognize(value)
    if (native !== undefined && coreView(native) !== undefined) return native
  } catch {
    // A faulty recognizer must not turn error handling into a crash.
  }
  const clientCodes = adapter.clientCodes
  const c =
    view !== undefined
      ? { kind: view.kind, status: view.status, retryable: view.retryable, reason: view.reason }
      : classifyForeign(value)
  const explicit = clientCodes?.[c.kind]
  // The wrapper's message is the value's own text; what untrusted readers see is what a problem of the value shows
  // (a foreign value's text never leaves: its kind's title), as if the value itself had been written.
  const options: ErrsOptions = { cause: value, publicMessage: problemDetail(value) }
  if (explicit === undefined && c.kind !== 'unknown') {
    options.kind = c.kind
    options.status = c.status
    options.retryable = c.retryable
  }
  if (c.kind !== 'unknown') options.details = { clientFailure: c.reason }
  return adapter.create(explicit ?? clientCodes?.unknown ?? 'UNKNOWN', describeThrown(value), options)
}

/** Result of `attempt`: the value, or the normalized error. */
export type Result<T> =
  | {
      /** The call succeeded. */
      ok: true
      /** What it returned or resolved to. */
      value: T
    }
  | {
      /** The call threw or rejected. */
      ok: false
      /** What it threw, normalized. */
      error: ErrsError
    }

/**
 * Runs a function or awaits a promise and returns the outcome as data (Go style): never rejects.
 */
export async function attempt<T>(
  work: Promise<T> | (() => T | Promise<T>),
  options?: NormalizeOptions,
): Promise<Result<T>> {
  try {
    const value = await (typeof work === 'function' ? work() : work)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: normalize(error, options) }
  }
}
