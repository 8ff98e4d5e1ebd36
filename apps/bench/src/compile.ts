/**
 * Compiles the micro-benchmark child (`micro.ts`, the harness and the suites) to one plain JavaScript file, which
 * `run.ts` runs with `node` and no loader: the measured process runs code as a user's build does.
 *
 * Why not run the child under tsx: tsx compiles TypeScript with esbuild's `keepNames` on (tsx 4.23, fixed in its
 * transform options), which gives every class a `static { __name(this, "…") }` block, i.e. redefines the class's
 * `name`. In Node 20 (V8 11.3), `new` of a class whose `name` was redefined makes TurboFan abort the optimization of
 * the class's constructor and of the functions that call it, again and again ("Bailed out due to dependency change",
 * ~1,100 times in 250,000 `new`s, in an isolated plain-JS experiment), and each aborted job burns CPU on V8's worker
 * threads. The harness times process CPU time, so every class written in the bench (the empty chains of the reference
 * rows) and fauna 2.5.0's `src/errors.ts` (TypeScript, compiled by tsx) were charged for that work: a 1-deep empty class measured 1.4–1.7×
 * `new Error` in CPU time and 1.05–1.15× in wall time. Our packages' `dist` has no `__name` (tsup.shared.ts builds
 * with `keepNames: false`), so only the bench's own classes and the driver source were affected.
 *
 * Here: `keepNames: false`, the workspace packages and drivers stay external (their published files run as they
 * are), and fauna 2.5.0's `src/errors.ts` (the one driver file imported as source) is bundled, its types stripped.
 */

import { join } from 'node:path'
import { build } from 'esbuild'

/** Builds `.tmp/micro.mjs` under `appDir` (apps/bench) and returns its path. */
export async function compileMicro(appDir: string): Promise<string> {
  const outfile = join(appDir, '.tmp', 'micro.mjs')
  await build({
    entryPoints: [join(appDir, 'src', 'micro.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: false,
    sourcemap: false,
    logLevel: 'warning',
    plugins: [
      {
        // Every package stays external (its published files, as users run them), except TypeScript source a
        // suite imports from a package (`#fauna-errors`, package.json `imports`: fauna's `src/errors.ts`): Node
        // cannot load that, so esbuild resolves it and bundles it.
        name: 'external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./#]/ }, (args) => (args.path.endsWith('.ts') ? undefined : { external: true }))
        },
      },
    ],
  })
  return outfile
}
