// Claims of packages/fauna/README.md (and of the conformance README about this package's entries) a user relies on.
import { describe, expect, it } from 'vitest'
import * as both from '../src/adapter.js'
import * as v4 from '../src/index.js'
import * as v10 from '../src/v10.js'

const v4Error = () => v4.fromHttp({ status: 400, body: { errors: [{ code: 'invalid ref', description: 'd' }] } })
const v10Error = () => v10.fromHttp({ status: 400, body: { error: { code: 'invalid_query', message: 'd' } } })

describe('README: isFaunaError of each entry', () => {
  it("the v4 entry's knows v4 errors, the v10 entry's v10 errors, the adapter's both", () => {
    expect([v4.isFaunaError(v4Error()), v4.isFaunaError(v10Error())]).toEqual([true, false])
    expect([v10.isFaunaError(v4Error()), v10.isFaunaError(v10Error())]).toEqual([false, true])
    expect([both.isFaunaError(v4Error()), both.isFaunaError(v10Error())]).toEqual([true, true])
  })
})

describe('README: entries', () => {
  it('the adapter is exported by @errs/fauna/adapter only', () => {
    expect('adapter' in v4).toBe(false)
    expect('adapter' in v10).toBe(false)
    expect(both.adapter.system).toBe('fauna')
  })
})

describe('README: other exports', () => {
  it('EMPTY_ERRORS is the message and description of an empty errors array', () => {
    const e = v4.fromHttp({ status: 400, body: { errors: [] } })
    expect(v4.EMPTY_ERRORS).toBe('(empty "errors")')
    expect([e.message, e.description]).toEqual([v4.EMPTY_ERRORS, v4.EMPTY_ERRORS])
  })

  it('isQueryFailure: error with both code and message, whatever their types', () => {
    expect(v10.isQueryFailure({ error: { code: 5, message: 'm' } })).toBe(true)
    expect(v10.isQueryFailure({ error: { code: 'x' } })).toBe(false)
  })
})
