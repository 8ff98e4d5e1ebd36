import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { ErrsError, type ErrsErrorInit } from '../src/index.js'
import { adoptError, errorMessage, nativePrototype } from '../src/kit.js'
import { entryFiles } from './support/entry-files.js'

// `adoptError(Class, new Error(message), init)` must be the error `new Class(…)` passing `init` up makes, field for
// field, with its stack captured once, starting at the function that said `new Error`.
class GoneError extends ErrsError {
  static override readonly errsBrand = 'errs.test.adopt.GoneError'
  get table(): unknown {
    return this.details.table
  }
}

const init: ErrsErrorInit = {
  system: 'toy',
  code: 4,
  reason: 'TABLE_GONE',
  kind: 'not_found',
  message: 'table orders is gone (password=hunter2)',
  details: { table: 'orders' },
  internal: { host: 'db-7' },
  publicMessage: 'table orders is gone',
  retryAfterMs: 250,
  requestId: 'req-1',
  instance: '/v1/table/orders',
  cause: new Error('socket closed'),
}

/**
 * Own properties as descriptors, `stack` aside (its frames differ by construction site); a symbol-keyed box (how
 * `internal` and `publicMessage` are kept, under registered symbols) as the value it holds.
 */
function descriptors(e: object): Record<string | symbol, PropertyDescriptor> {
  const all = Object.getOwnPropertyDescriptors(e) as Record<string | symbol, PropertyDescriptor>
  delete all.stack
  for (const key of Object.getOwnPropertySymbols(all)) {
    const d = all[key] as PropertyDescriptor
    all[key] = { ...d, value: { kept: (d.value as { value: unknown }).value } }
  }
  return all
}

describe('adoptError', () => {
  it('is the error the constructor makes: the same own properties, attributes and values, and the same prototype', () => {
    const made = Object.setPrototypeOf(new ErrsError(init), nativePrototype(GoneError)) as GoneError
    const adopted = adoptError(GoneError, new Error(init.message), init)
    expect(Object.getPrototypeOf(adopted)).toBe(GoneError.prototype)
    expect(Object.keys(adopted)).toEqual(Object.keys(made))
    expect(descriptors(adopted)).toEqual(descriptors(made))
    // The message is redacted as the constructor redacts it; cause is own and non-enumerable, as `Error` and the
    // constructor make it; internal and publicMessage are read through the prototype, off every enumeration.
    expect(adopted.message).toBe(made.message)
    expect(adopted.message).toMatch(/^table orders is gone \(password=\[REDACTED\]/)
    for (const key of ['message', 'cause']) {
      expect(Object.getOwnPropertyDescriptor(adopted, key)?.enumerable).toBe(false)
    }
    for (const key of ['internal', 'publicMessage']) expect(Object.keys({ ...adopted })).not.toContain(key)
    expect([adopted.internal, adopted.publicMessage]).toEqual([{ host: 'db-7' }, 'table orders is gone'])
    expect([adopted.table, adopted.internal, adopted.cause]).toEqual(['orders', { host: 'db-7' }, init.cause])
    expect([GoneError.is(adopted), adopted instanceof ErrsError, adopted.name]).toEqual([true, true, 'GoneError'])
    expect(JSON.stringify(adopted)).toBe(JSON.stringify(made))
  })

  it('errorMessage is the message the constructor passes to super; an Error made with it is adopted as it is', () => {
    const made = new ErrsError(init)
    expect(errorMessage(init)).toBe(made.message)
    const error = new Error(errorMessage(init))
    const before = Object.getOwnPropertyDescriptor(error, 'message')
    const adopted = adoptError(GoneError, error, init)
    expect(adopted).toBe(error)
    expect(Object.getOwnPropertyDescriptor(adopted, 'message')).toEqual(before)
    expect(descriptors(adopted)).toEqual(descriptors(Object.setPrototypeOf(made, nativePrototype(GoneError))))
    // A message that is no string is its text, as the constructor makes it, and never calls a throwing toString.
    const odd = {
      ...init,
      message: {
        toString: () => {
          throw new Error('no')
        },
      } as unknown as string,
    }
    expect(errorMessage(odd)).toBe(new ErrsError(odd).message)
  })

  it('has a stack that starts at the function that made the Error, headed by the class name and the redacted message', () => {
    function decodingCaller(): GoneError {
      return adoptError(GoneError, new Error(init.message), init)
    }
    const lines = String(decodingCaller().stack).split('\n')
    expect(lines[0]).toBe(`GoneError: ${new ErrsError(init).message}`)
    expect(lines[0]).toContain('[REDACTED]')
    expect(lines[1]).toMatch(/\bdecodingCaller\b/)
    expect(lines.join('\n')).not.toContain('hunter2')
  })

  it('keeps an absent message absent as the constructor does, and defines one the Error lacks', () => {
    const bare: ErrsErrorInit = { system: 'toy', code: 1, reason: 'R', kind: 'internal', message: '' }
    const made = new ErrsError(bare)
    const adopted = adoptError(ErrsError, new Error(), bare)
    expect(descriptors(adopted)).toEqual(descriptors(made))
    expect(Object.hasOwn(adopted, 'cause')).toBe(false)
  })

  it('makes a value that is not a plain Error the constructor way: the same fields', () => {
    const hostile = new Proxy(new Error('x'), {
      getPrototypeOf() {
        throw new Error('hostile')
      },
    })
    for (const given of [new TypeError(init.message), { message: 'forged' }, null, hostile] as unknown as Error[]) {
      function caller(): GoneError {
        return adoptError(GoneError, given, init)
      }
      const adopted = caller()
      expect(Object.getPrototypeOf(adopted)).toBe(GoneError.prototype)
      expect(descriptors(adopted)).toEqual(descriptors(adoptError(GoneError, new Error(init.message), init)))
      expect(String(adopted.stack)).toMatch(/\bcaller\b/)
    }
  })

  it('makes an error of a class built on another copy of core with that copy (set up and branded by it)', async () => {
    const main = entryFiles('.')
    const require = createRequire(import.meta.url)
    type Core = typeof import('../src/index.js') & typeof import('../src/kit.js')
    const esm = (await import(main.esm)) as Core
    const cjs = require(main.cjs) as Core
    class OtherError extends cjs.ErrsError {
      static override readonly errsBrand = 'errs.test.adopt.OtherError'
    }
    const adopted = esm.adoptError(OtherError, new Error(init.message), init)
    expect(Object.getPrototypeOf(adopted)).toBe(OtherError.prototype)
    expect([OtherError.is(adopted), adopted instanceof esm.ErrsError, adopted instanceof cjs.ErrsError]).toEqual([
      true,
      true,
      true,
    ])
    expect([adopted.internal, adopted.publicMessage]).toEqual([{ host: 'db-7' }, 'table orders is gone'])
    expect(esm.toProblem(adopted).detail).toBe('table orders is gone')
    expect(cjs.toProblem(adopted, { exposeInternal: true }).internal).toEqual({ host: 'db-7' })
  })
})

describe('rebuildAs with an init whose message is not a string', () => {
  it('makes the error as the constructor would, without calling the value (a throwing toString)', async () => {
    const { rebuildAs } = await import('../src/kit.js')
    const hostile = {
      toString() {
        throw new Error('hostile toString')
      },
    }
    const bad = { ...init, message: hostile as unknown as string }
    const made = new ErrsError(bad)
    const rebuilt = rebuildAs(GoneError, bad)
    expect(rebuilt.message).toBe(made.message)
    expect(Object.getPrototypeOf(rebuilt)).toBe(GoneError.prototype)
  })
})
