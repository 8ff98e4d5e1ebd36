import { describe, expect, it } from 'vitest'
import { adapter, isFaunaError, normalize } from '../src/adapter.js'
import { errorForStatus, errors } from '../src/index.js'
import * as v10 from '../src/v10.js'

// Options given with a decoded reply: a kind that overrides the code's takes that kind's status when none is given
// (`ErrsOptions.status`: "defaults to the row's (or the overriding kind's)"), and options that cannot be read are
// ignored instead of thrown from (`getServiceError` is documented never to throw).

const failure = { error: { code: 'document_not_found', message: 'not found' } } as const

describe('Fauna options on top of a reply', () => {
  it('an overriding kind without a status takes the kind’s status (v10 and v4)', () => {
    // fauna-js 2.5.0 src/errors.ts: `document_not_found` is a QueryRuntimeError; core's row says not_found/404.
    const v10err = v10.getServiceError(failure, 400, { kind: 'failed_precondition' })
    expect([v10err.kind, v10err.status]).toEqual(['failed_precondition', 400])
    const withStatus = v10.getServiceError(failure, 400, { kind: 'failed_precondition', status: 409 })
    expect(withStatus.status).toBe(409)
    const rr = { statusCode: 404, responseContent: { errors: [{ code: 'instance not found', description: 'x' }] } }
    const v4err = errorForStatus(rr as never, { kind: 'unavailable' })
    expect(v4err).toBeInstanceOf(errors.NotFound)
    expect([v4err.kind, v4err.status]).toEqual(['unavailable', 503])
  })

  it('options that cannot be read are ignored', () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const throwing = Object.defineProperty({}, 'kind', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    for (const options of [revoked.proxy, throwing]) {
      const e = v10.getServiceError(failure, 400, options as never)
      expect([e.code, e.kind]).toEqual(['document_not_found', 'not_found'])
      const rr = { statusCode: 400, responseContent: { errors: [{ code: 'invalid ref', description: 'x' }] } }
      expect(errorForStatus(rr as never, options as never)).toBeInstanceOf(errors.BadRequest)
    }
  })

  it('normalize and the adapter’s create never throw on such options', () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(() => normalize(new Error('socket hang up'), revoked.proxy as never)).not.toThrow()
    expect(() => adapter.create('document_not_found', 'm', revoked.proxy as never)).not.toThrow()
  })
})

describe('Fauna error classes made with options that cannot be read', () => {
  it('every constructor ignores them instead of throwing (v4 and v10)', () => {
    const hostile = (): unknown[] => {
      const revoked = Proxy.revocable({}, {})
      revoked.revoke()
      const getter = Object.defineProperty({}, 'details', {
        enumerable: true,
        get() {
          throw new Error('getter details')
        },
      })
      return [null, revoked.proxy, getter]
    }
    const rr = { statusCode: 400, responseContent: { errors: [{ code: 'invalid ref', description: 'x' }] } }
    const failure = { error: { code: 'abort', message: 'aborted', abort: '1' } }
    for (const options of hostile()) {
      const o = options as never
      const made: unknown[] = [
        new errors.FaunaError('FaunaError', 'm', undefined, o),
        new errors.BadRequest(rr as never, o),
        new errors.Unauthorized(rr as never, o),
        new errors.FaunaHTTPError('UnknownError', rr as never, o),
        new errors.ProtocolError('m', o),
        new errors.InvalidArity(1, 2, 3, 'Add', o),
        new errors.StreamErrorEvent({ event: { code: 'permission denied', description: 'd' } }, o),
        new v10.QueryRuntimeError({ error: { code: 'document_not_found', message: 'm' } } as never, 400, o),
        new v10.AbortError(failure as never, 400, o),
        new v10.ServiceError({ error: { code: 'x', message: 'm' } } as never, 400, o),
        new v10.NetworkError('m', o),
        new v10.ProtocolError({ message: 'm', httpStatus: 500 }, o),
        new v10.ClientError('m', o),
      ]
      for (const e of made) expect(isFaunaError(e)).toBe(true)
      expect((made[0] as { details: unknown }).details).toEqual({ dialect: 'v4' })
    }
  })
})
