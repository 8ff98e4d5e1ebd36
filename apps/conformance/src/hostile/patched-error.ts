/**
 * Runs `make` under a global `Error` replaced by a stack-rewriting wrapper, as zone.js installs it (angular/angular
 * `packages/zone.js/lib/common/error-rewrite.ts`, `ZoneAwareError`): it shares the native prototype, makes the native
 * error, reads its `stack` at once and keeps it (here as the enumerable `originalStack`). Every `new Error(…)` made
 * while `make` runs synchronously goes through it; the errors a class built on `Error` makes do not. A decoder that
 * hands `new Error` a text before redacting it shows that text in the error's stack. The native `Error` is back
 * when `make` returns or throws. No imports: the packages' own tests use it too.
 */
export function underStackRewritingError<T>(make: () => T): T {
  const NativeError = globalThis.Error
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
