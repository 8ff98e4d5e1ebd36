import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode, FLUSS_CODES, FlussError } from '../src/index.js'
import { decodeErrorJson, decodeErrorJsonWith } from '../src/json.js'
import {
  decodeErrorResponse,
  decodeResponseFrame,
  encodeErrorResponse,
  encodeResponseFrame,
  MAX_ERROR_RESPONSE_BYTES,
  ResponseType,
} from '../src/wire.js'

fc.configureGlobal({ seed: 20260822 })

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const bytes = (h: string) => new Uint8Array(Buffer.from(h.replaceAll(' ', ''), 'hex'))

function expectMalformed(e: FlussError, text: RegExp | string): void {
  expect(e).toBeInstanceOf(FlussError)
  expect(e.error_code).toBe(ErrorCode.CLIENT_ERROR)
  // Unreadable bytes from a server are not the caller's bad request: CLIENT_ERROR's own row (unknown, 500), so a
  // public problem shows only the kind's title and never the raw bytes.
  expect([e.kind, e.status, e.retryable]).toEqual(['unknown', 500, false])
  expect(e.message).toMatch(text)
  expect(typeof e.details.raw).toBe('string')
  expect((e.details.raw as string).length).toBeLessThanOrEqual(4 * 1024 + 64)
}

