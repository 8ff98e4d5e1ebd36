import { normalize as coreNormalize, ErrsError, toProblem } from '@errs/core'
import type { HttpWire } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  fromErrorResponse,
  InternalError,
  normalize,
  ServiceUnavailableError,
  TableNotFoundError,
  toErrorResponse,
} from '../src/index.js'

// What a Lance reply exposes. `toErrorResponse` writes the spec's `ErrorResponse` (`adapter.encode` its trusted form), whose members
// carry text out of the service (lance-format/lance-namespace docs/src/spec.yaml @ v0.11.1, commit eeb337ca,
// components.schemas.ErrorResponse): `error` "A brief, human-readable message about the error"; `detail` "An optional
// human-readable explanation of the error. This can be used to record additional information such as stack
// trace"; `instance` "a URI, a request or response ID, or anything that the implementation can recognize to trace
// specific occurrence of the error"; `context` (schema Context) string key/values, over REST every response header
// as `header.<name>`. The public reply exposes exactly what core's public `toProblem` does for the same error: no
// host, address, file path or stack frame, and for an unexpected error (5xx, internal or unknown kind, foreign
// value) only the kind's generic title.

/** A message full of internals: an address, `host:port`, file paths, a Node stack frame and a Java cause. */
const INTERNALS =
  'connect ECONNREFUSED 10.1.2.3:5432 db-primary.corp.internal:5432 at /home/deploy/app/server.js:10:5\n' +
  '    at Object.<anonymous> (/home/deploy/app/x.js:1:1)\nCaused by: java.io.IOException: /var/lib/lance'
const MARKERS = ['10.1.2.3', 'db-primary', '/home/deploy', 'Object.<anonymous>', 'Caused by', '/var/lib']
const WINDOWS = 'failed to open C:\\Users\\deploy\\data\\t.lance at 192.168.7.9:8080'

/** A core error of another system (as the Fluss or Fauna adapters make them), answering HTTP `status`. */
function otherSystem(system: string, status: number, message: string, publicMessage?: string): ErrsError {
  return new ErrsError({
    system,
    code: status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST',
    reason: status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST',
    kind: status >= 500 ? 'internal' : 'invalid_argument',
    status,
    message,
    ...(publicMessage !== undefined ? { publicMessage } : {}),
  })
}

const UNEXPECTED: [string, () => unknown][] = [
  ['a foreign Error', () => new Error(INTERNALS)],
  ['a foreign Error with Windows paths', () => new Error(WINDOWS)],
  ['lance normalize of a foreign Error', () => normalize(new Error(INTERNALS))],
  ['a decoded 500 InternalError (code 18)', () => fromErrorResponse({ error: INTERNALS, code: 18 }, { status: 500 })],
  ['a decoded 503 ServiceUnavailableError (code 17)', () => fromErrorResponse({ error: INTERNALS, code: 17 })],
  ['a decoded unknown code', () => fromErrorResponse({ error: INTERNALS, code: 99 }, { status: 502 })],
  ['core normalize of a foreign Error', () => coreNormalize(new Error(INTERNALS))],
  ['a 5xx error of system fluss', () => otherSystem('fluss', 500, INTERNALS)],
  ['a 5xx error of system fauna', () => otherSystem('fauna', 503, WINDOWS)],
  ['an InternalError made here', () => new InternalError(INTERNALS)],
]

