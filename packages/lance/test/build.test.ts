import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { coreEntriesLoaded } from '../../core/test/support/core-entries.js'

// What users install: the built files, not the sources (`pnpm test` builds first).
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const require = createRequire(import.meta.url)
type Lance = typeof import('../src/index.js')

// The Python client's class names (lance-format/lance-namespace python/lance_namespace/lance_namespace/errors.py
// @ v0.11.1, one class per `ErrorCode` member, plus the base `LanceNamespaceError`), in code order.
const UPSTREAM_NAMES = [
  'UnsupportedOperationError',
  'NamespaceNotFoundError',
  'NamespaceAlreadyExistsError',
  'NamespaceNotEmptyError',
  'TableNotFoundError',
  'TableAlreadyExistsError',
  'TableIndexNotFoundError',
  'TableIndexAlreadyExistsError',
  'TableTagNotFoundError',
  'TableTagAlreadyExistsError',
  'TransactionNotFoundError',
  'TableVersionNotFoundError',
  'TableColumnNotFoundError',
  'InvalidInputError',
  'ConcurrentModificationError',
  'PermissionDeniedError',
  'UnauthenticatedError',
  'ServiceUnavailableError',
  'InternalError',
  'InvalidTableStateError',
  'TableSchemaValidationError',
  'ThrottlingError',
  'TableBranchNotFoundError',
  'TableBranchAlreadyExistsError',
] as const

async function builds(): Promise<[string, Lance][]> {
  return [
    ['esm', (await import(`${dist}index.js`)) as Lance],
    ['cjs', require(`${dist}index.cjs`) as Lance],
  ]
}

describe('built files (ESM and CJS)', () => {
  it('load one entry of core, `@errs/core/kit` (one module with `@errs/core`, which it exports all of)', () => {
    expect(coreEntriesLoaded(dist)).toEqual(['@errs/core/kit'])
  })

  it('keep the upstream name of every class, on the class and on its instances', async () => {
    for (const [build, lance] of await builds()) {
      const exported = lance as unknown as Record<string, new (message?: string) => Error & { code: number }>
      for (const [code, name] of UPSTREAM_NAMES.entries()) {
        const Class = exported[name]
        expect(Class?.name, `${build} ${name}`).toBe(name)
        expect(lance.ERROR_CLASSES[code], `${build} ${name}`).toBe(Class)
        expect(lance.CLASSES[name], `${build} ${name}`).toBe(Class)
        expect((Class as unknown as { code: number }).code, `${build} ${name}`).toBe(code)
        const e = new (Class as new (message?: string) => Error & { code: number })('m')
        expect(e.name, `${build} ${name}`).toBe(name)
        expect(e.code, `${build} ${name}`).toBe(code)
        expect(String(e).startsWith(`${name}: `), `${build} ${name}`).toBe(true)
      }
      expect(lance.LanceNamespaceError.name, build).toBe('LanceNamespaceError')
      expect(new lance.LanceNamespaceError(4).name, build).toBe('LanceNamespaceError')
    }
  })

  it('share the brands: an error of one build is an instance of the other build’s class', async () => {
    const esm = (await import(`${dist}index.js`)) as Lance
    const cjs = require(`${dist}index.cjs`) as Lance
    expect(new esm.TableNotFoundError('t') instanceof cjs.TableNotFoundError).toBe(true)
    expect(new cjs.TableNotFoundError('t') instanceof esm.LanceNamespaceError).toBe(true)
    expect(new cjs.TableNotFoundError('t') instanceof esm.TableAlreadyExistsError).toBe(false)
    expect(cjs.TableNotFoundError.is(esm.fromErrorCode(4))).toBe(true)
  })

  it('have no module-level side effect a bundler must keep (static blocks, keepNames wrappers)', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const source = readFileSync(`${dist}${file}`, 'utf8')
      expect(source, file).not.toMatch(/\bstatic\s*\{/)
      expect(source, file).not.toMatch(/__name\(/)
      expect(source, file).not.toMatch(/brandClass\(/)
    }
  })
})
