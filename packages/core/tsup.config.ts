import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json. The build itself (ESM and CJS: entries plus shared chunks, no keepNames) and
// why: tsup.shared.ts at the repository root.
// `retry` (functions over constants, no class, no module state) is one self-contained file (ESM and CJS), so that
// `index` and `kit` share one chunk.
export default defineConfig(packageConfig(['index', 'kit', 'retry'], ['retry']))
