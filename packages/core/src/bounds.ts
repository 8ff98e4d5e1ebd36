import { ownBytes } from './bytes.js'
import { isArray, isBytes, isError, isForbiddenKey, keysOf, read } from './guard.js'
import { cutIndex, cutText, type KeyView, keyView, REDACTED, redactBounded, redactString, secretCut } from './redact.js'

/** Longest string kept from untrusted input or shown in a problem (16 KiB). */
export const MAX_STRING = 16384
/** Deepest `cause` chain kept (problem+json and rebuilt errors). */
export const MAX_CAUSE_DEPTH = 8
/** Deepest cause chain a problem is written with, whatever `maxCauseDepth` asks (a cyclic chain ends there). */
export const MAX_WRITTEN_CAUSE_DEPTH = 64
/** Deepest nesting kept inside `details`. */
export const MAX_DETAILS_DEPTH = 8
/** Most keys / array items kept per object inside `details`. */
export const MAX_ENTRIES = 256
/** Longest object key a copy writes (256 characters): a longer one is cut (then redacted), as strings are. */
export const MAX_KEY = 256
/** Most values (objects, arrays and scalars) one `toPlainData` copy visits: bounds work on shared references. */
export const MAX_NODES = 4096
/** Longest raw payload kept on an error made from unreadable input (4 KiB). */
export const MAX_RAW = 4096

/**
 * A name as every redacted copy of name/value pairs keeps it (`toPlainData`'s records, Fauna's query tags, Lance's
 * `context`): `text` is the name cut to `MAX_KEY` first, then redacted (a word the cut falls inside is dropped whole,
 * and a registered secret or a token used as a name is hidden); `secret` says whether the (cut) name names a secret
 * (`password`, `session`, `header.authorization`, a registered key pattern), whose value the copy hides whole.
 * Short names (at most 64 characters) seen before under the same registry take one lookup (`keyView`).
 * Never throws.
 */
export function keptKey(key: string): KeyView {
  if (key.length <= MAX_KEY) return keyView(key)
  return { text: redactBounded(key, MAX_KEY), secret: keyView(key.slice(0, MAX_KEY)).secret }
}

/**
 * A code or name given as any value, as text to keep (`details.invalidCode`, a `create` call's code): a string,
 * number, boolean or bigint as `String` writes it; anything else its type (`object`, `symbol`, …: no `toString` of
 * the value is called); cut to `MAX_KEY` first, then redacted. Never throws.
 */
export function codeText(value: unknown): string {
  const t = typeof value
  const s =
    t === 'string'
      ? (value as string)
      : t === 'number' || t === 'boolean' || t === 'bigint'
        ? String(value)
        : value === null
          ? 'null'
          : t
  return redactBounded(s, MAX_KEY)
}

/**
 * Cuts a string to at most `max` characters, saying how much was cut (`…[truncated N chars]`). The cut is
 * `redactBounded`'s (`cutText`): never inside a surrogate pair, a word it would fall inside (a token) is dropped
 * whole, and no beginning of a registered secret is left at the end, so that a text cut here and redacted later
 * shows no part of a secret. Not redacted. Never throws.
 */
export function truncate(text: string, max: number = MAX_STRING): string {
  return cutText(text, max)
}

/**
 * Cut to `max` first, then redact (`redactBounded`): redaction never sees more than the bound, and the cut never
 * leaves part of a registered secret or of a token.
 */
export function redactBoundedText(text: string, max: number = MAX_STRING): string {
  return redactBounded(text, max)
}

/**
 * A bounded text view of any raw payload, for `details.raw` of errors made from unreadable input. Bytes of any kind
 * (`Uint8Array`, another typed array, `DataView`, `ArrayBuffer`, `SharedArrayBuffer`) are read through the intrinsic
 * getters (`ownBytes`) and shown as text when redaction hides anything in them, else as a hex dump.
 */
export function rawPreview(raw: unknown, max: number = MAX_RAW): string {
  // At most `cap` bytes are shown (two hex digits each); one more is read, to see whether the cut falls inside a word.
  const cap = Math.ceil(max / 2)
  const owned = ownBytes(raw, cap + 1, cap + 1)
  return owned === undefined ? preview(raw, max) : redactBoundedText(bytesText(owned.bytes, cap, owned.length), max)
}

/**
 * `rawPreview` of a value that is no binary data but a `Uint8Array` read through its own members (what `toPlainData`
 * meets inside details: no other code is pulled in for them).
 */