describe('public `error`: the message core`s public toProblem writes', () => {
  it.each(UNEXPECTED)('%s: no stack frame, host, address or path leaves', (_name, make) => {
    const err = make()
    const problem = JSON.stringify(toProblem(err))
    for (const out of [JSON.stringify(toErrorResponse(err)), JSON.stringify(toErrorResponse(normalize(err)))]) {
      for (const m of [...MARKERS, 'C:\\\\Users', '192.168.7.9']) {
        expect(problem).not.toContain(m)
        expect(out).not.toContain(m)
      }
    }
  })

  it.each(UNEXPECTED)('%s: `error` is the generic title toProblem writes as `detail`', (_name, make) => {
    const err = make()
    const { detail } = toProblem(err)
    expect(detail).toMatch(/^An? [a-z ]+$|^The service is unavailable$/)
    expect(toErrorResponse(err).body.error).toBe(detail)
    // The reply of an already normalized error writes what toProblem of that error writes.
    const lance = normalize(err)
    expect(toErrorResponse(lance).body.error).toBe(toProblem(lance).detail)
  })

  it('a 4xx error keeps its message, with hosts, addresses and paths removed as toProblem does', () => {
    const e = new TableNotFoundError("Table 'users' not found under /home/deploy/data/users.lance on 10.0.0.7:9000")
    const { detail } = toProblem(e)
    expect(detail).toBe("Table 'users' not found under [internal] on [internal]")
    expect(toErrorResponse(e).body.error).toBe(detail)
  })

  it('a 4xx error of another system shows its public message, as toProblem of it does', () => {
    const e = otherSystem('fluss', 400, 'invalid row in partition p1 at 10.9.9.9:9123', 'Invalid row')
    expect(toProblem(e).detail).toBe('Invalid row')
    expect(toErrorResponse(e)).toMatchObject({ status: 400, body: { code: 13, error: 'Invalid row' } })
  })

  it('a foreign value with a 4xx status shows the generic title, never its own message', () => {
    const err = Object.assign(new Error('row 42 of customer bob failed the check'), { status: 403 })
    const { detail } = toProblem(err)
    expect(detail).toBe('Permission denied')
    expect(toErrorResponse(err)).toMatchObject({ status: 403, body: { code: 15, error: detail } })
  })

  it('a public message given to the error is what the public reply shows; the trusted reply shows the message', () => {
    const e = new TableNotFoundError("Table 'users' not found in shard 7", { publicMessage: "Table 'users' not found" })
    expect(toErrorResponse(e).body.error).toBe("Table 'users' not found")
    expect(toErrorResponse(e, { exposeInternal: true }).body.error).toBe("Table 'users' not found in shard 7")
    expect(toProblem(e, { exposeInternal: true }).detail).toBe("Table 'users' not found in shard 7")
  })

  it('the trusted form (exposeInternal) keeps the full message, redacted', () => {
    const err = new InternalError(`${INTERNALS} password=hunter2`)
    const body = toErrorResponse(err, { exposeInternal: true }).body
    expect(body.error).toBe(toProblem(err, { exposeInternal: true }).detail)
    expect(body.error).toContain('10.1.2.3')
    expect(body.error).not.toContain('hunter2')
  })
})

describe('`detail`: a possible server stack trace, only in the trusted form', () => {
  // The canonical example of lance-format/lance-namespace docs/src/namespace/supported-catalogs/lance-rest.md
  // @ v0.11.1 (eeb337ca), "Error Response Format": `detail` holds a Java stack trace.
  const wire = {
    error: "Table 'users' not found in namespace 'production'",
    code: 4,
    detail: 'java.lang.RuntimeException: Table not found\n\tat com.example.TableService.describe(TableService.java:42)',
    instance: '/v1/table/production$users/describe',
  }

  it('the public reply of the spec example has no `detail`, like the public problem', () => {
    const e = fromErrorResponse(wire, { status: 404 })
    expect(JSON.stringify(toProblem(e))).not.toContain('TableService')
    const body = toErrorResponse(e).body
    expect(body).toEqual({ code: 4, error: wire.error, instance: wire.instance })
  })

  it('the trusted reply carries it (redacted), as the trusted problem carries it in `internal`', () => {
    const e = fromErrorResponse({ ...wire, detail: `${wire.detail} token=abcdef0123456789` }, { status: 404 })
    const body = toErrorResponse(e, { exposeInternal: true }).body
    expect(body.detail).toContain('TableService.java:42')
    expect(body.detail).not.toContain('abcdef0123456789')
    expect(toProblem(e, { exposeInternal: true }).internal?.detail).toBe(body.detail)
  })
})

