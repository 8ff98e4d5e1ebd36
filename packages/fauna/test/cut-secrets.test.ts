import { inspect } from 'node:util'
import { addSecret, toProblem } from '@errs/core'
import { MAX_KEY } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import * as v4 from '../src/index.js'
import * as v10 from '../src/v10.js'

// Texts the decoders keep in `details` after cutting them to a bound (constraint-failure names and paths, query
// tags given as an object, the inner code of a v4 `call error`, a v4 description) show no beginning of a secret the
// cut falls inside, in any output. Before, these were cut with a plain `slice` and redacted afterwards: the first
// characters of a token or of a registered secret at the cut were shown.

const SECRET = 'Vq3CutCanarySecretValue'
const TOKEN = `ghp_${'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2'}`

/** `secret` starting 10 characters before `bound`: a plain cut to `bound` keeps its first 10 characters. */
function straddling(secret: string, bound: number): string {
  return `${'x'.repeat(bound - 11)} ${secret} tail`
}

function outputs(err: Error & { details: unknown }): string {
  return [
    JSON.stringify(err.details),
    JSON.stringify(err),
    JSON.stringify(toProblem(err)),
    JSON.stringify(toProblem(err, { exposeInternal: true })),
    inspect(err, { depth: 20 }),
    String(err.stack),
  ].join('\n')
}

for (const [label, secret] of [
  ['a token', TOKEN],
  ['a registered secret', SECRET],
] as const) {
  const head = secret.slice(0, 6)
  describe(`cut texts of Fauna replies: ${label} at the cut`, () => {
    it('v10 constraint failures: name and path elements (cut at MAX_KEY)', () => {
      addSecret(SECRET)
      // fauna-js 2.5.0 src/wire-protocol.ts: `ConstraintFailure { message: string; name?: string; paths?: Array<Array<number | string>> }`.
      const err = v10.getServiceError(
        {
          error: {
            code: 'constraint_failure',
            message: 'Failed to create document in collection `Users`.',
            constraint_failures: [
              {
                message: 'Document failed check constraint',
                name: straddling(secret, MAX_KEY),
                paths: [[straddling(secret, MAX_KEY), 0]],
              },
            ],
          },
        },
        400,
      )
      expect(err).toBeInstanceOf(v10.ConstraintFailureError)
      const [failure] = (err as v10.ConstraintFailureError).constraint_failures ?? []
      expect(failure?.name).toBe(`${'x'.repeat(MAX_KEY - 11)} …[truncated ${secret.length + 5} chars]`)
      expect(outputs(err)).not.toContain(head)
    })

    it('v10 query tags given as an object (cut at MAX_KEY)', () => {
      addSecret(SECRET)
      const err = v10.getServiceError(
        { error: { code: 'invalid_query', message: 'm' }, query_tags: { app: straddling(secret, MAX_KEY) } },
        400,
      )
      expect(err.queryInfo?.query_tags?.app).toBe(`${'x'.repeat(MAX_KEY - 11)} …[truncated ${secret.length + 5} chars]`)
      expect(outputs(err)).not.toContain(head)
    })

    it('v4 call error: the inner code kept in details (cut at MAX_KEY)', () => {
      addSecret(SECRET)
      // faunadb 4.8.2 src/errors.js: a `call error` carries the UDF's errors in `cause`.
      const body = {
        errors: [
          {
            position: [],
            code: 'call error',
            description: 'Calling the function resulted in an error.',
            cause: [{ position: [], code: straddling(secret, MAX_KEY), description: 'd' }],
          },
        ],
      }
      const err = v4.fromHttp({ status: 400, body: JSON.stringify(body) }) as v4.FaunaHTTPError
      expect(err.details.innerCode).toBe(`${'x'.repeat(MAX_KEY - 11)} …[truncated ${secret.length + 5} chars]`)
      expect(outputs(err)).not.toContain(head)
    })

    it('v4 description (cut at 16 KiB)', () => {
      addSecret(SECRET)
      const body = { errors: [{ position: [], code: 'invalid ref', description: straddling(secret, 16 * 1024) }] }
      const err = v4.fromHttp({ status: 400, body: JSON.stringify(body) }) as v4.FaunaHTTPError
      expect(err.description?.endsWith(`…[truncated ${secret.length + 5} chars]`)).toBe(true)
      expect(outputs(err)).not.toContain(head)
    })
  })
}
