#!/usr/bin/env node
/**
 * errs-conformance: the conformance suite of errs adapters.
 *
 *   npx errs-conformance --adapter @errs/lance
 *   npx errs-conformance --adapter ./dist/index.js --vectors ./vectors.json --reporter junit --output conformance.xml
 *
 * Exit codes: 0 every check passed, 1 a check failed, 2 the run could not start.
 */
import { main } from './main.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`errs-conformance crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 2
  },
)