function preview(raw: unknown, max: number): string {
  let text: string
  // A text is cut by `redactBoundedText` below, which reads no further than the bound's last word: its mark counts
  // every character cut.
  if (typeof raw === 'string') text = raw
  else if (isBytes(raw)) text = bytesText(raw, Math.ceil(max / 2))
  else {
    try {
      text = JSON.stringify(toPlainData(raw, { maxString: max, maxNodes: 256 })) ?? String(typeof raw)
    } catch {
      text = '[unreadable value]'
    }
  }
  return redactBoundedText(text, max)
}

/**
 * The preview of `length` bytes (`bytes.length` unless given) of which `bytes` holds at least the first `cap + 1` (or
 * all): the redacted text when redaction (or the cut) hides anything, else the hex dump of the first `cap`. Never
 * throws.
 */
function bytesText(bytes: Uint8Array, cap: number, known?: number): string {
  try {
    const length = known ?? bytes.length
    const n = Math.min(length, cap)
    // The bytes as text, one character per byte, anything but printable ASCII a space (a protobuf length byte before
    // a string field is then a word boundary): a credential in a binary payload (a protobuf string field holds plain
    // UTF-8) is plain text there, and a hex dump of it is that credential, encoded. `wide` keeps the bytes from 0x80
    // as the Latin-1 characters of the same code, as registered secrets are also kept (their UTF-8 so read, see
    // `addSecret`): a secret with characters beyond ASCII is found there.
    const m = Math.min(length, cap + 1)
    let view = ''
    let wide = ''
    let hex = ''
    for (let i = 0; i < m; i++) {
      const b = (bytes[i] as number) & 0xff
      const c = b >= 0x20 && b !== 0x7f ? String.fromCharCode(b) : ' '
      wide += c
      view += b < 0x7f ? c : ' '
      if (i < n) hex += b.toString(16).padStart(2, '0')
    }
    // Cut first, where `truncate` cuts (a token the cut falls inside dropped whole, no beginning of a registered secret
    // left, in either view), then redacted: the wide view, then (its bytes from 0x80 spaces again) the plain one. When
    // either hides anything, the preview is the redacted text; else the hex dump.
    const keep = length > n ? secretCut(wide, cutIndex(view, n)) : n
    const head = view.slice(0, keep)
    const text = unglued(bytes, view, wide, m)
    if (text === undefined) return `${REDACTED}…[${length} bytes]`
    const shown = redactString(redactString(text.slice(0, keep)).replace(/[\x80-\xff]/g, ' '))
    return `${keep < n || shown !== head ? shown : hex}${length > keep ? `…[${length} bytes]` : ''}`
  } catch {
    return '[unreadable bytes]'
  }
}

/** Most glued-byte candidates `unglued` checks, one by one; past it, the preview shows nothing of the bytes. */
const MAX_GLUED = 128

/**
 * `wide` without the printable bytes glued to a credential: a byte right after a non-printable one may be a protobuf
 * length (`z` for a 122-byte string, `-` for 45, `6` for 54) written before the string it counts, and a credential
 * shape that starts at a word boundary (`Bearer …`, a Fauna `fn…` secret) is not found after it (`zBearer …`), nor
 * in the hex dump shown when nothing is. Such a byte becomes a blank when the 64 characters after it show more
 * secrets after a blank than after the byte; a byte that starts a secret itself (`\nBearer …`: `B` after a line
 * feed) stays. Linear: at most `MAX_GLUED` windows; `undefined` when there are more candidates than that.
 */
function unglued(bytes: Uint8Array, view: string, wide: string, m: number): string | undefined {
  let out = wide
  let checked = 0
  for (let i = 1; i + 1 < m; i++) {
    const before = (bytes[i - 1] as number) & 0xff
    if ((before < 0x20 || before > 0x7e) && /^[\w-][A-Za-z]/.test(view.slice(i, i + 2))) {
      if (++checked > MAX_GLUED) return undefined
      const after = view.slice(i + 1, i + 65)
      if (redactString(` ${after}`).split(REDACTED).length > redactString(view[i] + after).split(REDACTED).length)
        out = `${out.slice(0, i)} ${out.slice(i + 1)}`
    }
  }
  return out
}

/** Options of `toPlainData`. */
export interface PlainDataOptions {
  /** Hide values of secret-named keys and secrets inside strings. */
  redact?: boolean
  /** Deepest nesting kept (default `MAX_DETAILS_DEPTH`, at most 256); deeper values become `'[Truncated]'`. */
  maxDepth?: number
  /** Longest string kept (default `MAX_STRING`), cut with a marker. */
  maxString?: number
  /** Most values visited in all (default `MAX_NODES`); past it, values become `'[Truncated]'`. */
  maxNodes?: number
}

