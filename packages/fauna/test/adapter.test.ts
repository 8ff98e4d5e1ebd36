import { normalize as coreNormalize, fromProblem, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { adapter, FAUNA_CODES, normalize } from '../src/adapter.js'
import { errors, type FaunaHTTPError } from '../src/index.js'
import * as v10 from '../src/v10.js'

const core = (e: {
  code: unknown
  reason: string
  kind: string
  status: number
  retryable: boolean
  message: string
  name: string
}) => [e.name, e.code, e.reason, e.kind, e.status, e.retryable, e.message]

const SHARED = new Set(['ProtocolError', 'AbortError', 'NetworkError', 'FaunaError'])

describe('adapter rows', () => {
  it('every row has a variant, a class and a unique (variant, code)', () => {
    const keys = new Set(FAUNA_CODES.map((r) => `${r.variant}:${r.code}`))
    expect(keys.size).toBe(FAUNA_CODES.length)
    for (const r of adapter.codes) {
      expect(['v4', 'v10']).toContain(r.variant)
      expect(r.className).toBeTruthy()
    }
  })
  for (const row of adapter.codes) {
    it(`${row.variant} ${row.code}: create, decode(encode), fromProblem(toProblem)`, () => {
      const e = adapter.create(row.code, undefined, { variant: row.variant })
      expect(core(e)).toEqual([row.className, row.code, row.reason, row.kind, row.status, row.retryable, row.message])
      const Class = e.constructor as abstract new (...a: never[]) => unknown
      const back = adapter.decode(adapter.encode(e))
      expect(back).toBeInstanceOf(Class)
      expect(core(back)).toEqual(core(e))
      const rebuilt = fromProblem(JSON.parse(JSON.stringify(toProblem(e, { exposeInternal: true }))), {
        adapters: [adapter],
      })
      expect(core(rebuilt)).toEqual(core(e))
      expect(rebuilt.details.dialect).toBe(row.variant)
      // Core picks a class by name only: a v4 class whose name v10 also uses (ProtocolError, AbortError,
      // NetworkError, FaunaError) comes back as the v10 class until core reads `details.dialect`; the adapter's
      // own decode of the problem gives the v4 class.
      if (row.variant === 'v10' || !SHARED.has(row.className ?? '')) expect(rebuilt).toBeInstanceOf(Class)
      else expect(adapter.decode(adapter.encode(e))).toBeInstanceOf(Class)
    })
  }
})

describe('adapter behaviour', () => {
  it('variant picks the dialect; v10 wins when omitted and ambiguous', () => {
    expect(adapter.create('unauthorized', undefined, { variant: 'v4' })).toBeInstanceOf(errors.Unauthorized)
    expect(adapter.create('unauthorized')).toBeInstanceOf(v10.AuthenticationError)
    expect(adapter.create('instance not found')).toBeInstanceOf(errors.NotFound)
    expect(adapter.create('brand new code').name).toBe('BadRequest')
    expect(adapter.create('brand_new_code')).toBeInstanceOf(v10.QueryRuntimeError)
  })
  it('v4 create: the message argument is the description (message is the code, as in faunadb)', () => {
    const e = adapter.create('instance not found', 'Document not found.', { variant: 'v4' }) as FaunaHTTPError
    expect([e.message, e.description]).toEqual(['instance not found', 'Document not found.'])
  })
  it('unknown codes are kept and round-trip', () => {
    for (const code of ['brand new code', 'brand_new_code']) {
      const e = adapter.create(code, 'm')
      expect(e.code).toBe(code)
      expect(core(adapter.decode(adapter.encode(e)))).toEqual(core(e))
    }
  })
  it('decode picks the dialect by shape', () => {
    expect(
      adapter.decode({ status: 404, body: { errors: [{ code: 'instance not found', description: 'd' }] } }),
    ).toBeInstanceOf(errors.NotFound)
    expect(adapter.decode({ status: 404, body: '{"error":{"code":"not_found","message":"m"}}' })).toBeInstanceOf(
      v10.QueryRuntimeError,
    )
    expect(
      adapter.decode({ status: 200, body: { type: 'error', event: { code: 'c', description: 'd' } } }),
    ).toBeInstanceOf(errors.StreamErrorEvent)
    // Bytes carry no status: faunadb's class for an unknown status.
    expect(adapter.decode(new TextEncoder().encode('{"errors":[]}')).name).toBe('UnknownError')
    for (const garbage of [null, 42, 'x', new Uint8Array([0xff, 0]), { status: 'x', body: {} }, { body: () => 1 }]) {
      const e = adapter.decode(garbage as never)
      expect(e).toBeInstanceOf(v10.ProtocolError)
    }
  })
  it('recognize / normalize: ours as is, drivers by shape, anything else a ClientError', () => {
    const e = adapter.create('forbidden')
    expect(adapter.recognize(e)).toBe(e)
    expect(adapter.recognize(new Error('x'))).toBeUndefined()
    expect(normalize('boom')).toBeInstanceOf(v10.ClientError)
    expect(normalize('boom', { dialect: 'v4' })).toBeInstanceOf(errors.FaunaError)
    expect(
      coreNormalize(
        {
          name: 'NotFound',
          message: 'instance not found',
          description: 'd',
          requestResult: {
            statusCode: 404,
            responseContent: { errors: [{ code: 'instance not found', description: 'd' }] },
          },
        },
        { adapters: [adapter] },
      ),
    ).toBeInstanceOf(errors.NotFound)
    const syntax = new SyntaxError('Unexpected token < in JSON')
    const v10p = normalize(syntax, { dialect: 'v10' })
    expect(v10p).toBeInstanceOf(v10.ProtocolError)
    expect(v10p.cause).toBe(syntax)
    expect(normalize(Object.assign(new Error('c'), { code: 'ECONNREFUSED' }), { dialect: 'v10' })).toBeInstanceOf(
      v10.NetworkError,
    )
  })
})

describe('fromProblem with hostile class names', () => {
  it('never looks names up on Object.prototype', async () => {
    const { fromProblem, toProblem } = await import('@errs/core')
    const { adapter } = await import('../src/adapter.js')
    const original = adapter.create('document_not_found', 'gone', { variant: 'v10' })
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const problem = { ...toProblem(original, { exposeInternal: true }), name }
      const back = fromProblem(problem, { adapters: [adapter] })
      expect(back.code).toBe('document_not_found')
      expect(back.kind).toBe('not_found')
      // the row's class, not whatever the name would reach on Object.prototype
      expect(back).toBeInstanceOf(v10.QueryRuntimeError)
    }
  })

  it('keeps a caller message on an empty errors array', async () => {
    const { adapter } = await import('../src/adapter.js')
    const e = adapter.create('(empty "errors")', 'why it was empty', { variant: 'v4' })
    expect(e.message).toBe('(empty "errors")')
    expect(e.details.message).toBe('why it was empty')
  })
})
