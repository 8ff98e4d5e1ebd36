import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, resolve, sep } from 'node:path'
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

describe('the source maps of every built package', () => {
  // A published map names each source by a path relative to the map. A dependency built in (`@bufbuild/protobuf` in
  // /wire) was named by the real path esbuild read it at, which under pnpm is in the store of whoever built it
  // (`../../../node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/…`, outside the package): tsup.shared.ts's
  // `stableSources` names it in the package's own `node_modules`, as npm's flat layout would.
  const packages = fileURLToPath(new URL('../../', import.meta.url))
  const built = readdirSync(packages).filter((name) => existsSync(resolve(packages, name, 'dist')))

  type SourceMap = { sources: string[]; sourceRoot?: string; sourcesContent?: (string | null)[] }
  const mapsOf = (name: string): [string, SourceMap][] => {
    const dir = resolve(packages, name, 'dist')
    return readdirSync(dir)
      .filter((file) => file.endsWith('.map'))
      .map((file) => [resolve(dir, file), JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as SourceMap])
  }

  it('name no path of a pnpm store, no absolute path, nothing outside the package', () => {
    // This package and core (its dependency) are built before its tests; the others when they were built.
    expect(built).toEqual(expect.arrayContaining(['core', 'fluss']))
    let count = 0
    for (const name of built) {
      const root = resolve(packages, name) + sep
      for (const [file, map] of mapsOf(name)) {
        count++
        for (const source of [...map.sources, map.sourceRoot ?? '']) {
          expect(source, file).not.toMatch(/\.pnpm|^[A-Za-z][\w+.-]*:|^[\\/]/)
          expect(isAbsolute(source), file).toBe(false)
        }
        for (const source of map.sources) {
          expect(resolve(file, '..', map.sourceRoot ?? '', source).startsWith(root), `${file}: ${source}`).toBe(true)
        }
      }
    }
    expect(count).toBeGreaterThan(0)
  })

  it("name /wire's built-in modules of @bufbuild/protobuf by the package's node_modules, where they resolve", () => {
    for (const file of ['wire.js.map', 'wire.cjs.map']) {
      const map = JSON.parse(readFileSync(`${dist}${file}`, 'utf8')) as SourceMap
      const protobuf = map.sources.filter((source) => source.includes('@bufbuild/protobuf'))
      expect(protobuf.sort()).toEqual(
        ['proto-int64.js', 'wire/binary-encoding.js', 'wire/text-encoding.js', 'wire/varint.js'].map(
          (module) => `../node_modules/@bufbuild/protobuf/dist/esm/${module}`,
        ),
      )
      // In this repository the path opens the module the map holds the text of.
      for (const source of protobuf) {
        const content = map.sourcesContent?.[map.sources.indexOf(source)]
        expect(readFileSync(resolve(dist, source), 'utf8'), source).toBe(content)
      }
    }
  })
})
