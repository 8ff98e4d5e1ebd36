// Claims of packages/core/README.md added this round, checked as a user reads them.
import { describe, expect, it } from 'vitest'
import { ErrsError, redactString, toProblem } from '../src/index.js'

describe('README: the public problem', () => {
  it('writes private host names and addresses as [internal], in details keys too', () => {
    const e = new ErrsError({
      system: 'acme',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'no route to redis.default.svc.cluster.local',
      details: { 'db-7.internal.example': 'down', peer: '10.1.2.3:9123' },
    })
    const pub = toProblem(e)
    expect(pub.detail).toBe('no route to [internal]')
    expect(pub.details).toEqual({ '[internal]': 'down', peer: '[internal]' })
  })

  it('writes the trusted cause chain to maxCauseDepth, at most 64, also for a cyclic chain', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    const e = new ErrsError({ system: 's', code: 'C', reason: 'R', kind: 'internal', message: 'm', cause: a })
    let depth = 0
    for (let p = toProblem(e, { exposeInternal: true, maxCauseDepth: Number.POSITIVE_INFINITY }); p.cause; p = p.cause)
      depth++
    expect(depth).toBe(63)
    let eight = 0
    for (let p = toProblem(e, { exposeInternal: true }); p.cause; p = p.cause) eight++
    expect(eight).toBe(7)
  })
})

describe('README: redaction of XML markup', () => {
  it('hides name="password" value="…" in either order', () => {
    expect(redactString('<property name="password" value="S3cr3t"/>')).not.toContain('S3cr3t')
    expect(redactString('<property value="S3cr3t" name="password"/>')).not.toContain('S3cr3t')
  })
})

describe('README (round 31): what the public problem writes as [internal], and what it keeps', () => {
  const detail = (message: string) =>
    toProblem(new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message })).detail
  it('hides localhost, home.arpa, Kubernetes and SRV names, in capitals too', () => {
    for (const name of [
      'api.localhost',
      'nas.home.arpa',
      'redis.default.svc',
      '_postgres._tcp.db.internal',
      'DB-7.INTERNAL.EXAMPLE',
      'settings.local',
      'config.local.json',
      'app.services.svc',
    ])
      expect(detail(`at ${name}`)).toBe('at [internal]')
  })
  it('keeps a public name, a Java name, a constant or SQL name in capitals and a bare localhost', () => {
    for (const text of [
      'db.example.com',
      'io.netty.util.internal.PlatformDependent',
      'localhost',
      'ENV.LOCAL',
      'ANALYTICS.INTERNAL.EVENTS',
    ])
      expect(detail(`at ${text}`)).toBe(`at ${text}`)
  })
  it('echoes an opaque request id and leaves out one that shows an internal', () => {
    const e = (requestId: string) =>
      new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message: 'm', requestId })
    expect(toProblem(e('req-7')).requestId).toBe('req-7')
    expect(toProblem(e('db-7.internal.example-7')).requestId).toBeUndefined()
  })
})
