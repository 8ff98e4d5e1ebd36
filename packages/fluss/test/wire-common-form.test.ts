import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textOf } from '../src/fluss-error.js'
import { ErrorCode, FlussError } from '../src/index.js'
import { decodeErrorResponse } from '../src/wire.js'

fc.configureGlobal({ seed: 20260822 })

// `decodeErrorResponse` reads the form servers write (field 1, then field 2 in ASCII) without a `BinaryReader`.
// These tests hold it to what the plain `BinaryReader` reading of `ErrorResponse` gives (apache/fluss
// `fluss-rpc/src/main/proto/FlussApi.proto` @ 545c553: `required int32 error_code = 1; optional string
// error_message = 2;`), on the common form, on its edges and on anything else.

/** The reading by the book: `BinaryReader` field by field; undefined when it throws or error_code is missing. */
function reference(bytes: Uint8Array): { code: number; message: string | undefined } | undefined {
  const reader = new BinaryReader(bytes)
  let code: number | undefined
  let message: string | undefined
  try {
    while (reader.pos < reader.len) {
      const [fieldNo, wireType] = reader.tag()
      if (fieldNo === 1 && wireType === WireType.Varint) code = reader.int32()
      else if (fieldNo === 2 && wireType === WireType.LengthDelimited) message = reader.string(true)
      else if (fieldNo === 1 || fieldNo === 2) return undefined
      else reader.skip(wireType, fieldNo)
    }
  } catch {
    return undefined
  }
  return code === undefined ? undefined : { code, message }
}

function expectSameAsReference(bytes: Uint8Array): void {
  const e = decodeErrorResponse(bytes)
  const ref = reference(bytes)
  if (ref === undefined) {
    expect(e.error_code).toBe(ErrorCode.CLIENT_ERROR)
    expect(e.details.decoder).toBe('ErrorResponse')
    return
  }
  expect(e.details.decoder).toBeUndefined()
  expect(e.error_code).toBe(ref.code)
  // As the decoder always has: the message cut to its bound (`textOf`), then given to the constructor.
  const expected = new FlussError(textOf(ref.message), ref.code)
  expect(e.message === expected.message).toBe(true)
  expect(e.toJSON()).toEqual(expected.toJSON())
}

function encode(code: number, message?: string): Uint8Array {
  const w = new BinaryWriter().tag(1, WireType.Varint).int32(code)
  if (message !== undefined) w.tag(2, WireType.LengthDelimited).string(message)
  return w.finish()
}

const hexBytes = (h: string) => new Uint8Array(Buffer.from(h.replaceAll(' ', ''), 'hex'))

describe('ErrorResponse in the common form', () => {
  it('reads codes of every varint length, as BinaryReader.int32 does', () => {
    for (const code of [0, 1, 7, 63, 64, 127, 128, 16383, 16384, 2 ** 21, 2 ** 28, 2 ** 31 - 1, -1, -2, -(2 ** 31)]) {
      expectSameAsReference(encode(code))
      expectSameAsReference(encode(code, "Table 'fluss.orders' does not exist."))
    }
    // Non-canonical varints: padded with continuation bytes, a 5-byte uint32 with high bits set.
    expectSameAsReference(hexBytes('08 87 80 80 00'))
    expectSameAsReference(hexBytes('08 ff ff ff ff 0f'))
    expectSameAsReference(hexBytes('08 ff ff ff ff 7f'))
    expectSameAsReference(hexBytes('08 80 80 80 80 80 80 80 80 80 00'))
  })

  it('reads messages of every length up to the fast bound and past it, and empty ones as the default', () => {
    for (const n of [0, 1, 31, 32, 33, 127, 128, 129, 2047, 4095, 4096, 4097, 16383, 16384, 20000]) {
      expectSameAsReference(encode(7, 'x'.repeat(n)))
    }
    expect(decodeErrorResponse(encode(7, '')).message).toBe('The table does not exist.')
    expect(decodeErrorResponse(encode(-1, 'java.lang.X: boom\n\tat A.b(A.java:1)')).publicMessage).toBe(
      'java.lang.X: boom',
    )
  })

  it('leaves non-ASCII text, other fields, repeated fields and other orders to BinaryReader', () => {
    expectSameAsReference(encode(7, 'Tabelle „orders“ existiert nicht'))
    expectSameAsReference(hexBytes('08 07 12 02 c3 28')) // invalid UTF-8
    expectSameAsReference(hexBytes('12 02 68 69 08 07')) // message first
    expectSameAsReference(hexBytes('08 07 08 09')) // code twice: the last wins
    expectSameAsReference(hexBytes('08 07 12 02 68 69 18 01')) // an unknown field after
    expectSameAsReference(hexBytes('08 07 12 02 68 69 12 01 6a')) // message twice
  })

  it('treats truncated and overlong input as BinaryReader does', () => {
    for (const h of [
      '08',
      '08 80',
      '08 ff ff ff ff ff ff ff ff ff',
      '08 ff ff ff ff ff ff ff ff ff ff 01', // 11-byte varint
      '08 07 12',
      '08 07 12 05 68 69',
      '08 07 12 80',
      '08 07 12 80 80 01',
      '08 07 12 ff ff ff ff 0f',
      '08 07 10',
    ]) {
      expectSameAsReference(hexBytes(h))
    }
  })

  it('agrees with BinaryReader on any encoded pair and on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.option(fc.string({ maxLength: 300 })), (c, m) =>
        expectSameAsReference(encode(c, m ?? undefined)),
      ),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => expectSameAsReference(Uint8Array.of(0x08, ...b))),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => expectSameAsReference(b)),
      { numRuns: 1000 },
    )
  })
})
