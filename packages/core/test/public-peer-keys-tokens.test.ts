import { describe, expect, it } from 'vitest'
import { ErrsError, fromProblem, normalize, type Problem, toProblem, toResponse } from '../src/index.js'
import { scrubInternals } from '../src/kit.js'
import { growth } from './support/growth.js'

// Round 30 findings: a peer's problem rebuilt by `fromProblem`, then written publicly, passed internals through two
// members the public form did not scrub.

describe('the public form of a rebuilt problem', () => {
  it("scrubs the keys of `details`, not only the values (a peer's record keyed by host, address or path)", async () => {
    const e = fromProblem({
      type: 'urn:errs:acme:NOT_FOUND',
      status: 404,
      kind: 'not_found',
      detail: 'no such table',
      details: {
        'db-7.internal.example:5432': 'down',
        '/srv/app/conf/core-site.xml': { '10.1.2.3:9123': 1 },
        table: 't',
      },
    })
    const pub = toProblem(e)
    expect(pub.details).toEqual({ '[internal]': 'down', table: 't' })
    const text = `${JSON.stringify(pub)}${await toResponse(e).text()}${JSON.stringify(e)}`
    for (const mark of ['db-7.internal', '10.1.2.3', '/srv/app']) expect(text).not.toContain(mark)
    // The trusted form keeps them.
    expect(toProblem(e, { exposeInternal: true }).details).toEqual({
      'db-7.internal.example:5432': 'down',
      '/srv/app/conf/core-site.xml': { '10.1.2.3:9123': 1 },
      table: 't',
    })
  })

  it('a scrubbed key never replaces a member of that name, nor sets the prototype', () => {
    const e = new ErrsError({
      system: 'acme',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'm',
      details: { '[internal]': 'kept', '10.1.2.3': 'dropped', '__proto__\n    at x (/srv/a.js:1:1)': { polluted: 1 } },
    })
    const details = toProblem(e).details as Record<string, unknown>
    // The last key, cut at its stack frame, is `__proto__`: an own member, not the prototype.
    expect(Object.keys(details)).toEqual(['[internal]', '__proto__'])
    expect(Object.getOwnPropertyDescriptor(details, '__proto__')?.value).toEqual({ polluted: 1 })
    expect(Object.getPrototypeOf(details)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('leaves out a system or reason that is an address (the type URN too)', async () => {
    const e = fromProblem({ type: 'urn:errs:10.1.2.3:192.168.0.7', status: 404, kind: 'not_found', detail: 'gone' })
    expect([e.system, e.reason]).toEqual(['10.1.2.3', '192.168.0.7'])
    const pub = toProblem(e)
    expect([pub.type, pub.system, pub.reason]).toEqual(['urn:errs:unknown:UNKNOWN', 'unknown', 'UNKNOWN'])
    expect(`${JSON.stringify(e)}${await toResponse(e).text()}`).not.toMatch(/10\.1\.2\.3|192\.168/)
    // The trusted form and an identifier-like token keep them.
    expect(toProblem(e, { exposeInternal: true }).type).toBe('urn:errs:10.1.2.3:192.168.0.7')
    const named = fromProblem({ system: 'acme.db', reason: 'TABLE_NOT_FOUND', status: 404, kind: 'not_found' })
    expect(toProblem(named).type).toBe('urn:errs:acme.db:TABLE_NOT_FOUND')
  })
})

function publicDetail(message: string): string {
  return toProblem(new ErrsError({ system: 'x', code: 'C', reason: 'R', kind: 'not_found', message })).detail
}

describe('private host names without a port', () => {
  // Names of a private network: ICANN reserved `.internal` for private use (https://www.icann.org/en/board-activities-
  // and-meetings/materials/approved-resolutions-special-meeting-of-the-icann-board-29-07-2024-en#section2.a); AWS
  // names instances `ip-10-0-0-1.ec2.internal` (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html);
  // Kubernetes services are `<svc>.<ns>.svc.cluster.local` (https://kubernetes.io/docs/concepts/services-networking/
  // dns-pod-service/); mDNS `.local` (RFC 6762); `home.arpa` (RFC 8375).
  it.each([
    ['connect to db-7.internal.example failed', 'connect to [internal] failed'],
    ['host ip-10-0-0-1.ec2.internal is down.', 'host [internal] is down.'],
    ['redis.default.svc.cluster.local refused', '[internal] refused'],
    ['printer.local, nas.home.arpa and fs1.corp', '[internal], [internal] and [internal]'],
    ['DB-7.internal.example unreachable', '[internal] unreachable'],
  ])('%s', (message, expected) => {
    expect(publicDetail(message)).toBe(expected)
  })

  it('keeps public names, dotted identifiers, file names and words', () => {
    for (const text of [
      'table db1.t1 not found at db.example.com',
      'org.apache.fluss.exception.TableNotExistException: t',
      'bad core-site.xml in t.lance',
      'internal error, local file, corp policy',
      'lance error: Internal error: x',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })

  it('the trusted form keeps them', () => {
    const e = new ErrsError({
      system: 'x',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'db-7.internal.example',
    })
    expect(toProblem(e, { exposeInternal: true }).detail).toBe('db-7.internal.example')
  })

  it('is linear on long dotted runs (the scrub itself: a problem cuts its texts to 16 KiB first)', () => {
    for (const unit of ['a.', 'a-a-a-a-a.b.', 'a.b.c.d.e.f.g.h.i.', 'x.local.', `${'l'.repeat(63)}.`]) {
      expect(growth(scrubInternals, unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
    }
  })
})

describe('the trusted cause chain with a large maxCauseDepth', () => {
  // Round 30 finding: `toProblem(err, { exposeInternal: true, maxCauseDepth: Infinity })` of an error whose cause
  // chain is cyclic threw RangeError (the writer recursed until the stack overflowed), and so did `toResponse`.
  it('a cyclic chain is written to at most 64 levels, never throwing', async () => {
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    Object.assign(a, { cause: b })
    const e = normalize(b)
    for (const maxCauseDepth of [Infinity, 1e6, 1000]) {
      let p: Problem | undefined = toProblem(e, { exposeInternal: true, maxCauseDepth })
      let levels = 0
      for (; p !== undefined; p = p.cause) levels++
      expect(levels).toBe(64)
      expect(() => toProblem(b, { exposeInternal: true, maxCauseDepth })).not.toThrow()
    }
    const text = await toResponse(e, { exposeInternal: true, maxCauseDepth: Infinity }).text()
    expect(text.length).toBeLessThan(1024 * 1024)
    // A depth under the cap is honoured.
    let p: Problem | undefined = toProblem(e, { exposeInternal: true, maxCauseDepth: 12 })
    let levels = 0
    for (; p !== undefined; p = p.cause) levels++
    expect(levels).toBe(12)
  })
})

describe('the public scrub reads only texts that can hold an internal', () => {
  it('keeps the order of details whose keys show nothing, and moves only the record whose key does', () => {
    const e = new ErrsError({
      system: 'acme',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'm',
      details: { z: 'db-7.internal.example', a: { y: 1, '10.1.2.3': 2, b: 3 }, m: ['x', '/srv/app/a.js'] },
    })
    const pub = toProblem(e).details as Record<string, unknown>
    expect(Object.keys(pub)).toEqual(['z', 'a', 'm'])
    expect(pub.z).toBe('[internal]')
    expect(Object.keys(pub.a as object)).toEqual(['y', '[internal]', 'b'])
    expect(pub.m).toEqual(['x', '[internal]'])
  })

  it('leaves a bracketed word that holds no `:` or `.` (an IPv6 literal always holds a `:`, RFC 3986 §3.2.2)', () => {
    const e = new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message: 'flag [ff] set' })
    expect(toProblem(e).detail).toBe('flag [ff] set')
    // The same with a mark elsewhere in the text (`.`), so that the scrub's patterns run on it.
    const marked = new ErrsError({
      system: 'acme',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'flag [ff] set.',
    })
    expect(toProblem(marked).detail).toBe('flag [ff] set.')
    const v6 = new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message: 'peer [fd12::7]' })
    expect(toProblem(v6).detail).toBe('peer [internal]')
  })
})

describe('private host names are read in lower case, as they are written', () => {
  it('keeps Java class names whose package has a private label (a capitalised segment ends the match)', () => {
    for (const name of [
      'io.netty.util.internal.PlatformDependent',
      'jdk.internal.misc.Unsafe',
      'com.google.protobuf.Internal',
      'kotlin.internal.InlineOnly',
    ]) {
      expect(publicDetail(`thrown by ${name}`)).toBe(`thrown by ${name}`)
    }
    expect(publicDetail('no route to ip-10-0-0-1.ec2.internal')).toBe('no route to [internal]')
  })

  it('writes a name that shows an internal as ErrsError in the public form (the trusted one keeps it)', () => {
    const e = new ErrsError({ system: 'acme', code: 'C', reason: 'R', kind: 'not_found', message: 'm' })
    e.name = 'db-7.prod.internal'
    expect(toProblem(e).name).toBe('ErrsError')
    expect(toProblem(e, { exposeInternal: true }).name).toBe('db-7.prod.internal')
  })
})
