import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

const common: Options = {
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // No `keepNames`: it wraps every function and class in a module-level `__name(…)` call, a side effect that keeps
  // the whole module alive in a user's bundle. Class names survive without it: no output file is a shared chunk
  // (nothing to rename apart), and no class refers to itself by name in a static member (esbuild would otherwise
  // lower it to `var _X = class _X`). packages/core/test/identity.test.ts checks the names of both builds.
  keepNames: false,
}

export default defineConfig(() => {
  // Cleaned here, once, because the two builds below run in parallel (tsup's `clean` in each would race).
  rmSync('dist', { recursive: true, force: true })
  return [
    {
      // ESM: one output file per source module, imports kept as they are. With `"sideEffects": false`, a user's
      // bundler then drops every module the import does not reach (a single bundled file defeats that).
      ...common,
      entry: ['src/**/*.ts'],
      format: ['esm'],
      bundle: false,
      dts: { entry: { index: 'src/index.ts', kit: 'src/kit.ts' } },
    },
    {
      // CJS: one self-contained file per entry (`require` users do not tree-shake; one file loads fastest).
      ...common,
      entry: { index: 'src/index.ts', kit: 'src/kit.ts' },
      format: ['cjs'],
      bundle: true,
      treeshake: true,
      dts: true,
    },
  ]
})
