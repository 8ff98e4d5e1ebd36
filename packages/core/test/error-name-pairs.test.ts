import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ErrsError, normalize, redactString } from '../src/index.js'

// The first line of a stack is `<name>: <message>`. An error class whose name holds a secret word — fauna-js's
// `AuthorizationError` (fauna/fauna-js `src/errors.ts` @ v2.5.0, thrown for a 403 `forbidden`), jsonwebtoken's
// `TokenExpiredError` (auth0/node-jsonwebtoken `lib/TokenExpiredError.js`) — read as a `key: value` pair lost the
// first word of its message wherever a stack is redacted (the inspect view, the trusted problem, a cause's stand-in),
// and a clean cause of that class was replaced by a stand-in.

describe('an error name before its message is no secret key', () => {
  it('keeps the message after AuthorizationError: and TokenExpiredError:', () => {
    expect(redactString('AuthorizationError: forbidden happened')).toBe('AuthorizationError: forbidden happened')
    expect(redactString('TokenExpiredError: jwt expired')).toBe('TokenExpiredError: jwt expired')
    expect(redactString('InvalidPasswordException: too short')).toBe('InvalidPasswordException: too short')
  })

  it('still hides the value of a real secret key', () => {
    expect(redactString('Authorization: Token abc123')).toBe('Authorization: [REDACTED]')
    expect(redactString('tokenError=abc123 token: abc456')).toBe('tokenError=[REDACTED] token: [REDACTED]')
  })

  it('keeps a clean cause of such a class as it is, and shows its message in the inspect view', () => {
    class AuthorizationError extends Error {
      override name = 'AuthorizationError'
    }
    const original = new AuthorizationError('forbidden happened')
    expect(normalize(original).cause).toBe(original)
    const ours = new ErrsError({ system: 'x', code: 1, reason: 'R', kind: 'permission_denied', message: 'forbidden' })
    Object.defineProperty(ours, 'stack', { value: 'AuthorizationError: forbidden\n    at f (a.js:1:1)' })
    expect(inspect(ours)).toContain('AuthorizationError: forbidden')
  })
})
