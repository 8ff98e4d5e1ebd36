/** Helpers shared by the suites. */
import { type Adapter, fromProblem } from '@errs/core'
import { deserializeError } from 'serialize-error'
import type { Group } from '../harness.js'

type ErrorClass = new (message: string) => Error

/**
 * An Error subclass chain `depth` classes deep, each with an explicit constructor that only calls `super` — the
 * shape of ours (`TableNotFoundError → LanceNamespaceError → ErrsError → Error` is depth 3) without any of our work.
 * V8 walks every constructor frame while it captures the stack, so this is the floor for a class of that depth.
 */
export function emptyChain(depth: number): ErrorClass {
  let Base: ErrorClass = Error
  for (let d = 0; d < depth; d++) {
    const Parent = Base
    Base = class extends Parent {
      // An explicit constructor, like ours: its frame is part of what is measured.
      constructor(message: string) {
        super(message)
      }
    }
  }
  return Base
}

/**
 * A 1-deep Error subclass that re-captures its stack with `Error.captureStackTrace(this, new.target)`, as some
 * drivers do to start the stack at the caller. (V8 already starts it there for `new` of a subclass: the frames of the
 * constructors up to `new.target` are skipped; the second capture only adds its cost.)
 */
export function stackAtCaller(): ErrorClass {
  return class extends Error {
    constructor(message: string) {
      super(message)
      Error.captureStackTrace(this, new.target)
    }
  }
}

export const refLabel = (depth: number): string =>
  `\`new\` of an empty Error subclass chain ${depth} deep (same depth as ours, no fields, no redaction)`

/**
 * Label of a decode group's `least` row, the least decoder: the floor's parse, then `new Error(message)` given the
 * prototype of an empty Error subclass (`Object.setPrototypeOf`), in a function as ours is. Our decoders make their
 * errors that way (core kit's `adoptError`: a plain `Error`, whose stack V8 captures at the decoder without walking a
 * constructor frame, given its class's prototype), so this is what any of them pays before any work of its own. (Its
 * class is written here, so the bench must run compiled without `keepNames`: see compile.ts.)
 */
export const leastDecoderLabel = (parse: string): string =>
  `the least decoder: ${parse} + \`new Error(message)\` given an Error subclass's prototype, in a function as ours`

/**
 * The "rebuild an adapter's error from JSON text" group, alike for every adapter: our problem text through
 * `fromProblem` with the adapter, against serialize-error's text of an error with the same fields (a plain Error
 * with the same message and code, or `serializedOf`: the driver's own error, when the driver has one).
 */
export function rebuildGroup(
  id: string,
  title: string,
  adapterName: string,
  adapter: Adapter,
  problemText: string,
  serializedText: string,
  serializedOf?: string,
): Group {
  return {
    id,
    section: 'rebuild',
    title,
    cases: [
      {
        id: 'floor',
        label: '`new Error(JSON.parse(text).message)`',
        role: 'floor',
        fn: () => new Error((JSON.parse(serializedText) as { message: string }).message),
      },
      {
        id: 'ours',
        label: `\`fromProblem(JSON.parse(text), { adapters: [${adapterName}] })\``,
        role: 'ours',
        fn: () => fromProblem(JSON.parse(problemText), { adapters: [adapter] }),
      },
      {
        id: 'peer',
        label: `\`deserializeError(JSON.parse(text))\` (serialize-error 13; gives a plain Error${serializedOf ? `; the text: ${serializedOf}` : ''})`,
        role: 'peer',
        fn: () => deserializeError(JSON.parse(serializedText)),
      },
    ],
  }
}
