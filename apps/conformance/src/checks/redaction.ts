import { inspect } from 'node:util'
import { addSecret, ErrsError, fromProblem, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import type { CheckResult, Target } from '../types.js'
import { vectorWireForm, wireFormOf } from '../vectors.js'
import { describeValue, type Failure, Results } from './util.js'

/** A literal secret registered with `addSecret` (as a client config's password would be). */
export const CANARY_SECRET = 'cnry-Secret-7f3a9c21e5'
/** Secrets that only the default patterns can catch (never registered). */
export const CANARY_PASSWORD = 'cnryPw4a8b2d9e'
export const CANARY_BEARER = 'cnryBearer5c7e1f'
export const CANARY_TOKEN = 'cnryTok3d9a7b'
const IDENTIFIER_KEYS = new Set(['code', 'reason', 'type', 'name', 'status', 'kind'])
const ALL = [CANARY_SECRET, CANARY_PASSWORD, CANARY_BEARER, CANARY_TOKEN]

const MESSAGE =
  `login failed for sasl user with password=${CANARY_PASSWORD} ` +
  `Authorization: Bearer ${CANARY_BEARER} (client secret ${CANARY_SECRET})`

function leaks(text: string): string[] {
  return ALL.filter((c) => text.includes(c))
}

/** Every view of an error a user could log or send. */
function views(e: ErrsError): [string, () => string][] {
  return [
    ['message', () => e.message],
    ['String(err)', () => String(e)],
    ['stack', () => e.stack ?? ''],
    ['toProblem', () => JSON.stringify(toProblem(e))],
    ['toProblem exposeInternal', () => JSON.stringify(toProblem(e, { exposeInternal: true }))],
    ['JSON.stringify', () => JSON.stringify(e)],
    ['util.inspect', () => inspect(e, { depth: 20 })],
    ['util.inspect showHidden', () => inspect(e, { depth: 20, showHidden: true })],
    ['rebuilt from problem', () => inspect(fromProblem(JSON.stringify(e)), { depth: 20 })],
  ]
}

function scan(e: unknown, where: string): Failure | undefined {
  if (!ErrsError.is(e)) return { message: `${where}: not an ErrsError`, actual: describeValue(e) }
  for (const [view, get] of views(e)) {
    const found = leaks(get())
    if (found.length) {
      return {
        message: `secret leaked in ${view} (${where})`,
        expected: 'no canary',
        actual: `${found.join(', ')} in ${view}`,
      }
    }
  }
  return undefined
}

/** `redaction`: canaries never appear in messages, problems, JSON, util.inspect or stacks. */
export function checkRedaction(t: Target): CheckResult[] {
  addSecret(CANARY_SECRET)
  const r = new Results('redaction')
  const { adapter } = t
  const rows =
    adapter.codes.length > 12
      ? adapter.codes.filter((_, i) => i % Math.ceil(adapter.codes.length / 12) === 0)
      : adapter.codes
  for (const row of rows) {
    const name = JSON.stringify(row.code) + (row.variant ? ` (${row.variant})` : '')
    r.check(`create ${name} with secrets in message, details and cause`, () => {
      const cause = new Error(`inner failure token=${CANARY_TOKEN} ${CANARY_SECRET}`)
      const e = adapter.create(row.code, MESSAGE, {
        variant: row.variant,
        details: {
          password: CANARY_PASSWORD,
          nested: { apiKey: CANARY_TOKEN, note: `Bearer ${CANARY_BEARER}` },
          headers: { authorization: `Bearer ${CANARY_BEARER}` },
          text: `secret is ${CANARY_SECRET}`,
        },
        cause,
      })
      return scan(e, 'create')
    })
    r.check(`decode(encode()) ${name} with secrets`, () => {
      const e = adapter.create(row.code, MESSAGE, { variant: row.variant })
      return scan(adapter.decode(adapter.encode(e)), 'decode')
    })
  }
  // Secrets inside wire payloads (a server echoing credentials in its message).
  const form = wireFormOf(adapter)
  const samples = (t.vectors?.codes ?? []).filter(
    (v) => v.wire !== undefined && vectorWireForm(v.wire) === form && 'body' in v.wire,
  )
  for (const sample of samples.slice(0, 6)) {
    const wire = sample.wire as { status: number; body: unknown }
    r.check(`decode ${sample.name ?? JSON.stringify(sample.code)} with secrets in every string`, () => {
      // Human-text members only: codes and type names are identifiers, not free text.
      const body = JSON.parse(JSON.stringify(wire.body), (k, v) =>
        typeof v === 'string' && !IDENTIFIER_KEYS.has(k) ? `${v} ${MESSAGE}` : v,
      )
      const headers = { authorization: `Bearer ${CANARY_BEARER}`, 'x-request-id': 'req-1' }
      return scan(adapter.decode({ status: wire.status, body, headers }), 'decode wire')
    })
  }
  r.check('normalize a foreign error carrying secrets', () =>
    scan(
      normalizeWith(adapter, Object.assign(new Error(MESSAGE), { config: { password: CANARY_PASSWORD } })),
      'normalize',
    ),
  )
  return r.list
}