describe('`instance`: as the public problem writes it', () => {
  it('a route (the spec example) is kept', () => {
    const e = new TableNotFoundError('t', { instance: '/v1/table/production$users/describe' })
    expect(toErrorResponse(e).body.instance).toBe('/v1/table/production$users/describe')
    expect(toProblem(e).instance).toBe('/v1/table/production$users/describe')
  })

  it('a URL naming an internal host is not written', () => {
    const e = new TableNotFoundError('t', { instance: 'http://10.1.2.3:8080/v1/table/t/describe' })
    const { instance } = toErrorResponse(e).body
    expect(instance).toBe(toProblem(e).instance)
    expect(instance).not.toContain('10.1.2.3')
    // The trusted form keeps it.
    expect(toErrorResponse(e, { exposeInternal: true }).body.instance).toBe('http://10.1.2.3:8080/v1/table/t/describe')
  })
})

describe('`context`: only where the public problem carries the error`s details', () => {
  // Over REST every response header comes back as a `header.<name>` entry (spec.yaml @ v0.11.1, schema Context).
  const context = { 'header.x-backend': 'db-primary.corp.internal:5432', 'header.x-request-id': 'r-1' }

  it('an unexpected (5xx) error writes none, as its public problem has no details', () => {
    for (const e of [
      fromErrorResponse({ code: 18, error: 'boom', context }, { status: 500 }),
      new ServiceUnavailableError('down', { context }),
    ]) {
      expect(toProblem(e).details).toBeUndefined()
      const body = toErrorResponse(e).body
      expect(body.context).toBeUndefined()
      // The trusted form keeps it.
      expect(toErrorResponse(e, { exposeInternal: true }).body.context).toEqual(context)
    }
  })

  it('a 4xx error writes it as its public problem carries it in `details.context`: without hosts or addresses', () => {
    const e = fromErrorResponse({ code: 4, error: 't', context }, { status: 404 })
    const shown = { 'header.x-backend': '[internal]', 'header.x-request-id': 'r-1' }
    expect(toProblem(e).details?.context).toEqual(shown)
    expect(toErrorResponse(e).body.context).toEqual(shown)
    // The trusted form keeps it.
    expect(toErrorResponse(e, { exposeInternal: true }).body.context).toEqual(context)
  })
})

describe('`adapter.encode`: the trusted form, the inverse of `decode` between your own services', () => {
  it('keeps the full message and `detail` (redacted), so decode(encode(e)) gives the same error', () => {
    const e = fromErrorResponse(
      { code: 18, error: 'disk full on /home/deploy/data at 10.0.0.7:9000', detail: 'stack token=abcdef0123456789' },
      { status: 500 },
    )
    const wire = adapter.encode(e) as HttpWire & { body: { error: string; detail?: string } }
    expect(wire.body).toEqual(toErrorResponse(e, { exposeInternal: true }).body)
    expect(wire.body.detail).not.toContain('abcdef0123456789')
    const back = adapter.decode(wire)
    expect([back.code, back.message, back.constructor]).toEqual([18, e.message, e.constructor])
    // The public reply of the same error shows neither.
    expect(toErrorResponse(e).body).toEqual({ code: 18, error: 'An internal error occurred' })
  })
})

describe('`context` decoded from a reply keeps no secret at rest', () => {
  // Over REST every response header comes back as a `header.<name>` entry (spec.yaml @ v0.11.1, schema Context);
  // `details` is enumerable, so structured loggers write it as it is.
  it('a header named for a secret is hidden whole, a secret inside a value is redacted', () => {
    const e = fromErrorResponse(
      {
        code: 4,
        error: 't',
        context: { 'header.authorization': 'Bearer abc.def.ghi', note: 'retry with password=hunter2xyz', k: 'v' },
      },
      { status: 404 },
    )
    const kept = JSON.stringify(e.details)
    expect(kept).not.toContain('abc.def.ghi')
    expect(kept).not.toContain('hunter2xyz')
    expect(e.details.context).toMatchObject({ 'header.authorization': '[REDACTED]', k: 'v' })
  })
})
