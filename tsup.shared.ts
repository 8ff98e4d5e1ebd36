/**
 * The one build of every published package (each package's `tsup.config.ts` names only its entries).
 *
 * - ESM: one file per entry plus shared chunks (code splitting), so a package's entries share one copy of each
 *   class (core instead has one module for its two entries with classes: `reexports` below). Not one file per source module: a user's bundler drops unused code from a chunk just as well, because no
 *   module of any `src` has a module-level side effect (declared brands instead of static blocks, no computed member
 *   keys, `/* @__PURE__ *\/` on module-level calls, tables built in functions; the size-limit rows of imports taken
 *   alone in apps/bench/.size-limit.cjs fail in CI when one creeps in). Node's ESM loader pays per file: a cold import
 *   of 16 modules took ~3× the CPU time of 3 files (apps/bench).
 * - CJS: the same split (one file per entry plus shared chunks), converted from the ESM chunks by tsup's rollup
 *   pass (`treeshake: true`, which keeps the code as esbuild wrote it; tsup's default CJS splitting runs sucrase,
 *   which turns every `??` into a helper call with a closure). One self-contained file per entry loaded core twice
 *   for an adapter (`@errs/core` and `@errs/core/kit` each bundled all of core): ~3 ms more CPU per cold `require`
 *   and two copies of every class (apps/bench).
 * - Entries listed as `standalone` are built as one file each, ESM and CJS (no shared chunk): an entry whose code
 *   no other built entry shares (`@errs/core/kit`, which `@errs/core` re-exports), or one with no class and no module
 *   state (`@errs/core/retry`: functions over constants), which can carry its own copy of the few functions it shares.
 *   Node's loaders pay per file: ~0.3 ms of CPU per CJS file and ~0.4–0.7 ms per ES module file (a cold ESM import of
 *   core's main entry, 3 files → 2: 5.1 → 4.7 ms of CPU, paired medians of 60 rounds of apps/bench's probe; of
 *   `@errs/core/kit`, 2 files → 1: 5.8 → 5.1 ms, 30 rounds). A bundle of the entry with the others has a copy of
 *   what it shares twice: +0.07 kB min + gzip for `{ isRetryable, kindOf }` with `{ retryDelay }`, +0.33 kB for
 *   core's typical import with both of retry's, +0.36 kB for both whole entries (esbuild, minified, gzip).
 * - Entries listed in `reexports` (`{ index: 'kit' }`) have no file of their own: their source is only
 *   `export { … } from './kit.js'`, and the package's `exports` point that entry at the other entry's files
 *   (`"."` → `dist/kit.js`, `dist/kit.cjs`), with declarations of their own that re-export the other's
 *   (`index.d.ts` from `./kit.js`, `index.d.cts` from `./kit.cjs`). So `@errs/core` and `@errs/core/kit` are one
 *   module, one file per format, with one copy of each class: a cold import of either took ~0.5 ms less CPU than
 *   with a shared chunk (ESM and CJS, paired medians of 50 rounds of apps/bench's probe). `@errs/core`'s types show
 *   its application API; its module also has the kit's exports.
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
 * whose files (ESM and CJS) are built on their own, with no shared chunk (only for an entry whose code no other
 * built entry shares, or one without classes or module state: a copy of its code is then harmless). `reexports`:
 * entries whose source only re-exports a `standalone` entry (name → that entry's name): declarations only, and the
 * package's `exports` point them at that entry's files (see above).
 */
export function packageBuilds(
  entries: readonly string[],
  standalone: readonly string[] = [],
  reexports: Readonly<Record<string, string>> = {},
  inline: readonly string[] = [],
): Options[] {
  const entry = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, `src/${name}.ts`]))
  const common: Options = {
    entry: entry(entries),
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // esbuild's own tree shaking, not tsup's rollup pass.
    treeshake: false,
    // Dependencies built into the package's files (see `packageConfig`), only the modules its code imports.
    noExternal: [...inline],
  }
  const split = entries.filter((name) => !standalone.includes(name) && !(name in reexports))
  // CJS from esbuild's ESM output by tsup's rollup pass (`treeshake: true`; for standalone entries too, `retry.cjs`
  // included): plain `exports.x = x` assignments, where
  // esbuild's own CJS defines a getter per export through helpers (`@errs/core/kit`'s one file took ~0.5 ms more
  // CPU to `require` cold so; paired medians of 50 rounds of apps/bench's probe). tsup's default CJS splitting runs
  // sucrase, which turns every `??` into a helper call with a closure.
  // `own`: the CJS files the build writes (`undefined`: every `.cjs` file, for the one build that splits; its ESM
  // build's are the same names in `.js`), so that builds running side by side each rewrite only their own (their
  // `//# sourceMappingURL=` comments, their maps' sources: `stableSources`). `after`: run once each format's files are
  // written.
  const formats = (options: Options, own?: string[], after?: (format: 'esm' | 'cjs') => void): Options[] => [
    {
      ...common,
      ...options,
      format: ['esm'],
      keepNames: false,
      onSuccess: async () => {
        stableSources(
          own?.map((file) => file.replace(/\.cjs$/, '.js')),
          '.js',
        )
        after?.('esm')
      },
    },
    {
      ...common,
      ...options,
      format: ['cjs'],
      treeshake: true,
      keepNames: false,
      onSuccess: async () => {
        oneSourceMapComment(own)
        stableSources(own, '.cjs')
        after?.('cjs')
      },
    },
  ]
  for (const [name, target] of Object.entries(reexports)) {
    if (!standalone.includes(target)) throw new Error(`${name} re-exports ${target}, which is not built standalone`)
  }
  return [
    ...(split.length > 0 ? formats({ entry: entry(split), splitting: true }) : []),
    ...standalone.flatMap((name) =>
      formats({ entry: entry([name]), splitting: false }, [`${name}.cjs`], (format) => {
        for (const [facade, target] of Object.entries(reexports)) {
          if (target === name) reexportDeclarations(facade, target, format)
        }
      }),
    ),
  ]
}

