import { describe, expect, it } from 'vitest'
import { ErrsError, toProblem } from '../src/index.js'
import { adoptError, type ErrsErrorInit, errorMessage } from '../src/kit.js'

// `publicMessage` was the one text field of an ErrsError stored with `String(value)`: a revoked Proxy or an object
// whose `toString` throws made the constructor (and `adoptError`, and every adapter's `create` and constructors that
// pass options on: `new TableNotFoundError('m', { publicMessage })`, Fauna's `adapter.create`, documented never to
// throw) throw. It is now held as every other text field is (`title`, `instance`, `requestId`): a string, number or
// boolean as text, cut and redacted; anything else empty (no conversion runs the value's code), so nothing of the
// message it stands in for is shown.

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const init = (publicMessage: unknown): ErrsErrorInit => ({
  system: 'x',
  code: 'C',
  reason: 'R',
  kind: 'invalid_argument',
  message: 'internal detail /srv/app/x.js',
  publicMessage: publicMessage as string,
})

const hostile = (): Array<[string, unknown]> => [
  ['a revoked Proxy', revoked()],
  [
    'an object whose toString throws',
    {
      toString() {
        throw new Error('toString')
      },
    },
  ],
  ['a Symbol', Symbol('s')],
  ['an object converting to a secret', { [Symbol.toPrimitive]: () => 'password=hunter2' }],
]

describe('publicMessage of any type never throws and shows nothing of the value', () => {
  for (const [label, value] of hostile()) {
    it(`${label}: the constructor and adoptError`, () => {
      for (const make of [
        () => new ErrsError(init(value)),
        () => adoptError(ErrsError, new Error(errorMessage(init(value))), init(value)),
      ]) {
        const e = make()
        expect(e.publicMessage).toBe('')
        const detail = toProblem(e).detail
        expect(detail).not.toContain('/srv/app')
        expect(detail).not.toContain('hunter2')
        expect(toProblem(e, { exposeInternal: true }).detail).toBe('internal detail /srv/app/x.js')
      }
    })
  }

  it('strings, numbers and booleans are kept as text, redacted', () => {
    expect(new ErrsError(init('Table not found')).publicMessage).toBe('Table not found')
    expect(new ErrsError(init(42)).publicMessage).toBe('42')
    expect(new ErrsError(init(false)).publicMessage).toBe('false')
    expect(new ErrsError(init('auth failed: password=hunter2')).publicMessage).not.toContain('hunter2')
  })
})
