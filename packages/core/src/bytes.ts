/**
 * Reading untrusted bytes without trusting the view they come in. A `Uint8Array` handed to a decoder may sit on a
 * buffer that was transferred (detached), on a resizable `ArrayBuffer` shrunk under it, on a `SharedArrayBuffer`
 * another thread writes to, or be a subclass whose `length`, `subarray` or `buffer` getters throw or lie. A decoder
 * of bytes (`@errs/fluss/wire`'s, a third party's) reads the view only through the intrinsic `%TypedArray%` getters
 * (internal slots, never the object's own members) and decodes a copy it owns.
 */

/** The bytes of a view, copied into an array the decoder owns, and how many the view held. */
export interface OwnedBytes {
  /** A fresh, non-shared copy: all of the view's bytes when `length <= max`, else the first `head` bytes only. */
  readonly bytes: Uint8Array
  /** The view's byte count when it was read (0 for a detached or out-of-bounds view). */
  readonly length: number
  /** True when `length` exceeds the `max` asked for: `bytes` is then only a preview of the start. */
  readonly over: boolean
}

interface Intrinsics {
  readonly tag: (this: unknown) => unknown
  readonly length: (this: unknown) => number
  readonly buffer: (this: unknown) => ArrayBufferLike
  readonly byteOffset: (this: unknown) => number
}

let intrinsics: Intrinsics | undefined

// Looked up on first use, not at module level (a call there is a side effect a bundler keeps).
function typedArrayGetters(): Intrinsics {
  if (intrinsics !== undefined) return intrinsics
  const proto = Object.getPrototypeOf(Uint8Array.prototype) as object
  const getter = (key: PropertyKey) => Object.getOwnPropertyDescriptor(proto, key)?.get as (this: unknown) => never
  intrinsics = Object.freeze({
    tag: getter(Symbol.toStringTag),
    length: getter('length'),
    buffer: getter('buffer'),
    byteOffset: getter('byteOffset'),
  })
  return intrinsics
}

/**
 * Copies the bytes of `value` when it is a real `Uint8Array` (its internal slots say so; a subclass counts, a Proxy
 * or an array-like does not): at most `max` bytes, else only the first `head` (a preview). A detached or
 * out-of-bounds view reads as 0 bytes. `undefined` for anything else. Never throws; time linear in the bytes copied.
 */
export function ownBytes(value: unknown, max: number, head: number): OwnedBytes | undefined {
  try {
    const ta = typedArrayGetters()
    if (value === null || typeof value !== 'object' || ta.tag.call(value) !== 'Uint8Array') return undefined
    const length = ta.length.call(value)
    const over = length > max
    const n = over ? Math.min(length, head) : length
    const bytes = new Uint8Array(n)
    if (n > 0) bytes.set(new Uint8Array(ta.buffer.call(value), ta.byteOffset.call(value), n))
    return { bytes, length, over }
  } catch {
    // The view changed under us (detached or shrunk between the reads): nothing of it can be read.
    return { bytes: new Uint8Array(0), length: 0, over: false }
  }
}

/**
 * A view of `length` bytes of `value` from `offset`, sharing its memory (no copy), built from the intrinsic
 * getters (no species constructor, no overridden `subarray`). `undefined` when it cannot be made. Never throws.
 */
export function viewOf(value: Uint8Array, offset: number, length: number): Uint8Array | undefined {
  try {
    const ta = typedArrayGetters()
    return new Uint8Array(ta.buffer.call(value), ta.byteOffset.call(value) + offset, length)
  } catch {
    return undefined
  }
}
