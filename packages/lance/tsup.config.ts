import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

/** The package's entry points (`exports` in package.json). */
const ENTRIES = ['index']

const common: Options = {
  entry: Object.fromEntries(ENTRIES.map((name) => [name, `src/${name}.ts`])),
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // esbuild's own tree shaking, not tsup's rollup pass.
  treeshake: false,
  // No `keepNames`: it wraps every function and class in a module-level `__name(…)` call, a side effect that keeps
  // the whole file in a user's bundle. Class names survive without it: no class names itself inside its own body,
  // and the bundle has one class per name. test/build.test.ts checks the names in both builds.
  keepNames: false,
}

export default defineConfig(() => {
  // Cleaned here, once: the two builds below run in parallel (tsup's `clean` in each would race).
  rmSync('dist', { recursive: true, force: true })
  return [
    {
      // ESM: one file per entry plus a shared chunk when there is more than one entry. A user's bundler drops the
      // unused code, because no module of src has a module-level side effect (no static blocks, `/* @__PURE__ */`
      // on module-level calls, tables built in functions).
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