/** One copy's state: its bounds and what is left of its budget. */
interface Copy {
  readonly maxDepth: number
  readonly maxString: number
  readonly redact: boolean
  budget: number
  /** The objects on the path from the root to the value being copied (a reference back to one is a cycle). */
  readonly path: object[]
}

/**
 * Copies any value into bounded, JSON-safe plain data: forbidden keys dropped, strings cut (then redacted), depth,
 * width and total work capped (shared references count each time they are met), cycles cut, functions and symbols
 * dropped, errors reduced to name/message/code. Never throws (getters that throw are skipped, revoked proxies
 * become `'[Unreadable]'`). One state object per copy, no closure: the path from the root (at most `maxDepth`
 * objects) is the cycle check.
 */
export function toPlainData(value: unknown, options: PlainDataOptions = {}): unknown {
  try {
    return walk(value, 0, {
      maxDepth: Math.min(options.maxDepth ?? MAX_DETAILS_DEPTH, MAX_PLAIN_DEPTH),
      maxString: options.maxString ?? MAX_STRING,
      redact: options.redact ?? false,
      budget: options.maxNodes ?? MAX_NODES,
      path: [],
    })
  } catch {
    // Only a call stack exhausted by a caller's huge `maxDepth` on a deep value (each level is two frames).
    return '[Unreadable]'
  }
}

/** Deepest nesting `toPlainData` copies whatever `maxDepth` asks for: two frames per level stay far below any stack. */
const MAX_PLAIN_DEPTH = 256

function walk(v: unknown, depth: number, c: Copy): unknown {
  if (--c.budget < 0) return '[Truncated]'
  switch (typeof v) {
    case 'string':
      return c.redact ? redactBoundedText(v, c.maxString) : truncate(v, c.maxString)
    case 'number':
      return Number.isFinite(v) ? v : String(v)
    case 'boolean':
      return v
    case 'bigint':
      return String(v)
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
  }
  if (v === null) return null
  const obj = v as object
  const path = c.path
  for (let d = 0; d < depth; d++) if (path[d] === obj) return '[Circular]'
  if (depth >= c.maxDepth) return '[Truncated]'
  path[depth] = obj
  if (isBytes(obj)) return preview(obj, c.maxString)
  if (isArray(obj)) return copyArray(obj, depth, c)
  if (isError(obj)) {
    const out: Record<string, unknown> = {}
    out.name = walk(read(obj, 'name'), depth + 1, c)
    out.message = walk(read(obj, 'message'), depth + 1, c)
    const code = read(obj, 'code')
    if (code !== undefined) out.code = walk(code, depth + 1, c)
    return out
  }
  return copyRecord(obj, depth, c)
}

function copyArray(a: readonly unknown[], depth: number, c: Copy): unknown {
  let length = 0
  try {
    length = a.length
  } catch {
    return '[Unreadable]'
  }
  const out: unknown[] = []
  const n = Math.min(length, MAX_ENTRIES)
  for (let i = 0; i < n && c.budget > 0; i++) {
    let item: unknown
    try {
      item = a[i]
    } catch {
      item = undefined
    }
    const copied = walk(item, depth + 1, c)
    out.push(copied === undefined ? null : copied)
  }
  if (length > out.length) out.push(`…[${length - out.length} more]`)
  return out
}

function copyRecord(obj: object, depth: number, c: Copy): unknown {
  let keys: string[]
  try {
    keys = keysOf(obj, MAX_ENTRIES + 1)
  } catch {
    return '[Unreadable]'
  }
  const out: Record<string, unknown> = {}
  let count = 0
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string
    if (isForbiddenKey(key)) continue
    if (++count > MAX_ENTRIES || c.budget <= 0) {
      out['…'] = 'more keys truncated'
      break
    }
    // A key is bounded as a string is: cut to `MAX_KEY` first, then redacted. Redacted, a key is redacted too (a
    // registered secret or a token used as a key, `{ "ghp_…": 1 }`), and the value of a key whose (cut) name names a
    // secret is hidden whole.
    let outKey: string
    if (c.redact) {
      const view = keptKey(key)
      outKey = view.text
      if (view.secret) {
        out[outKey] = REDACTED
        continue
      }
    } else outKey = key.length > MAX_KEY ? truncate(key, MAX_KEY) : key
    let item: unknown
    try {
      item = (obj as Record<string, unknown>)[key]
    } catch {
      continue
    }
    const copied = walk(item, depth + 1, c)
    if (copied !== undefined) out[outKey] = copied
  }
  return out
}
