import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface Manifest {
  exports: Record<string, { import: { default: string }; require: { default: string } }>
}

/**
 * The built files `@errs/core`'s package.json points an entry at (`'.'`, `'./kit'`, `'./retry'`): absolute paths of
 * its ESM and its CJS file, as Node resolves the entry for a user. `'.'` and `'./kit'` are the same files (see
 * tsup.shared.ts at the repository root).
 */
export function entryFiles(entry: string): { esm: string; cjs: string } {
  const root = new URL('../../', import.meta.url)
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Manifest
  const target = manifest.exports[entry]
  if (target === undefined) throw new Error(`no entry ${entry} in @errs/core's exports`)
  return {
    esm: fileURLToPath(new URL(target.import.default, root)),
    cjs: fileURLToPath(new URL(target.require.default, root)),
  }
}
