import { describe, expect, it } from 'vitest'
import { CODES as DOC_ROWS } from '../src/codes.js'
import { CODES, codeInfo, codeOfName, ErrorCode, FLUSS_CODES, isRetriableCode } from '../src/index.js'

// The seed's "Common Error Codes" table (Python client docs), verbatim.
const COMMON_ERROR_CODES: ReadonlyArray<readonly [string, number]> = [
  ['CLIENT_ERROR', -2],
  ['UNKNOWN_SERVER_ERROR', -1],
  ['NETWORK_EXCEPTION', 1],
  ['DATABASE_NOT_EXIST', 4],
  ['DATABASE_ALREADY_EXIST', 6],
  ['TABLE_NOT_EXIST', 7],
  ['TABLE_ALREADY_EXIST', 8],
  ['INVALID_TABLE_EXCEPTION', 15],
  ['REQUEST_TIME_OUT', 25],
  ['PARTITION_NOT_EXISTS', 36],
  ['PARTITION_ALREADY_EXISTS', 42],
  ['PARTITION_SPEC_INVALID_EXCEPTION', 43],
  ['LEADER_NOT_AVAILABLE_EXCEPTION', 44],
  ['AUTHENTICATE_EXCEPTION', 46],
]

const JAVA_RETRIABLE = [1, 3, 9, 10, 11, 12, 14, 21, 25, 26, 28, 29, 44, 70, 72, 73]

describe('ErrorCode', () => {
  it('has every server code -1..73 without gaps, plus CLIENT_ERROR = -2 (76 entries)', () => {
    const values = Object.values(ErrorCode).sort((a, b) => a - b)
    expect(values).toHaveLength(76)
    expect(values).toEqual(Array.from({ length: 76 }, (_, i) => i - 2))
    expect(ErrorCode.CLIENT_ERROR).toBe(-2)
    expect(ErrorCode.NONE).toBe(0)
  })

  it('has literal types and is frozen', () => {
    const seven: 7 = ErrorCode.TABLE_NOT_EXIST
    const minusTwo: -2 = ErrorCode.CLIENT_ERROR
    expect([seven, minusTwo]).toEqual([7, -2])
    expect(Object.isFrozen(ErrorCode)).toBe(true)
    expect(() => {
      ;(ErrorCode as unknown as Record<string, number>).TABLE_NOT_EXIST = 8
    }).toThrow(TypeError)
  })

  it('matches every row of the seed Common Error Codes table', () => {
    for (const [name, code] of COMMON_ERROR_CODES) {
      expect(ErrorCode[name as keyof typeof ErrorCode], name).toBe(code)
    }
  })

  it('keeps the Java names exactly, typos included', () => {
    expect(ErrorCode.SEVER_TAG_ALREADY_EXIST_EXCEPTION).toBe(59)
    expect(ErrorCode.SEVER_TAG_NOT_EXIST_EXCEPTION).toBe(60)
    expect(ErrorCode.REQUEST_TIME_OUT).toBe(25)
    expect(ErrorCode.PARTITION_NOT_EXISTS).toBe(36)
    expect(ErrorCode.HISTORICAL_PARTITION_THROTTLED).toBe(73)
    expect(codeOfName('TABLE_NOT_EXIST')).toBe(7)
    expect(codeOfName('toString')).toBeUndefined()
  })
})

