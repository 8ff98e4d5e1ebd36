import { describe, expect, it } from 'vitest'
import { ERROR_KINDS, httpStatusToKind, isErrorKind, isHttpErrorStatus, KIND_HTTP_STATUS } from '../src/kit.js'

describe('kinds', () => {
  it('are the sixteen google.rpc codes in code.proto order', () => {
    expect(ERROR_KINDS).toEqual([
      'cancelled',
      'unknown',
      'invalid_argument',
      'deadline_exceeded',
      'not_found',
      'already_exists',
      'permission_denied',
      'resource_exhausted',
      'failed_precondition',
      'aborted',
      'out_of_range',
      'unimplemented',
      'internal',
      'unavailable',
      'data_loss',
      'unauthenticated',
    ])
  })

  it('map to HTTP as code.proto says', () => {
    expect(KIND_HTTP_STATUS).toEqual({
      cancelled: 499,
      unknown: 500,
      invalid_argument: 400,
      deadline_exceeded: 504,
      not_found: 404,
      already_exists: 409,
      permission_denied: 403,
      resource_exhausted: 429,
      failed_precondition: 400,
      aborted: 409,
      out_of_range: 400,
      unimplemented: 501,
      internal: 500,
      unavailable: 503,
      data_loss: 500,
      unauthenticated: 401,
    })
  })

  it('decode bare statuses with a table of their own, not the inverse', () => {
    expect(httpStatusToKind(404)).toBe('not_found')
    expect(httpStatusToKind(400)).toBe('invalid_argument') // not failed_precondition / out_of_range
    expect(httpStatusToKind(409)).toBe('aborted')
    expect(httpStatusToKind(500)).toBe('internal')
    expect(httpStatusToKind(502)).toBe('unavailable')
    expect(httpStatusToKind(503)).toBe('unavailable')
    expect(httpStatusToKind(504)).toBe('deadline_exceeded')
    expect(httpStatusToKind(429)).toBe('resource_exhausted')
    expect(httpStatusToKind(418)).toBe('unknown')
    expect(httpStatusToKind(200)).toBe('unknown')
  })

  it('guards', () => {
    expect(isErrorKind('not_found')).toBe(true)
    expect(isErrorKind('NOT_FOUND')).toBe(false)
    expect(isErrorKind(5)).toBe(false)
    expect(isHttpErrorStatus(404)).toBe(true)
    expect(isHttpErrorStatus(404.5)).toBe(false)
    expect(isHttpErrorStatus(200)).toBe(false)
  })
})
