import { toProblem } from '../../src/index.js'

// Shared by the tests of core and of every adapter: a decoder's error holds its message redacted, whatever the process
// did to the global `Error` (the decoders make their error from a plain `Error`, core kit's `adoptError`). The
// stack-rewriting global `Error` is the conformance suite's (its canary group decodes under it too).
export { underStackRewritingError } from '../../../../apps/conformance/src/hostile/patched-error.js'

/** Every text an error shows: its stack, its string, its JSON, its problems, its own enumerable values. */
export function outputs(e: Error): string {
  return [
    String(e.stack),
    String(e),
    JSON.stringify(e),
    JSON.stringify({ ...e }),
    JSON.stringify(toProblem(e, { exposeInternal: true })),
  ].join('\n')
}
