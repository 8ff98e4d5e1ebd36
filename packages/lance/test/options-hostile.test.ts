import { ErrsError } from '@errs/core'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  ErrorCode,
  fromErrorCode,
  InternalError,
  LanceNamespaceError,
  TableNotFoundError,
} from '../src/index.js'

// Options that cannot be read (from untyped code, a Proxy-based client, `fromProblem`'s adapters path) are ignored,
// as core's `readOptions` reads them and as Fluss's and Fauna's constructors do: making an error never throws.

function hostileOptions(): unknown[] {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const getter = (name: string) =>
    Object.defineProperty({ detail: 'kept' }, name, {
      enumerable: true,
      get() {
        throw new Error(`getter ${name}`)
      },
    })
  const trapping = new Proxy(
    {},
    {
      get() {
        throw new Error('get trap')
      },
    },
  )
  return [null, revoked.proxy, getter('kind'), getter('detail'), getter('context'), getter('details'), trapping]
}

describe('Lance errors made with options that cannot be read', () => {
  it('adapter.create, fromErrorCode and the classes never throw, and keep the code’s facts', () => {
    for (const options of hostileOptions()) {
      const made = [
        adapter.create(ErrorCode.TABLE_NOT_FOUND, 'no table', options as never),
        fromErrorCode(ErrorCode.TABLE_NOT_FOUND, 'no table', options as never),
        new TableNotFoundError('no table', options as never),
      ]
      for (const e of made) {
        expect(e).toBeInstanceOf(TableNotFoundError)
        expect(e).toBeInstanceOf(ErrsError)
        expect([e.code, e.kind, e.status, e.message]).toEqual([ErrorCode.TABLE_NOT_FOUND, 'not_found', 404, 'no table'])
      }
      // Unknown and invalid codes: the InternalError fallback.
      for (const e of [
        adapter.create('NOT_A_CODE', 'm', options as never),
        fromErrorCode(999, 'm', options as never),
        fromErrorCode(Number.NaN, 'm', options as never),
        new InternalError('m', options as never),
      ]) {
        expect(e).toBeInstanceOf(InternalError)
        expect(e).toBeInstanceOf(LanceNamespaceError)
      }
    }
  })

  it('readable members of options whose other members throw are kept (each read once, own data)', () => {
    const options = Object.defineProperty({ detail: 'stack trace', requestId: 'req-1' }, 'kind', {
      enumerable: true,
      get() {
        throw new Error('getter kind')
      },
    })
    const e = new TableNotFoundError('no table', options as never)
    expect(e.detail).toBe('stack trace')
    expect(e.requestId).toBe('req-1')
    expect(e.kind).toBe('not_found')
  })
})