describe('FLUSS_CODES (the table)', () => {
  it('has one row per ErrorCode entry, ordered by code, each naming FlussError as its class', () => {
    expect(FLUSS_CODES.map((r) => r.code)).toEqual(Array.from({ length: 76 }, (_, i) => i - 2))
    for (const row of FLUSS_CODES) {
      expect(ErrorCode[row.reason as keyof typeof ErrorCode]).toBe(row.code)
      expect(row.className).toBe('FlussError')
      expect(row.message.length).toBeGreaterThan(0)
      expect(Object.isFrozen(row)).toBe(true)
    }
    expect(FLUSS_CODES).toBe(CODES)
  })

  it('keeps the documentation column (why) out of the runtime rows, in the documentation table only', () => {
    for (const row of CODES) expect(Object.hasOwn(row, 'why')).toBe(false)
    expect(DOC_ROWS).toHaveLength(CODES.length)
    DOC_ROWS.forEach((doc, i) => {
      const { why, ...rest } = doc
      expect(rest).toEqual(CODES[i])
      expect(why.length).toBeGreaterThan(0)
      expect(Object.isFrozen(doc)).toBe(true)
    })
  })

  it("retriable = Java's RetriableException set, exactly (51 is not)", () => {
    expect(FLUSS_CODES.filter((r) => r.retryable).map((r) => r.code)).toEqual(JAVA_RETRIABLE)
    expect(isRetriableCode(ErrorCode.RETRIABLE_AUTHENTICATE_EXCEPTION)).toBe(false)
    expect(isRetriableCode(ErrorCode.CLIENT_ERROR)).toBe(false)
    expect(isRetriableCode(74)).toBe(false)
  })

  it('keeps the Java default messages verbatim, punctuation quirks included', () => {
    expect(codeInfo(48)?.message).toBe('Authorization failed')
    expect(codeInfo(49)?.message).toBe('Exceed the maximum number of buckets')
    expect(codeInfo(51)?.message).toBe('Authentication failed with retriable exception. ')
    expect(codeInfo(27)?.message).toBe('The server did not attempt to execute this operation.')
    expect(codeInfo(41)?.message).toBe('The kv snapshot is not exist.')
    expect(codeInfo(17)?.message).toContain('larger then')
    expect(codeInfo(7)?.exceptionClass).toBe('TableNotExistException')
    expect(codeInfo(25)?.exceptionClass).toBe('TimeoutException')
    expect(codeInfo(43)?.exceptionClass).toBe('InvalidPartitionException')
    expect(codeInfo(-2)?.exceptionClass).toBeUndefined()
  })

  it('gives kinds by meaning', () => {
    const kindOf = (code: number) => codeInfo(code)?.kind
    for (const row of FLUSS_CODES) {
      if (/NOT_EXIST/.test(row.reason))
        expect([row.reason, row.kind, row.status]).toEqual([row.reason, 'not_found', 404])
      if (/ALREADY_EXIST/.test(row.reason)) {
        expect([row.reason, row.kind, row.status]).toEqual([row.reason, 'already_exists', 409])
      }
      if (/^INVALID_|_INVALID_/.test(row.reason))
        expect([row.reason, row.kind]).toEqual([row.reason, 'invalid_argument'])
      if (/MAX_NUM|TOO_MANY|BACKPRESSURE|THROTTLED|CAPACITY/.test(row.reason)) {
        expect([row.reason, row.kind, row.status]).toEqual([row.reason, 'resource_exhausted', 429])
      }
    }
    expect(kindOf(ErrorCode.AUTHENTICATE_EXCEPTION)).toBe('unauthenticated')
    expect(kindOf(ErrorCode.RETRIABLE_AUTHENTICATE_EXCEPTION)).toBe('unauthenticated')
    expect(kindOf(ErrorCode.AUTHORIZATION_EXCEPTION)).toBe('permission_denied')
    expect(kindOf(ErrorCode.REQUEST_TIME_OUT)).toBe('deadline_exceeded')
    for (const c of [1, 12, 21, 44, 65]) expect(kindOf(c)).toBe('unavailable')
    expect(kindOf(ErrorCode.DATABASE_NOT_EMPTY)).toBe('failed_precondition')
    expect(codeInfo(ErrorCode.DATABASE_NOT_EMPTY)?.status).toBe(409)
    expect(kindOf(ErrorCode.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION)).toBe('out_of_range')
    expect(kindOf(ErrorCode.UNSUPPORTED_VERSION)).toBe('unimplemented')
    expect(kindOf(ErrorCode.UNKNOWN_SERVER_ERROR)).toBe('internal')
    expect(kindOf(ErrorCode.CLIENT_ERROR)).toBe('unknown')
  })
})
