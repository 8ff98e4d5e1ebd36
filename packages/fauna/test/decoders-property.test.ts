import { normalize as coreNormalize, fromProblem } from '@errs/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDecoded, hostileValue, make } from '../../core/test/support/decoder-property.js'
import { adapter, isFaunaError, normalize, recognize } from '../src/adapter.js'
import { fromHttp, fromResponse, fromStreamEvent } from '../src/index.js'
import * as v10 from '../src/v10.js'

// Every Fauna decoder (v4 and v10), for any input (JSON, any value, thrown errors, hostile objects, bytes): never
// throws, gives a Fauna error (an ErrsError), its raw payload and message bounded, Object.prototype untouched.

describe('Fauna decoders: any input gives a bounded Fauna error', () => {
  it('replies, events, feed pages and thrown values', () => {
    fc.assert(
      fc.property(
        hostileValue,
        fc.integer({ min: 0, max: 700 }),
        fc.uint8Array({ maxLength: 128 }),
        (recipe, status, bytes) => {
          const value = make(recipe)
          const made: unknown[] = [
            fromHttp({ status, body: value }),
            fromHttp({ status, body: bytes }),
            v10.fromHttp({ status, body: value }),
            adapter.decode({ status, body: value }),
            adapter.decode(bytes),
            v10.getServiceError(value as never, status),
            normalize(value),
            v10.normalize(value),
          ]
          for (const e of made) expect(isFaunaError(e)).toBe(true)
          made.push(coreNormalize(value, { adapters: [adapter] }), fromProblem(value, { adapters: [adapter] }))
          for (const e of [
            recognize(value),
            fromStreamEvent(value),
            v10.fromStreamEvent(value),
            v10.fromFeedPage(value),
          ])
            if (e !== undefined) made.push(e)
          for (const e of made) checkDecoded(e)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('fromResponse (v4 and v10): any status, headers and body', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, fc.integer({ min: 0, max: 700 }), async (h, b, status) => {
        for (const decode of [fromResponse, v10.fromResponse]) {
          const e = await decode({ status, headers: make(h), body: make(b) } as never)
          expect(isFaunaError(e)).toBe(true)
          checkDecoded(e)
        }
      }),
      { numRuns: 100 },
    )
  })
})
