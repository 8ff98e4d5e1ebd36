import { defineConfig } from 'tsup'
import { packageConfig } from '../../tsup.shared'

// Entries = `exports` in package.json; the build and why: tsup.shared.ts. test/build.test.ts checks every class
// name in both builds.
export default defineConfig(packageConfig(['index']))
