/** Helpers shared by the suites. */

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

export const refLabel = (depth: number): string =>
  `\`new\` of an empty Error subclass chain ${depth} deep (same depth as ours, no fields, no redaction)`
