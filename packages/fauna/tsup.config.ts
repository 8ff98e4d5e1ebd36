import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

/** The package's entry points (`exports` in package.json). */
const ENTRIES = ['index', 'v10', 'adapter']

const common: Options = {
  entry: Object.fromEntries(ENTRIES.map((name) => [name, `src/${name}.ts`])),
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // esbuild's own tree shaking, not tsup's rollup pass.
  treeshake: false,
}

/** The two builds (test/truth.test.ts builds them into a temporary directory to check the class names). */
export const builds: Options[] = [
  {
    // ESM: one file per entry plus shared chunks (code splitting), so the entries share one copy of each class.
    // No `keepNames`: it wraps every function and class in a module-level `__name(…)` call, a side effect that
    // keeps a whole chunk in a user's bundle. Class names survive without it: no class names itself in its own
    // body, and the v4 and v10 classes of the same name (`ProtocolError`, `FaunaError`, `AbortError`) land in
    // different chunks, each with one class per name. A user's bundler drops what is unused because no module of
    // src has a module-level side effect (declared brands, `/* @__PURE__ */` on module-level calls, tables built
    // in functions). test/truth.test.ts checks the names in the built files.
    ...common,
    format: ['esm'],
    splitting: true,
    keepNames: false,
  },
  {
    // CJS: one self-contained file per entry. `keepNames`: the `adapter` entry bundles the v4 and v10 classes of
    // the same names into one file, and esbuild would rename one of each pair (`ProtocolError2`).
    ...common,
    format: ['cjs'],
    splitting: false,
    keepNames: true,
  },
]

export default defineConfig(() => {
  // Cleaned here, once: the two builds run in parallel (tsup's `clean` in each would race).
  rmSync('dist', { recursive: true, force: true })
  return builds
})
