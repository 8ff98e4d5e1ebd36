import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { addSecret, ErrsError, normalize, toOtelAttributes, toProblem, toResponse } from '../src/index.js'
import { problemDetail } from '../src/kit.js'
import { checkPrototypes } from './support/attack-r29.js'

// Round 31: `normalize` of an object that carries the ErrsError brand and well-formed core fields, written by every
// public writer. Its texts were never redacted (no ErrsError constructor ran): the writers must not trust them.

const BRAND = Symbol.for('errs.core.ErrsError')
const CANARY = 'S3cr3tR31zq'

describe('a forged, well-formed ErrsError brand', () => {
  addSecret(CANARY)
  const forged = (fields: Record<string, unknown> = {}): Record<string | symbol, unknown> => ({
    [BRAND]: true,
    kind: 'not_found',
    status: 404,
    retryable: false,
    system: 'acme',
    reason: 'NOT_FOUND',
    code: `C ${CANARY} db-7.internal.example`,
    message: `${CANARY} at db-7.internal.example:5432 /srv/app/x.js`,
    title: `T ${CANARY} 10.1.2.3`,
    name: 'AcmeError',
    publicMessage: `gone ${CANARY} db-7.internal.example`,
    requestId: `db-7.internal.example-${CANARY}`,
    instance: '/srv/app/data/t.lance',
    details: {
      k: `${CANARY} db-7.internal.example`,
      '10.1.2.3:9123': 'peer',
      nested: { deep: [`/srv/app/x.js ${CANARY}`] },
      raw: `RAWzq ${CANARY}`,
    },
    internal: { i: `INTERNALzq ${CANARY}` },
    cause: new Error(`CAUSEzq ${CANARY} db-7.internal.example`),
    stack: `STACKzq ${CANARY}\n    at x (/srv/app/x.js:1:1)`,
    ...fields,
  })

  it('normalize keeps it as it is (the brand is identity); every public writer writes no secret or internal', async () => {
    const value = forged()
    Object.defineProperty(value.details, '__proto__', { value: { polluted: 1 }, enumerable: true })
    const e = normalize(value)
    expect(e).toBe(value)
    const res = toResponse(e)
    const headers: string[] = []
    res.headers.forEach((v, k) => {
      headers.push(`${k}: ${v}`)
    })
    const outputs = [
      JSON.stringify(toProblem(e)),
      await res.text(),
      headers.join('\n'),
      problemDetail(e),
      JSON.stringify(toProblem(value)),
    ]
    for (const text of outputs) {
      for (const mark of [CANARY, 'db-7.internal', '10.1.2.3', '/srv/app', 'RAWzq', 'INTERNALzq', 'CAUSEzq', 'STACKzq'])
        expect(text).not.toContain(mark)
    }
    const pub = toProblem(e)
    expect(pub.detail).toBe('gone [REDACTED] [internal]')
    expect(pub.details).toEqual({
      k: '[REDACTED] [internal]',
      '[internal]': 'peer',
      nested: { deep: ['[internal] [REDACTED]'] },
    })
    // No secret in the trusted form either, which keeps the internals.
    const trusted = JSON.stringify(toProblem(e, { exposeInternal: true }))
    expect(trusted).not.toContain(CANARY)
    expect(trusted).toContain('db-7.internal.example')
    checkPrototypes()
  })

  it('a secret system or reason reaches neither the problem type nor the OpenTelemetry attributes', () => {
    const value = forged({ system: CANARY, reason: CANARY, name: CANARY })
    for (const options of [undefined, { exposeInternal: true }]) {
      const problem = toProblem(value, options)
      expect(JSON.stringify(problem)).not.toContain(CANARY)
      expect(problem.type).toBe('urn:errs:unknown:UNKNOWN')
    }
    const token = forged({
      system: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      reason: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    })
    expect(toProblem(token).type).toBe('urn:errs:unknown:UNKNOWN')
    const attributes = toOtelAttributes(value)
    expect(JSON.stringify(attributes)).not.toContain(CANARY)
    expect(attributes['error.type']).toBe('_OTHER')
    expect(attributes['db.system.name']).toBe('unknown')
    expect(JSON.stringify(toOtelAttributes(token))).not.toContain('ghp_')
  })

  it('an error made by ErrsError is unchanged: its texts were redacted when made', () => {
    const e = new ErrsError({ system: CANARY, code: 'C', reason: CANARY, kind: 'not_found', message: 'm' })
    expect(JSON.stringify(toProblem(e))).not.toContain(CANARY)
    expect(inspect(e)).not.toContain(CANARY)
    expect(toOtelAttributes(e)['error.type']).toBe('_OTHER')
  })
})
