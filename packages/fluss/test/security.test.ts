import { inspect } from 'node:util'
import { fromProblem, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  addConfigSecrets,
  ErrorCode,
  encodeErrorJson,
  encodeGatewayResponse,
  FlussError,
} from '../src/index.js'
import { decodeErrorResponse, encodeErrorResponse } from '../src/wire.js'

const STACK = [
  'org.apache.fluss.exception.FlussRuntimeException: Failed to append records to bucket 3',
  '\tat org.apache.fluss.server.replica.Replica.appendRecordsToLeader(Replica.java:512)',
  '\tat org.apache.fluss.server.replica.ReplicaManager.appendToLocalLog(ReplicaManager.java:1033)',
  'Caused by: java.io.IOException: No space left on device (10.0.3.17:/data/fluss)',
  '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
].join('\n')

describe('UNKNOWN_SERVER_ERROR stack traces', () => {
  const e = decodeErrorResponse(encodeErrorResponse({ error_code: -1, error_message: STACK }))

  it('are kept on the native error', () => {
    expect(e.error_code).toBe(ErrorCode.UNKNOWN_SERVER_ERROR)
    expect(e.message).toBe(STACK)
    expect(decodeErrorResponse(encodeErrorResponse(e)).message).toBe(STACK)
  })

  it('show only their first line in problems, unless internal exposure is asked for', () => {
    const problem = toProblem(e)
    // UNKNOWN_SERVER_ERROR is an unexpected error: the public problem says only the kind's generic title.
    expect(problem.detail).toBe('An internal error occurred')
    expect(JSON.stringify(problem)).not.toContain('Replica.java')
    expect(JSON.stringify(e)).not.toContain('10.0.3.17')
    expect(toProblem(e, { exposeInternal: true }).detail).toBe(STACK)
    // Rebuilt from the public problem, the error carries only what was shown.
    const back = fromProblem(problem, { adapters: [adapter] })
    expect(back).toBeInstanceOf(FlussError)
    expect(back.message).toBe(problem.detail)
  })

  it('stay out of the JSON and gateway forms meant for other readers', () => {
    // The public forms write exactly the problem's detail: for an unexpected (-1, internal, 500) error, the title.
    expect(encodeErrorJson(e).error_message).toBe('An internal error occurred')
    expect(encodeGatewayResponse(e).body.error.message).toBe('An internal error occurred')
    for (const out of [encodeErrorJson(e), encodeErrorJson(e, { style: 'camel' }), encodeGatewayResponse(e)]) {
      expect(JSON.stringify(out)).not.toContain('Replica.java')
      expect(JSON.stringify(out)).not.toContain('FlussRuntimeException')
    }
    // The trusted forms (hops between your own services; adapter.encode, the inverse of decode) keep all of it.
    expect(encodeErrorJson(e, { exposeInternal: true }).error_message).toBe(STACK)
    expect(adapter.encode(e)).toMatchObject({ body: { error_code: -1, error_message: STACK } })
  })

  it('leave single-line -1 messages and other codes alone', () => {
    expect(toProblem(new FlussError('just one line', -1), { exposeInternal: true }).detail).toBe('just one line')
    expect(toProblem(new FlussError('two\nlines', 7)).detail).toBe('two\nlines')
  })
})

describe('SASL password from a client config', () => {
  const password = 'pa55-Fluss-s3cret!'
  const config = {
    'bootstrap.servers': '127.0.0.1:9123',
    'client.security.protocol': 'sasl',
    'client.security.sasl.username': 'admin',
    'client.security.sasl.password': password,
  }

  it('never appears in any message, problem or inspect output', () => {
    const thrown = Object.assign(new Error(`SASL handshake with admin / ${password} failed`), { code: 'ECONNRESET' })
    const e = FlussError.from(thrown, { secrets: config })
    const outputs = [
      e.message,
      String(e),
      e.stack ?? '',
      inspect(e, { depth: 5 }),
      JSON.stringify(e),
      JSON.stringify(toProblem(e)),
      JSON.stringify(toProblem(e, { exposeInternal: true })),
      JSON.stringify(encodeErrorJson(e)),
      JSON.stringify(encodeGatewayResponse(e)),
      new TextDecoder().decode(encodeErrorResponse(e)),
    ]
    for (const out of outputs) {
      expect(out).not.toContain(password)
    }
    expect(e.message).toContain('[REDACTED]')
    expect([e.kind, e.retryable]).toEqual(['unavailable', true])
  })

  it('is hidden in server messages decoded afterwards, and in details', () => {
    addConfigSecrets(config)
    const e = decodeErrorResponse(
      encodeErrorResponse({ error_code: 46, error_message: `Authentication failed for admin with ${password}` }),
    )
    expect(e.message).toBe('Authentication failed for admin with [REDACTED]')
    const d = new FlussError('x', 46, { details: { config } })
    expect(JSON.stringify(toProblem(d))).not.toContain(password)
    expect(inspect(d)).not.toContain(password)
  })

  it('is taken from a number too: a YAML loader gives an all-digit password as one', () => {
    // YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): an unquoted `73920518` is an integer.
    addConfigSecrets({ 'client.security.sasl.username': 'bob', 'client.security.sasl.password': 73920518 })
    const e = new FlussError('Authentication failed: invalid credentials 73920518 for bob', 46)
    expect(e.message).toBe('Authentication failed: invalid credentials [REDACTED] for bob')
    expect(new FlussError('user id 1001 and bob stay', 46).message).toBe('user id 1001 and bob stay')
  })

  // Settings whose key holds a secret word but whose last segment names a duration, a length or a version: their
  // values (3600, 1000, 8) registered as secrets would be hidden in every text of the process.
  it('is not taken from a setting about a secret (a ttl, a length, a period)', () => {
    addConfigSecrets({
      'auth.token.expiry-seconds': 3601,
      'client.credentials.refresh.period': 1001,
      password: { 'min-length': 9 },
      'token.ttl': '7201',
    })
    expect(new FlussError('timed out after 3601 s; retried 1001 times, 9 chars, ttl 7201', 25).message).toBe(
      'timed out after 3601 s; retried 1001 times, 9 chars, ttl 7201',
    )
  })

  it('is taken from a JAAS config and from a literal list too', () => {
    addConfigSecrets({
      client: {
        security: { sasl: { jaas: { config: 'PlainLoginModule required username="bob" password="jaas-Secret-42";' } } },
      },
    })
    expect(new FlussError('login jaas-Secret-42 failed', 46).message).toBe('login [REDACTED] failed')
    FlussError.from(new Error('x'), { secrets: ['literal-Secret-77'] })
    expect(new FlussError('has literal-Secret-77', 46).message).toBe('has [REDACTED]')
  })
})
