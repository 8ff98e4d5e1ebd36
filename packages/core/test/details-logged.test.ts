import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ErrsError } from '../src/index.js'

// `details` is an own enumerable field: structured loggers write it as they find it. pino's `err` serializer
// (pino-std-serializers 7.1.0, `lib/err.js`) copies every enumerable member of the error (`for (const key in err)`),
// then the record is `JSON.stringify`ed; winston and bunyan do the same. The error's own `toJSON` and inspect view were
// redacted, but `details` given by the caller's code was written as given.

const details = {
  password: 'pw-SECRET-1',
  note: 'Authorization: Bearer abcdefghijklmnopSECRET2',
  nested: { api_key: 'SECRET3value', list: ['token=SECRET4value'] },
}

function loggedLikePino(e: object): string {
  const record: Record<string, unknown> = {}
  for (const key in e) record[key] = (e as Record<string, unknown>)[key]
  return JSON.stringify({ level: 50, err: record })
}

describe('details as a logger writes it', () => {
  it('shows no secret through JSON.stringify, an enumerable copy, or util.inspect', () => {
    const e = new ErrsError({ system: 'x', code: 1, reason: 'R', kind: 'internal', message: 'm', details })
    for (const out of [JSON.stringify(e.details), loggedLikePino(e), inspect(e.details, { depth: 9 }), inspect(e)]) {
      for (const s of ['pw-SECRET-1', 'SECRET2', 'SECRET3value', 'SECRET4value']) expect(out).not.toContain(s)
    }
    expect(JSON.parse(JSON.stringify(e.details)).password).toBe('[REDACTED]')
  })

  it('keeps the values for the program that reads them', () => {
    const e = new ErrsError({ system: 'x', code: 1, reason: 'R', kind: 'internal', message: 'm', details })
    expect(e.details.password).toBe('pw-SECRET-1')
    expect(Object.keys(e.details)).toEqual(['password', 'note', 'nested'])
    expect(Object.isFrozen(e.details)).toBe(true)
  })

  it('copies an own __proto__ member as a member, never as the prototype', () => {
    const given = JSON.parse('{"__proto__":{"toJSON":1,"polluted":1},"a":1}')
    const e = new ErrsError({ system: 'x', code: 1, reason: 'R', kind: 'internal', message: 'm', details: given })
    expect((e.details as Record<string, unknown>).polluted).toBeUndefined()
    expect(JSON.parse(JSON.stringify(e.details)).a).toBe(1)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
