import { ErrsError } from '@errs/core'
import { KIND_DEFAULT_RETRYABLE } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  CODES,
  ERROR_CLASSES,
  ErrorCode,
  fromErrorCode,
  fromErrorResponse,
  InternalError,
  LanceNamespaceError,
  TableNotFoundError,
  TableSchemaValidationError,
  UnsupportedOperationError,
} from '../src/index.js'

// The seed's 21 codes (errors.md, PR #282) exactly, then 21 Throttling (PR #303) and 22/23 (PR #352).
const PYTHON_NAMES: readonly [string, string][] = [
  ['UNSUPPORTED', 'UnsupportedOperationError'],
  ['NAMESPACE_NOT_FOUND', 'NamespaceNotFoundError'],
  ['NAMESPACE_ALREADY_EXISTS', 'NamespaceAlreadyExistsError'],
  ['NAMESPACE_NOT_EMPTY', 'NamespaceNotEmptyError'],
  ['TABLE_NOT_FOUND', 'TableNotFoundError'],
  ['TABLE_ALREADY_EXISTS', 'TableAlreadyExistsError'],
  ['TABLE_INDEX_NOT_FOUND', 'TableIndexNotFoundError'],
  ['TABLE_INDEX_ALREADY_EXISTS', 'TableIndexAlreadyExistsError'],
  ['TABLE_TAG_NOT_FOUND', 'TableTagNotFoundError'],
  ['TABLE_TAG_ALREADY_EXISTS', 'TableTagAlreadyExistsError'],
  ['TRANSACTION_NOT_FOUND', 'TransactionNotFoundError'],
  ['TABLE_VERSION_NOT_FOUND', 'TableVersionNotFoundError'],
  ['TABLE_COLUMN_NOT_FOUND', 'TableColumnNotFoundError'],
  ['INVALID_INPUT', 'InvalidInputError'],
  ['CONCURRENT_MODIFICATION', 'ConcurrentModificationError'],
  ['PERMISSION_DENIED', 'PermissionDeniedError'],
  ['UNAUTHENTICATED', 'UnauthenticatedError'],
  ['SERVICE_UNAVAILABLE', 'ServiceUnavailableError'],
  ['INTERNAL', 'InternalError'],
  ['INVALID_TABLE_STATE', 'InvalidTableStateError'],
  ['TABLE_SCHEMA_VALIDATION_ERROR', 'TableSchemaValidationError'],
  ['THROTTLING', 'ThrottlingError'],
  ['TABLE_BRANCH_NOT_FOUND', 'TableBranchNotFoundError'],
  ['TABLE_BRANCH_ALREADY_EXISTS', 'TableBranchAlreadyExistsError'],
]

const KINDS: Record<string, readonly number[]> = {
  not_found: [1, 4, 6, 8, 10, 11, 12, 22],
  already_exists: [2, 5, 7, 9, 23],
  failed_precondition: [3, 19],
  aborted: [14],
  resource_exhausted: [21],
  unavailable: [17],
  invalid_argument: [13, 20],
  unimplemented: [0],
  permission_denied: [15],
  unauthenticated: [16],
  internal: [18],
}

describe('ErrorCode and the code table', () => {
  it('has the Python names, 0–23, in order', () => {
    expect(Object.entries(ErrorCode)).toEqual(PYTHON_NAMES.map(([name], i) => [name, i]))
    expect(CODES.map((r) => [r.reason, r.className])).toEqual(PYTHON_NAMES)
    expect(CODES.map((r) => r.code)).toEqual([...Array(24).keys()])
  })

  it('kinds as specified; retryable exactly 14, 17, 21', () => {
    for (const [kind, codes] of Object.entries(KINDS)) {
      expect(CODES.filter((r) => r.kind === kind).map((r) => r.code)).toEqual(codes)
    }
    expect(CODES.filter((r) => r.retryable).map((r) => r.code)).toEqual([14, 17, 21])
    for (const r of CODES) expect(r.retryable).toBe(KIND_DEFAULT_RETRYABLE[r.kind])
  })

  it('Java names and Rust prefixes follow upstream', () => {
    expect(CODES[0]?.javaClassName).toBe('UnsupportedOperationException')
    expect(CODES[20]?.javaClassName).toBe('TableSchemaValidationException')
    expect(CODES[4]?.rustPrefix).toBe('Table not found')
    expect(CODES[18]?.rustPrefix).toBe('Internal error')
  })
})

