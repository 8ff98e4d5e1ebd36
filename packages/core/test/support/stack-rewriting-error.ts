import { toProblem } from '../../src/index.js'

// Shared by the tests of core and of every adapter: a decoder's error holds its message redacted, whatever the process
// did to the global `Error` (the decoders make their error from a plain `Error`, core kit's `adoptError`).
const NativeError = globalThis.Error

/**
 * Runs `make` under a global `Error` replaced by a stack-rewriting wrapper, as zone.js installs it (angular/angular
 * `packages/zone.js/lib/common/error-rewrite.ts`, `ZoneAwareError`): it shares the native prototype, makes the
 * native error, reads its `stack` at once and keeps it as the enumerable `originalStack`. Every `new Error(…)` in the
 * process goes through it; the errors a class built on `Error` makes do not. The native `Error` is back afterwards.
 */
export function underStackRewritingError<T>(make: () => T): T {
  function ZoneAwareError(this: unknown, ...args: unknown[]): Error {
    const error = (NativeError as unknown as (...a: unknown[]) => Error).apply(this, args)
    ;(error as unknown as Record<string, unknown>).originalStack = error.stack
    return error
  }
  ZoneAwareError.prototype = NativeError.prototype
  globalThis.Error = ZoneAwareError as unknown as ErrorConstructor
  try {
    return make()
  } finally {
    globalThis.Error = NativeError
  }
}

/** Every text an error shows: its stack, its string, its JSON, its problems, its own enumerable values. */
export function outputs(e: Error): string {
  return [
    String(e.stack),
    String(e),
    JSON.stringify(e),
    JSON.stringify({ ...e }),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
  ].join('\n')
}