describe('ErrorResponse bytes', () => {
  it('reads and writes the proto2 message (error_code = 1 int32, error_message = 2 string)', () => {
    expect(hex(encodeErrorResponse(new FlussError('no table', 7)))).toBe('0807' + '12086e6f207461626c65')
    // Like Fluss servers, the default message is left out…
    expect(hex(encodeErrorResponse(new FlussError(undefined, 7)))).toBe('0807')
    // …and an absent message reads as the default.
    expect(decodeErrorResponse(bytes('0807')).message).toBe('The table does not exist.')
    // int32 -1 is a ten-byte varint.
    expect(hex(encodeErrorResponse({ error_code: -1 }))).toBe('08ffffffffffffffffff01')
    expect(decodeErrorResponse(bytes('08ffffffffffffffffff01')).error_code).toBe(-1)
  })

  it('round-trips every code of the table, with default and custom messages', () => {
    for (const row of FLUSS_CODES) {
      const plain = decodeErrorResponse(encodeErrorResponse(new FlussError(undefined, row.code)))
      expect([plain.error_code, plain.reason, plain.kind, plain.status, plain.retryable, plain.message]).toEqual([
        row.code,
        row.reason,
        row.kind,
        row.status,
        row.retryable,
        row.message,
      ])
      const custom = decodeErrorResponse(encodeErrorResponse(new FlussError(`custom ${row.reason}`, row.code)))
      expect([custom.error_code, custom.message]).toEqual([row.code, `custom ${row.reason}`])
    }
  })

  it('skips unknown fields of every wire type', () => {
    const w = new BinaryWriter()
    w.tag(3, WireType.Varint).int32(99)
    w.tag(4, WireType.LengthDelimited).string('ignored')
    w.tag(5, WireType.Bit32).fixed32(1)
    w.tag(6, WireType.Bit64).fixed64(2n)
    w.tag(1, WireType.Varint).int32(36)
    w.tag(7, WireType.StartGroup).tag(1, WireType.Varint).int32(1).tag(7, WireType.EndGroup)
    w.tag(2, WireType.LengthDelimited).string('partition gone')
    const e = decodeErrorResponse(w.finish())
    expect([e.error_code, e.message]).toEqual([36, 'partition gone'])
  })

  it('keeps unknown future codes', () => {
    for (const code of [74, 120, 2147483647]) {
      const e = decodeErrorResponse(encodeErrorResponse({ error_code: code, error_message: 'new' }))
      expect([e.error_code, e.kind, e.retryable, e.message]).toEqual([code, 'unknown', false, 'new'])
    }
  })

  it.each([
    ['truncated varint', '08ff', /truncated: a varint or length runs past the end of the 2 bytes/],
    ['truncated tag', '80', /truncated/],
    ['wrong wire type for error_code', '0a0107', /field 1 \(error_code\) has wire type length-delimited/],
    ['wrong wire type for error_message', '08071007', /field 2 \(error_message\) has wire type varint/],
    ['huge string length', '0807 12 ffffffff0f', /truncated/],
    ['length past the end', '0807 1205 6162', /truncated/],
    ['varint longer than 10 bytes', 'ffffffffffffffffffffffff', /corrupt \(invalid varint\)/],
    ['invalid wire type 7', '08070f', /corrupt \(illegal tag/],
    ['non-UTF-8 message', '0807 1202 c328', /not valid UTF-8/],
    ['missing error_code', '1203616263', /required field error_code \(1\) is missing/],
    ['empty bytes', '', /required field error_code/],
    ['field number 0', '0001', /corrupt/],
  ])('%s → CLIENT_ERROR keeping the raw bytes', (_name, input, text) => {
    const e = decodeErrorResponse(bytes(input))
    expectMalformed(e, text)
    expect(e.details.raw).toBe(input.replaceAll(' ', ''))
  })

  it('rejects a 10 MB message without decoding it, raw input kept truncated', () => {
    const big = new BinaryWriter()
      .tag(1, WireType.Varint)
      .int32(-1)
      .tag(2, WireType.LengthDelimited)
      .string('x'.repeat(10 * 1024 * 1024))
      .finish()
    const e = decodeErrorResponse(big)
    expectMalformed(e, new RegExp(`exceed the ${MAX_ERROR_RESPONSE_BYTES}-byte limit`))
    expect(e.details.raw as string).toMatch(/^08ffffffffffffffffff0112[0-9a-f]+…\[truncated \d+ chars\]$/)
  })

  it('never throws for non-bytes', () => {
    expectMalformed(decodeErrorResponse('0807' as unknown as Uint8Array), /expected a Uint8Array/)
  })

  it('property: any bytes decode to a FlussError, never throw; failures keep the raw input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (input) => {
        const e = decodeErrorResponse(input)
        expect(e).toBeInstanceOf(FlussError)
        if (e.error_code === -2 && e.details.decoder !== undefined) expect(e.details.raw).toBe(hex(input))
      }),
      { numRuns: 500 },
    )
  })

  it('property: any int32 code and message round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2147483648, max: 2147483647 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        (code, message) => {
          const e = decodeErrorResponse(encodeErrorResponse({ error_code: code, error_message: message }))
          expect(e.error_code).toBe(code)
          // Lone surrogates cannot travel as UTF-8; everything else comes back as sent.
          if (new TextDecoder().decode(new TextEncoder().encode(message)) === message) expect(e.message).toBe(message)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('decoded errors are the errors the constructor makes', () => {
  // The decoders make a FlussError without running its constructor (core kit's `adoptError`): the object must be
  // the one `new FlussError(message, code, options)` makes, field for field, with its stack starting at the decoder.
  const same = (decoded: FlussError, made: FlussError) => {
    expect(Object.getPrototypeOf(decoded)).toBe(FlussError.prototype)
    expect([decoded.constructor, decoded.name, FlussError.is(decoded), decoded instanceof FlussError]).toEqual([
      FlussError,
      'FlussError',
      true,
      true,
    ])
    expect(Object.getOwnPropertyNames(decoded)).toEqual(Object.getOwnPropertyNames(made))
    // Own enumerable string-keyed members (`internal` and `publicMessage`, kept under symbols, are compared next).
    expect({ ...Object.fromEntries(Object.entries(decoded)), message: decoded.message }).toEqual({
      ...Object.fromEntries(Object.entries(made)),
      message: made.message,
    })
    expect([decoded.publicMessage, decoded.internal]).toEqual([made.publicMessage, made.internal])
    expect([decoded.error_code, decoded.is_retriable, decoded.exceptionClass, String(decoded)]).toEqual([
      made.error_code,
      made.is_retriable,
      made.exceptionClass,
      String(made),
    ])
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(made))
  }
  it('ErrorResponse bytes, with a message, without one, and with an unknown code', () => {
    const message = "Table 'fluss.orders' does not exist."
    for (const [code, text] of [
      [ErrorCode.TABLE_NOT_EXIST, message],
      [ErrorCode.NETWORK_EXCEPTION, undefined],
      [9999, 'new code'],
      // A -1 message is the server's Java stack trace: problems show only its first line (`publicMessage`).
      [ErrorCode.UNKNOWN_SERVER_ERROR, 'java.lang.IllegalStateException: boom\n\tat org.apache.fluss.X.y(X.java:1)'],
    ] as const) {
      const made = new FlussError(text, code)
      function decodingCaller(): FlussError {
        return decodeErrorResponse(encodeErrorResponse(made))
      }
      const decoded = decodingCaller()
      same(decoded, made)
      const head = `FlussError: ${made.message}\n`
      const stack = String(decoded.stack)
      expect(stack.startsWith(head)).toBe(true)
      const frames = stack.slice(head.length).split('\n')
      expect(frames[0]).toMatch(/\bdecodeErrorResponse\b/)
      expect(frames[1]).toMatch(/\bdecodingCaller\b/)
    }
  })
  it('response frames and error JSON', () => {
    const made = new FlussError('gone', ErrorCode.TABLE_NOT_EXIST)
    const framed = decodeResponseFrame(
      encodeResponseFrame({ responseType: ResponseType.ERROR_RESPONSE, requestId: 3, error: made }),
    )
    expect(framed.responseType === ResponseType.ERROR_RESPONSE && framed.error).toBeTruthy()
    if (framed.responseType === ResponseType.ERROR_RESPONSE) {
      same(
        framed.error,
        new FlussError('gone', ErrorCode.TABLE_NOT_EXIST, {
          details: { responseType: 'ERROR_RESPONSE', requestId: 3 },
        }),
      )
    }
    const text = JSON.stringify({ error_code: 7, error_message: 'gone' })
    same(decodeErrorJson(text), made)
    same(decodeErrorJsonWith(text, {}), made)
    same(
      decodeErrorJsonWith(text, { wireStatus: 404, requestId: 'r-1' }),
      new FlussError('gone', 7, { details: { httpStatus: 404 }, requestId: 'r-1' }),
    )
  })
})

