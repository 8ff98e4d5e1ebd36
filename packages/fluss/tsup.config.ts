import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json; the build and why: tsup.shared.ts. `FlussError` keeps its name without
// keepNames (one class of that name); test/build-names.test.ts checks it in both builds.
// `@bufbuild/protobuf` is built into `wire.js`/`wire.cjs`: the four modules its `BinaryReader`/`BinaryWriter` live in
// (`wire/binary-encoding.js`, `wire/varint.js`, `wire/text-encoding.js`, `proto-int64.js`). Its `./wire` entry also
// re-exports `size-delimited.js`, which loads the reflection runtime (`to-binary.js`, `from-binary.js`): a cold import of
// `@bufbuild/protobuf/wire` alone took 35.0 ms of CPU (ESM) and 21.1 ms (CJS) in apps/bench, more than all of
// `@errs/fluss/wire` besides. Its licences: THIRD_PARTY_NOTICES.md.
export default defineConfig(packageConfig(['index', 'wire'], [], {}, ['@bufbuild/protobuf']))
