import { deepStrictEqual } from 'node:assert'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ErrorKind, ErrsError, toProblem } from '../src/index.js'
import { brandClass, KIND_DEFAULT_RETRYABLE, KIND_HTTP_STATUS } from '../src/kit.js'

const base = {
  system: 'demo',
  code: 7,
  reason: 'TABLE_NOT_EXIST',
  kind: 'not_found',
  message: 'no such table',
} as const

describe('ErrsError', () => {
  it('carries every core field', () => {
    const cause = new Error('root')
    const e = new ErrsError({
      ...base,
      details: { bucket: 3 },
      requestId: 'r-1',
      retryAfterMs: 250,
      instance: '/t/1',
      cause,
    })
    expect(e).toBeInstanceOf(Error)
    expect(e).toBeInstanceOf(ErrsError)
    expect(e.name).toBe('ErrsError')
    expect(e.message).toBe('no such table')
    expect([e.system, e.code, e.reason, e.kind, e.status, e.retryable]).toEqual([
      'demo',
      7,
      'TABLE_NOT_EXIST',
      'not_found',
      404,
      false,
    ])
    expect(e.title).toBe('TABLE_NOT_EXIST')
    expect(e.details).toEqual({ bucket: 3 })
    expect(Object.isFrozen(e.details)).toBe(true)
    expect([e.requestId, e.retryAfterMs, e.instance]).toEqual(['r-1', 250, '/t/1'])
    expect(e.cause).toBe(cause)
  })

  it('keeps the ES2022 cause as an own non-enumerable property in subclasses with fields', () => {
    class Sub extends ErrsError {
      static {
        brandClass(this, 'errs.test.Sub')
      }
      readonly extra: string
      constructor(cause: unknown) {
        super({ ...base, cause })
        this.extra = 'x'
      }
    }
    const cause = new Error('inner')
    const e = new Sub(cause)
    expect(e.cause).toBe(cause)
    expect(Object.getOwnPropertyDescriptor(e, 'cause')?.enumerable).toBe(false)
    expect(e.extra).toBe('x')
    expect(e.name).toBe('Sub')
    expect(e.stack?.split('\n')[0]).toBe('Sub: no such table')
    expect(e).toBeInstanceOf(Sub)
    expect(e).toBeInstanceOf(ErrsError)
    expect(Sub.is(e)).toBe(true)
    expect(Sub.is(new ErrsError(base))).toBe(false)
  })

  it('has no cause property at all when none is given', () => {
    expect(Object.hasOwn(new ErrsError(base), 'cause')).toBe(false)
  })

  it('defaults status and retryable from the kind, and lets the system override them', () => {
    for (const kind of Object.values(ErrorKind)) {
      const e = new ErrsError({ ...base, kind })
      expect(e.status).toBe(KIND_HTTP_STATUS[kind])
      expect(e.retryable).toBe(KIND_DEFAULT_RETRYABLE[kind])
    }
    const e = new ErrsError({ ...base, kind: 'unavailable', status: 500, retryable: false })
    expect([e.status, e.retryable]).toEqual([500, false])
  })

  it('stack head is name: message', () => {
    const e = new ErrsError(base)
    expect(e.stack?.split('\n')[0]).toBe('ErrsError: no such table')
    expect(String(e)).toBe('ErrsError: no such table')
  })

  it('keeps internal context and the public message off the enumerable surface', () => {
    const e = new ErrsError({ ...base, internal: { host: 'db-7' }, publicMessage: 'first line' })
    expect(e.internal).toEqual({ host: 'db-7' })
    expect(e.publicMessage).toBe('first line')
    expect(Object.keys(e)).not.toContain('internal')
    expect(Object.keys(e)).not.toContain('publicMessage')
    expect(new ErrsError(base).internal).toEqual({})
  })

  it('a spread, Object.assign or for…in of an error carries neither value', () => {
    // `logger.info({ ...err })` and `console.log(Object.assign({}, err))` are common; pino's `err` serializer walks
    // `for…in`. Both values are kept in boxes under registered symbols, each value a private field of its box.
    const e = new ErrsError({ ...base, internal: { dsn: 'CANARY-internal' }, publicMessage: 'CANARY-public' })
    const keys: string[] = []
    for (const key in e) keys.push(key)
    expect(keys).not.toContain('internal')
    for (const copy of [{ ...e }, Object.assign({}, e)]) {
      for (const options of [
        { showHidden: true, depth: 5 },
        { showHidden: true, depth: 5, customInspect: false },
      ]) {
        expect(inspect(copy, options) + JSON.stringify(copy)).not.toContain('CANARY')
      }
    }
    expect([e.internal, e.publicMessage]).toEqual([{ dsn: 'CANARY-internal' }, 'CANARY-public'])
  })

  it('an assignment of either keeps it as the constructor does: off the enumerable surface, copied and redacted', () => {
    // A subclass field compiled without `useDefineForClassFields`, or `Object.assign(err, …)`, assigns them.
    const e = new ErrsError({ ...base, message: 'no row on db-7' })
    const written = e as unknown as { internal: unknown; publicMessage: unknown }
    Object.assign(e, { internal: { host: 'db-7' } })
    written.publicMessage = 'no row, password=hunter2'
    expect([e.internal, e.publicMessage]).toEqual([{ host: 'db-7' }, 'no row, password=[REDACTED]'])
    expect(Object.isFrozen(e.internal)).toBe(true)
    expect(Object.keys(e)).not.toContain('internal')
    expect(Object.keys(e)).not.toContain('publicMessage')
    expect(toProblem(e).detail).toBe('no row, password=[REDACTED]')
    expect(JSON.stringify(toProblem(e))).not.toContain('db-7')
    expect(toProblem(e, { exposeInternal: true }).internal).toEqual({ host: 'db-7' })
    written.publicMessage = undefined
    written.internal = 'not a record'
    expect([e.internal, e.publicMessage]).toEqual([{}, undefined])
  })

  it('two errors made alike are equal by toEqual and deepStrictEqual, internal context and public message too', () => {
    // As when both were non-enumerable properties: a test comparing a decoded error with the expected one passes.
    const make = () => new ErrsError({ ...base, internal: { host: 'db-7' }, publicMessage: 'no row' })
    expect(make()).toEqual(make())
    expect(make()).toStrictEqual(make())
    expect(() => deepStrictEqual(make(), make())).not.toThrow()
  })

  it('an error wrapped in a Proxy keeps its public message and internal context', () => {
    // Own properties pass through a Proxy; private fields read through a prototype getter would not (the getter's
    // `this` is the proxy), and the public problem would then show the message the public one stands in for.
    const e = new ErrsError({ ...base, message: 'no row on db-7', internal: { host: 'db-7' }, publicMessage: 'no row' })
    const wrapped = new Proxy(e, {})
    expect([wrapped.internal, wrapped.publicMessage]).toEqual([{ host: 'db-7' }, 'no row'])
    expect(toProblem(wrapped).detail).toBe('no row')
    expect(JSON.stringify(toProblem(wrapped))).not.toContain('db-7')
    expect(toProblem(wrapped, { exposeInternal: true }).internal).toEqual({ host: 'db-7' })
  })

  it('toJSON is the problem', () => {
    const json = JSON.parse(JSON.stringify(new ErrsError(base)))
    expect(json).toMatchObject({ type: 'urn:errs:demo:TABLE_NOT_EXIST', status: 404, detail: 'no such table', code: 7 })
  })
})
