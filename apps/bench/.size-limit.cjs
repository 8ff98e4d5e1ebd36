// Size budgets checked in CI: `pnpm --filter @errs/bench size` after the packages are built.
// size-limit 12 (Node 20) + @size-limit/preset-small-lib: esbuild bundle, minified, gzip (`gzip: true`).
// Limits = the size measured when set, plus 10% (rounded up); see BENCHMARKS.md §5 for the measurements.
const core = '../../packages/core/dist/index.js'
const fluss = '../../packages/fluss/dist/index.js'
const flussWire = '../../packages/fluss/dist/wire.js'
const lance = '../../packages/lance/dist/index.js'
const fauna = '../../packages/fauna/dist/index.js'
const faunaV10 = '../../packages/fauna/dist/v10.js'

module.exports = [
  {
    name: '@errs/core: typical import { ErrsError, isRetryable, kindOf }',
    path: core,
    import: '{ ErrsError, isRetryable, kindOf }',
    gzip: true,
    limit: '4.01 kB',
  },
  { name: '@errs/core: whole entry', path: core, gzip: true, limit: '5.85 kB' },
  {
    name: '@errs/fluss: typical import { FlussError, ErrorCode } (with core)',
    path: fluss,
    import: '{ FlussError, ErrorCode }',
    gzip: true,
    limit: '11.90 kB',
  },
  { name: '@errs/fluss: whole entry (with core)', path: fluss, gzip: true, limit: '12.75 kB' },
  {
    name: '@errs/fluss/wire: whole subpath (with core, @bufbuild/protobuf/wire)',
    path: flussWire,
    gzip: true,
    limit: '16.74 kB',
  },
  {
    name: '@errs/lance: typical import { TableNotFoundError, ErrorCode } (with core)',
    path: lance,
    import: '{ TableNotFoundError, ErrorCode }',
    gzip: true,
    limit: '7.89 kB',
  },
  { name: '@errs/lance: whole entry (with core)', path: lance, gzip: true, limit: '11.05 kB' },
  {
    name: '@errs/fauna: typical import { FaunaHTTPError, fromHttp } (with core)',
    path: fauna,
    import: '{ FaunaHTTPError, fromHttp }',
    gzip: true,
    limit: '15.21 kB',
  },
  { name: '@errs/fauna: whole entry (with core)', path: fauna, gzip: true, limit: '15.41 kB' },
  {
    name: '@errs/fauna/v10: typical import { ServiceError, fromHttp } (with core)',
    path: faunaV10,
    import: '{ ServiceError, fromHttp }',
    gzip: true,
    limit: '15.15 kB',
  },
  { name: '@errs/fauna/v10: whole subpath (with core)', path: faunaV10, gzip: true, limit: '15.46 kB' },
]
