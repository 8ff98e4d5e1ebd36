import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/kit.ts', 'src/retry.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // esbuild renames classes in shared chunks (`_ErrsError`): loggers print the constructor name, so keep it.
  keepNames: true,
})
