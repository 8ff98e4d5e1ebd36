import fc from 'fast-check'
import { expect } from 'vitest'
import { ErrsError } from '../../src/index.js'
import { MAX_RAW, MAX_STRING } from '../../src/kit.js'

// Shared by every adapter's property test of its decoders (`decoders-property.test.ts`): the hostile values a decoder
// may be handed, and the checks every decoded error passes.

/** Values a decoder may be handed: JSON (with `__proto__` keys as JSON.parse makes them), any value, errors, hostile objects. */
export const hostileConstants = (): unknown[] => {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const trapAll = new Proxy(
    {},
    new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('trap')
        },
      },
    ),
  )
  const getters: Record<string, unknown> = {}
  for (const k of ['message', 'code', 'status', 'body', 'headers', 'name', 'error', 'errors', 'cause', 'data']) {
    Object.defineProperty(getters, k, {
      enumerable: true,
      get() {
        throw new Error(`getter ${k}`)
      },
    })
  }
  let n = 0
  const toctou: Record<string, unknown> = {}
  for (const k of ['message', 'code', 'status', 'error', 'error_code', 'error_message', 'errors', 'body']) {
    Object.defineProperty(toctou, k, {
      enumerable: true,
      get: () => (++n % 2 === 0 ? 'text' : { toString: () => ({}) }),
    })
  }
  const sparse: unknown[] = []
  sparse.length = 2 ** 32 - 1
  return [
    revoked.proxy,
    trapAll,
    getters,
    toctou,
    sparse,
    { errors: sparse, error: sparse },
    JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"error":{"__proto__":{"polluted":1}}}',
    ),
  ]
}

export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})

export const jsonValue = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)

export const errorValue = fc
  .record(
    {
      name: fc.oneof(fc.string(), anyValue),
      message: fc.oneof(fc.string(), anyValue),
      code: fc.oneof(fc.integer(), fc.string(), anyValue),
      status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.double(), fc.string()),
      cause: anyValue,
    },
    { requiredKeys: [] },
  )
  .map((fields) => Object.assign(new Error('thrown'), fields))

/**
 * A value to decode, as a recipe: fast-check inspects generated values (a `has` on a revoked Proxy throws), so the
 * hostile objects are made inside the property (`make`).
 */
export const hostileValue = fc.oneof(
  fc.tuple(fc.constant(-1), jsonValue),
  fc.tuple(fc.constant(-1), anyValue),
  fc.tuple(fc.constant(-1), errorValue),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constant(undefined)),
)

export function make([hostile, value]: [number, unknown]): unknown {
  return hostile < 0 ? value : hostileConstants()[hostile]
}

/** The checks every decoded error passes: the system's class, bounded raw and message, no pollution. */
export function checkDecoded(e: unknown): void {
  expect(e).toBeInstanceOf(ErrsError)
  const err = e as ErrsError
  const raw = err.details.raw
  if (raw !== undefined) expect(typeof raw === 'string' && raw.length <= MAX_RAW + 64).toBe(true)
  expect(err.message.length).toBeLessThanOrEqual(MAX_STRING + 64)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()
