import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

/** The package's entry points (`exports` in package.json). */
const ENTRIES = ['index', 'kit', 'retry']

const common: Options = {
  entry: Object.fromEntries(ENTRIES.map((name) => [name, `src/${name}.ts`])),
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // esbuild's own tree shaking, not tsup's rollup pass.
  treeshake: false,
  // No `keepNames`: it wraps every function and class in a module-level `__name(…)` call, a side effect that kept
  // all of the shared chunk in a user's bundle (10.5 kB min+gzip for `{ ErrsError, isRetryable, kindOf }`). Class
  // names survive without it: no class names itself inside its own body (esbuild would lower it to
  // `var X = class _X`), and the bundle has one class per name. packages/core/test/identity.test.ts checks the names
  // in both builds.
  keepNames: false,
}

export default defineConfig(() => {
  // Cleaned here, once: the two builds below run in parallel (tsup's `clean` in each would race).
  rmSync('dist', { recursive: true, force: true })
  return [
    {
      // ESM: one file per entry plus a shared chunk (code splitting), so both entries share one copy of each class.
      // Not one file per source module: a user's bundler drops unused code from the chunk just as well, because no
      // module of src has a module-level side effect (no static blocks, no computed member keys, `/* @__PURE__ */`
      // on module-level calls; the size-limit checks of `{ kindOf, isRetryable }` alone and of the kit's code-table
      // helpers alone in apps/bench/.size-limit.cjs fail in CI when one creeps in). Node's ESM loader, on the other
      // hand, pays per file: a cold import of 16 modules took ~3× the CPU time of these 3 files (apps/bench).
      ...common,
      format: ['esm'],
      splitting: true,
    },
    {
      // CJS: one self-contained file per entry (`require` users load one file; the identity test loads index.cjs
      // alone in a node:vm realm).
      ...common,
      format: ['cjs'],
      splitting: false,
    },
  ]
})
