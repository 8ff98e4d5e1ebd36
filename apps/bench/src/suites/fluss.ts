import { BinaryReader } from '@bufbuild/protobuf/wire'
import { toProblem } from '@errs/core'
import { adapter, decodeErrorJson, ErrorCode, FlussError } from '@errs/fluss'
import { decodeErrorResponse, encodeErrorResponse } from '@errs/fluss/wire'
import { serializeError } from 'serialize-error'
import type { Group } from '../harness.js'
import { emptyChain, leastDecoderLabel, rebuildGroup, refLabel } from './shared.js'

const MESSAGE = "Table 'fluss.orders' does not exist."

/** What a user without @errs writes for `ErrorResponse` bytes: the smallest correct protobuf read, then an Error. */
function handDecode(bytes: Uint8Array, proto?: object): Error & { error_code?: number } {
  const reader = new BinaryReader(bytes)
  let code = -2
  let message = ''
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag()
    if (fieldNo === 1) code = reader.int32()
    else if (fieldNo === 2) message = reader.string()
    else reader.skip(wireType)
  }
  const error = new Error(message)
  if (proto !== undefined) Object.setPrototypeOf(error, proto)
  return Object.assign(error, { error_code: code })
}

export function groups(): Group[] {
  const Chain2 = emptyChain(2)
  // A JSON decoder at its least, as a function as ours is (see `leastDecoderLabel`); one call site, one class.
  const typed = emptyChain(1).prototype
  const leastJson = (text: string): Error =>
    Object.setPrototypeOf(new Error((JSON.parse(text) as { error_message: string }).error_message), typed)
  const ours = new FlussError(MESSAGE, ErrorCode.TABLE_NOT_EXIST)
  const bytes = encodeErrorResponse(ours)
  const json = JSON.stringify({ error_code: ErrorCode.TABLE_NOT_EXIST, error_message: MESSAGE })
  const problemText = JSON.stringify(toProblem(ours))
  const plain = Object.assign(new Error(MESSAGE), { error_code: ErrorCode.TABLE_NOT_EXIST })
  const serializedText = JSON.stringify(serializeError(plain))
  const floorJson = {
    id: 'floor',
    label: '`new Error(JSON.parse(text).error_message)` (same fields as JSON text)',
    role: 'floor' as const,
    fn: () => new Error((JSON.parse(json) as { error_message: string }).error_message),
  }
  return [
    {
      id: 'fluss.construct',
      section: 'construction',
      title: 'Construct a Fluss error for a code (@errs/fluss)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(MESSAGE) },
        { id: 'ref', label: refLabel(2), role: 'ref', fn: () => new Chain2(MESSAGE) },
        {
          id: 'class',
          label: '`new FlussError(msg, ErrorCode.TABLE_NOT_EXIST)`',
          role: 'ours',
          fn: () => new FlussError(MESSAGE, ErrorCode.TABLE_NOT_EXIST),
        },
      ],
    },
    {
      id: 'fluss.decode-wire',
      section: 'decode',
      title: `Decode Fluss \`ErrorResponse\` protobuf bytes (${bytes.byteLength} B) to FlussError`,
      cases: [
        {
          id: 'floor',
          label: 'hand-written `@bufbuild/protobuf/wire` `BinaryReader` loop + `new Error`',
          role: 'floor',
          fn: () => handDecode(bytes),
        },
        { ...floorJson, id: 'json', role: 'ref' },
        {
          id: 'least',
          label: leastDecoderLabel('the same `BinaryReader` loop'),
          role: 'ref',
          fn: () => handDecode(bytes, typed),
        },
        {
          id: 'ours',
          label: '`decodeErrorResponse(bytes)` (`@errs/fluss/wire`)',
          role: 'ours',
          fn: () => decodeErrorResponse(bytes),
        },
      ],
    },
    {
      id: 'fluss.decode-json',
      section: 'decode',
      title: 'Decode a Fluss error JSON text `{ error_code, error_message }` to FlussError',
      cases: [
        floorJson,
        {
          id: 'least',
          label: leastDecoderLabel('`JSON.parse(text)`'),
          role: 'ref',
          fn: () => leastJson(json),
        },
        { id: 'ours', label: '`decodeErrorJson(text)`', role: 'ours', fn: () => decodeErrorJson(json) },
      ],
    },
    rebuildGroup(
      'fluss.deserialize',
      'Rebuild a Fluss error from JSON text (problem → FlussError)',
      'fluss',
      adapter,
      problemText,
      serializedText,
    ),
  ]
}
