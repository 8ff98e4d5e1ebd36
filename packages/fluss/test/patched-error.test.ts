import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { decodeErrorJson, FlussError } from '../src/index.js'
import { decodeErrorResponse, encodeErrorResponse } from '../src/wire.js'

// A decoder's error holds its message redacted: no secret the server put in it reaches any output, whatever the
// process did to the global `Error` (the decoders make their error from a plain `Error`).
const NativeError = globalThis.Error

/**
 * Runs `make` under a global `Error` replaced by a stack-rewriting wrapper, as zone.js installs it (angular/angular
 * `packages/zone.js/lib/common/error-rewrite.ts`, `ZoneAwareError`): it shares the native prototype, makes the
 * native error, reads its `stack` at once and keeps it as the enumerable `originalStack`. Every `new Error(…)` in the
 * process goes through it; the errors a class built on `Error` makes do not.
 */
function underStackRewritingError<T>(make: () => T): T {
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
function outputs(e: Error): string {
  return [
    String(e.stack),
    String(e),
    JSON.stringify(e),
    JSON.stringify({ ...e }),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
  ].join('\n')
}

const SECRET = 'hunter2'
const MESSAGE = `Failed to authenticate (password=${SECRET})`

describe('Fluss decoders under a global Error that formats its stack when made', () => {
  it('decodeErrorJson', () => {
    const e = underStackRewritingError(() => decodeErrorJson({ error_code: 46, error_message: MESSAGE }))
    expect(e).toBeInstanceOf(FlussError)
    expect(e.message).toContain('[REDACTED]')
    expect(outputs(e)).not.toContain(SECRET)
  })

  it('decodeErrorResponse (wire)', () => {
    const bytes = encodeErrorResponse({ error_code: 46, error_message: MESSAGE })
    const e = underStackRewritingError(() => decodeErrorResponse(bytes))
    expect(e).toBeInstanceOf(FlussError)
    expect(outputs(e)).not.toContain(SECRET)
  })
})
