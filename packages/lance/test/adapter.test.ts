import { normalize as coreNormalize, ErrsError, fromProblem, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  CODES,
  InternalError,
  LanceNamespaceError,
  normalize,
  ServiceUnavailableError,
  TableNotFoundError,
  ThrottlingError,
} from '../src/index.js'

const core = (e: ErrsError) => ({
  code: e.code,
  reason: e.reason,
  kind: e.kind,
  status: e.status,
  retryable: e.retryable,
  message: e.message,
})

describe('adapter (core contract)', () => {
  it('system and codes', () => {
    expect(adapter.system).toBe('lance')
    expect(adapter.codes).toBe(CODES)
    expect(adapter.codes.every((r) => r.variant === undefined)).toBe(true)
  })

  it.each(CODES.map((r) => [r.code, r] as const))('code %i: create, encode/decode, problem round trip', (_c, row) => {
    const e = adapter.create(row.code, undefined, { variant: row.variant })
    expect(core(e)).toEqual({
      code: row.code,
      reason: row.reason,
      kind: row.kind,
      status: row.status,
      retryable: row.retryable,
      message: row.message,
    })
    expect(e.name).toBe(row.className)
    const decoded = adapter.decode(adapter.encode(e))
    expect(decoded.constructor).toBe(e.constructor)
    expect(core(decoded)).toEqual(core(e))
    const rebuilt = fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [adapter] })
    expect(rebuilt).toBeInstanceOf(e.constructor as typeof LanceNamespaceError)
    expect(core(rebuilt)).toEqual(core(e))
  })

  it('unknown code 99 through every path', () => {
    const e = adapter.create(99, 'x')
    const viaProblem = fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [adapter] })
    expect(viaProblem).toBeInstanceOf(InternalError)
    expect(core(viaProblem)).toEqual(core(e))
    // Over the wire the reply's 500 is the kind's source (core's one unknown-code policy): internal.
    const viaWire = adapter.decode(adapter.encode(e))
    expect(viaWire).toBeInstanceOf(InternalError)
    expect(core(viaWire)).toEqual({ ...core(e), kind: 'internal' })
  })

  it('wire, classes (every class by upstream name) and clientCodes', () => {
    expect(adapter.wire).toBe('http')
    expect(Object.keys(adapter.classes)).toHaveLength(25)
    for (const row of CODES) expect(adapter.classes[row.className]?.name).toBe(row.className)
    expect(adapter.clientCodes).toMatchObject({ unknown: 18, unavailable: 17, resource_exhausted: 21 })
    expect('fromProblem' in adapter || 'normalize' in adapter).toBe(false)
  })

  it('problem rebuilt without running constructors keeps detail and context (getters over the one store)', () => {
    const e = new TableNotFoundError('t', { detail: 'stack', context: { k: 'v' }, instance: '/v1/x' })
    const back = fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [adapter] })
    expect(back).toBeInstanceOf(TableNotFoundError)
    expect(back).toMatchObject({ detail: 'stack', context: { k: 'v' }, instance: '/v1/x' })
    expect(Object.hasOwn(e, 'detail') || Object.hasOwn(e, 'context')).toBe(false)
    // The public problem carries neither.
    expect(JSON.stringify(toProblem(e))).not.toContain('stack')
  })

  it('create accepts names and numeric strings', () => {
    expect(adapter.create('TABLE_NOT_FOUND')).toBeInstanceOf(TableNotFoundError)
    expect(adapter.create('21')).toBeInstanceOf(ThrottlingError)
    expect(adapter.create('nope')).toMatchObject({ code: 18, details: { invalidCode: 'nope' } })
  })

  it('problems keep detail only for trusted hops, and context, request id, Retry-After always', () => {
    const e = new ThrottlingError('slow', {
      detail: 'stack',
      instance: '/v1/i',
      context: { 'header.x-request-id': 'r' },
      requestId: 'r',
      retryAfterMs: 2000,
    })
    const open = fromProblem(toProblem(e), { adapters: [adapter] }) as LanceNamespaceError
    expect(open.detail).toBeUndefined()
    expect(open).toMatchObject({ instance: '/v1/i', requestId: 'r', retryAfterMs: 2000, context: e.context })
    const trusted = fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [adapter] }) as LanceNamespaceError
    expect(trusted.detail).toBe('stack')
  })

  it('decode of garbage returns a typed error, raw kept', () => {
    const garbage: unknown[] = [
      new Uint8Array([0xff, 0x00, 0x7b]),
      { status: 500, body: '{"code":' },
      { status: 'x', body: 1 },
      { status: 200, body: [] },
      null,
      'nonsense',
    ]
    for (const g of garbage) {
      const e = adapter.decode(g as never)
      expect(e).toBeInstanceOf(LanceNamespaceError)
    }
    expect(adapter.decode({ status: 500, body: '{"code":' }).details.raw).toBe('{"code":')
  })

  it('recognize and normalize', () => {
    const e = new TableNotFoundError('t')
    expect(adapter.recognize(e)).toBe(e)
    expect(adapter.recognize(new Error('plain'))).toBeUndefined()
    expect(
      adapter.recognize(Object.assign(new Error("Table 't' was not found"), { code: 'GenericFailure' })),
    ).toBeInstanceOf(TableNotFoundError)
    // A Lance error rebuilt without the adapter comes back as its class.
    const plain = fromProblem(toProblem(e))
    expect(plain).not.toBeInstanceOf(LanceNamespaceError)
    expect(adapter.recognize(plain)).toBeInstanceOf(TableNotFoundError)
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(normalize(refused)).toBeInstanceOf(ServiceUnavailableError)
    expect(
      coreNormalize(Object.assign(new Error('Runtime error: x'), { code: 'GenericFailure' }), { adapters: [adapter] }),
    ).toBeInstanceOf(InternalError)
    const other = new ErrsError({ system: 'fluss', code: 7, reason: 'X', kind: 'unavailable', message: 'down' })
    expect(normalize(other)).toMatchObject({ code: 17, cause: other })
    expect(normalizeWith(adapter, other)).toMatchObject({ code: 17, cause: other })
  })
})

describe('recognize on hostile values', () => {
  it('returns undefined instead of throwing', async () => {
    const { adapter, normalize } = await import('../src/index.js')
    const throwing = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('hostile getPrototypeOf')
        },
        get: () => {
          throw new Error('hostile get')
        },
      },
    )
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(adapter.recognize(throwing)).toBeUndefined()
    expect(adapter.recognize(proxy)).toBeUndefined()
    expect(normalize(proxy).code).toBe(18)
  })
})
