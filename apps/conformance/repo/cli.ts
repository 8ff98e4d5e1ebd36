/**
 * The repository's `pnpm conformance`: everything the published CLI runs, against the four adapters of this
 * repository (built packages, `packages/*\/dist`), plus the parts only a clone can run: install-alone (packed
 * tarballs installed offline into empty projects) and cross-service (errors thrown across processes).
 *
 *   pnpm conformance                                  # from the repository root: builds the packages first
 *   pnpm --filter @errs/conformance run conformance -- --only hostile --fuzz-runs 1000
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isPath } from '../src/load.js'
import { main } from '../src/main.js'
import type { Target } from '../src/types.js'
import { runCrossService } from './cross-service.js'
import { runInstallAlone } from './install-alone.js'

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `pnpm conformance` runs this from apps/conformance: relative paths are the user's, from where pnpm was run. */
const cwd =
  process.env.npm_lifecycle_event === 'conformance' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd()

/** What another process can `import()` to get this adapter: the package specifier, or the file's URL. */
function importable(t: Target, spec: string): string {
  const file = t.files?.esm ?? t.files?.cjs
  return isPath(spec) && file ? pathToFileURL(file).href : spec
}

main(process.argv.slice(2), {
  cwd,
  defaultAdapters: ['@errs/fluss', '@errs/fluss/wire', '@errs/lance', '@errs/fauna/adapter'],
  extraParts: [
    {
      name: 'cross-service',
      run: async ({ targets }) => {
        // The services import each adapter themselves, from repo/: a path given with --adapter goes as its file URL,
        // and the rows name it as the report does.
        const labels = new Map<string, string>()
        for (const t of targets) {
          const spec = t.spec ?? t.name
          if (spec !== '@errs/fluss/wire') labels.set(importable(t, spec), t.name)
        }
        const rows = await runCrossService([...labels.keys()])
        const relabel = (s: string) => {
          let out = s
          for (const [from, to] of labels) out = out.replaceAll(from, to)
          return out
        }
        return rows.map((r) => ({ ...r, target: relabel(r.target), name: relabel(r.name) }))
      },
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
