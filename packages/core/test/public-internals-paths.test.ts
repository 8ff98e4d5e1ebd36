import { describe, expect, it } from 'vitest'
import { ErrsError, toProblem } from '../src/index.js'

function publicDetail(message: string): string {
  return toProblem(new ErrsError({ system: 'x', code: 'C', reason: 'R', kind: 'not_found', message })).detail
}

describe('file locations the public problem leaves out', () => {
  // RFC 8089 Appendix B (https://www.rfc-editor.org/rfc/rfc8089#appendix-B): `file:/path/to/file` is the minimal
  // form of a local file URI, with no authority; Java's `File.toURI()` and Hadoop's `Path` of a local file write it so
  // (a JVM server's message quoting its data directory).
  it('a file URI without an authority (file:/…)', () => {
    const out = publicDetail('Failed to create directory file:/home/fluss/remote-data/db1/t1 for table')
    expect(out).toBe('Failed to create directory [internal] for table')
    expect(publicDetail('hdfs:/warehouse/db1/t1 is missing')).toBe('[internal] is missing')
  })

  // A UNC path names a server and a share: https://learn.microsoft.com/en-us/dotnet/standard/io/file-path-formats#unc-paths
  it('a Windows UNC path (\\\\server\\share\\…)', () => {
    expect(publicDetail('cannot open \\\\fileserver\\lance\\db1\\t.lance: denied')).toBe(
      'cannot open [internal]: denied',
    )
    expect(publicDetail('cannot list \\\\fileserver\\lance\\db1')).toBe('cannot list [internal]')
  })

  it('the trusted form keeps them, and a route stays in the public one', () => {
    const e = new ErrsError({
      system: 'x',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'at file:/tmp/x/y and \\\\srv\\share\\dir, route /v1/table/t',
    })
    expect(toProblem(e, { exposeInternal: true }).detail).toBe(e.message)
    expect(toProblem(e).detail).toBe('at [internal] and [internal], route /v1/table/t')
  })

  // Only a file system's scheme may be followed by a single `/`: a method before a route, or any `word:/…`, is no URL.
  it('keeps a route after a method or a label', () => {
    expect(publicDetail('GET:/v1/namespace/ns/list failed')).toBe('GET:/v1/namespace/ns/list failed')
    expect(publicDetail('route:/v1/table/t/describe, ratio:/2')).toBe('route:/v1/table/t/describe, ratio:/2')
  })
})

describe('IPv6 addresses the public problem leaves out', () => {
  // RFC 4291 §2.2 (https://www.rfc-editor.org/rfc/rfc4291#section-2.2): eight groups of up to four hex digits, `::`
  // for a run of zero groups, the last 32 bits as dotted IPv4; RFC 4007 §11 adds a zone after `%` (`fe80::1%eth0`).
  // Node writes a refused connection as `connect ECONNREFUSED ::1:9123` (`exceptionWithHostPort`: syscall, code,
  // `address:port`; nodejs/node lib/internal/errors.js at v20.x), with no brackets around the address.
  it.each([
    ['a compressed address', 'client fd12:3456::7 not allowed', 'client [internal] not allowed'],
    ['a link-local address with its zone', 'no route to fe80::1%eth0', 'no route to [internal]'],
    ["Node's refused connection, with the port", 'connect ECONNREFUSED ::1:9123', 'connect ECONNREFUSED [internal]'],
    ['all eight groups', 'peer 2001:db8:0:0:0:0:0:1 refused', 'peer [internal] refused'],
    ['IPv4 written inside IPv6', 'from ::ffff:10.0.0.7 denied', 'from [internal] denied'],
    ['an address ending a sentence', 'bad host fd00::1.', 'bad host [internal].'],
  ])('%s', (_name, message, expected) => {
    expect(publicDetail(message)).toBe(expected)
  })

  it('leaves Rust and C++ paths and spaced colons alone', () => {
    for (const text of ['lance::dataset::Dataset failed', 'serde de::Error: bad', 'key :: value', 'ab:cd:ef ok']) {
      expect(publicDetail(text)).toBe(text)
    }
  })

  // Times are no `host:port`: RFC 3339 §5.6 (https://www.rfc-editor.org/rfc/rfc3339#section-5.6) writes
  // `2024-01-02T12:30:45.123Z` and `…+01:00`, Java's `Instant.toString()` the same; a bare `12:30:45` or `09:15`.
  it('keeps times and timestamps, still hides a host and its port', () => {
    for (const text of [
      'token expired at 2024-01-02T12:30:45.123Z',
      'lease ends 2024-01-02T12:30:45+01:00 (local)',
      'retry after 12:30:45 utc',
      'window 09:15 to 17:30',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
    expect(publicDetail('connect to db-1.internal:5432 and redis:6379 refused')).toBe(
      'connect to [internal] and [internal] refused',
    )
  })

  it('the trusted form keeps the address', () => {
    const e = new ErrsError({
      system: 'x',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'client fd12::7 denied',
    })
    expect(toProblem(e, { exposeInternal: true }).detail).toBe('client fd12::7 denied')
  })

  it('stays linear on long runs of hex groups and colons', () => {
    for (const unit of ['a:', 'a::', 'ab:cd:', '1.2.3.4:']) {
      const message = unit.repeat(3000)
      expect(publicDetail(message).length).toBeGreaterThan(0)
    }
  })
})

describe("the public problem's details leave out internals as its detail does", () => {
  // A decoder keeps the native fields a reply brought in `details` (faunadb's `errors()` descriptions, a Lance
  // `context`, a Fluss bucket's remote path), and the public problem carries the details of an error that is not
  // unexpected: their text leaves the service under the rule of `detail` (no host, address, URL or file path).
  const details = {
    description: 'invalid ref at 10.1.2.3 in /srv/app/x.js',
    errors: [{ code: 'invalid ref', description: 'see https://db-7.corp.internal:8443/v1/x' }],
    nested: { path: 'hdfs:/warehouse/db1/t1', route: '/v1/table/t/describe', count: 3, ok: true },
  }
  const e = new ErrsError({ system: 'x', code: 'C', reason: 'R', kind: 'invalid_argument', message: 'm', details })

  it('every string of the public details is scrubbed, the other values kept', () => {
    expect(toProblem(e).details).toEqual({
      description: 'invalid ref at [internal] in [internal]',
      errors: [{ code: 'invalid ref', description: 'see [internal]' }],
      nested: { path: '[internal]', route: '/v1/table/t/describe', count: 3, ok: true },
    })
  })

  it('the trusted form keeps them, and the error itself is unchanged', () => {
    expect(toProblem(e, { exposeInternal: true }).details).toEqual(details)
    expect(e.details).toEqual(details)
  })
})
