import { SpanStatusCode } from '@opentelemetry/api'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { describe, expect, it } from 'vitest'
import { ErrsError, fromProblem, fromResponse, normalize, toOtelAttributes } from '../src/index.js'

describe('toOtelAttributes', () => {
  it('records semantic-convention attributes on a real span', () => {
    const exporter = new InMemorySpanExporter()
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
    const tracer = provider.getTracer('errs-test')
    const err = new ErrsError({
      system: 'fluss',
      code: 7,
      reason: 'TABLE_NOT_EXIST',
      kind: 'not_found',
      message: 'Table t does not exist. token=abc',
    })
    const span = tracer.startSpan('dropTable')
    span.setAttributes(toOtelAttributes(err))
    span.setStatus({ code: SpanStatusCode.ERROR, message: err.message })
    span.end()
    const [finished] = exporter.getFinishedSpans()
    expect(finished?.attributes).toEqual({
      'error.type': 'TABLE_NOT_EXIST',
      'db.system.name': 'fluss',
      'db.response.status_code': '7',
      'exception.type': 'ErrsError',
      'exception.message': 'Table t does not exist. token=[REDACTED]',
    })
  })

  it('uses _OTHER for values no adapter classified', () => {
    const attrs = toOtelAttributes(new TypeError('x is not a function'))
    expect(attrs['error.type']).toBe('_OTHER')
    expect(attrs['exception.type']).toBe('TypeError')
    expect(attrs['exception.message']).toBe('x is not a function')
    expect(attrs['db.system.name']).toBeUndefined()
  })

  // `db.system.name` is "the database management system (DBMS) product"
  // (https://opentelemetry.io/docs/specs/semconv/database/database-spans/): core's `runtime` (a wrapped foreign value)
  // and `http` (a bare HTTP status) are no database, and said `db.system.name: 'runtime'`,
  // `db.response.status_code: 'Error'`.
  it('writes no db.* attributes for a wrapped foreign value or a bare HTTP status', async () => {
    const wrapped = toOtelAttributes(normalize(new Error('boom')))
    expect(wrapped['db.system.name']).toBeUndefined()
    expect(wrapped['db.response.status_code']).toBeUndefined()
    expect(wrapped['exception.message']).toBe('boom')
    const http = toOtelAttributes(await fromResponse({ status: 502, headers: {}, body: '<html>' }))
    expect(http['db.system.name']).toBeUndefined()
    expect(http['error.type']).toBe('HTTP_502')
    const foreign = toOtelAttributes(fromProblem({ type: 'https://example.com/probs/out-of-credit', status: 403 }))
    expect(foreign['db.system.name']).toBeUndefined()
  })
})
