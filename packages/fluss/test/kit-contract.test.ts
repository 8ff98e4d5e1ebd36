import { inspect } from 'node:util'
import { fromProblem, toProblem } from '@errs/core'
import { normalizeWith, rebuildAs } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  CLIENT_CODES,
  CODES,
  codeInfo,
  decodeErrorJson,
  ErrorCode,
  FLUSS_CODES,
  FlussError,
} from '../src/index.js'
import { adapter as wireAdapter } from '../src/wire.js'

describe('the adapter contract of the core kit', () => {
  it.each([
    ['@errs/fluss', adapter, 'http'],
    ['@errs/fluss/wire', wireAdapter, 'bytes'],
  ] as const)('%s: wire form, classes by upstream name, client codes; no fromProblem/normalize', (_n, a, wire) => {
    expect(a.wire).toBe(wire)
    expect(a.system).toBe('fluss')
    expect(a.classes).toEqual({ FlussError })
    expect(a.clientCodes).toBe(CLIENT_CODES)
    expect(a.codes).toBe(CODES)
    expect('fromProblem' in a).toBe(false)
    expect('normalize' in a).toBe(false)
  })

  it('names the table CODES with lookup codeInfo; FLUSS_CODES stays as an alias', () => {
    expect(FLUSS_CODES).toBe(CODES)
    expect(codeInfo(7)?.reason).toBe('TABLE_NOT_EXIST')
    expect(codeInfo('7')).toBeUndefined()
    expect(codeInfo(74)).toBeUndefined()
  })

  it('FlussError.from is normalizeWith(adapter, value), for every kind of value', () => {
    const values: unknown[] = [
      new FlussError('x', 7),
      { error_code: 36, error_message: 'gone' },
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9123'), { code: 'ECONNREFUSED' }),
      new DOMException('timed out', 'TimeoutError'),
      new DOMException('aborted', 'AbortError'),
      Object.assign(new Error('row does not match the table schema'), { name: 'SchemaMismatchError' }),
      new TypeError('boom'),
      'a string',
      undefined,
      { [Symbol.for('errs.core.ErrsError')]: true, kind: 'pwned', system: 'fluss' },
    ]
    const view = (e: FlussError) => [e.error_code, e.reason, e.kind, e.status, e.retryable, e.message]
    for (const v of values) {
      expect(view(FlussError.from(v))).toEqual(view(normalizeWith(adapter, v)))
      expect(view(FlussError.from(v))).toEqual(view(normalizeWith(wireAdapter, v)))
    }
  })

  it('a forged brand is not taken at its word', () => {
    const forged = { [Symbol.for('errs.core.ErrsError')]: true, kind: 'pwned', retryable: 'yes', system: 'fluss' }
    const e = FlussError.from(forged)
    expect([e.error_code, e.kind, e.retryable]).toEqual([ErrorCode.CLIENT_ERROR, 'unknown', false])
    const fakeFluss = { [Symbol.for('errs.fluss.FlussError')]: true, error_code: 'x' }
    expect(FlussError.is(FlussError.from(fakeFluss))).toBe(true)
    expect(FlussError.from(fakeFluss)).not.toBe(fakeFluss)
  })
})

describe('native fields are getters over the one store', () => {
  it('error_code, is_retriable and exceptionClass are not own fields', () => {
    const e = new FlussError('x', 44)
    const own = Object.getOwnPropertyNames(e)
    for (const f of ['error_code', 'is_retriable', 'exceptionClass']) expect(own).not.toContain(f)
    expect([e.error_code, e.is_retriable, e.exceptionClass]).toEqual([44, true, 'LeaderNotAvailableException'])
  })

  it('an error rebuilt without running the constructor (as core rebuilds problems) has every native field', () => {
    const rebuilt = rebuildAs(FlussError, {
      system: 'fluss',
      code: 7,
      reason: 'TABLE_NOT_EXIST',
      kind: 'not_found',
      status: 404,
      retryable: false,
      message: 'no table',
    })
    expect(rebuilt).toBeInstanceOf(FlussError)
    expect([rebuilt.error_code, rebuilt.is_retriable, rebuilt.exceptionClass, String(rebuilt)]).toEqual([
      7,
      false,
      'TableNotExistException',
      'FlussError(code=7): no table',
    ])
    expect(rebuilt.name).toBe('FlussError')
  })

  it('problem+json round trip between trusted services keeps the class and the native fields', () => {
    for (const e of [
      new FlussError('refused', 1),
      new FlussError(undefined, 99),
      new FlussError('bad row', -2, { kind: 'invalid_argument' }),
    ]) {
      const back = fromProblem(JSON.parse(JSON.stringify(toProblem(e, { exposeInternal: true }))), {
        adapters: [adapter],
      }) as FlussError
      expect(back).toBeInstanceOf(FlussError)
      expect([back.error_code, back.is_retriable, back.exceptionClass, back.kind, back.status]).toEqual([
        e.error_code,
        e.is_retriable,
        e.exceptionClass,
        e.kind,
        e.status,
      ])
      expect(inspect(back)).toContain('FlussError')
    }
  })
})

describe("core's one unknown-code policy", () => {
  it('an unknown code keeps its number and gets the kind of the HTTP error status it came with', () => {
    const e = adapter.decode({ status: 503, body: { error_code: 74 } })
    expect([e.error_code, e.reason, e.kind, e.status, e.retryable]).toEqual([
      74,
      'UNKNOWN_CODE',
      'unavailable',
      503,
      false,
    ])
    expect(e.message).toBe('The server experienced an unexpected error when processing the request.')
    // Without a carrier: kind unknown.
    const bare = decodeErrorJson({ error_code: 74 })
    expect([bare.kind, bare.status, bare.title]).toEqual(['unknown', 500, 'Unknown fluss error code'])
  })

  it('a known code keeps its row', () => {
    const e = adapter.decode({ status: 500, body: { error_code: 7 } })
    expect([e.error_code, e.kind]).toEqual([7, 'not_found'])
  })
})
