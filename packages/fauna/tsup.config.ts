import { defineConfig } from 'tsup'
import { packageBuilds, packageConfig } from '../../tsup.shared'

/** Entries = `exports` in package.json; the build and why: tsup.shared.ts. */
const ENTRIES = ['index', 'v10', 'adapter']

/**
 * The v4 and v10 classes of the same names (`ProtocolError`, `FaunaError`, `AbortError`) land in different chunks in
 * both formats, so esbuild renames neither (it would in one file: `ProtocolError2`). test/truth.test.ts builds these
 * into a temporary directory to check the names.
 */
export const builds = packageBuilds(ENTRIES)

export default defineConfig(packageConfig(ENTRIES))
