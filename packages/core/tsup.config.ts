import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json. The build itself (ESM and CJS: entries plus shared chunks, no keepNames) and
// why: tsup.shared.ts at the repository root.
export default defineConfig(packageConfig(['index', 'kit', 'retry']))
