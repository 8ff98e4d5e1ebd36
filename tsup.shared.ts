/**
 * The one build of every published package (each package's `tsup.config.ts` names only its entries).
 *
 * - ESM: one file per entry plus shared chunks (code splitting), so a package's entries share one copy of each
 *   class. Not one file per source module: a user's bundler drops unused code from a chunk just as well, because no
 *   module of any `src` has a module-level side effect (declared brands instead of static blocks, no computed member
 *   keys, `/* @__PURE__ *\/` on module-level calls, tables built in functions; the size-limit rows of imports taken
 *   alone in apps/bench/.size-limit.cjs fail in CI when one creeps in). Node's ESM loader pays per file: a cold import
 *   of 16 modules took ~3× the CPU time of 3 files (apps/bench).
 * - CJS: the same split (one file per entry plus shared chunks), converted from the ESM chunks by tsup's rollup
 *   pass (`treeshake: true`, which keeps the code as esbuild wrote it; tsup's default CJS splitting runs sucrase,
 *   which turns every `??` into a helper call with a closure). One self-contained file per entry loaded core twice
 *   for an adapter (`@errs/core` and `@errs/core/kit` each bundled all of core): ~3 ms more CPU per cold `require`
 *   and two copies of every class (apps/bench).
 * - Entries listed as `standalone` are built as one file each, ESM and CJS (no shared chunk): an entry with no class
 *   and no module state (`@errs/core/retry`: functions over constants) can carry its own copy of the few functions
 *   it shares, so that the other entries share one chunk instead of two. Node's loaders pay per file: ~0.3 ms of CPU
 *   per CJS file and ~0.4 ms per ES module file (a cold ESM import of core's main entry, 3 files → 2: 5.1 → 4.7 ms
 *   of CPU, paired medians of 60 rounds of apps/bench's probe). A bundle of the entry with the others has that copy
 *   twice: +0.07 kB min + gzip for `{ isRetryable, kindOf }` with `{ retryDelay }`, +0.33 kB for core's typical
 *   import with both of retry's, +0.36 kB for both whole entries (esbuild, minified, gzip; no size row measures it).
 * - No `keepNames` by default: it wraps every function and class in a module-level `__name(…)` call, a side effect
 *   that kept a whole chunk in a user's bundle (10.5 kB min+gzip for core's `{ ErrsError, isRetryable, kindOf }`).
 *   Class names survive without it as long as no class names itself inside its own body (esbuild would lower it to
 *   `var X = class _X`) and a chunk has one class per name (Fauna's v4 and v10 `ProtocolError` land in different
 *   chunks); each package tests the names in both builds.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Options } from 'tsup'

/**
 * The ESM and CJS builds of a package whose entries are `src/<name>.ts` (its `exports`). `standalone`: entries
 * whose files (ESM and CJS) are built on their own, with no shared chunk (only for an entry without classes or module
 * state: a copy of its code is then harmless).
 */
export function packageBuilds(entries: readonly string[], standalone: readonly string[] = []): Options[] {
  const entry = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, `src/${name}.ts`]))
  const common: Options = {
    entry: entry(entries),
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // esbuild's own tree shaking, not tsup's rollup pass.
    treeshake: false,
  }
  const split = entries.filter((name) => !standalone.includes(name))
  return [
    { ...common, entry: entry(split), format: ['esm'], splitting: true, keepNames: false },
    {
      ...common,
      entry: entry(split),
      format: ['cjs'],
      splitting: true,
      treeshake: true,
      keepNames: false,
      onSuccess: oneSourceMapComment,
    },
    ...standalone.map(
      (name): Options => ({
        ...common,
        entry: entry([name]),
        format: ['esm', 'cjs'],
        splitting: false,
        keepNames: false,
      }),
    ),
  ]
}

/**
 * The rollup pass of the CJS build appends its `//# sourceMappingURL=` comment after esbuild's: each `.cjs` file
 * keeps the last one only (a second comment is noise to every tool that reads them).
 */
async function oneSourceMapComment(): Promise<void> {
  if (!existsSync('dist')) return
  for (const file of readdirSync('dist')) {
    if (!file.endsWith('.cjs')) continue
    const path = `dist/${file}`
    const text = readFileSync(path, 'utf8')
    const comment = /^\/\/# sourceMappingURL=.*$/gm
    const all = text.match(comment) ?? []
    if (all.length < 2) continue
    let seen = 0
    writeFileSync(
      path,
      text.replace(/^\/\/# sourceMappingURL=.*(?:\r?\n)?/gm, (m) => (++seen < all.length ? '' : m)),
    )
  }
}

/** `defineConfig`'s argument for a package: cleans `dist` once (the two builds run in parallel), then both builds. */
export function packageConfig(entries: readonly string[], standalone: readonly string[] = []): () => Options[] {
  return () => {
    rmSync('dist', { recursive: true, force: true })
    return packageBuilds(entries, standalone)
  }
}