describe('error classes', () => {
  it.each(CODES.map((r) => [r.className, r] as const))('%s', (_name, row) => {
    const Class = ERROR_CLASSES[row.code]
    const e = new Class('boom', { detail: 'd', instance: '/v1/i', context: { 'header.x': 'y' } })
    expect(e.name).toBe(row.className)
    expect(Class.name).toBe(row.className)
    expect(Class.code).toBe(row.code)
    expect(e).toBeInstanceOf(Class)
    expect(e).toBeInstanceOf(LanceNamespaceError)
    expect(e).toBeInstanceOf(ErrsError)
    expect(e).toBeInstanceOf(Error)
    expect(LanceNamespaceError.is(e)).toBe(true)
    expect(e.stack?.split('\n')[0]).toBe(`${row.className}: boom`)
    expect(e).toMatchObject({
      system: 'lance',
      code: row.code,
      reason: row.reason,
      kind: row.kind,
      status: row.status,
      retryable: row.retryable,
      title: row.message,
      message: 'boom',
      detail: 'd',
      instance: '/v1/i',
      context: { 'header.x': 'y' },
    })
    expect(new Class().message).toBe(row.message)
    // Other classes do not claim it.
    const other = ERROR_CLASSES[(row.code + 1) % ERROR_CLASSES.length]
    expect(e instanceof (other as unknown as typeof TableNotFoundError)).toBe(false)
    expect(fromErrorCode(row.code, 'm')).toBeInstanceOf(Class)
  })
})

describe('fromErrorCode', () => {
  it('the Python docstring example', () => {
    const e = fromErrorCode(4, 'Table not found')
    expect(e).toBeInstanceOf(TableNotFoundError)
    expect(e.code).toBe(ErrorCode.TABLE_NOT_FOUND)
    expect(e.message).toBe('Table not found')
  })

  it('passes detail, instance and context', () => {
    const e = fromErrorCode(20, 'bad schema', { detail: 'col a: int vs string', instance: '/v1/table/t/insert' })
    expect(e).toBeInstanceOf(TableSchemaValidationError)
    expect(e.detail).toBe('col a: int vs string')
    expect(e.instance).toBe('/v1/table/t/insert')
    expect(e.context).toEqual({})
  })

  it('unknown code → InternalError with the number kept (upstream loses it)', () => {
    for (const e of [fromErrorCode(99, 'new'), adapter.create(99, 'new')]) {
      expect(e).toBeInstanceOf(InternalError)
      expect(e.name).toBe('InternalError')
      // Core's one unknown-code policy (errsInit): reason UNKNOWN_CODE, kind unknown without a wire status.
      expect(e).toMatchObject({ code: 99, reason: 'UNKNOWN_CODE', kind: 'unknown', status: 500, retryable: false })
    }
    expect(fromErrorCode(99).message).toBe('Unknown lance error code 99')
    // With the HTTP status it arrived with, the status's kind (a newer server's 503 is unavailable).
    expect(fromErrorResponse({ code: 99, error: 'x' }, { status: 503 })).toMatchObject({
      code: 99,
      reason: 'UNKNOWN_CODE',
      kind: 'unavailable',
      status: 503,
    })
    expect(fromErrorCode(-3).code).toBe(-3)
  })

  it('non-finite code → InternalError 18', () => {
    const e = fromErrorCode(Number.NaN, 'x')
    expect(e).toBeInstanceOf(InternalError)
    expect(e.code).toBe(18)
    expect(e.details.invalidCode).toBe('NaN')
  })

  it('keeps the cause and frees the message of secrets', () => {
    const cause = new Error('root')
    const e = new UnsupportedOperationError('token=abc123 leaked', { cause })
    expect(e.cause).toBe(cause)
    expect(e.message).not.toContain('abc123')
  })
})
