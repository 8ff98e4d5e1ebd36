import { type Adapter, fromProblem, normalize, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode, FLUSS_CODES, FlussError, adapter as jsonAdapter } from '../src/index.js'
import { adapter as wireAdapter } from '../src/wire.js'

fc.configureGlobal({ seed: 20260822 })

const core = (e: FlussError) => [e.code, e.reason, e.kind, e.status, e.retryable, e.message]

describe.each([
  ['@errs/fluss (HTTP JSON wire)', jsonAdapter],
  ['@errs/fluss/wire (ErrorResponse bytes)', wireAdapter],
] as const)('adapter of %s', (_name, adapter: Adapter<FlussError>) => {
  it('describes the system and its full table', () => {
    expect(adapter.system).toBe('fluss')
    expect(adapter.codes).toHaveLength(76)
    expect(adapter.codes).toBe(FLUSS_CODES)
  })

  it('creates, encodes/decodes and rebuilds from problem+json every row', () => {
    for (const row of adapter.codes) {
      const e = adapter.create(row.code, undefined, row.variant === undefined ? {} : { variant: row.variant })
      expect(e).toBeInstanceOf(FlussError)
      expect(core(e)).toEqual([row.code, row.reason, row.kind, row.status, row.retryable, row.message])
      expect(e.name).toBe(row.className)
      const decoded = adapter.decode(adapter.encode(e))
      expect(decoded).toBeInstanceOf(FlussError)
      expect(core(decoded)).toEqual(core(e))
      const rebuilt = fromProblem(JSON.parse(JSON.stringify(toProblem(e, { exposeInternal: true }))), {
        adapters: [adapter],
      })
      expect(rebuilt).toBeInstanceOf(FlussError)
      expect(core(rebuilt as FlussError)).toEqual(core(e))
      expect((rebuilt as FlussError).error_code).toBe(row.code)
    }
  })

  it('creates by Java name and keeps unknown codes', () => {
    expect(adapter.create('TABLE_NOT_EXIST').error_code).toBe(7)
    expect(adapter.create('74').error_code).toBe(74)
    const e = adapter.create(120, 'new in 2.0', { requestId: 'r1', details: { bucketId: 3 } })
    expect([e.error_code, e.kind, e.retryable, e.message, e.requestId, e.details.bucketId]).toEqual([
      120,
      'unknown',
      false,
      'new in 2.0',
      'r1',
      3,
    ])
    expect(adapter.decode(adapter.encode(e)).error_code).toBe(120)
    const named = adapter.create('NO_SUCH_NAME')
    expect([named.error_code, named.details.requestedCode]).toEqual([-2, 'NO_SUCH_NAME'])
  })

  it('keeps sharper kinds and other core fields through problem+json', () => {
    const refused = normalizeWith(adapter, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    const back = fromProblem(toProblem(refused, { exposeInternal: true }), { adapters: [adapter] }) as FlussError
    expect(back).toBeInstanceOf(FlussError)
    expect([back.error_code, back.kind, back.status, back.retryable]).toEqual([1, 'unavailable', 503, true])
    const aborted = normalizeWith(adapter, new DOMException('aborted', 'AbortError'))
    const again = fromProblem(toProblem(aborted, { exposeInternal: true }), { adapters: [adapter] }) as FlussError
    expect([again.error_code, again.kind, again.status, again.retryable]).toEqual([-2, 'cancelled', 499, false])
    const future = fromProblem(toProblem(new FlussError('x', 99, { reason: 'NEW_THING' }), { exposeInternal: true }), {
      adapters: [adapter],
    })
    expect([future.code, future.reason]).toEqual([99, 'NEW_THING'])
    const newer = fromProblem(
      {
        type: 'urn:errs:fluss:SHINY_NEW',
        // What toProblem writes: the class to rebuild (a newer peer's FlussError).
        name: 'FlussError',
        system: 'fluss',
        code: 99,
        reason: 'SHINY_NEW',
        kind: 'aborted',
        detail: 'd',
      },
      { adapters: [adapter] },
    ) as FlussError
    expect([newer.error_code, newer.reason, newer.kind, newer.message]).toEqual([99, 'SHINY_NEW', 'aborted', 'd'])
  })

  it('recognizes and normalizes through core', () => {
    expect(normalize({ error_code: 7 }, { adapters: [adapter] })).toBeInstanceOf(FlussError)
    expect(adapter.recognize(new Error('x'))).toBeUndefined()
    expect(normalizeWith(adapter, new Error('x')).error_code).toBe(ErrorCode.CLIENT_ERROR)
  })

  it('decodes HTTP replies with JSON or a gateway envelope', () => {
    const json = adapter.decode({ status: 404, headers: { 'x-request-id': 'q' }, body: '{"error_code":7}' })
    expect([json.error_code, json.status, json.requestId]).toEqual([7, 404, 'q'])
    const gateway = adapter.decode({ status: 409, body: { error: { code: 'table_already_exists', message: 'm' } } })
    expect(gateway.error_code).toBe(8)
  })

  it('property: decode of anything never throws and gives a FlussError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.record({ status: fc.integer(), body: fc.jsonValue() }),
          fc.anything(),
        ),
        (wire) => {
          expect(adapter.decode(wire as never)).toBeInstanceOf(FlussError)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('the two adapters', () => {
  it('differ only in their wire form', () => {
    const e = new FlussError('x', 7)
    expect(wireAdapter.encode(e)).toBeInstanceOf(Uint8Array)
    expect(jsonAdapter.encode(e)).toEqual({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { error_code: 7, error_message: 'x' },
    })
    const bytes = jsonAdapter.decode(new Uint8Array([8, 7]))
    expect([bytes.error_code, bytes.message]).toEqual([
      -2,
      expect.stringMatching(/use the adapter of @errs\/fluss\/wire/),
    ])
  })
})
