import { normalize as coreNormalize, fromProblem } from '@errs/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDecoded, hostileValue, make } from '../../core/test/support/decoder-property.js'
import {
  adapter,
  fromErrorResponse,
  fromLanceDbMessage,
  fromResponse,
  LanceNamespaceError,
  normalize,
  recognize,
} from '../src/index.js'

// Every Lance decoder, for any input (JSON, any value, thrown errors, hostile objects, bytes): never throws, gives a
// LanceNamespaceError (an ErrsError), its raw payload and message bounded, Object.prototype untouched.

describe('Lance decoders: any input gives a bounded LanceNamespaceError', () => {
  it('bodies, replies and thrown values: fromErrorResponse, adapter.decode, normalize, recognize, fromProblem', () => {
    fc.assert(
      fc.property(
        hostileValue,
        fc.integer({ min: 0, max: 700 }),
        fc.uint8Array({ maxLength: 128 }),
        (recipe, status, bytes) => {
          const value = make(recipe)
          const made: unknown[] = [
            fromErrorResponse(value),
            fromErrorResponse(value, { status }),
            adapter.decode({ status, body: value }),
            adapter.decode(bytes),
            normalize(value),
          ]
          for (const e of made) expect(e).toBeInstanceOf(LanceNamespaceError)
          made.push(coreNormalize(value, { adapters: [adapter] }), fromProblem(value, { adapters: [adapter] }))
          for (const e of [recognize(value), fromLanceDbMessage(value as string)]) if (e !== undefined) made.push(e)
          for (const e of made) checkDecoded(e)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('fromResponse: any status, headers and body', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, fc.integer({ min: 0, max: 700 }), async (h, b, status) => {
        const e = await fromResponse({ status, headers: make(h), body: make(b) } as never)
        expect(e).toBeInstanceOf(LanceNamespaceError)
        checkDecoded(e)
      }),
      { numRuns: 100 },
    )
  })
})
