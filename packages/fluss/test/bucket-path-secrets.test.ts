import { inspect } from 'node:util'
import { addSecret, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { collectBucketErrors, decodeGatewayResponse, fromBucketError } from '../src/index.js'

// The promises checked here: secrets never appear in any output — `details` above all, which structured loggers
// write as it is — and what a decoder keeps is bounded. `collectBucketErrors` records where an entry sits as
// `details.path`, built from the keys of the response it walks (untrusted input), and `fromBucketError` keeps the
// caller's `path`: a key holding a registered secret or a token, or a key of megabytes, must not rest there as it is.

const SECRET = 'Zq9BucketPathCanary'
const TOKEN = `ghp_${'B'.repeat(36)}`

function outputs(err: Error & { details: unknown }): string {
  return [
    JSON.stringify(err.details),
    JSON.stringify(err),
    JSON.stringify(toProblem(err, { exposeInternal: true })),
    inspect(err, { depth: 10 }),
  ].join('\n')
}

describe('details.path of per-bucket errors', () => {
  it('holds no registered secret or token taken from a key of the response', () => {
    addSecret(SECRET)
    for (const key of [SECRET, TOKEN]) {
      const [err] = collectBucketErrors({ [key]: [{ error_code: 7, error_message: 'm' }] })
      expect(err?.details.path).toBeTypeOf('string')
      expect(outputs(err as Error & { details: unknown })).not.toContain(key)
    }
    // An ordinary path is kept as it is.
    expect(collectBucketErrors({ bucketsResp: [{ error_code: 7 }] })[0]?.details.path).toBe('bucketsResp[0]')
  })

  it('is bounded (1,024 characters and the cut marker), whatever the length of the keys', () => {
    const [err] = collectBucketErrors({ ['k'.repeat(1_000_000)]: [{ error_code: 7 }] })
    const path = err?.details.path as string
    expect(path.replace(/…\[truncated \d+ chars\]$/, '').length).toBeLessThanOrEqual(1024)
  })

  it("holds no credential of the caller's path", () => {
    const err = fromBucketError({ error_code: 7 }, { path: `s3://user:${SECRET}@bucket/x` })
    expect(outputs(err as Error & { details: unknown })).not.toContain(SECRET)
  })
})

describe('details.gatewayCode of a gateway reply', () => {
  // The gateway's `error.code` is kept in `details.gatewayCode` when it has the shape of an identifier (lower case,
  // digits, `_`): a registered secret or a token of that shape (`sk_live_…`, `npm_…`) has it too, and must not rest in
  // `details` (structured loggers write it as it is).
  it('keeps no code that redaction would change', () => {
    const lower = 'zq9_gateway_code_canary'
    addSecret(lower)
    for (const code of [lower, `sk_live_${'c'.repeat(24)}`, `npm_${'d'.repeat(36)}`]) {
      const err = decodeGatewayResponse({ status: 404, body: { error: { code, message: 'm', request_id: 'r' } } })
      expect(outputs(err)).not.toContain(code)
    }
    const known = decodeGatewayResponse({ status: 418, body: { error: { code: 'teapot_code', message: 'm' } } })
    expect(known.details.gatewayCode).toBe('teapot_code')
  })
})
