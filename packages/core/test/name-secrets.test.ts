import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { type Adapter, addSecret, ErrsError, fromProblem, toOtelAttributes, toProblem } from '../src/index.js'

// The promise checked here: secrets never appear in any output. An error's name is one more text that leaves: the
// first line of `String(err)` and of `err.stack` (V8 formats the stack when it is first read, with the name the error
// has then), the problem's `name`, OpenTelemetry's `exception.type`. A name read from untrusted input — a foreign
// value's `name`, a problem's `name` member rebuilt by `fromProblem` — can be a registered secret or a token's shape
// that is also an identifier (`ghp_…`, `sk_live_…`); such a name is not used.

const SECRET = 'Zq9NameCanarySecret'
const TOKEN = `ghp_${'N'.repeat(36)}`

class ToyError extends ErrsError {
  static override readonly errsBrand = 'errs.test.names.ToyError'
}
const toy = {
  system: 'toy',
  codes: [
    {
      code: 1,
      reason: 'R',
      kind: 'invalid_argument',
      status: 400,
      retryable: false,
      message: 'm',
      className: 'ToyError',
    },
  ],
  classes: { ToyError },
  create: () => new ErrsError({ system: 'toy', code: 1, reason: 'R', kind: 'internal', message: 'made' }),
} as unknown as Adapter

function outputs(err: unknown): string {
  return [
    String(err),
    String((err as Error).stack),
    JSON.stringify(err),
    JSON.stringify(toProblem(err)),
    JSON.stringify(toProblem(err, { exposeInternal: true })),
    JSON.stringify(toOtelAttributes(err)),
    inspect(err, { depth: 10 }),
  ].join('\n')
}

describe('a name that is a secret reaches no output', () => {
  it("fromProblem with an adapter: a problem's name holding a registered secret or a token", () => {
    addSecret(SECRET)
    for (const name of [SECRET, TOKEN]) {
      const err = fromProblem(
        { type: 'urn:x', title: 't', detail: 'd', status: 400, system: 'toy', code: 1, reason: 'R', name },
        { adapters: [toy] },
      )
      expect(err).toBeInstanceOf(ToyError)
      expect(err.name).toBe('ToyError')
      expect(outputs(err)).not.toContain(name)
    }
    // An ordinary other name is still kept (faunadb's `UnknownError` made by `FaunaHTTPError`).
    const named = fromProblem(
      { system: 'toy', code: 1, reason: 'R', name: 'UnknownError', detail: 'd' },
      { adapters: [toy] },
    )
    expect(named.name).toBe('UnknownError')
  })

  it("toOtelAttributes of a foreign value: exception.type is not the value's secret name", () => {
    addSecret(SECRET)
    for (const name of [SECRET, TOKEN]) {
      const thrown = Object.assign(new Error('boom'), { name })
      expect(JSON.stringify(toOtelAttributes(thrown))).not.toContain(name)
      expect(JSON.stringify(toProblem(thrown, { exposeInternal: true }))).not.toContain(name)
    }
    expect(toOtelAttributes(new TypeError('x'))['exception.type']).toBe('TypeError')
  })
})

describe("a problem's code reaches an adapter's constructor redacted", () => {
  // The promise checked here: nothing rebuilt by `fromProblem` carries a secret. A problem's code with no row of the
  // adapter's table is handed to the adapter's `create`, and adapters keep a code they do not know in `details`
  // (Fluss's `requestedCode`, Lance's `invalidCode`), an enumerable field structured loggers write as it is: the code
  // must arrive redacted, as the error's own `code` field is.
  const keeper = {
    system: 'keeper',
    codes: [],
    create: (code: number | string, message?: string) =>
      new ErrsError({
        system: 'keeper',
        code: 'UNKNOWN',
        reason: 'UNKNOWN',
        kind: 'internal',
        message: message ?? 'm',
        details: { requestedCode: code },
      }),
  } as unknown as Adapter

  it('a registered secret, a bearer credential or a secret pair in the code stays out of details', () => {
    addSecret(SECRET)
    for (const code of [SECRET, `x Bearer ${TOKEN}`, `password=${TOKEN}`]) {
      const err = fromProblem(
        { type: 'urn:x', title: 't', detail: 'd', status: 400, system: 'keeper', code },
        { adapters: [keeper] },
      )
      expect(JSON.stringify(err.details)).toContain('requestedCode')
      expect(JSON.stringify(err.details)).not.toContain(code.includes(SECRET) ? SECRET : TOKEN)
      expect(outputs(err)).not.toContain(TOKEN)
    }
  })
})
