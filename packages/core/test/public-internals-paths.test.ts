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
