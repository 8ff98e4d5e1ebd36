import { fromResponse as coreFromResponse, fromProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  attackReplies,
  checkAttacked,
  hostileObjects,
  parsedJson,
  taintedJson,
  taintedText,
} from '../../core/test/support/attack-r29.js'
import {
  adapter,
  CODES,
  fromErrorCode,
  fromErrorResponse,
  fromLanceDbMessage,
  fromResponse,
  InternalError,
  LanceNamespaceError,
  normalize,
  toErrorResponse,
} from '../src/index.js'

// A fixed seed, so that CI runs the same inputs each time (a failure can be replayed); run with another seed by hand
// (`fc.configureGlobal({ seed: Date.now() })`) to explore.
fc.configureGlobal({ seed: 20261130 })

// Round 29: every Lance decoder attacked as a hostile namespace server (or a LanceDB message) would: secrets and
// internals in every text field, wrong types, hostile objects and headers. Each gives a LanceNamespaceError with no
// secret in any output and no internal in the public problem, Response or ErrorResponse.

const HEADS = [
  ...CODES.map((row) => `${row.rustPrefix}: `),
  'lance error: ',
  'Namespace error: ',
  'Runtime error: ',
  'Http error: (request_id=req-1) 500 Internal Server Error: ',
  'Table not found: ',
  'lance error: Not found: ',
  '',
]

/** The public ErrorResponse of an error: no secret, no internal. */
function checkWire(e: unknown): void {
  const reply = toErrorResponse(e)
  // Without `x-request-id`: a peer's request id is echoed as given, a design question reported apart.
  const text = JSON.stringify({ ...reply, headers: { ...reply.headers, 'x-request-id': undefined } })
  for (const mark of ['CANARY', 'fnAAAAAAAAAAAAAAA', 'INTRNL', '10.13.37.42', '\n    at '])
    if (text.includes(mark)) throw new Error(`${mark} in toErrorResponse: ${text}`)
}

describe('Lance decoders under attack', () => {
  it('ErrorResponse bodies: tainted text, wrong types, __proto__ keys; any status and headers', async () => {
    await fc.assert(
      fc.asyncProperty(attackReplies(parsedJson), async ({ value, body, status, headers }) => {
        const made = [
          fromErrorResponse(body, { status, headers } as never),
          fromErrorResponse(value),
          adapter.decode({ status, headers, body } as never),
          normalizeWith(adapter, value),
          normalize(value),
          await fromResponse({ status, headers, body, url: 'https://INTRNLHOST.corp/v1/table/t/describe' } as never),
        ]
        for (const e of made) {
          await checkAttacked(e, LanceNamespaceError)
          checkWire(e)
        }
        await checkAttacked(fromProblem(value, { adapters: [adapter] }))
        await checkAttacked(await coreFromResponse({ status, headers, body } as never, { adapters: [adapter] }))
      }),
      { numRuns: 60 },
    )
  })

  it('ErrorResponse members one by one: a code, a tainted error/detail/instance/context', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(Number.NaN, 1.5, 2 ** 40, '4', null)),
        fc.constantFrom('error', 'detail', 'instance', 'context', 'type', 'title', 'message'),
        fc.oneof(taintedText, taintedJson),
        async (code, k, v) => {
          const body = { error: 'e', code, [k]: v }
          const e = fromErrorResponse(body, { status: 500 })
          await checkAttacked(e, LanceNamespaceError)
          checkWire(e)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('fromErrorCode: any code, tainted message and options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(Number.NaN, Infinity, 2 ** 40, 1.5)),
        taintedText,
        fc.record({ detail: taintedText, instance: taintedText, requestId: taintedText }, { requiredKeys: [] }),
        async (code, message, options) => {
          const e = fromErrorCode(code, message, options)
          await checkAttacked(e, LanceNamespaceError)
          checkWire(e)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('LanceDB messages: Rust prefixes, wrappers, causes, tainted text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...HEADS), taintedText), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(', ', ': ', '\nCaused by: ', ' at /home/u/.cargo/registry/src/lance-0.20/src/io.rs:12:5, '),
        fc.boolean(),
        async (parts, sep, typescriptOnly) => {
          const message = parts.map(([h, t]) => h + t).join(sep)
          const e = fromLanceDbMessage(message, { typescriptOnly, cause: new Error(message) })
          if (e !== undefined) {
            await checkAttacked(e, LanceNamespaceError)
            checkWire(e)
          }
          const thrown = Object.assign(new Error(message), { code: 'GenericFailure' })
          const n = normalize(thrown)
          await checkAttacked(n, LanceNamespaceError)
          checkWire(n)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('hostile objects: every decoder', async () => {
    for (const value of hostileObjects()) {
      for (const e of [
        fromErrorResponse(value, value as never),
        normalize(value),
        normalizeWith(adapter, value),
        adapter.decode(value as never),
        fromErrorCode(value as never, value as never, value as never),
        await fromResponse(value as never),
      ]) {
        await checkAttacked(e, LanceNamespaceError)
        checkWire(e)
      }
      expect(fromLanceDbMessage(value as never, value as never)).toBeUndefined()
    }
  })

  it('big and deep inputs: 100k-level nesting, 2 MiB of secrets', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const deepObj = `${'{"context":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    const huge = `{"code":4,"error":"${'password=CANARY_x9big '.repeat(95_000)}"}`
    for (const text of [deep, deepObj, huge]) {
      await checkAttacked(fromErrorResponse(text, { status: 500 }), LanceNamespaceError)
      const db = fromLanceDbMessage(`lance error: ${text}`)
      if (db !== undefined) await checkAttacked(db, LanceNamespaceError)
    }
  })
})

describe('round 29 regressions', () => {
  const throwing = {
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive')
    },
  }

  it('a code option that is no finite number (a throwing object) gives INTERNAL, never a throw', () => {
    for (const e of [
      new InternalError(undefined, { code: throwing as never }),
      fromErrorCode(Number.NaN, undefined, { code: throwing } as never),
      new InternalError(undefined, { code: {} as never }),
      new InternalError(undefined, { code: '4' as never }),
    ]) {
      expect(e).toBeInstanceOf(InternalError)
      expect(e.code).toBe(18)
      expect(e.message).toBe('Unexpected server/implementation error')
    }
    expect(new InternalError(undefined, { code: 99 }).code).toBe(99)
  })

  it('the public ErrorResponse keeps no host or address in instance (core toProblem scrubs it as the title)', () => {
    const e = fromErrorResponse({ code: 4, error: 'Table t not found', instance: 'table t at db-7.internal:9123' })
    expect(toErrorResponse(e).body.instance).toBe('table t at [internal]')
    expect(toErrorResponse(e, { exposeInternal: true }).body.instance).toBe('table t at db-7.internal:9123')
  })
})
