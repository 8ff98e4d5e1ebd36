import { toProblem } from '@errs/core'
import { adapter, ErrorCode, fromErrorCode, fromErrorResponse, TableNotFoundError } from '@errs/lance'
import { serializeError } from 'serialize-error'
import type { Group } from '../harness.js'
import { emptyChain, leastDecoderLabel, rebuildGroup, refLabel } from './shared.js'

const MESSAGE = 'Table not found: orders'

/** A spec `ErrorResponse` as a Lance REST server sends it with a 404. */
const BODY = JSON.stringify({
  error: MESSAGE,
  code: ErrorCode.TABLE_NOT_FOUND,
  detail: 'table orders does not exist in namespace prod',
  instance: '/v1/table/prod$orders/describe',
})

export function groups(): Group[] {
  const Chain3 = emptyChain(3)
  // A JSON decoder at its least, as a function as ours is (see `leastDecoderLabel`); one call site, one class.
  const typed = emptyChain(1).prototype
  const leastJson = (text: string): Error =>
    Object.setPrototypeOf(new Error((JSON.parse(text) as { error: string }).error), typed)
  const ours = new TableNotFoundError(MESSAGE)
  const problemText = JSON.stringify(toProblem(ours))
  const plain = Object.assign(new Error(MESSAGE), { code: ErrorCode.TABLE_NOT_FOUND, status: 404 })
  const serializedText = JSON.stringify(serializeError(plain))
  return [
    {
      id: 'lance.construct',
      section: 'construction',
      title: 'Construct a Lance error for a code (@errs/lance)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(MESSAGE) },
        { id: 'ref', label: refLabel(3), role: 'ref', fn: () => new Chain3(MESSAGE) },
        {
          id: 'class',
          label: '`new TableNotFoundError(msg)`',
          role: 'ours',
          fn: () => new TableNotFoundError(MESSAGE),
        },
        {
          id: 'fromErrorCode',
          label: '`fromErrorCode(ErrorCode.TABLE_NOT_FOUND, msg)`',
          role: 'ours',
          fn: () => fromErrorCode(ErrorCode.TABLE_NOT_FOUND, MESSAGE),
        },
      ],
    },
    {
      id: 'lance.decode',
      section: 'decode',
      title: 'Decode a Lance `ErrorResponse` JSON body (404 on DescribeTable) to a class',
      cases: [
        {
          id: 'floor',
          label: '`new Error(JSON.parse(text).error)`',
          role: 'floor',
          fn: () => new Error((JSON.parse(BODY) as { error: string }).error),
        },
        {
          id: 'least',
          label: leastDecoderLabel('`JSON.parse(text)`'),
          role: 'ref',
          fn: () => leastJson(BODY),
        },
        {
          id: 'fromErrorResponse',
          label: "`fromErrorResponse(text, { status: 404, operation: 'DescribeTable' })` → TableNotFoundError",
          role: 'ours',
          fn: () => fromErrorResponse(BODY, { status: 404, operation: 'DescribeTable' }),
        },
      ],
    },
    rebuildGroup(
      'lance.deserialize',
      'Rebuild a Lance error from JSON text (problem → TableNotFoundError)',
      'lance',
      adapter,
      problemText,
      serializedText,
    ),
  ]
}
