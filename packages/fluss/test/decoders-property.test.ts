import { ErrsError, fromProblem, fromResponse, normalize } from '@errs/core'
import { MAX_RAW, MAX_STRING } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  collectBucketErrors,
  decodeErrorJson,
  decodeGatewayResponse,
  FlussError,
  fromBucketError,
} from '../src/index.js'
import { decodeErrorResponse, decodeResponseFrame } from '../src/wire.js'

// Every Fluss decoder, for any input (JSON, any value, thrown errors, hostile objects, bytes): never throws, gives a
// FlussError (an ErrsError), its raw payload and message bounded, Object.prototype untouched.

/** Values a decoder may be handed: JSON (with `__proto__` keys as JSON.parse makes them), any value, errors, hostile objects. */
const hostileConstants = (): unknown[] => {
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

const anyValue = fc.anything({
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

const jsonValue = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)

const errorValue = fc
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
const hostileValue = fc.oneof(
  fc.tuple(fc.constant(-1), jsonValue),
  fc.tuple(fc.constant(-1), anyValue),
  fc.tuple(fc.constant(-1), errorValue),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constant(undefined)),
)

function make([hostile, value]: [number, unknown]): unknown {
  return hostile < 0 ? value : hostileConstants()[hostile]
}

/** The checks every decoded error passes: the system's class, bounded raw and message, no pollution. */
function checkDecoded(e: unknown): void {
  expect(e).toBeInstanceOf(ErrsError)
  const err = e as ErrsError
  const raw = err.details.raw
  if (raw !== undefined) expect(typeof raw === 'string' && raw.length <= MAX_RAW + 64).toBe(true)
  expect(err.message.length).toBeLessThanOrEqual(MAX_STRING + 64)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

/** Bytes as a Fluss `ErrorResponse` or response frame might arrive: random, or protobuf-like (tags, varints). */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  fc
    .array(fc.constantFrom(0x08, 0x10, 0x12, 0x1a, 0x7f, 0x80, 0xff, 0x00, 0x01, 0x0f), { maxLength: 64 })
    .map((a) => Uint8Array.from(a)),
)

describe('Fluss decoders: any input gives a bounded FlussError', () => {
  it('bytes: decodeErrorResponse, decodeResponseFrame, adapter.decode', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        for (const e of [decodeErrorResponse(input), adapter.decode(input)]) {
          expect(e).toBeInstanceOf(FlussError)
          checkDecoded(e)
        }
        const frame = decodeResponseFrame(input)
        const error = (frame as { error?: unknown }).error
        if (error !== undefined) checkDecoded(error)
      }),
      { numRuns: 200 },
    )
  })

  it('values: decodeErrorJson, decodeGatewayResponse, bucket errors, normalize, fromProblem', () => {
    fc.assert(
      fc.property(hostileValue, fc.integer({ min: 0, max: 700 }), (recipe, status) => {
        const value = make(recipe)
        const made: unknown[] = [
          decodeErrorJson(value),
          decodeGatewayResponse(value),
          decodeGatewayResponse({ status, body: value }),
          adapter.decode({ status, body: value }),
          normalize(value, { adapters: [adapter] }),
          fromProblem(value, { adapters: [adapter] }),
        ]
        const own = fromBucketError(value)
        if (own !== undefined) made.push(own)
        made.push(...collectBucketErrors(value))
        const recognized = adapter.recognize(value)
        if (recognized !== undefined) made.push(recognized)
        for (const e of made.slice(0, 4)) expect(e).toBeInstanceOf(FlussError)
        for (const e of made) checkDecoded(e)
      }),
      { numRuns: 200 },
    )
  })

  it('fromResponse with the adapter: any status, headers and body', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, fc.integer({ min: 0, max: 700 }), async (h, b, status) => {
        const reply = { status, headers: make(h), body: make(b) }
        checkDecoded(await fromResponse(reply, { adapters: [adapter] }))
      }),
      { numRuns: 100 },
    )
  })
})
