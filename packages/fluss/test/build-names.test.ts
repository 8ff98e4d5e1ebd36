import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { coreEntriesLoaded, packagesLoaded } from '../../core/test/support/core-entries.js'

// The built package (`pnpm test` builds it first): the bundler must not rename classes (`_FlussError`,
// `FlussError2`), since loggers and `err.name` print the constructor name.
const require = createRequire(import.meta.url)
const dist = fileURLToPath(new URL('../dist/', import.meta.url))

type Fluss = typeof import('../src/index.js')

describe('the built files (ESM with a shared chunk, CJS)', () => {
  it('load one entry of core, `@errs/core/kit` (one module with `@errs/core`, which it exports all of)', () => {
    expect(coreEntriesLoaded(dist)).toEqual(['@errs/core/kit'])
  })

  it('load no other package: the modules of `@bufbuild/protobuf` that /wire reads bytes with are built in', async () => {
    expect(packagesLoaded(dist)).toEqual(['@errs/core/kit'])
    // Built in, not rewritten: the reader is protobuf-es's own (`BinaryReader` throws its own `Error`s on bad bytes,
    // which `decodeErrorResponse` turns into a FlussError; FlussApi.proto, ErrorResponse field 1 is error_code).
    const esmWire = (await import(`${dist}wire.js`)) as typeof import('../src/wire.js')
    const cjsWire = require(`${dist}wire.cjs`) as typeof import('../src/wire.js')
    const bytes = new Uint8Array([0x08, 0x07, 0x12, 0x01, 0x78])
    expect([esmWire.decodeErrorResponse(bytes).code, cjsWire.decodeErrorResponse(bytes).code]).toEqual([7, 7])
    expect(readFileSync(`${dist}wire.js`, 'utf8')).toMatch(/var BinaryReader = class/)
  })

  it('keep the upstream class name in every build and entry', async () => {
    const esm = (await import(`${dist}index.js`)) as Fluss
    const cjs = require(`${dist}index.cjs`) as Fluss
    const esmWire = (await import(`${dist}wire.js`)) as Fluss
    const cjsWire = require(`${dist}wire.cjs`) as Fluss
    const classes = [esm.FlussError, cjs.FlussError, esmWire.FlussError, cjsWire.FlussError]
    expect(classes.map((c) => c.name)).toEqual(['FlussError', 'FlussError', 'FlussError', 'FlussError'])
    // An instance says its name too (`name` is what `console.log` and `String(err)` print).
    expect(classes.map((c) => new c(undefined, 7).name)).toEqual([
      'FlussError',
      'FlussError',
      'FlussError',
      'FlussError',
    ])
  })

  it('share one class between the ESM entries (the chunk), and brand it across copies', async () => {
    const esm = (await import(`${dist}index.js`)) as Fluss
    const esmWire = (await import(`${dist}wire.js`)) as Fluss
    const cjs = require(`${dist}index.cjs`) as Fluss
    expect(esmWire.FlussError).toBe(esm.FlussError)
    // The declared brand (no static block): a CJS instance is `instanceof` the ESM class and the reverse.
    expect(new cjs.FlussError(undefined, 7)).toBeInstanceOf(esm.FlussError)
    expect(esm.FlussError.is(new cjs.FlussError(undefined, 7))).toBe(true)
    expect(new esm.FlussError(undefined, 7)).toBeInstanceOf(cjs.FlussError)
  })
})
