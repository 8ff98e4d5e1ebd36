import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  fromErrorCode,
  fromErrorResponse,
  LanceNamespaceError,
  normalize,
  toErrorResponse,
} from '../src/index.js'

const statuses = fc.oneof(
  fc.constantFrom(400, 401, 403, 404, 406, 409, 429, 500, 502, 503),
  fc.integer({ min: 0, max: 999 }),
)
const anyBody = fc.oneof(
  fc.anything(),
  fc.json(),
  fc.string(),
  fc.record(
    {
      code: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      error: fc.oneof(fc.string(), fc.integer()),
      detail: fc.anything(),
      instance: fc.anything(),
      context: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()),
      type: fc.string(),
      title: fc.string(),
      status: fc.integer(),
      ['__proto__']: fc.anything(),
    },
    { requiredKeys: [] },
  ),
)

describe('properties', () => {
  it('fromErrorResponse never throws and always gives a Lance error', () => {
    fc.assert(
      fc.property(anyBody, fc.option(statuses, { nil: undefined }), (body, status) => {
        const e = fromErrorResponse(body, status === undefined ? {} : { status })
        expect(e).toBeInstanceOf(LanceNamespaceError)
        expect(typeof e.code).toBe('number')
        expect(e.message.length).toBeLessThanOrEqual(16 * 1024 + 64)
      }),
      { numRuns: 400 },
    )
  })

  it('unreadable bodies keep the raw input, bounded', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !isJsonObject(s)),
        (text) => {
          const e = fromErrorResponse(text, { status: 500 })
          expect(typeof e.details.raw).toBe('string')
          expect((e.details.raw as string).length).toBeLessThanOrEqual(4 * 1024 + 64)
        },
      ),
    )
  })

  it('a valid ErrorResponse round-trips through toErrorResponse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.string({ maxLength: 200 }).filter((s) => !/secret|password|token|bearer|basic|key|credential/i.test(s)),
        fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
        (code, message, detail) => {
          const e = fromErrorCode(code, message, detail === undefined ? {} : { detail })
          const reply = toErrorResponse(e, { exposeInternal: true })
          const back = adapter.decode(reply)
          expect(back.code).toBe(e.code)
          expect(back.name).toBe(e.name)
          expect(back.message).toBe(e.message)
          expect(back.detail).toBe(e.detail)
          expect(back.status).toBe(e.status)
          // And through JSON text, as on the wire.
          const text = adapter.decode({
            status: reply.status,
            headers: reply.headers,
            body: JSON.stringify(reply.body),
          })
          expect(text.code).toBe(e.code)
          // The public form (what toErrorResponse writes by default) never carries detail.
          expect(toErrorResponse(e)).not.toHaveProperty('body.detail')
        },
      ),
    )
  })

  it('normalize never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, message) => {
        expect(normalize(value)).toBeInstanceOf(LanceNamespaceError)
        expect(normalize(Object.assign(new Error(message), { code: 'GenericFailure' }))).toBeInstanceOf(
          LanceNamespaceError,
        )
      }),
    )
  })
})

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s)
    return v !== null && typeof v === 'object' && !Array.isArray(v)
  } catch {
    return false
  }
}
