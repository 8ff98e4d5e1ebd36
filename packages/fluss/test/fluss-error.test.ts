import { ErrsError, normalize, toProblem } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import { adapter, CLIENT_CODES, ErrorCode, FlussError } from '../src/index.js'
import { decodeErrorResponse, encodeErrorResponse } from '../src/wire.js'

describe('FlussError', () => {
  it('is a branded class: name, instanceof, stack head', () => {
    const e = new FlussError('The table does not exist.', ErrorCode.TABLE_NOT_EXIST)
    expect(e.name).toBe('FlussError')
    expect(e).toBeInstanceOf(FlussError)
    expect(e).toBeInstanceOf(ErrsError)
    expect(e).toBeInstanceOf(Error)
    expect(FlussError.is(e)).toBe(true)
    expect(FlussError.is(new Error('x'))).toBe(false)
    expect(e.stack?.split('\n')[0]).toBe('FlussError: The table does not exist.')
  })

  it("has the Python client's idiom: message, error_code (default CLIENT_ERROR), is_retriable, str()", () => {
    const client = new FlussError('bad config')
    expect(client.error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(client.is_retriable).toBe(false)
    expect(String(client)).toBe('FlussError: bad config')
    const server = new FlussError('no such table', 7)
    expect(String(server)).toBe('FlussError(code=7): no such table')
    expect(`${new FlussError('leader moved', ErrorCode.NOT_LEADER_OR_FOLLOWER)}`).toBe(
      'FlussError(code=12): leader moved',
    )
    expect(new FlussError('x', ErrorCode.NOT_LEADER_OR_FOLLOWER).is_retriable).toBe(true)
  })

  it('offers the core view on the same object', () => {
    const e = new FlussError('gone', ErrorCode.PARTITION_NOT_EXISTS)
    expect([e.system, e.code, e.reason, e.kind, e.status, e.retryable]).toEqual([
      'fluss',
      36,
      'PARTITION_NOT_EXISTS',
      'not_found',
      404,
      false,
    ])
    expect(e.exceptionClass).toBe('PartitionNotExistException')
    expect(e.title).toBe('The partition does not exist.')
    const c = new FlussError('boom')
    expect([c.reason, c.kind, c.status, c.retryable, c.exceptionClass]).toEqual([
      'CLIENT_ERROR',
      'unknown',
      500,
      false,
      undefined,
    ])
  })

  it('uses the default message when none is given', () => {
    expect(new FlussError(undefined, ErrorCode.TABLE_ALREADY_EXIST).message).toBe('The table already exists.')
    // Java: `Errors.forCode(74)` is UNKNOWN_SERVER_ERROR, whose `exception(null)` carries its default message
    // (apache/fluss fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java, `forCode`, `exception`);
    // fluss-rust keeps the raw code and takes `FlussError::for_code(code).message()` (apache/fluss-rust
    // crates/fluss/src/rpc/fluss_api_error.rs at 4292426, `impl From<ErrorResponse> for ApiError`).
    for (const code of [74, 9999, -3]) {
      const e = new FlussError(undefined, code)
      expect([e.error_code, e.message, e.exceptionClass]).toEqual([
        code,
        'The server experienced an unexpected error when processing the request.',
        'UnknownServerException',
      ])
      expect(String(e)).toBe(
        `FlussError(code=${code}): The server experienced an unexpected error when processing the request.`,
      )
    }
  })

  it('keeps unknown future codes: number and message kept, not retriable, kind unknown, never -1', () => {
    for (const code of [74, 120, 9999, -3]) {
      const e = new FlussError(`future error ${code}`, code)
      expect(e.error_code).toBe(code)
      expect(e.code).toBe(code)
      expect(e.message).toBe(`future error ${code}`)
      expect(e.kind).toBe('unknown')
      expect(e.retryable).toBe(false)
      expect(e.is_retriable).toBe(false)
      expect(e.reason).toBe('UNKNOWN_CODE')
      expect(e.exceptionClass).toBe('UnknownServerException')
      expect(String(e)).toBe(`FlussError(code=${code}): future error ${code}`)
      const back = decodeErrorResponse(encodeErrorResponse(e))
      expect([back.error_code, back.message]).toEqual([code, `future error ${code}`])
    }
  })

  it('turns a code that is not an int32 into CLIENT_ERROR', () => {
    for (const bad of [1.5, Number.NaN, 2 ** 40, Number.POSITIVE_INFINITY]) {
      expect(new FlussError('x', bad).error_code).toBe(ErrorCode.CLIENT_ERROR)
    }
  })

  it('accepts overrides for one occurrence', () => {
    const e = new FlussError('refused', ErrorCode.CLIENT_ERROR, { kind: 'unavailable', retryable: true })
    expect([e.kind, e.status, e.retryable, e.is_retriable]).toEqual(['unavailable', 503, true, true])
  })
})

describe('FlussError.from and normalizeWith(adapter)', () => {
  it('keeps FlussErrors as they are', () => {
    const e = new FlussError('x', 7)
    expect(FlussError.from(e)).toBe(e)
    expect(normalizeWith(adapter, e)).toBe(e)
  })

  // fluss-rust maps every transport failure (`RpcError`, connect timeouts included) to NETWORK_EXCEPTION (1),
  // retriable, in all its bindings: apache/fluss-rust bindings/python/src/error.rs at 4292426 (`from_core_error`,
  // PR #519 "map RpcError to NetworkException for Java parity"), crates/fluss/src/rpc/transport.rs
  // (`connect_timeout` → `RpcError::ConnectionError`).
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'])(
    'a %s connection failure is NETWORK_EXCEPTION, unavailable and retriable, cause kept',
    (code) => {
      const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:9123`), { code })
      const e = FlussError.from(cause)
      expect(e.error_code).toBe(ErrorCode.NETWORK_EXCEPTION)
      expect([e.reason, e.kind, e.status, e.retryable, e.is_retriable]).toEqual([
        'NETWORK_EXCEPTION',
        'unavailable',
        503,
        true,
        true,
      ])
      expect(e.exceptionClass).toBe('NetworkException')
      expect(e.cause).toBe(cause)
      expect(e.message).toBe(`connect ${code} 127.0.0.1:9123`)
      expect(String(e)).toBe(`FlussError(code=1): connect ${code} 127.0.0.1:9123`)
    },
  )

  it('finds the connection failure behind a fetch TypeError', () => {
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })
    const e = normalizeWith(adapter, cause)
    expect([e.error_code, e.kind, e.retryable]).toEqual([ErrorCode.NETWORK_EXCEPTION, 'unavailable', true])
  })

  it('maps client failures by kind through CLIENT_CODES (data): timeouts are REQUEST_TIME_OUT, the rest CLIENT_ERROR', () => {
    expect(CLIENT_CODES).toEqual({ unknown: -2, unavailable: 1, deadline_exceeded: 25 })
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError: Java's TimeoutException, code 25
    // (apache/fluss Errors.java, REQUEST_TIME_OUT), retriable in Java and in fluss-rust.
    const timeout = FlussError.from(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
    expect([timeout.error_code, timeout.kind, timeout.status, timeout.is_retriable]).toEqual([
      ErrorCode.REQUEST_TIME_OUT,
      'deadline_exceeded',
      504,
      true,
    ])
    // Kinds without a code of their own stay CLIENT_ERROR with their classification (not retriable: fluss-rust's
    // Python binding returns False for -2).
    const aborted = FlussError.from(new DOMException('aborted', 'AbortError'))
    expect([aborted.error_code, aborted.kind, aborted.is_retriable]).toEqual([-2, 'cancelled', false])
  })

  it('a schema mismatch raised by a writer is CLIENT_ERROR with kind invalid_argument', () => {
    for (const thrown of [
      new TypeError("Schema mismatch: unknown column 'wrong_column'"),
      Object.assign(new Error('row rejected'), { name: 'SchemaMismatchError' }),
      new Error("Row does not match the table schema: missing field 'id'"),
    ]) {
      const e = FlussError.from(thrown)
      expect([e.error_code, e.kind, e.status, e.retryable]).toEqual([-2, 'invalid_argument', 400, false])
      expect(e.cause).toBe(thrown)
    }
  })

  it('other thrown values are CLIENT_ERROR with kind unknown', () => {
    const e = FlussError.from(new RangeError('index out of bounds'))
    expect([e.error_code, e.kind, e.retryable, e.message]).toEqual([-2, 'unknown', false, 'index out of bounds'])
    expect(FlussError.from('just a string').message).toBe('just a string')
    expect(FlussError.from(undefined).message).toBe('undefined was thrown')
    expect(FlussError.from(42).message).toBe('Non-error value thrown: number')
    const abort = FlussError.from(Object.assign(new Error('aborted'), { name: 'AbortError' }))
    expect([abort.error_code, abort.kind]).toEqual([-2, 'cancelled'])
  })

  it('recognises Fluss-shaped values by their code', () => {
    const e = FlussError.from({ error_code: 7, error_message: 'no such table' })
    expect([e.error_code, e.message, e.kind]).toEqual([7, 'no such table', 'not_found'])
    const camel = adapter.recognize({ errorCode: 44, errorMessage: 'no leader' })
    expect([camel?.error_code, camel?.retryable]).toEqual([44, true])
    expect(adapter.recognize({ error_code: 0 })).toBeUndefined()
    expect(adapter.recognize(new Error('plain'))).toBeUndefined()
    expect(adapter.recognize(null)).toBeUndefined()
    const pyLike = Object.assign(new Error('Table not found'), { error_code: 7 })
    expect(adapter.recognize(pyLike)?.cause).toBe(pyLike)
  })

  it('rebuilds a plain core error of system fluss, and core normalize uses the adapter', () => {
    const plain = new ErrsError({
      system: 'fluss',
      code: 8,
      reason: 'TABLE_ALREADY_EXIST',
      kind: 'already_exists',
      message: 'dup',
    })
    const e = FlussError.from(plain)
    expect(e).toBeInstanceOf(FlussError)
    expect([e.error_code, e.message]).toEqual([8, 'dup'])
    expect(normalize({ error_code: 36 }, { adapters: [adapter] })).toBeInstanceOf(FlussError)
    const other = new ErrsError({ system: 'lance', code: 'x', reason: 'X', kind: 'internal', message: 'other' })
    expect(adapter.recognize(other)).toBeUndefined()
    expect(FlussError.from(other).cause).toBe(other)
  })

  it('never throws, even for hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
        ownKeys() {
          throw new Error('trap')
        },
      },
    )
    expect(FlussError.from(hostile)).toBeInstanceOf(FlussError)
    expect(toProblem(FlussError.from(hostile)).code).toBe(-2)
  })
})

// The seed's examples (fluss-rust Python error-handling guide), in TypeScript, against a fake Fluss admin whose
// calls reject with what the server sends (decoded from the RPC wire) or with what the socket throws.
describe('seed examples', () => {
  const server = (code: number, message?: string) =>
    decodeErrorResponse(encodeErrorResponse({ error_code: code, ...(message ? { error_message: message } : {}) }))
  const admin = {
    async createTable(_path: string, _descriptor: unknown): Promise<void> {
      throw server(ErrorCode.TABLE_ALREADY_EXIST, 'Table fluss.orders already exists.')
    },
    async dropTable(_path: string): Promise<void> {
      throw server(ErrorCode.TABLE_NOT_EXIST, 'Table fluss.orders does not exist.')
    },
    async dropPartition(_path: string, _spec: Record<string, string>): Promise<void> {
      throw server(ErrorCode.PARTITION_NOT_EXISTS)
    },
  }
  const tablePath = 'fluss.orders'

  it('basic usage: create table', async () => {
    const lines: string[] = []
    try {
      await admin.createTable(tablePath, {})
    } catch (e) {
      if (e instanceof FlussError) lines.push(`Error (code ${e.error_code}): ${e.message}`)
    }
    expect(lines).toEqual(['Error (code 8): Table fluss.orders already exists.'])
  })

  it('error codes: drop table', async () => {
    const lines: string[] = []
    try {
      await admin.dropTable(tablePath)
    } catch (e) {
      if (e instanceof FlussError) {
        if (e.error_code === ErrorCode.TABLE_NOT_EXIST) lines.push('Table does not exist')
        else if (e.error_code === ErrorCode.PARTITION_NOT_EXISTS) lines.push('Partition does not exist')
        else if (e.error_code === ErrorCode.CLIENT_ERROR) lines.push(`Client-side error: ${e.message}`)
        else lines.push(`Server error (code ${e.error_code}): ${e.message}`)
      }
    }
    expect(lines).toEqual(['Table does not exist'])
  })

  it('partition not found: drop partition', async () => {
    const lines: string[] = []
    try {
      await admin.dropPartition(tablePath, { region: 'US' })
    } catch (e) {
      if (e instanceof FlussError && e.error_code === ErrorCode.PARTITION_NOT_EXISTS) {
        lines.push('Partition does not exist, create it first')
      }
    }
    expect(lines).toEqual(['Partition does not exist, create it first'])
  })

  it('connection refused', async () => {
    const net = await import('node:net')
    // A port that was just free: connecting to it is refused.
    const probe = net.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as { port: number }
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const connect = () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.destroy()
          resolve()
        })
        socket.on('error', reject)
      })
    const lines: string[] = []
    try {
      try {
        await connect()
      } catch (cause) {
        throw FlussError.from(cause)
      }
    } catch (e) {
      if (e instanceof FlussError) {
        // The guide still says CLIENT_ERROR for connection failures; its code gives NETWORK_EXCEPTION since
        // apache/fluss-rust PR #519 (bindings/python/src/error.rs, `from_core_error`).
        expect(e.error_code).toBe(ErrorCode.NETWORK_EXCEPTION)
        expect([e.kind, e.retryable]).toEqual(['unavailable', true])
        lines.push(`Cannot connect to cluster: ${e.message}`)
      }
    }
    expect(lines).toEqual([`Cannot connect to cluster: connect ECONNREFUSED 127.0.0.1:${port}`])
  })

  it('authentication failed (the SASL password never shows)', async () => {
    const config = {
      'bootstrap.servers': '127.0.0.1:9123',
      'client.security.protocol': 'sasl',
      'client.security.sasl.username': 'admin',
      'client.security.sasl.password': 'wrong-password',
    }
    const lines: string[] = []
    try {
      try {
        throw server(ErrorCode.AUTHENTICATE_EXCEPTION, 'Authentication failed: invalid credentials for user admin')
      } catch (cause) {
        throw FlussError.from(cause, { secrets: config })
      }
    } catch (e) {
      if (e instanceof FlussError && e.error_code === ErrorCode.AUTHENTICATE_EXCEPTION) {
        expect(e.kind).toBe('unauthenticated')
        lines.push(`Authentication failed: ${e.message}`)
      }
    }
    expect(lines).toEqual(['Authentication failed: Authentication failed: invalid credentials for user admin'])
  })

  it('schema mismatch', async () => {
    const writer = {
      append(row: Record<string, unknown>): void {
        if ('wrong_column' in row) throw new TypeError("Schema mismatch: unknown column 'wrong_column'")
      },
      async flush(): Promise<void> {},
    }
    const lines: string[] = []
    try {
      try {
        writer.append({ wrong_column: 'value' })
        await writer.flush()
      } catch (cause) {
        throw FlussError.from(cause)
      }
    } catch (e) {
      if (e instanceof FlussError) {
        // error_code == ErrorCode.CLIENT_ERROR for type/schema mismatches
        expect([e.error_code, e.kind]).toEqual([ErrorCode.CLIENT_ERROR, 'invalid_argument'])
        lines.push(`Schema mismatch: ${e.message}`)
      }
    }
    expect(lines).toEqual(["Schema mismatch: Schema mismatch: unknown column 'wrong_column'"])
  })

  it('retry logic: is_retriable', () => {
    const transient = server(ErrorCode.STORAGE_BACKPRESSURE_EXCEPTION)
    const permanent = server(ErrorCode.RETRIABLE_AUTHENTICATE_EXCEPTION)
    expect([transient.is_retriable, permanent.is_retriable]).toEqual([true, false])
  })
})
