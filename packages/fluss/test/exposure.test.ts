import { type ErrsError, toProblem, toResponse } from '@errs/core'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  decodeErrorJson,
  decodeGatewayResponse,
  ErrorCode,
  encodeErrorJson,
  encodeGatewayResponse,
  FlussError,
  fromBucketError,
  toBucketError,
} from '../src/index.js'
import {
  decodeErrorResponse,
  decodeResponseFrame,
  encodeErrorResponse,
  encodeResponseFrame,
  adapter as wireAdapter,
} from '../src/wire.js'

// What each Fluss path lets out of the service, and what its decoders do with bytes they cannot trust.
//
// Upstream facts the expectations rest on (apache/fluss @ 545c553):
// - `fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/ApiError.java`: for UNKNOWN_SERVER_ERROR (-1) a server
//   sends the stringified stack trace (up to 2,048 chars) as the message; for other codes `t.getMessage()`.
// - `fluss-gateway/src/error.rs`: the gateway's `message` is client-safe text that must never carry stack traces,
//   internal addresses or wire payloads.
// - `fluss-rpc/src/main/proto/FlussApi.proto`: `ErrorResponse { required int32 error_code = 1; optional string
//   error_message = 2; }` (bytes 08 07 = TABLE_NOT_EXIST).

/** Text a server (or a proxy in front of it) may put in a body or message: addresses, hosts, paths, frames. */
const INTERNALS =
  'connect ECONNREFUSED 10.1.2.3:5432 at /home/deploy/app/server.js:10:5\n' +
  '    at Object.<anonymous> (/home/deploy/app/x.js:1:1)\nCaused by: java.io.IOException: /var/lib/fluss'
const MARKERS = ['10.1.2.3', '/home/deploy', 'Object.<anonymous>', 'Caused by', '/var/lib']

/** Everything an untrusted reader of an error can be shown: the public problem, `JSON.stringify`, `toResponse`. */
async function publicOutputs(err: ErrsError): Promise<string[]> {
  return [JSON.stringify(toProblem(err)), JSON.stringify(err), await toResponse(err).text()]
}

async function expectNothingInternal(err: ErrsError): Promise<void> {
  for (const out of await publicOutputs(err)) for (const m of MARKERS) expect(out).not.toContain(m)
}

