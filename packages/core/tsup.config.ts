import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json. The build itself (ESM and CJS, no keepNames) and why: tsup.shared.ts at the
// repository root.
// `kit` holds the code of both `kit` and `index`, one file per format: `index` is declarations that re-export it, and
// package.json's `exports` point `.` at the kit's files, so that `@errs/core` and `@errs/core/kit` (which every
// adapter loads) are one module. `retry` (functions over constants, no class, no module
// state) is one self-contained file.
export default defineConfig(packageConfig(['index', 'kit', 'retry'], ['kit', 'retry'], { index: 'kit' }))
