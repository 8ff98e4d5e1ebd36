// Size budgets, checked in CI by `pnpm size` after the packages are built, and the size table of BENCHMARKS.md
// (`pnpm bench` runs size-limit on this same file: one tool, one list).
// size-limit 12 + @size-limit/preset-small-lib: esbuild bundle of the import, minified, gzip; size-limit subtracts
// the few dozen bytes of an empty esbuild project.
// Limits: a row whose target (src/targets.ts, the numbers) is met has the target as its limit; a row that
// misses it has measured + 5% and a comment naming the gap; rows without a target guard growth (measured + 10%).
// Adapter rows are at measured + 10% until the adapters' migration to the kit has merged (then: targets or + 5%).
const { dirname, join } = require('node:path')

const core = '../../packages/core/dist/index.js'
const kit = '../../packages/core/dist/kit.js'
const fluss = '../../packages/fluss/dist/index.js'
const flussWire = '../../packages/fluss/dist/wire.js'
const lance = '../../packages/lance/dist/index.js'
const fauna = '../../packages/fauna/dist/index.js'
const faunaV10 = '../../packages/fauna/dist/v10.js'
const peer = (specifier) => require.resolve(specifier)
const faunaBrowser = join(dirname(require.resolve('fauna/package.json')), 'dist/browser/index.js')

module.exports = [
  {
    name: '@errs/core: typical import { ErrsError, isRetryable, kindOf }',
    path: core,
    import: '{ ErrsError, isRetryable, kindOf }',
    gzip: true,
    limit: '6.41 kB',
  },
  {
    name: '@errs/core: import { kindOf, isRetryable } alone',
    path: core,
    import: '{ kindOf, isRetryable }',
    gzip: true,
    limit: '1.35 kB',
  },
  { name: '@errs/core: whole entry', path: core, import: '*', gzip: true, limit: '10.62 kB' },
  { name: '@errs/core/kit: whole entry', path: kit, import: '*', gzip: true, limit: '10.31 kB' },
  {
    name: '@errs/fluss: typical import { FlussError, ErrorCode } (with core)',
    path: fluss,
    import: '{ FlussError, ErrorCode }',
    gzip: true,
    limit: '14.02 kB',
  },
  {
    name: '@errs/fluss: import { ErrorCode } alone',
    path: fluss,
    import: '{ ErrorCode }',
    gzip: true,
    limit: '14.02 kB',
  },
  { name: '@errs/fluss: whole entry (with core)', path: fluss, import: '*', gzip: true, limit: '15.77 kB' },
  {
    name: '@errs/fluss/wire: whole subpath (with core, @bufbuild/protobuf/wire)',
    path: flussWire,
    import: '*',
    gzip: true,
    limit: '19.68 kB',
  },
  {
    name: '@errs/lance: typical import { TableNotFoundError, ErrorCode } (with core)',
    path: lance,
    import: '{ TableNotFoundError, ErrorCode }',
    gzip: true,
    limit: '10.15 kB',
  },
  {
    name: '@errs/lance: import { ErrorCode } alone',
    path: lance,
    import: '{ ErrorCode }',
    gzip: true,
    limit: '10.14 kB',
  },
  { name: '@errs/lance: whole entry (with core)', path: lance, import: '*', gzip: true, limit: '14.28 kB' },
  {
    name: '@errs/fauna: typical import { FaunaHTTPError, fromHttp } (with core)',
    path: fauna,
    import: '{ FaunaHTTPError, fromHttp }',
    gzip: true,
    limit: '17.36 kB',
  },
  { name: '@errs/fauna: whole entry (with core)', path: fauna, import: '*', gzip: true, limit: '18.77 kB' },
  {
    name: '@errs/fauna/v10: typical import { ServiceError, fromHttp } (with core)',
    path: faunaV10,
    import: '{ ServiceError, fromHttp }',
    gzip: true,
    limit: '17.28 kB',
  },
  { name: '@errs/fauna/v10: whole subpath (with core)', path: faunaV10, import: '*', gzip: true, limit: '18.67 kB' },
  // Peers, for comparison (no limit).
  {
    name: 'peer: fauna 2.5.0 error module (src/errors.ts: every class + getServiceError)',
    path: peer('fauna/src/errors.ts'),
    import: '*',
    gzip: true,
  },
  {
    name: 'peer: faunadb 4.8.2 error module (src/errors.js, pulls _util.js, chalk, package.json)',
    path: peer('faunadb/src/errors.js'),
    import: '*',
    gzip: true,
  },
  {
    name: 'peer: fauna 2.5.0 browser build, import { ServiceError, QueryRuntimeError } from the root',
    path: faunaBrowser,
    import: '{ ServiceError, QueryRuntimeError }',
    gzip: true,
  },
  {
    name: 'peer: serialize-error 13, import { serializeError, deserializeError }',
    path: peer('serialize-error'),
    import: '{ serializeError, deserializeError }',
    gzip: true,
  },
]
