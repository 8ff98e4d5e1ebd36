/**
 * The repository's `pnpm conformance`: everything the published CLI runs, against the four adapters of this
 * repository (built packages, `packages/*\/dist`), plus the parts only a clone can run: install-alone (packed
 * tarballs installed offline into empty projects) and cross-service (errors thrown across processes).
 *
 *   pnpm conformance                                  # from the repository root: builds the packages first
 *   pnpm --filter @errs/conformance run conformance -- --only hostile --fuzz-runs 1000
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../src/main.js'
import { runCrossService } from './cross-service.js'
import { runInstallAlone } from './install-alone.js'

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `pnpm conformance` runs this from apps/conformance: relative paths are the user's, from where pnpm was run. */
const cwd =
  process.env.npm_lifecycle_event === 'conformance' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd()

main(process.argv.slice(2), {
  cwd,
  defaultAdapters: ['@errs/fluss', '@errs/fluss/wire', '@errs/lance', '@errs/fauna/adapter'],
  extraParts: [
    {
      name: 'cross-service',
      run: ({ targets }) =>
        runCrossService([...new Set(targets.map((t) => t.spec ?? t.name).filter((s) => s !== '@errs/fluss/wire'))]),
    },
    { name: 'install', run: () => runInstallAlone(appDir) },
  ],
}).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`conformance crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 2
  },
)
