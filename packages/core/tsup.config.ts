import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json. The build itself (ESM chunks without keepNames, CJS one file per entry) and
// why: tsup.shared.ts at the repository root.
export default defineConfig(packageConfig(['index', 'kit', 'retry']))
