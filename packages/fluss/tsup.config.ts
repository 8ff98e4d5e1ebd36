import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

/** The package's entry points (`exports` in package.json). */
const ENTRIES = ['index', 'wire']

const common: Options = {
  entry: Object.fromEntries(ENTRIES.map((name) => [name, `src/${name}.ts`])),
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // esbuild's own tree shaking, not tsup's rollup pass.
  treeshake: false,
  // No `keepNames`: it wraps every function and class in a module-level `__name(…)` call, a side effect that keeps
  // all of the shared chunk in a user's bundle. `FlussError` keeps its name without it (one class of that name,
  // which does not name itself in its own body); test/build-names.test.ts checks it in both builds.
  keepNames: false,
}

export default defineConfig(() => {
  // Cleaned here, once: the two builds below run in parallel (tsup's `clean` in each would race).
  rmSync('dist', { recursive: true, force: true })
  return [
    {
      // ESM: one file per entry plus a shared chunk, so `/wire` and the main entry share one `FlussError` class.
      // A user's bundler drops what is unused from the chunk, because no module of src has a module-level side
      // effect (declared brand, `/* @__PURE__ */` on module-level calls, tables built in functions).
      ...common,
      format: ['esm'],
      splitting: true,
    },
    {
      // CJS: one self-contained file per entry.
      ...common,
      format: ['cjs'],
      splitting: false,
    },
  ]
})
