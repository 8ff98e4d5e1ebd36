/**
 * Reading untrusted bytes without trusting the view they come in. A `Uint8Array` handed to a decoder may sit on a
 * buffer that was transferred (detached), on a resizable `ArrayBuffer` shrunk under it, on a `SharedArrayBuffer`
 * another thread writes to, or be a subclass whose `length`, `subarray` or `buffer` getters throw or lie. A decoder
 * of bytes (`@errs/fluss/wire`'s, a third party's) reads the view only through the intrinsic `%TypedArray%` getters
 * (internal slots, never the object's own members), and decodes a copy when the memory is shared.
 */

/** The bytes of a view, readable without trusting the object, and how many the view held. */
export interface OwnedBytes {
  /**
   * The view's bytes (all of them when `length <= max`, else the first `head` only): a fresh view of the same memory,
   * made from the internal slots; a copy when the memory is a `SharedArrayBuffer` (another thread may write it while
   * the decoder reads) or when only a preview is kept.
   */
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
  /** `ArrayBuffer.prototype.byteLength`'s getter: it throws for anything but an ordinary (non-shared) buffer. */
  readonly ordinaryLength: (this: unknown) => number
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
    ordinaryLength: Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get as (
      this: unknown,
    ) => number,
  })
  return intrinsics
}

/**
 * True when `buffer` is an ordinary `ArrayBuffer` (by its internal slot, not by what it claims): the usual case
 * answers without an exception; a `SharedArrayBuffer` makes the intrinsic getter throw.
 */
function isOrdinary(ta: Intrinsics, buffer: ArrayBufferLike): boolean {
  try {
    ta.ordinaryLength.call(buffer)
    return true
  } catch {
    return false
  }
}

/**
 * The bytes of `value` when it is binary data by its internal slots (a Proxy or an array-like is not): a `Uint8Array`
 * (a subclass counts), any other typed array or a `DataView` (the bytes it views), an `ArrayBuffer` or a
 * `SharedArrayBuffer` (all its bytes). Read only through the intrinsic getters: at most `max` bytes, else only the
 * first `head` (a preview, copied). A view of ordinary memory is not copied: decoding is synchronous and runs none
 * of the object's code, so nothing can change it meanwhile; shared memory is copied. A detached or out-of-bounds view
 * reads as 0 bytes. `undefined` for anything else. Never throws; time linear in the bytes copied (none for ordinary
 * memory).
 */
export function ownBytes(value: unknown, max: number, head: number): OwnedBytes | undefined {
  try {
    const ta = typedArrayGetters()
    const bytes = value !== null && typeof value === 'object' ? uint8Of(ta, value) : undefined
    if (bytes === undefined) return undefined
    const length = ta.length.call(bytes)
    const over = length > max
    const n = over ? Math.min(length, head) : length
    const buffer = ta.buffer.call(bytes)
    const view = new Uint8Array(buffer, ta.byteOffset.call(bytes), n)
    return { bytes: over || !isOrdinary(ta, buffer) ? view.slice() : view, length, over }
  } catch {
    // The view changed under us (detached or shrunk between the reads): nothing of it can be read.
    return { bytes: new Uint8Array(0), length: 0, over: false }
  }
}

/**
 * `value` as a `Uint8Array` of the same bytes, each kind of binary data read through its own intrinsic getters (which
 * throw for anything else): empty when its memory cannot be read (detached); `undefined` when it is no binary data.
 */
function uint8Of(ta: Intrinsics, value: object): Uint8Array | undefined {
  const tag = ta.tag.call(value)
  if (tag === 'Uint8Array') return value as Uint8Array
  // Throws for a value the getter does not belong to, or a constructor the runtime lacks (the callers catch).
  const get = (C: { prototype: object } | undefined, key: string): never =>
    (
      (Object.getOwnPropertyDescriptor((C as { prototype: object }).prototype, key) as PropertyDescriptor)
        .get as () => never
    ).call(value)
  if (tag !== undefined || ArrayBuffer.isView(value)) {
    const C = tag !== undefined ? (Object.getPrototypeOf(Uint8Array) as { prototype: object }) : DataView
    try {
      return new Uint8Array(get(C, 'buffer'), get(C, 'byteOffset'), get(C, 'byteLength'))
    } catch {
      return new Uint8Array(0)
    }
  }
  // A plain object or array (parsed JSON, the usual body) is no buffer: answered without the getters' exceptions.
  try {
    const proto = Object.getPrototypeOf(value)
    if (proto === Object.prototype || proto === Array.prototype) return undefined
  } catch {
    return undefined
  }
  for (const C of [ArrayBuffer, globalThis.SharedArrayBuffer]) {
    try {
      get(C, 'byteLength')
    } catch {
      continue
    }
    try {
      return new Uint8Array(value as ArrayBuffer)
    } catch {
      return new Uint8Array(0)
    }
  }
  return undefined
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

/**
 * The element count of a typed array (a `Buffer` too), read with the intrinsic getter: an own `length`, or a
 * subclass's getter, is not trusted. `undefined` for anything else (a `DataView`, a Proxy, a plain object).
 */
export function typedArrayLength(value: unknown): number | undefined {
  // `ArrayBuffer.isView` reads internal slots (a Proxy is none); the one getter is looked up on first use, without the
  // others of `typedArrayGetters` (this sits in every error's key reader: only what it needs goes into a bundle).
  if (!ArrayBuffer.isView(value)) return undefined
  lengthGetter ??= Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length')?.get
  try {
    return (lengthGetter as (this: unknown) => number).call(value)
  } catch {
    // A `DataView`: no element count.
    return undefined
  }
}

let lengthGetter: ((this: unknown) => number) | undefined
