/** Static key on a branded class: the `Symbol.for` marker its instances carry. */
const BRAND_KEY: unique symbol = Symbol.for('errs.brand') as never

type AnyClass = abstract new (...args: never[]) => unknown

/**
 * Brands an error class so that `instanceof` and `Class.is()` hold across copies of the code
 * (ESM and CJS builds in one process, two installed versions, a `node:vm` context).
 * The marker is `Symbol.for(id)`, which every copy and every realm of one process shares.
 * Call it once per class, in a static block: `static { brandClass(this, 'errs.fluss.FlussError') }`.
 * The last dot-separated segment of `id` becomes the class's `name` (minifier-proof).
 */
export function brandClass(ctor: AnyClass, id: string): void {
  const marker = Symbol.for(id)
  Object.defineProperty(ctor, BRAND_KEY, { value: marker })
  Object.defineProperty(ctor.prototype, marker, { value: true })
  Object.defineProperty(ctor.prototype, 'name', {
    value: id.slice(id.lastIndexOf('.') + 1),
    writable: true,
    configurable: true,
    enumerable: false,
  })
}

/**
 * True when `value` was made by `ctor` or a subclass, in any copy of the code.
 * Classes without a brand of their own fall back to the ordinary prototype check.
 * Never throws, even for hostile proxies.
 */
export function isBrandedInstance(ctor: AnyClass, value: unknown): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false
  try {
    if (Object.hasOwn(ctor, BRAND_KEY)) {
      const marker = (ctor as unknown as Record<symbol, symbol>)[BRAND_KEY] as symbol
      return (value as Record<symbol, unknown>)[marker] === true
    }
    return Function.prototype[Symbol.hasInstance].call(ctor, value)
  } catch {
    return false
  }
}
