/** Static key on a branded class: the `Symbol.for` marker its instances carry. */
const BRAND_KEY: unique symbol = Symbol.for('errs.brand') as never

/**
 * Name of the static member a class declares its brand id with, instead of a static `brandClass` block:
 * `static override readonly errsBrand = 'errs.lance.TableNotFoundError'` (`ErrsError` declares its own). A
 * string-keyed static field is free of side effects,
 * so a bundler drops the class when it is not used (a static block is a side effect it must keep). The class is
 * branded on first use: when an instance is constructed (`ErrsError`'s constructor) or when it is asked
 * (`instanceof`, `Class.is`), whichever comes first.
 */
export const BRAND_ID = 'errsBrand'

type AnyClass = abstract new (...args: never[]) => unknown

/**
 * Brands an error class so that `instanceof` and `Class.is()` hold across copies of the code
 * (ESM and CJS builds in one process, two installed versions, a `node:vm` context).
 * The marker is `Symbol.for(id)`, which every copy and every realm of one process shares.
 * Call it once per class, in a static block: `static { brandClass(this, 'errs.fluss.FlussError') }`, or declare
 * `static override readonly errsBrand = 'errs.fluss.FlussError'` instead (see `BRAND_ID`), which a bundler can drop.
 * The last dot-separated segment of `id` becomes the class's `name` (minifier-proof).
 *
 * @throws TypeError when `ctor`'s own `prototype` is not a data property holding an object whose `constructor` is
 *   `ctor` (an arrow function, a bound function, a getter): the marker goes on the class's own prototype only.
 */
export function brandClass(ctor: AnyClass, id: string): void {
  // A parent that declares `errsBrand` is branded first: the walk from a branded class stops at that class.
  ensureBranded(Object.getPrototypeOf(ctor))
  // The prototype is read once, and must be the class's own (its `constructor` is `ctor`): a `prototype` getter
  // that answers another object on a later read (`Object.prototype`) must not get the marker and the name.
  const proto: unknown = Object.getOwnPropertyDescriptor(ctor, 'prototype')?.value
  if (
    proto === null ||
    typeof proto !== 'object' ||
    Object.getOwnPropertyDescriptor(proto, 'constructor')?.value !== ctor
  ) {
    throw new TypeError('brandClass: expected a class (its prototype is not its own)')
  }
  const marker = Symbol.for(id)
  Object.defineProperty(ctor, BRAND_KEY, { value: marker })
  Object.defineProperty(proto, marker, { value: true })
  Object.defineProperty(proto, 'name', {
    value: id.slice(id.lastIndexOf('.') + 1),
    writable: true,
    configurable: true,
    enumerable: false,
  })
}

/**
 * Brands `ctor` and each class above it that declares an own `errsBrand` (`BRAND_ID`), up to the first class that is
 * branded already. One own-key check when `ctor` is branded. Never throws.
 */
export function ensureBranded(ctor: unknown): void {
  try {
    for (let c = ctor; typeof c === 'function' && !Object.hasOwn(c, BRAND_KEY); c = Object.getPrototypeOf(c)) {
      const id = Object.getOwnPropertyDescriptor(c, BRAND_ID)?.value
      if (typeof id === 'string') brandClass(c as AnyClass, id)
    }
  } catch {
    // A class that refuses inspection (a hostile proxy) keeps the ordinary prototype check.
  }
}

/**
 * True when `value` was made by `ctor` or a subclass, in any copy of the code.
 * Classes without a brand of their own fall back to the ordinary prototype check.
 * Never throws, even for hostile proxies.
 */
export function isBrandedInstance(ctor: AnyClass, value: unknown): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false
  try {
    if (!Object.hasOwn(ctor, BRAND_KEY)) ensureBranded(ctor)
    if (Object.hasOwn(ctor, BRAND_KEY)) {
      const marker = (ctor as unknown as Record<symbol, symbol>)[BRAND_KEY] as symbol
      return (value as Record<symbol, unknown>)[marker] === true
    }
    return Function.prototype[Symbol.hasInstance].call(ctor, value)
  } catch {
    return false
  }
}
