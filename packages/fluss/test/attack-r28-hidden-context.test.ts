import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import { toProblem, toResponse } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { adapter, decodeGatewayResponse, ErrorCode, encodeGatewayResponse, FlussError } from '../src/index.js'

// Core keeps an error's `publicMessage` and `internal` as functions under registered symbols, read through getters on
// `ErrsError.prototype`. A Fluss -1 (UNKNOWN_SERVER_ERROR) message is the server's Java stack trace, and its public
// message the trace's first line (apache/fluss fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java @
// 545c553: UnknownServerException). Checked here: the first line is what the public problem and the gateway reply show,
// for an error the gateway decoder made, read through a Proxy and by another copy of core (the CJS build); the trace is
// in no public output.

const HOST = 'Zq9FlussHostCanary'
const TRACE = `org.apache.fluss.exception.FlussRuntimeException: lost the log\n\tat org.apache.fluss.server.${HOST}.read(Log.java:42)`
const core = createRequire(import.meta.url)('@errs/core') as typeof import('@errs/core')

describe('Fluss: a -1 with a Java stack trace shows its first line, through a Proxy and another copy of core', () => {
  it('the constructor, given a kind that is not unexpected', async () => {
    const e = new FlussError(TRACE, ErrorCode.UNKNOWN_SERVER_ERROR, { kind: 'failed_precondition' })
    for (const x of [e, new Proxy(e, {})]) {
      expect(x.publicMessage).toBe('org.apache.fluss.exception.FlussRuntimeException: lost the log')
      for (const reader of [{ toProblem }, core]) {
        expect(reader.toProblem(x).detail).toBe('org.apache.fluss.exception.FlussRuntimeException: lost the log')
        expect(reader.toProblem(x, { exposeInternal: true }).detail).toBe(TRACE)
      }
      for (const out of [
        JSON.stringify(x),
        await toResponse(x).text(),
        JSON.stringify(encodeGatewayResponse(x).body),
        JSON.stringify({ ...x }),
        inspect({ ...x }, { showHidden: true, depth: 8 }),
      ]) {
        expect(out).not.toContain(HOST)
      }
    }
  })

  it('decodeGatewayResponse: a gateway code it does not know, at 409, with a trace as message', () => {
    const e = decodeGatewayResponse({
      status: 409,
      headers: {},
      body: { error: { code: 'brand_new_code', message: TRACE, request_id: 'r-1' } },
    })
    expect([e.error_code, e.status]).toEqual([ErrorCode.UNKNOWN_SERVER_ERROR, 409])
    for (const x of [e, new Proxy(e, {})]) {
      for (const reader of [{ toProblem }, core]) {
        expect(reader.toProblem(x).detail).toBe('org.apache.fluss.exception.FlussRuntimeException: lost the log')
      }
      expect(encodeGatewayResponse(x).body.error.message).not.toContain(HOST)
      expect(core.normalize(x, { adapters: [adapter] }).publicMessage).toBe(x.publicMessage)
    }
  })

  it('hostile slots on a FlussError: the decoder, the encoder and normalize do not throw', () => {
    const e = new FlussError(TRACE, ErrorCode.UNKNOWN_SERVER_ERROR) as unknown as Record<symbol, unknown>
    e[Symbol.for('@errs/core.publicMessage')] = () => {
      throw new Error('Zq9Thrown')
    }
    const value = e as unknown as FlussError
    expect(() => [
      toProblem(value),
      encodeGatewayResponse(value),
      decodeGatewayResponse(value),
      decodeGatewayResponse({ status: 500, headers: {}, body: value }),
      adapter.recognize(value),
      core.normalize(value, { adapters: [adapter] }),
    ]).not.toThrow()
    expect(JSON.stringify(encodeGatewayResponse(value).body)).not.toContain(HOST)
  })
})