describe('an unreadable reply with an HTTP error status takes the kind and status of that status', () => {
  it.each([
    [500, 'internal'],
    [502, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('decodeGatewayResponse: a %i reply whose body is not JSON is %s, not a 400', async (status, kind) => {
    const err = decodeGatewayResponse({ status, headers: {}, body: INTERNALS })
    // Retriable at 503 as every gateway reply with that status (apache/fluss fluss-gateway/src/error.rs @ 545c553 adds
    // `Retry-After: 1` to 429 and 503 replies only; RFC 9110 §15.6.4: a 503 is temporary), through core's statusFacts.
    expect([err.error_code, err.kind, err.status, err.retryable]).toEqual([
      ErrorCode.CLIENT_ERROR,
      kind,
      status,
      status === 503,
    ])
    // The raw body is kept for the trusted form…
    expect(err.details.raw).toContain('10.1.2.3')
    expect(JSON.stringify(toProblem(err, { exposeInternal: true }))).toContain('10.1.2.3')
    // …and the public problem says only the kind's generic title.
    expect(toProblem(err).detail).not.toContain('Cannot decode')
    expect(toProblem(err).details).toBeUndefined()
    await expectNothingInternal(err)
  })

  it('decodeGatewayResponse: a 5xx JSON body that is not the envelope is not a 400 either', async () => {
    const err = decodeGatewayResponse({ status: 500, headers: {}, body: { trace: INTERNALS } })
    expect([err.kind, err.status]).toEqual(['internal', 500])
    await expectNothingInternal(err)
  })

  it.each([
    ['text that is not JSON', INTERNALS],
    ['a JSON array', [INTERNALS]],
    ['JSON without a code', { error_message: INTERNALS }],
    ['a code that is not an int32', { error_code: 'boom', error_message: INTERNALS }],
    ['bytes that are not UTF-8', new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode(INTERNALS)])],
  ])('adapter.decode of a 500 reply with %s: internal, 500, raw body kept but not published', async (_n, body) => {
    for (const a of [adapter, wireAdapter]) {
      const err = a.decode({ status: 500, headers: {}, body })
      expect([err.error_code, err.kind, err.status]).toEqual([ErrorCode.CLIENT_ERROR, 'internal', 500])
      expect(typeof err.details.raw).toBe('string')
      await expectNothingInternal(err)
    }
  })

  it('without an HTTP error status, unreadable input is CLIENT_ERROR with its own row: unknown, 500', async () => {
    const errs: FlussError[] = [
      decodeErrorJson(INTERNALS),
      decodeErrorJson({ error_code: 1.5, error_message: INTERNALS }),
      decodeGatewayResponse({ status: 200, body: INTERNALS }),
      decodeErrorResponse(new Uint8Array([0x12, 0x7f, ...new TextEncoder().encode(INTERNALS)])),
      fromBucketError({ error_code: 'x', error_message: INTERNALS, bucket_id: 3 }) as FlussError,
    ]
    for (const err of errs) {
      expect([err.error_code, err.kind, err.status, err.retryable]).toEqual([
        ErrorCode.CLIENT_ERROR,
        'unknown',
        500,
        false,
      ])
      expect(typeof err.details.raw).toBe('string')
      await expectNothingInternal(err)
    }
  })

  it('a 4xx reply keeps its status (the problem shows its details, secrets redacted)', () => {
    const sk = `sk-${'A'.repeat(20)}${'b'.repeat(20)}`
    const err = decodeGatewayResponse({
      status: 400,
      headers: {},
      body: JSON.stringify({ error_code: 7, error_message: `bad\n${sk}` }),
    })
    expect([err.error_code, err.kind, err.status]).toEqual([ErrorCode.CLIENT_ERROR, 'invalid_argument', 400])
    // A shaped token inside a JSON body kept as raw text is hidden (the escape before it does not shield it).
    expect(JSON.stringify(toProblem(err))).not.toContain(sk)
  })
})

describe('encoders write exactly the message a problem of the error shows', () => {
  const unknownServer = decodeErrorJson({ error_code: ErrorCode.UNKNOWN_SERVER_ERROR, error_message: INTERNALS })
  const network = decodeErrorJson({ error_code: ErrorCode.NETWORK_EXCEPTION, error_message: INTERNALS })
  const notFound = new FlussError(`table t on fluss-1.internal:9123 at /var/lib/fluss/t: ${INTERNALS}`, 7)

  it.each([
    ['UNKNOWN_SERVER_ERROR (-1)', unknownServer],
    ['NETWORK_EXCEPTION (1)', network],
    ['TABLE_NOT_EXIST (7)', notFound],
  ])('%s: the public message of encodeGatewayResponse and encodeErrorJson is the problem detail', (_n, err) => {
    const detail = toProblem(err).detail
    const outs = [
      encodeGatewayResponse(err).body.error.message,
      encodeErrorJson(err).error_message,
      encodeErrorJson(err, { style: 'camel' }).errorMessage,
    ]
    for (const out of outs) {
      expect(out).toBe(detail)
      for (const m of [...MARKERS, 'fluss-1.internal:9123']) expect(out).not.toContain(m)
    }
  })

  it('unexpected errors (5xx kinds) show only the kind title', () => {
    expect(encodeGatewayResponse(unknownServer).body.error.message).toBe('An internal error occurred')
    expect(encodeErrorJson(network).error_message).toBe('The service is unavailable')
  })

  it('a 4xx error keeps its own words, without hosts, addresses, paths or stack frames', () => {
    expect(encodeErrorJson(notFound).error_message).toBe(
      'table t on [internal] at [internal]: connect ECONNREFUSED [internal] at [internal]',
    )
  })

  it('the trusted JSON form (exposeInternal) and adapter.encode keep the full message', () => {
    for (const err of [unknownServer, network, notFound]) {
      expect(encodeErrorJson(err, { exposeInternal: true }).error_message).toBe(err.message)
      expect(adapter.encode(err)).toMatchObject({ body: { error_message: err.message } })
      expect(decodeErrorJson(encodeErrorJson(err, { exposeInternal: true })).message).toBe(err.message)
    }
  })

  it("Fluss's own RPC forms (ErrorResponse, per-bucket entries) are trusted: full message, as a server sends it", () => {
    // ApiError.fromThrowable sends a -1's stack trace to the client; these encoders are what a Fluss server writes.
    expect(decodeErrorResponse(encodeErrorResponse(unknownServer)).message).toBe(INTERNALS)
    expect(toBucketError(unknownServer).error_message).toBe(INTERNALS)
    const frame = encodeResponseFrame({ responseType: 1, requestId: 9, error: network })
    expect((decodeResponseFrame(frame) as { error: FlussError }).error.message).toBe(INTERNALS)
  })

  it('secrets never reach any encoder, trusted or public', () => {
    const sk = `sk-${'C'.repeat(20)}${'d'.repeat(20)}`
    const err = new FlussError(`denied for key ${sk}`, ErrorCode.UNKNOWN_SERVER_ERROR)
    const outs = [
      encodeErrorJson(err),
      encodeErrorJson(err, { exposeInternal: true }),
      encodeGatewayResponse(err),
      adapter.encode(err),
      toBucketError(err),
    ].map((o) => JSON.stringify(o))
    outs.push(new TextDecoder().decode(encodeErrorResponse(err)))
    for (const out of outs) expect(out).not.toContain(sk)
  })
})

/** Bytes `08 07`: an ErrorResponse with TABLE_NOT_EXIST (FlussApi.proto field 1, varint). */
const TABLE_NOT_EXIST = [0x08, 0x07]
/** The same ErrorResponse in an ERROR_RESPONSE frame for request 1 (MessageCodec: length, type 1, request id). */
const FRAME = [0, 0, 0, 7, 1, 0, 0, 0, 1, ...TABLE_NOT_EXIST]

/** A resizable ArrayBuffer (ES2024; typed here, the package's lib is older). */
function resizable(length: number, maxByteLength: number): ArrayBuffer & { resize(n: number): void } {
  const Ctor = ArrayBuffer as unknown as new (
    n: number,
    o: { maxByteLength: number },
  ) => ArrayBuffer & { resize(n: number): void }
  return new Ctor(length, { maxByteLength })
}

function detached(n = 16): Uint8Array {
  const b = new Uint8Array(n)
  structuredClone(b.buffer, { transfer: [b.buffer] })
  return b
}

/** A Uint8Array whose own members all throw (its internal slots hold `bytes`). */
function hostileSubclass(bytes: number[]): Uint8Array {
  class Hostile extends Uint8Array {
    static get [Symbol.species](): never {
      throw new Error('species')
    }
    override get length(): never {
      throw new Error('length')
    }
    override get buffer(): never {
      throw new Error('buffer')
    }
    override get byteOffset(): never {
      throw new Error('byteOffset')
    }
    override get byteLength(): never {
      throw new Error('byteLength')
    }
    override subarray(): never {
      throw new Error('subarray')
    }
  }
  const h = new Hostile(bytes.length)
  Uint8Array.prototype.set.call(h, bytes)
  return h
}

describe('decoders of bytes never throw, whatever buffer the view sits on', () => {
  const decoders: [string, (b: Uint8Array) => FlussError | undefined][] = [
    ['decodeErrorResponse', (b) => decodeErrorResponse(b)],
    ['wire adapter.decode', (b) => wireAdapter.decode(b)],
    ['decodeResponseFrame', (b) => decodeResponseFrame(b).error],
    ['decodeErrorJson', (b) => decodeErrorJson(b)],
    ['decodeGatewayResponse', (b) => decodeGatewayResponse({ status: 500, body: b })],
    ['adapter.decode of an HTTP reply', (b) => adapter.decode({ status: 500, body: b })],
  ]

  it.each(decoders)('%s: bytes whose buffer was transferred (detached) give CLIENT_ERROR', (_n, decode) => {
    const b = detached()
    let err: FlussError | undefined
    expect(() => {
      err = decode(b)
    }).not.toThrow()
    expect(err).toBeInstanceOf(FlussError)
    expect(err?.error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(typeof err?.details.raw).toBe('string')
  })

  it.each(decoders)('%s: a view left out of bounds by a shrunk resizable buffer gives CLIENT_ERROR', (_n, decode) => {
    const rab = resizable(16, 32)
    const view = new Uint8Array(rab, 4, 8)
    rab.resize(6)
    let err: FlussError | undefined
    expect(() => {
      err = decode(view)
    }).not.toThrow()
    expect(err?.error_code).toBe(ErrorCode.CLIENT_ERROR)
  })

  it('a length-tracking view of a resizable buffer is read as it is now', () => {
    const rab = resizable(8, 32)
    const view = new Uint8Array(rab)
    view.set([...TABLE_NOT_EXIST, 0x12, 0x7f])
    rab.resize(2)
    expect(decodeErrorResponse(view).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
  })

  it('bytes on a SharedArrayBuffer decode from a private copy', () => {
    const shared = new Uint8Array(new SharedArrayBuffer(FRAME.length))
    shared.set(FRAME)
    expect(decodeErrorResponse(shared.subarray(9)).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
    const frame = decodeResponseFrame(shared)
    expect([frame.responseType, frame.error?.error_code]).toEqual([1, ErrorCode.TABLE_NOT_EXIST])
    const json = new TextEncoder().encode('{"error_code":7}')
    const sharedJson = new Uint8Array(new SharedArrayBuffer(json.length))
    sharedJson.set(json)
    expect(decodeErrorJson(sharedJson).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
  })

  it('a Uint8Array subclass whose own getters and methods throw is read from its internal slots', () => {
    expect(decodeErrorResponse(hostileSubclass(TABLE_NOT_EXIST)).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
    const frame = decodeResponseFrame(hostileSubclass(FRAME))
    expect([frame.responseType, frame.error?.error_code]).toEqual([1, ErrorCode.TABLE_NOT_EXIST])
    const success = decodeResponseFrame(hostileSubclass([0, 0, 0, 7, 0, 0, 0, 0, 2, 0xaa, 0xbb]))
    expect(success.responseType).toBe(0)
    expect([...(success as { body: Uint8Array }).body]).toEqual([0xaa, 0xbb])
  })

  it('a Uint8Array subclass with a sound length but a throwing buffer or subarray does not make a decoder throw', () => {
    class ThrowingBuffer extends Uint8Array {
      override get buffer(): never {
        throw new Error('buffer')
      }
    }
    class ThrowingSubarray extends Uint8Array {
      override subarray(): never {
        throw new Error('subarray')
      }
    }
    const b = new ThrowingBuffer(TABLE_NOT_EXIST.length)
    b.set(TABLE_NOT_EXIST)
    expect(() => decodeErrorResponse(b)).not.toThrow()
    expect(decodeErrorResponse(b).error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
    const f = new ThrowingSubarray(FRAME.length)
    f.set(FRAME)
    expect(() => decodeResponseFrame(f)).not.toThrow()
    expect(decodeResponseFrame(f).error?.error_code).toBe(ErrorCode.TABLE_NOT_EXIST)
  })

  it('a Proxy of a Uint8Array is not bytes: CLIENT_ERROR, no throw', () => {
    const proxy = new Proxy(new Uint8Array(TABLE_NOT_EXIST), {})
    expect(decodeErrorResponse(proxy).error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(decodeResponseFrame(proxy).responseType).toBeUndefined()
  })
})
