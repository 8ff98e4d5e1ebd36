import { inspect } from 'node:util'
import { addSecret, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { fromErrorResponse, normalize } from '../src/index.js'

// `ErrorResponse.context` keys are redacted as its values are: a secret or a token used as a key reaches no output
// (details, JSON.stringify, toProblem public and trusted, util.inspect).

const SECRET = 'Zq9AttackCanarySecret'
const TOKEN = `ghp_${'A'.repeat(36)}`

function leaks(err: Error & { details: unknown }, secret: string): string[] {
  const outputs: Record<string, string> = {
    details: JSON.stringify(err.details),
    json: JSON.stringify(err),
    problem: JSON.stringify(toProblem(err)),
    trusted: JSON.stringify(toProblem(err, { exposeInternal: true })),
    inspect: inspect(err, { depth: 10 }),
  }
  return Object.entries(outputs)
    .filter(([, text]) => text.includes(secret))
    .map(([name]) => name)
}

describe('Lance decoders: a secret in a context key', () => {
  const decoders = [
    ['fromErrorResponse', fromErrorResponse],
    ['normalize (REST body)', normalize],
  ] as const
  for (const secret of [SECRET, TOKEN]) {
    const what = secret === SECRET ? 'registered secret' : 'token'
    const body = { code: 4, error: 'not found', context: { [secret === SECRET ? `x-${secret}` : secret]: 'v' } }
    for (const [name, decode] of decoders) {
      it(`${name} keeps no ${what} from a context key`, () => {
        addSecret(SECRET)
        expect(leaks(decode(body), secret)).toEqual([])
      })
    }
  }
})

describe('Lance decoders: a long context key that names a secret', () => {
  it('hides its value (the key is judged whole, before it is cut)', () => {
    // The spec's ErrorResponse.context is string key/values (lance-namespace spec.yaml, ErrorResponse). A key of more
    // than 256 characters was cut first, into a key that no longer named a secret, and its value was kept.
    const key = `api_key_${'x'.repeat(300)}`
    const err = fromErrorResponse({ code: 4, error: 'e', context: { [key]: 'hunter2value' } })
    expect(JSON.stringify(err.details)).not.toContain('hunter2value')
    expect(JSON.stringify(toProblem(err, { exposeInternal: true }))).not.toContain('hunter2value')
  })
})
