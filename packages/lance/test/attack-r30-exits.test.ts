import { normalize as coreNormalize, fromProblem, redactString, toProblem } from '@errs/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkExits,
  checkText,
  exitText,
  INTERNAL_BITS,
  internalIn,
  registerR30Secret,
  SECRET_BITS,
  thrownOf,
  thrownSpecs,
} from '../../core/test/support/attack-r30.js'
import { adapter, fromErrorResponse, LanceNamespaceError, normalize, recognize, toErrorResponse } from '../src/index.js'
import { lancedbError } from './support/lancedb.js'

// A fixed seed, so that CI runs the same inputs each time (a failure can be replayed); run with another seed by hand
// (`fc.configureGlobal({ seed: Date.now() })`) to explore.
fc.configureGlobal({ seed: 20261207 })

registerR30Secret()

// Round 30: Lance's exits. What `@lancedb/lancedb` throws (a plain Error with `code: 'GenericFailure'`, its message in
// the forms of test/vectors/lancedb-messages.json, recorded from @lancedb/lancedb 0.39.0) and any other thrown value,
// carrying secrets and internals, normalized, then written as a problem, a Response and an ErrorResponse.

/** What @lancedb/lancedb 0.39.0 throws: a plain Error whose only own property is code 'GenericFailure'. */

/** Bare HTTP statuses as a `db://` connection echoes them (see lancedb.test.ts), with tainted text after them. */
const BARE = ['Http error: (request_id=r1) 404 Not Found: ', 'Http error: (request_id=r2) 500 Internal Server Error: ']

const RUST =
  ', /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-namespace-impls-12.0.0/src/rest.rs:567:74'

/** LanceDB messages (the recorded forms) with `t` in each place a server's or a library's text goes. */
function lancedbMessages(t: string): string[] {
  const j = JSON.stringify(t).slice(1, -1)
  return [
    `Table '${t}' was not found  Caused by: Http error: (request_id=req-1) {"error":"${j}","code":4,"detail":"${j}","instance":"${j}"}`,
    `Http error: (request_id=abc) 409 Conflict: {"error":"${j}","code":5,"context":{"${j}":"${j}"}}  Caused by: 409 Conflict: {"error":"${j}","code":5}`,
    `Hit retry limit for request_id=b2 (request_failures=0/0, connect_failures=1/0, read_failures=0/0)  Caused by: error sending request for url (http://10.1.2.3:9123/v1/table/)    Caused by: ${t}`,
    `lance error: Namespace error: Throttling: ${t}${RUST}  Caused by: Namespace error: Throttling: ${t}${RUST}`,
    `Table 'nope' was not found  Caused by: Dataset at path /srv/app/data/nope.lance was not found: Not found: ${t}${RUST}`,
    `lance error: Namespace error: Namespace already exists: ${t}${RUST}`,
    `Invalid input, ${t}`,
    `LanceDBError: not supported: ${t}`,
    `Runtime error: ${t}`,
    `Table '${t}' already exists`,
  ]
}

function checkWire(e: unknown, foreign: boolean): void {
  const pub = toErrorResponse(e)
  checkText('ErrorResponse', JSON.stringify({ ...pub, headers: { ...pub.headers, 'x-request-id': undefined } }), {
    foreign,
  })
  checkText('trusted ErrorResponse', JSON.stringify(toErrorResponse(e, { exposeInternal: true })), { trusted: true })
}

describe('Lance normalize and its exits', () => {
  it('@lancedb/lancedb errors with tainted text in every place', async () => {
    await fc.assert(
      fc.asyncProperty(exitText, fc.nat({ max: 11 }), async (t, i) => {
        const message = [...lancedbMessages(t), ...BARE.map((b) => b + t)][i] as string
        const raw = lancedbError(message)
        const made = [
          normalize(raw),
          normalize(raw, { operation: 'DescribeTable' }),
          coreNormalize(raw, { adapters: [adapter] }),
        ]
        for (const e of made) {
          expect(e).toBeInstanceOf(LanceNamespaceError)
          const keeps = internalIn(redactString(message))
          await checkExits(e, keeps !== undefined ? { trustedKeeps: keeps } : {})
          checkWire(e, false)
          // Sent to a service of ours in the trusted form, rebuilt there and written publicly.
          const hop = fromProblem(JSON.stringify(toProblem(e, { exposeInternal: true })), { adapters: [adapter] })
          expect(hop).toBeInstanceOf(LanceNamespaceError)
          await checkExits(hop)
          checkWire(hop, false)
        }
        checkWire(raw, false)
      }),
      { numRuns: 150 },
    )
  })

  it('any other thrown value: wrapped, its own text never public', async () => {
    await fc.assert(
      fc.asyncProperty(thrownSpecs, async (spec) => {
        const value = thrownOf(spec)
        const foreign = recognize(value) === undefined
        const readable = foreign && spec.shape !== 'getters' && spec.shape !== 'traps'
        const keeps = readable ? internalIn(redactString(spec.text)) : undefined
        const e = normalize(value)
        expect(e).toBeInstanceOf(LanceNamespaceError)
        await checkExits(e, { foreign, ...(keeps !== undefined ? { trustedKeeps: keeps } : {}) })
        checkWire(e, foreign)
        checkWire(value, foreign)
        // With an operation (bare HTTP statuses echoed by `db://` connections are decoded by it).
        const withOp = normalize(value, { operation: 'DescribeTable' })
        await checkExits(withOp, { foreign: recognize(value, { operation: 'DescribeTable' }) === undefined })
      }),
      { numRuns: 200 },
    )
  })

  it('ErrorResponse bodies with tainted keys and values: the exits of the decoded error', async () => {
    const member = fc.oneof(exitText, fc.constantFrom(...INTERNAL_BITS, ...SECRET_BITS))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(2, 4, 5, 6, 13, 18, 21),
        member,
        member,
        fc.dictionary(fc.oneof(member, fc.constantFrom('table', 'host')), member, { maxKeys: 4 }),
        async (code, error, instance, context) => {
          const e = fromErrorResponse({ code, error, detail: error, instance, context }, { status: 400 })
          await checkExits(e)
          checkWire(e, false)
        },
      ),
      { numRuns: 150 },
    )
  })
})
