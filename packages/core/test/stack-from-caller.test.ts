import { describe, expect, it } from 'vitest'
import { ErrsError, normalize } from '../src/index.js'
import { restartStack } from '../src/kit.js'

// An error `normalize` makes has its stack start at the caller's call (`Error.captureStackTrace(err, normalize)`, as
// the drivers' constructors start theirs: fauna-js 2.5.0 src/errors.ts `Error.captureStackTrace(this, ProtocolError)`).

const firstFrame = (err: unknown): string =>
  ((err as Error).stack ?? '').split('\n').find((l) => /^\s+at /.test(l)) ?? ''

describe('restartStack and normalize', () => {
  it("a wrapped foreign value's stack starts at the call of normalize", () => {
    function callsNormalize() {
      return normalize(new TypeError('fetch failed'))
    }
    const e = callsNormalize()
    expect(e.system).toBe('runtime')
    expect(firstFrame(e)).toContain('callsNormalize')
    expect(e.stack).not.toMatch(/\bnormalized\b|wrapForeign/)
  })

  it('an ErrsError given is returned as it is, its stack untouched', () => {
    const mine = new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message: 'm' })
    const stack = mine.stack
    expect(normalize(mine)).toBe(mine)
    expect(mine.stack).toBe(stack)
  })

  it('restartStack drops the frames of the entry and below it, and never throws', () => {
    function entry(err: Error) {
      return inner(err)
    }
    function inner(err: Error) {
      return restartStack(err, entry)
    }
    function caller() {
      return entry(new Error('x'))
    }
    expect(firstFrame(caller())).toContain('caller')
    const frozen = Object.freeze(new Error('frozen'))
    expect(restartStack(frozen, entry)).toBe(frozen)
    // The header line is the error's own, redaction included: the stack is formatted from the error as it is.
    expect(String(caller().stack).split('\n')[0]).toBe('Error: x')
  })
})
