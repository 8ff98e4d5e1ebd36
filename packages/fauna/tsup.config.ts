import { defineConfig } from 'tsup'
import { packageBuilds, packageConfig } from '../../tsup.shared'

/** Entries = `exports` in package.json; the build and why: tsup.shared.ts. */
const ENTRIES = ['index', 'v10', 'adapter']

/**
 * `cjsKeepNames`: the CJS `adapter` entry bundles the v4 and v10 classes of the same names (`ProtocolError`,
 * `FaunaError`, `AbortError`) into one file, and esbuild would rename one of each pair (`ProtocolError2`). In ESM
 * they land in different chunks. test/truth.test.ts builds these into a temporary directory to check the names.
 */
export const builds = packageBuilds(ENTRIES, { cjsKeepNames: true })

export default defineConfig(packageConfig(ENTRIES, { cjsKeepNames: true }))
