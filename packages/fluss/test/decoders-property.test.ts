import { fromProblem, fromResponse, normalize } from '@errs/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDecoded, hostileValue, make } from '../../core/test/support/decoder-property.js'
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
