import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { addRedactionPatterns, addSecret, ErrsError, redactString, toOtelAttributes, toProblem } from '../src/index.js'
import { isSecretKey } from '../src/kit.js'

const CANARY = 'canary-5f3a9c1e7b'

function everyOutput(err: ErrsError): string[] {
  return [
    err.message,
    String(err),
    err.stack ?? '',
    JSON.stringify(err),
    JSON.stringify(toProblem(err)),
    JSON.stringify(toProblem(err, { exposeInternal: true })),
    inspect(err, { depth: 10 }),
    inspect(err, { depth: 10, showHidden: true }),
    JSON.stringify(toOtelAttributes(err)),
  ]
}

describe('redaction canaries', () => {
  const cases: Array<[string, () => ErrsError]> = [
    [
      'a bearer token in the message',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: `Authorization: Bearer ${CANARY}`,
        }),
    ],
    [
      'a basic credential in the message',
      () => new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: `got Basic ${CANARY} back` }),
    ],
    [
      'a password=… pair in the message',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: `login failed password="${CANARY}"`,
        }),
    ],
    [
      'a JSON api_key in the message',
      () => new ErrsError({ system: 's', code: 1, reason: 'R', kind: 'internal', message: `{"api_key":"${CANARY}"}` }),
    ],
    [
      'secret-named keys in details',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          details: {
            headers: { Authorization: `Bearer ${CANARY}`, 'x-api-key': CANARY },
            nested: [{ password: CANARY }],
            Credentials: CANARY,
          },
        }),
    ],
    [
      'a bearer value under an innocent key',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          details: { note: `sent Bearer ${CANARY}` },
        }),
    ],
    [
      'a secret in the instance URI',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          instance: `/v1/t?api_key=${CANARY}`,
        }),
    ],
    [
      'a secret in internal context',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          internal: { token: CANARY },
        }),
    ],
    [
      'a secret in a foreign cause',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          cause: Object.assign(new Error(`token=${CANARY}`), { config: { password: CANARY } }),
        }),
    ],
    [
      'a secret in a nested ErrsError cause',
      () =>
        new ErrsError({
          system: 's',
          code: 1,
          reason: 'R',
          kind: 'internal',
          message: 'm',
          cause: new ErrsError({ system: 't', code: 2, reason: 'S', kind: 'internal', message: `Bearer ${CANARY}` }),
        }),
    ],
  ]
  for (const [name, make] of cases) {
    it(`never shows ${name}`, () => {
      for (const out of everyOutput(make())) expect(out).not.toContain(CANARY)
    })
  }

  it('keeps the rest of the text readable and is idempotent', () => {
    const once = redactString('Authorization: Bearer abc.def token=xyz; other=keep')
    expect(once).toBe('Authorization: Bearer [REDACTED] token=[REDACTED]; other=keep')
    expect(redactString(once)).toBe(once)
  })

  it('honours user patterns and registered secrets', () => {
    addRedactionPatterns({ keys: [/^x-tenant-sig$/i], values: [/sig_[a-z0-9]{8}/] })
    addSecret('hunter2-literal')
    const e = new ErrsError({
      system: 's',
      code: 1,
      reason: 'R',
      kind: 'internal',
      message: 'sig_abcd1234 and hunter2-literal',
      details: { 'X-Tenant-Sig': 'v' },
    })
    for (const out of everyOutput(e)) {
      expect(out).not.toContain('sig_abcd1234')
      expect(out).not.toContain('hunter2-literal')
    }
    expect(isSecretKey('X-Tenant-Sig')).toBe(true)
    expect(JSON.stringify(toProblem(e, { exposeInternal: true }))).toContain('"X-Tenant-Sig":"[REDACTED]"')
  })

  it('matches the required key names case-insensitively', () => {
    for (const k of [
      'secret',
      'PASSWORD',
      'passwd',
      'accessToken',
      'Authorization',
      'apiKey',
      'api-key',
      'API_KEY',
      'credential',
    ]) {
      expect(isSecretKey(k)).toBe(true)
    }
    expect(isSecretKey('table')).toBe(false)
  })
})
