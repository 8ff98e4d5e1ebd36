import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json; the build and why: tsup.shared.ts. `FlussError` keeps its name without
// keepNames (one class of that name); test/build-names.test.ts checks it in both builds.
export default defineConfig(packageConfig(['index', 'wire']))
