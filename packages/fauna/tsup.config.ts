import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/v10.ts', 'src/adapter.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Class names must equal the upstream names in every build (`ProtocolError.name === 'ProtocolError'`): the
  // v4 and v10 classes share names, and bundling them into one chunk would otherwise rename one of each pair.
  keepNames: true,
})
