import { describe, expect, it } from 'vitest'
import {
  COMMON_ERRORS,
  ErrorCode,
  expectedErrors,
  fromErrorCode,
  isExpectedError,
  isOperation,
  OPERATION_ERRORS,
  OPERATIONS,
  type Operation,
  operationOfPath,
  TableNotFoundError,
} from '../src/index.js'

describe('OPERATION_ERRORS', () => {
  it('has every operation of spec.yaml v0.11.1 (54), and no CreateEmptyTable', () => {
    expect(OPERATIONS).toHaveLength(54)
    const counts: Record<string, number> = {}
    for (const op of OPERATIONS)
      counts[OPERATION_ERRORS[op].category] = (counts[OPERATION_ERRORS[op].category] ?? 0) + 1
    expect(counts).toEqual({
      'namespace metadata': 6,
      'table metadata': 12,
      'table data': 10,
      'index metadata': 5,
      'tag metadata': 5,
      'table version metadata': 5,
      'transaction metadata': 2,
      unlisted: 9,
    })
  })

  it('seed rows', () => {
    expect(OPERATION_ERRORS.DescribeTable.codes).toEqual([1, 4, 11])
    expect(OPERATION_ERRORS.DropNamespace.codes).toEqual([1, 3])
    expect(OPERATION_ERRORS.AlterTableAlterColumns.codes).toEqual([1, 4, 12, 14, 20])
    expect(OPERATION_ERRORS.InsertIntoTable.codes).toEqual([1, 4, 14, 19, 20])
    expect(OPERATION_ERRORS.CreateTableTag.codes).toEqual([1, 4, 9, 11, 14])
    expect(OPERATION_ERRORS.AlterTransaction.codes).toEqual([10, 14])
    expect(OPERATION_ERRORS.ListAllTables.codes).toEqual([])
    expect(OPERATION_ERRORS.CreateTableBranch.codes).toEqual([])
    expect(COMMON_ERRORS).toEqual([0, 13, 15, 16, 17, 18, 21])
  })

  it('expectedErrors merges the common set', () => {
    expect(expectedErrors('DescribeTable')).toEqual([0, 1, 4, 11, 13, 15, 16, 17, 18, 21])
    expect(expectedErrors('DeclareTable')).toEqual([0, 13, 15, 16, 17, 18, 21])
  })
})

describe('isExpectedError', () => {
  it('the issue example', () => {
    const e: unknown = fromErrorCode(4, "Table 'users' not found")
    expect(e instanceof TableNotFoundError && e.code === ErrorCode.TABLE_NOT_FOUND).toBe(true)
    expect(isExpectedError('DescribeTable', e)).toBe(true)
    expect(isExpectedError('CreateTable', e)).toBe(false)
    expect(isExpectedError('DescribeNamespace', e)).toBe(false)
  })

  it('common codes are expected everywhere; unknown codes and foreign errors never', () => {
    for (const op of OPERATIONS) {
      for (const code of COMMON_ERRORS) expect(isExpectedError(op, fromErrorCode(code))).toBe(true)
      expect(isExpectedError(op, fromErrorCode(99))).toBe(false)
      expect(isExpectedError(op, new Error('x'))).toBe(false)
    }
    expect(isExpectedError('NoSuchOp' as Operation, fromErrorCode(4))).toBe(false)
    expect(isExpectedError('NoSuchOp' as Operation, fromErrorCode(21))).toBe(true)
    expect(isOperation('toString')).toBe(false)
  })
})

describe('operationOfPath', () => {
  it.each([
    ['/v1/table/production$users/describe', 'DescribeTable'],
    ['http://h:1/v1/table/t/describe/?delimiter=%24', 'DescribeTable'],
    ['/v1/namespace/gone/describe', 'DescribeNamespace'],
    ['/v1/table/t/index/idx/stats', 'DescribeTableIndexStats'],
    ['/v1/table/version/batch-create', 'BatchCreateTableVersions'],
    ['/v1/table/', 'ListAllTables'],
    ['/v1/transaction/tx1/alter', 'AlterTransaction'],
    ['/v2/nothing', undefined],
  ])('%s → %s', (path, op) => {
    expect(operationOfPath(path)).toBe(op)
  })

  it('every route maps back to its operation', () => {
    for (const op of OPERATIONS) {
      const path = OPERATION_ERRORS[op].path.replace(/\{[a-z_]+\}/g, 'x$y')
      expect(operationOfPath(path, OPERATION_ERRORS[op].method)).toBe(op)
    }
  })
})
