import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import {
  normalize as coreNormalize,
  ErrsError,
  fromProblem,
  isRetryable,
  kindOf,
  toProblem,
  toResponse,
} from '@errs/core'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  fromErrorResponse,
  fromLanceDbMessage,
  type LanceNamespaceError,
  normalize,
  TableNotFoundError,
  TableVersionNotFoundError,
  toErrorResponse,
} from '../src/index.js'

// Core keeps an error's `internal` context and `publicMessage` as functions under registered symbols, read through
// getters on `ErrsError.prototype`. Lance keeps a reply's `detail` (possibly a server stack trace: lance-format/
// lance-namespace docs/src/spec.yaml @ v0.11.1, ErrorResponse) in `internal.detail`, and `fromLanceDbMessage` hides
// file-system paths in `publicMessage`. Checked here: both read through a Proxy and by another copy of core (the CJS
// build, `require('@errs/core')`, where this package imports the ESM one), neither reaches a public output, and
// nothing that reads them throws on a hostile value.

const HOST = 'Zq9LanceHostCanary'
const DETAIL = `java.lang.IllegalStateException: lost ${HOST}\n\tat org.lance.Server.run(Server.java:42)`
const core = createRequire(import.meta.url)('@errs/core') as typeof import('@errs/core')

const decoded = (): LanceNamespaceError =>
  fromErrorResponse({ code: 4, error: 'table orders not found', detail: DETAIL, instance: '/v1/table/orders' })

describe('Lance: detail in internal context, through a Proxy and another copy of core', () => {
  it('fromErrorResponse with a detail: read bare and through a Proxy, by either copy; public outputs never show it', async () => {
    const e = decoded()
    expect(e).toBeInstanceOf(TableNotFoundError)
    for (const x of [e, new Proxy(e, {})]) {
      expect([x.detail, x.internal.detail]).toEqual([DETAIL, DETAIL])
      for (const reader of [{ toProblem }, core]) {
        expect(reader.toProblem(x, { exposeInternal: true }).internal).toEqual({ detail: DETAIL })
        const shown = JSON.stringify(reader.toProblem(x))
        expect(shown).toContain('table orders not found')
        expect(shown).not.toContain(HOST)
      }
      for (const out of [
        JSON.stringify(x),
        JSON.stringify(toErrorResponse(x).body),
        await toResponse(x).text(),
        JSON.stringify({ ...x }),
        inspect({ ...x }, { showHidden: true, depth: 8 }),
        inspect(x, { showHidden: true, customInspect: false, depth: 8 }),
        String(x),
        String(x.stack),
      ]) {
        expect(out).not.toContain(HOST)
      }
      // The trusted reply carries the detail (redacted).
      expect(toErrorResponse(x, { exposeInternal: true }).body.detail).toBe(DETAIL)
    }
  })

  it('normalize by the CJS copy and by Lance keeps the error and its detail', () => {
    const e = decoded()
    for (const back of [core.normalize(e, { adapters: [adapter] }), coreNormalize(new Proxy(e, {})), normalize(e)]) {
      expect((back as LanceNamespaceError).internal.detail).toBe(DETAIL)
    }
  })

  it('fromLanceDbMessage: publicMessage hides the dataset path; the public problem shows it, read by either copy', () => {
    // A manifest that is not there: the family table's `DatasetNotFound (version manifest)` row (LANCEDB_ERRORS).
    const e = fromLanceDbMessage(`Dataset at path /srv/data/${HOST}/orders.lance/_versions/999.manifest was not found`)
    expect(e).toBeInstanceOf(TableVersionNotFoundError)
    const x = new Proxy(e as LanceNamespaceError, {})
    expect(x.publicMessage).toBe('Dataset at path [path] was not found')
    for (const reader of [{ toProblem }, core]) {
      expect(reader.toProblem(x).detail).toBe('Dataset at path [path] was not found')
      expect(reader.toProblem(x, { exposeInternal: true }).detail).toContain(HOST)
    }
    expect(toErrorResponse(x).body.error).toBe('Dataset at path [path] was not found')
  })

  it('after the trusted hop (toProblem with exposeInternal, fromProblem with Lance): detail and publicMessage kept', () => {
    const sent = new TableNotFoundError(`Table 'users' not found in shard 7 of ${HOST}`, {
      publicMessage: "Table 'users' not found",
      detail: DETAIL,
    })
    const back = fromProblem(JSON.parse(JSON.stringify(toProblem(sent, { exposeInternal: true }))), {
      adapters: [adapter],
    }) as LanceNamespaceError
    expect(back).toBeInstanceOf(TableNotFoundError)
    for (const x of [back, new Proxy(back, {})]) {
      expect([x.detail, x.publicMessage]).toEqual([DETAIL, "Table 'users' not found"])
      for (const reader of [{ toProblem }, core]) expect(reader.toProblem(x).detail).toBe("Table 'users' not found")
      expect(toErrorResponse(x).body.error).toBe("Table 'users' not found")
      expect(JSON.stringify(toErrorResponse(x).body)).not.toContain(HOST)
    }
  })

  it('a LanceNamespaceError whose slots are hostile: decoders, encoders and readers do not throw', () => {
    const thrower = (): never => {
      throw new Error('Zq9Thrown')
    }
    const values: unknown[] = []
    for (const slot of [thrower, 'x', null, () => null, () => 'text']) {
      const e = decoded() as unknown as Record<symbol, unknown>
      e[Symbol.for('@errs/core.internal')] = slot
      e[Symbol.for('@errs/core.publicMessage')] = slot
      values.push(e, new Proxy(e, {}))
    }
    const forged = Object.create(TableNotFoundError.prototype, {
      [Symbol.for('@errs/core.internal')]: { get: thrower },
    })
    values.push(forged, Object.freeze(decoded()))
    for (const value of values) {
      expect(() => [
        toProblem(value),
        toProblem(value, { exposeInternal: true }),
        kindOf(value),
        isRetryable(value),
        normalize(value),
        toErrorResponse(value as LanceNamespaceError),
        toErrorResponse(value as LanceNamespaceError, { exposeInternal: true }),
        fromErrorResponse(value),
        adapter.recognize(value),
        inspect(value),
        coreNormalize(value, { adapters: [adapter] }),
      ]).not.toThrow()
      expect(JSON.stringify(toErrorResponse(value as LanceNamespaceError).body)).not.toContain('Zq9Thrown')
    }
    expect(ErrsError.is(values[0])).toBe(true)
  })
})
