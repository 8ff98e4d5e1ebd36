import { describe, expectTypeOf, it } from 'vitest'
import { type ErrorCode, type InternalError, TableAlreadyExistsError, TableNotFoundError } from '../src/index.js'

describe('per-code classes carry their literal code in the instance type', () => {
  it('TableNotFoundError["code"] is 4, and a sibling class is not assignable to it', () => {
    expectTypeOf<TableNotFoundError['code']>().toEqualTypeOf<4>()
    expectTypeOf<TableNotFoundError['code']>().toEqualTypeOf<typeof ErrorCode.TABLE_NOT_FOUND>()
    expectTypeOf<TableAlreadyExistsError>().not.toMatchTypeOf<TableNotFoundError>()
    // InternalError also stands for codes this version does not know: its code stays a number.
    expectTypeOf<InternalError['code']>().toEqualTypeOf<number>()
    // @ts-expect-error a TableAlreadyExistsError (code 5) is not a TableNotFoundError (code 4)
    const wrong: TableNotFoundError = new TableAlreadyExistsError()
    void wrong
    const right: TableNotFoundError = new TableNotFoundError()
    void right
  })
})