/**
 * The declarations of an entry whose source is only `export { … } from './<target>.js'` statements (comments
 * aside): that source as it is for ESM (`dist/<name>.d.ts`, next to `<target>.d.ts`), with `./<target>.cjs` for
 * CommonJS (`<name>.d.cts`). Throws on any other statement: the entry has no file of its own, so a value it declared
 * itself would be in its types and not in its module.
 */
function reexportDeclarations(name: string, target: string, format: 'esm' | 'cjs'): void {
  const source = readFileSync(`src/${name}.ts`, 'utf8')
  const from = `from './${target}.js'`
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
  const statement = /\s*export\s+(?:type\s+)?\{[^}]*\}\s*from\s*'([^']*)'\s*;?/y
  let at = 0
  for (let m = statement.exec(code); m; m = statement.exec(code)) {
    if (m[1] !== `./${target}.js`) break
    at = statement.lastIndex
  }
  if (at === 0 || code.slice(at).trim() !== '') {
    throw new Error(`src/${name}.ts must hold only \`export { … } ${from}\` statements (it is built as declarations)`)
  }
  if (format === 'esm') writeFileSync(`dist/${name}.d.ts`, source)
  else writeFileSync(`dist/${name}.d.cts`, source.split(from).join(`from './${target}.cjs'`))
}

/**
 * The rollup pass of the CJS build appends its `//# sourceMappingURL=` comment after esbuild's: each `.cjs` file
 * (of `own`, the build's own files; every one in `dist` without it) keeps the last one only (a second comment is
 * noise to every tool that reads them).
 */
function oneSourceMapComment(own?: readonly string[]): void {
  if (!existsSync('dist')) return
  for (const file of own ?? readdirSync('dist')) {
    if (!file.endsWith('.cjs') || !existsSync(`dist/${file}`)) continue
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

/**
 * The source maps of the files a build wrote (`own`; every file of `extension` in `dist` without it) name a module of
 * a dependency built in (`inline`) by its path in the package's own `node_modules`
 * (`../node_modules/@bufbuild/protobuf/dist/esm/wire/varint.js`), not by the real path esbuild read it at: under pnpm
 * that is in the builder's store (`../../../node_modules/.pnpm/@bufbuild+protobuf@2.17.0/node_modules/@bufbuild/…`),
 * outside the package, and changes with the store's layout and the version. The path npm's flat layout gives, relative
 * to the map as every source is: in this repository it opens the module (the package's `node_modules` links it);
 * elsewhere a debugger shows the map's `sourcesContent` under it, grouped under `node_modules/<package>` as usual.
 */
function stableSources(own: readonly string[] | undefined, extension: '.js' | '.cjs'): void {
  if (!existsSync('dist')) return
  for (const file of own ?? readdirSync('dist').filter((name) => name.endsWith(extension))) {
    const path = `dist/${file}.map`
    if (!existsSync(path)) continue
    const map = JSON.parse(readFileSync(path, 'utf8')) as { sources?: string[] }
    const sources = (map.sources ?? []).map((source) =>
      source.replace(/^(?:\.\.\/)*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '../node_modules/'),
    )
    if (sources.some((source, i) => source !== map.sources?.[i]))
      writeFileSync(path, JSON.stringify({ ...map, sources }))
  }
}

/**
 * `defineConfig`'s argument for a package: cleans `dist` once (the two builds run in parallel), then both builds.
 * `inline`: packages built into the package's own files (esbuild bundles the modules its code imports, tree-shaken),
 * for a dependency whose entry loads far more than the package uses in Node, which does not tree-shake (each needs
 * its licence in the package's `THIRD_PARTY_NOTICES.md`, and is then a dev dependency only).
 */
export function packageConfig(
  entries: readonly string[],
  standalone: readonly string[] = [],
  reexports: Readonly<Record<string, string>> = {},
  inline: readonly string[] = [],
): () => Options[] {
  return () => {
    rmSync('dist', { recursive: true, force: true })
    return packageBuilds(entries, standalone, reexports, inline)
  }
}