describe('response frames', () => {
  it('reads ERROR_RESPONSE: length, type 1, request id, ErrorResponse', () => {
    const frame = bytes('0000000c 01 0000002a 0807 1203616263')
    const d = decodeResponseFrame(frame)
    expect(d.responseType).toBe(ResponseType.ERROR_RESPONSE)
    if (d.responseType !== 1) throw new Error('unreachable')
    expect(d.requestId).toBe(42)
    expect(d.size).toBe(16)
    expect([d.error.error_code, d.error.message]).toEqual([7, 'abc'])
    expect(d.error.details).toEqual({ responseType: 'ERROR_RESPONSE', requestId: 42 })
    expect(hex(encodeResponseFrame(d))).toBe(hex(frame))
  })

  it('reads SERVER_FAILURE without a request id (the Rust client reads one anyway)', () => {
    const frame = bytes('00000003 02 0801')
    const d = decodeResponseFrame(frame)
    expect(d.responseType).toBe(ResponseType.SERVER_FAILURE)
    expect('requestId' in d).toBe(false)
    expect([d.error?.error_code, d.error?.retryable, d.error?.details.responseType]).toEqual([
      1,
      true,
      'SERVER_FAILURE',
    ])
    expect(hex(encodeResponseFrame({ responseType: 2, error: new FlussError(undefined, 1) }))).toBe(hex(frame))
    // Reading 4 request-id bytes here, as fluss-rust's header.rs does, would run past the frame.
    expect(frame.length - 5).toBeLessThan(4)
  })

  it('reads SUCCESS_RESPONSE and leaves the body encoded; trailing bytes are the next frame', () => {
    const frame = bytes('00000007 00 00000001 beef cafe')
    const d = decodeResponseFrame(frame)
    expect(d.responseType).toBe(0)
    if (d.responseType !== 0) throw new Error('unreachable')
    expect([d.requestId, hex(d.body), d.size]).toEqual([1, 'beef', 11])
    expect(hex(encodeResponseFrame({ responseType: 0, requestId: 1, body: bytes('beef') }))).toBe(
      '0000000700' + '00000001beef',
    )
  })

  it('round-trips every code through ERROR_RESPONSE and SERVER_FAILURE frames', () => {
    for (const row of FLUSS_CODES) {
      const err = new FlussError(undefined, row.code)
      const one = decodeResponseFrame(encodeResponseFrame({ responseType: 1, requestId: row.code + 1000, error: err }))
      const two = decodeResponseFrame(encodeResponseFrame({ responseType: 2, error: err }))
      for (const d of [one, two]) {
        expect(d.responseType).not.toBeUndefined()
        const e = d.error as FlussError
        expect([e.error_code, e.reason, e.kind, e.status, e.retryable, e.message]).toEqual([
          row.code,
          row.reason,
          row.kind,
          row.status,
          row.retryable,
          row.message,
        ])
      }
      expect(one.responseType === 1 && one.requestId).toBe(row.code + 1000)
    }
  })

  it.each([
    ['empty', '', /shorter than/],
    ['short', '000000', /shorter than/],
    ['negative length', 'ffffffff 01 00000001', /frame length -1 is not positive/],
    ['zero length', '00000000 01', /frame length 0 is not positive/],
    ['huge length', '7fffffff 01 00000001 0807', /frame length 2147483647 exceeds the 7 bytes present \(truncated\)/],
    ['truncated frame', '0000000b 01 0000002a 0807', /exceeds/],
    ['unknown type', '00000005 07 00000001', /unknown response type 7/],
    ['no room for request id', '00000002 01 00', /no room for the request id/],
  ])('%s → CLIENT_ERROR', (_name, input, text) => {
    const d = decodeResponseFrame(bytes(input))
    expect(d.responseType).toBeUndefined()
    expectMalformed(d.error as FlussError, text)
  })

  it('a bad ErrorResponse inside a good frame is CLIENT_ERROR too', () => {
    const d = decodeResponseFrame(bytes('00000007 01 00000001 08ff'))
    expect(d.responseType).toBe(1)
    expectMalformed(d.error as FlussError, /truncated/)
  })

  it('property: any bytes decode without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const d = decodeResponseFrame(input)
        if (d.responseType !== 0) expect(d.error).toBeInstanceOf(FlussError)
      }),
      { numRuns: 500 },
    )
  })

  it('property: a frame with a valid header and random body never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), fc.integer(), fc.uint8Array({ maxLength: 64 }), (type, id, body) => {
        const header = type === 2 ? 1 : 5
        const frame = new Uint8Array(4 + header + body.length)
        const view = new DataView(frame.buffer)
        view.setInt32(0, header + body.length)
        view.setInt8(4, type)
        if (type !== 2) view.setInt32(5, id)
        frame.set(body, 4 + header)
        const d = decodeResponseFrame(frame)
        expect(d.responseType).toBe(type)
        if (d.responseType === 0) expect(hex(d.body)).toBe(hex(body))
        else expect(d.error).toBeInstanceOf(FlussError)
      }),
      { numRuns: 300 },
    )
  })
})

describe('decodeErrorResponse and decodeErrorJson read bytes of every kind', () => {
  it('an ArrayBuffer, a SharedArrayBuffer, a DataView or another typed array decodes as its Uint8Array does', () => {
    const bytes = encodeErrorResponse(new FlussError('table x does not exist', 7))
    const shared = new SharedArrayBuffer(bytes.length)
    new Uint8Array(shared).set(bytes)
    const framed = new Uint8Array(bytes.length + 3)
    framed.set(bytes, 3)
    for (const input of [
      bytes.slice().buffer,
      shared,
      new DataView(framed.buffer, 3),
      new Int8Array(framed.buffer, 3),
      Buffer.from(bytes),
    ]) {
      const e = decodeErrorResponse(input as never)
      expect([e.error_code, e.message]).toEqual([7, 'table x does not exist'])
    }
    const json = new TextEncoder().encode(JSON.stringify({ error_code: 7, error_message: 'gone' }))
    for (const input of [json.buffer, new DataView(json.buffer)]) {
      expect(decodeErrorJson(input).error_code).toBe(7)
    }
  })
})
