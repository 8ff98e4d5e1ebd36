/**
 * Reading HTTP replies from untrusted carriers, once for every adapter: bodies (bounded JSON/text), headers of
 * every shape clients hand out (plain objects in any case, Node's `IncomingMessage.headers` with array values,
 * web `Headers`), request ids and `Retry-After`. Nothing here throws or rejects.
 */
import { ownBytes } from './bytes.js'
import {
  isArray,
  isBytes,
  isDelayMs,
  isForbiddenKey,
  isHeaderValue,
  isRecord,
  keysOf,
  read,
  requestIdOf,
} from './guard.js'

export { isHeaderValue }

/** Longest body text (or byte payload) parsed: 1 MiB. A longer body is kept, truncated, as unreadable. */
export const MAX_BODY_TEXT = 1024 * 1024

/** Deepest nesting of arrays and objects in a long JSON text that is parsed (see `jsonTooDeep`): 1,024 levels. */
export const MAX_JSON_DEPTH = 1024

/** Shortest text scanned for its nesting before it is parsed (`jsonTooDeep`): 64 KiB. */
const DEPTH_SCAN_FROM = 64 * 1024

/**
 * True when `text`, 64 KiB or longer, nests arrays and objects deeper than `MAX_JSON_DEPTH` (strings skipped): such a
 * body is not parsed, but kept as unreadable. V8's `JSON.parse` of deeply nested text takes time growing faster than its
 * length (here: 1 MiB of `[`…`]` inside an object 154 ms, 512 KiB 40 ms; 1 MiB of a flat array 9 ms); a shorter text
 * parses in a few milliseconds however it nests, and is not scanned. One pass, no allocation.
 */
export function jsonTooDeep(text: string): boolean {
  if (text.length < DEPTH_SCAN_FROM) return false
  let depth = 0
  JSON_MARK.lastIndex = 0
  while (JSON_MARK.test(text)) {
    const c = text.charCodeAt(JSON_MARK.lastIndex - 1)
    if (c === 0x22) {
      // A string, to its closing quote: the next quote after an even run of backslashes (each run is counted once).
      let q = text.indexOf('"', JSON_MARK.lastIndex)
      for (; q > 0; q = text.indexOf('"', q + 1)) {
        let b = q
        while (text.charCodeAt(b - 1) === 0x5c) b--
        if ((q - b) % 2 === 0) break
      }
      if (q < 0) return false
      JSON_MARK.lastIndex = q + 1
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return true
    } else depth--
  }
  return false
}

/** What `jsonTooDeep` stops at: a quote, or a bracket or brace opening or closing. */
const JSON_MARK = /["[\]{}]/g

/** A parsed HTTP body, or why it could not be parsed (the raw body kept for `rawPreview`). */
export type ParsedBody =
  | {
      /** The body was parsed. */
      ok: true
      /** The parsed value (or the value the carrier already held). */
      value: unknown
      /** The JSON text it was parsed from, when it was text. */
      text?: string
    }
  | {
      /** The body could not be parsed. */
      ok: false
      /** True when there was no body, or only whitespace. */
      empty: boolean
      /** Why, in words: `'body is not JSON'`, `'body of N chars exceeds M'`, … */
      reason: string
      /** The body as it came (for `rawPreview`). */
      raw: unknown
    }

/**
 * Parses a body given as JSON text, UTF-8 bytes or an already parsed value (objects pass through). Bytes are any
 * binary data (`Uint8Array`, another typed array, `DataView`, `ArrayBuffer`, `SharedArrayBuffer`), decoded as the
 * same bytes in a `Uint8Array` are. Text over `max` characters (bytes over `max` bytes) is not parsed, nor a long text
 * nested deeper than `MAX_JSON_DEPTH` (`jsonTooDeep`). Never throws.
 */
export function parseBody(body: unknown, max: number = MAX_BODY_TEXT): ParsedBody {
  let text: string
  // Bytes of any kind (`Uint8Array`, any other typed array, `DataView`, `ArrayBuffer`, `SharedArrayBuffer`), read
  // through the intrinsic getters (`ownBytes`: shared memory copied, a detached buffer is no bytes).
  const owned = ownBytes(body, max, 0)
  if (typeof body === 'string') text = body
  else if (owned !== undefined) {
    if (owned.over)
      return { ok: false, empty: false, reason: `body of ${owned.length} bytes exceeds ${max}`, raw: body }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(owned.bytes)
    } catch {
      return { ok: false, empty: false, reason: 'body is not valid UTF-8', raw: owned.bytes }
    }
  } else if (isBytes(body)) {
    return { ok: false, empty: false, reason: 'body bytes cannot be read', raw: undefined }
  } else if (body === undefined || body === null) return { ok: false, empty: true, reason: 'empty body', raw: body }
  else return { ok: true, value: body }
  if (text.length > max)
    return { ok: false, empty: false, reason: `body of ${text.length} chars exceeds ${max}`, raw: text }
  if (text.trim() === '') return { ok: false, empty: true, reason: 'empty body', raw: text }
  if (jsonTooDeep(text))
    return { ok: false, empty: false, reason: `body nests deeper than ${MAX_JSON_DEPTH} levels`, raw: text }
  try {
    return { ok: true, value: JSON.parse(text), text }
  } catch {
    return { ok: false, empty: false, reason: 'body is not JSON', raw: text }
  }
}

/** Most headers read from one carrier. */
const MAX_HEADERS = 256

/** A header value as `headerMap` keeps it: a string, a number as text, a string array joined with `, `. */
function headerValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (!isArray(value)) return undefined
  const parts: string[] = []
  for (let i = 0; i < Math.min(value.length, 64); i++) if (typeof value[i] === 'string') parts.push(value[i] as string)
  return parts.length > 0 ? parts.join(', ') : undefined
}

/**
 * Headers of any shape as a plain object with lower-case names: a plain object (any case; array values joined
 * with `, ` as Node's `IncomingMessage.headers` gives them), a web `Headers` (anything with `forEach`), a `Map`,
 * or `[name, value]` pairs (fetch's `HeadersInit`). Values that are not strings (or string arrays) are dropped.
 * Never throws.
 */
export function headerMap(headers: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  // A typed array has `forEach` too, over every element: bytes are no headers.
  if (headers === null || typeof headers !== 'object' || ArrayBuffer.isView(headers)) return out
  try {
    if (isArray(headers)) {
      // `[name, value]` pairs (fetch's `HeadersInit`).
      for (let i = 0; i < Math.min(headers.length, MAX_HEADERS); i++) {
        const pair: unknown = headers[i]
        if (isArray(pair) && pair.length === 2) putHeader(out, pair[0], pair[1])
      }
      return out
    }
    const forEach = read(headers, 'forEach')
    if (typeof forEach === 'function') {
      // web Headers and Map both call back with (value, name); the callback may come any number of times.
      let count = 0
      forEach.call(headers, (value: unknown, name: unknown) => {
        if (typeof name === 'string' && ++count <= MAX_HEADERS) putHeader(out, name, value)
      })
      return out
    }
    const keys = keysOf(headers, MAX_HEADERS)
    for (let i = 0; i < Math.min(keys.length, MAX_HEADERS); i++) {
      const key = keys[i] as string
      putHeader(out, key, read(headers, key))
    }
  } catch {
    // Hostile headers: keep what was read.
  }
  return out
}

/** Puts one header into `out` as `headerMap` keeps it (lower-case name, a usable value; forbidden names dropped). */
function putHeader(out: Record<string, string>, name: unknown, value: unknown): void {
  if (typeof name !== 'string') return
  const key = name.toLowerCase()
  if (isForbiddenKey(key)) return
  const text = headerValue(value)
  if (text !== undefined) out[key] = text
}

/** Whether `value` is a `Map` (of any realm: its internal slot, not its prototype). Never throws. */
function isMap(value: object): boolean {
  try {
    Map.prototype.has.call(value, undefined)
    return true
  } catch {
    return false
  }
}

/** One header, case-insensitively, from any of the shapes `headerMap` reads; `undefined` when absent. */
export function header(headers: unknown, name: string): string | undefined {
  const lower = name.toLowerCase()
  if (headers === null || typeof headers !== 'object' || isForbiddenKey(lower)) return undefined
  const get = read(headers, 'get')
  const forEach = read(headers, 'forEach')
  // A web `Headers`' own `get` is case-insensitive and joins repeated headers as its `forEach` does; a `Map`'s is
  // neither, so a `Map` is read as `headerMap` reads it (any case, the last usable value).
  if (typeof get === 'function' && forEach !== undefined && !isMap(headers)) {
    try {
      const v: unknown = get.call(headers, lower)
      if (typeof v === 'string') return v
      if (v === null) return undefined
    } catch {
      // fall through to the generic reader
    }
  }
  if (isArray(headers) || typeof forEach === 'function') return headerMap(headers)[lower]
  // A plain object, read as `headerMap` reads it (the first MAX_HEADERS keys, any case, the last usable value wins)
  // without copying the other headers.
  let found: string | undefined
  try {
    const keys = keysOf(headers, MAX_HEADERS)
    for (let i = 0; i < Math.min(keys.length, MAX_HEADERS); i++) {
      const key = keys[i] as string
      if (key.length !== lower.length || key.toLowerCase() !== lower) continue
      const text = headerValue(read(headers, key))
      if (text !== undefined) found = text
    }
  } catch {
    // Hostile headers: keep what was read.
  }
  return found
}

/** The month names of an HTTP-date, three letters each (`Jan` at 0, `Feb` at 3, …). */
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec'
/**
 * IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete RFC 850 form, `Sunday, 06-Nov-94 08:49:37 GMT`
 * (RFC 9110 §5.6.7): day, month, year (four or two digits), time.
 */
const GMT_DATE = /^[A-Z][a-z]{2,8}, (\d\d)[ -]([A-Z][a-z]{2})[ -](\d{4}|\d\d) (\d\d):(\d\d):(\d\d) GMT$/
/** Obsolete asctime form, `Sun Nov  6 08:49:37 1994` (GMT): month, day, time, year. */
const ASCTIME_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/

/** Milliseconds since the epoch of a UTC date and time, or undefined when a field is out of range. */
function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | undefined {
  // The patterns take a capital and two small letters: found only where a name starts (0, 3, …), or not at all.
  const at = MONTHS.indexOf(month)
  if (at < 0) return undefined
  const monthIndex = at / 3
  const ms = Date.UTC(year, monthIndex, day, h, m, s)
  // Date.UTC rolls over (`31 Feb` is `3 Mar`): a date that does not exist is no date.
  const d = new Date(ms)
  return d.getUTCDate() === day && d.getUTCMonth() === monthIndex && h < 24 && m < 60 && s < 61 ? ms : undefined
}

/**
 * An HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept,
 * all in GMT) as milliseconds since the epoch; undefined for any other text. A two-digit RFC 850 year is read as the
 * one within 50 years of `now` (RFC 9110 §5.6.7). `Date.parse` is not used: it accepts far more than HTTP-dates
 * (`'32, 5'` is 1 May 2032 to V8, and web `Headers` join a repeated `Retry-After` into such text) and reads the
 * asctime form in local time.
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  let m = GMT_DATE.exec(value)
  if (m) {
    let year = Number(m[3])
    if ((m[3] as string).length === 2) {
      const thisYear = new Date(now).getUTCFullYear()
      year += Math.floor(thisYear / 100) * 100
      if (year > thisYear + 50) year -= 100
    }
    return utc(year, m[2] as string, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
  }
  m = ASCTIME_DATE.exec(value)
  return m ? utc(Number(m[6]), m[1] as string, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) : undefined
}

/**
 * Parses a `Retry-After` header value (RFC 9110 §10.2.3: delay in whole seconds, or an HTTP-date, see
 * `parseHttpDate`) into milliseconds from `now`. Returns undefined for anything else (including a repeated header
 * joined with `, `), and for a date in the past.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined
  const v = value.trim()
  if (/^\d{1,10}$/.test(v)) return Number(v) * 1000
  const at = parseHttpDate(v, now)
  if (at === undefined) return undefined
  const ms = at - now
  return ms >= 0 ? ms : undefined
}

/** The `Retry-After` value (whole seconds, rounded up) for a delay in milliseconds. */
export function retryAfterHeader(ms: number): string {
  return String(Math.max(0, Math.ceil(ms / 1000)))
}

/**
 * The headers of an error reply, written as `readReply` reads them back: `content-type`; `retry-after` (whole
 * seconds, rounded up) when the error has a `retryAfterMs`; `x-request-id` when its `requestId` may be sent back
 * (`requestIdOf`). What every adapter's `encode` writes. Reads `error` guarded; never throws.
 */
export function errorReplyHeaders(error: unknown, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType }
  const after = read(error, 'retryAfterMs')
  if (isDelayMs(after)) headers['retry-after'] = retryAfterHeader(after)
  const id = requestIdOf(read(error, 'requestId'))
  if (id !== undefined) headers['x-request-id'] = id
  return headers
}

/** An HTTP reply read from any carrier: what decoders work from. */
export interface Reply {
  /** The HTTP status, when the carrier had an integer one. */
  status: number | undefined
  /** Headers, lower-case names. */
  headers: Record<string, string>
  /** The body as the carrier held it (text, bytes, or a value a client already parsed). */
  body: unknown
  /** `x-request-id` (or `x-amzn-requestid`, `request-id`), when present and header-safe. */
  requestId?: string
  /** `Retry-After`, in milliseconds. */
  retryAfterMs?: number
  /** True when the body could not be read at all. */
  unreadable?: boolean
}

function finish(status: unknown, headers: Record<string, string>, body: unknown): Reply {
  const reply: Reply = {
    status: typeof status === 'number' && Number.isInteger(status) ? status : undefined,
    headers,
    body,
  }
  const id = headers['x-request-id'] ?? headers['request-id'] ?? headers['x-amzn-requestid']
  const requestId = requestIdOf(id)
  if (requestId !== undefined) reply.requestId = requestId
  const retryAfterMs = parseRetryAfter(headers['retry-after'])
  if (retryAfterMs !== undefined) reply.retryAfterMs = retryAfterMs
  return reply
}

/**
 * True for a body that is a stream, not data: a Node `Readable` (`IncomingMessage`, axios' `data` with
 * `responseType: 'stream'`) or a web `ReadableStream`. Never throws.
 */
function isStream(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || isBytes(value) || isArray(value)) return false
  try {
    const v = value as Record<PropertyKey, unknown>
    return (
      typeof v[Symbol.asyncIterator] === 'function' || typeof v.getReader === 'function' || typeof v.pipe === 'function'
    )
  } catch {
    return false
  }
}

/**
 * Reads an HTTP reply that is already in memory: `{ status, headers, body }` (the adapters' wire form), an
 * axios-style `{ status, headers, data }` (`err.response`, `data` already parsed), a Fastify `inject()` reply or
 * Node's `{ statusCode, headers }` with a body. Headers as `headerMap` reads them. A body that is still a stream
 * (Node `Readable`, web `ReadableStream`) cannot be read synchronously: it gives `body: undefined` and
 * `unreadable: true` (`readResponse` reads streams). Never throws.
 */
export function readReply(input: unknown): Reply {
  if (!isRecord(input)) return finish(undefined, Object.create(null), undefined)
  const status = read(input, 'status') ?? read(input, 'statusCode')
  const headers = headerMap(read(input, 'headers'))
  let body = read(input, 'body')
  if (body === undefined) body = read(input, 'data')
  if (isStream(body)) return { ...finish(status, headers, undefined), unreadable: true }
  return finish(status, headers, body)
}

/** Most chunks read from one stream (a stream of empty chunks must end too). */
const MAX_CHUNKS = 64 * 1024

type Chunks = { ok: true; body: string } | { ok: false }

function join(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    out.set(part.subarray(0, length - at), at)
    at += Math.min(part.length, length - at)
    if (at >= length) break
  }
  return out
}

/**
 * Reads a body stream — async-iterable (Node `Readable`, e.g. `IncomingMessage`) or with `getReader()` (web
 * `ReadableStream`) — up to `max + 1` bytes (or characters, for a stream with an encoding set), then stops and
 * cancels it; the text is decoded as `Response.text()` does (UTF-8, malformed sequences replaced). Chunks must be
 * bytes or strings. Never rejects.
 */
async function readStream(stream: object, max: number): Promise<Chunks> {
  let next: () => Promise<unknown>
  let stop: () => unknown
  try {
    const s = stream as Record<PropertyKey, unknown>
    const iterate = s[Symbol.asyncIterator]
    if (typeof iterate === 'function') {
      const it = iterate.call(stream) as { next(): Promise<unknown>; return?(): unknown }
      next = () => it.next()
      stop = () => it.return?.()
    } else {
      const reader = (s.getReader as () => { read(): Promise<unknown>; cancel?(): unknown }).call(stream)
      next = () => reader.read()
      stop = () => reader.cancel?.()
    }
  } catch {
    return { ok: false }
  }
  const bytes: Uint8Array[] = []
  let text = ''
  let size = 0
  let done = false
  try {
    for (let i = 0; i < MAX_CHUNKS && size <= max; i++) {
      const step = await next()
      if (read(step, 'done') === true) {
        done = true
        break
      }
      const chunk = read(step, 'value')
      if (typeof chunk === 'string' && bytes.length === 0) {
        text += chunk.slice(0, max + 1 - text.length)
        size += chunk.length
      } else if (isBytes(chunk) && text === '') {
        bytes.push(chunk)
        size += chunk.length
      } else {
        return { ok: false }
      }
    }
  } catch {
    return { ok: false }
  } finally {
    // Cancelled, not awaited: a stream whose cancellation never settles must not hold the reply back.
    if (!done) {
      try {
        Promise.resolve(stop()).catch(() => {})
      } catch {
        // a stream that refuses to be cancelled: nothing more is read from it
      }
    }
  }
  if (bytes.length === 0) return { ok: true, body: text }
  try {
    // As `Response.text()` does: UTF-8, malformed sequences replaced.
    return { ok: true, body: new TextDecoder().decode(join(bytes, Math.min(size, max + 1))) }
  } catch {
    return { ok: false }
  }
}

/**
 * Reads an HTTP reply from any carrier, bounded (at most `MAX_BODY_TEXT + 1` characters or bytes are read):
 * - a web `Response` (fetch, Hono, undici): its `body` stream, read up to the bound and then cancelled; anything
 *   with `status`, `headers` and `text()` but no body stream, through `text()`;
 * - Node's `http.IncomingMessage` (`statusCode`, `headers`, the body read from the stream — pass it before
 *   anything else consumed it);
 * - `{ status | statusCode, headers, body | data }` whose body is a stream (axios with `responseType: 'stream'`,
 *   a web `ReadableStream`);
 * - anything else as `readReply` reads it (axios' `err.response`, Fastify's `inject()` reply, the adapters' wire
 *   form).
 * Never rejects: an unreadable body (the read failed, a chunk that is neither bytes nor text) gives
 * `body: undefined` and `unreadable: true`. A stream that never ends keeps the promise pending: bound the request
 * with the client's timeout.
 */
export async function readResponse(response: unknown): Promise<Reply> {
  const text = read(response, 'text')
  const status = read(response, 'status') ?? read(response, 'statusCode')
  // A web `Response` has both `text()` and its `body` stream: the stream is read, bounded; `text()` would buffer
  // the whole body first (and never settle on one that does not end). `text()` serves the carriers without one.
  if (typeof text === 'function' && !isStream(read(response, 'body'))) {
    const headers = headerMap(read(response, 'headers'))
    try {
      const body: unknown = await text.call(response)
      return finish(status, headers, typeof body === 'string' ? body.slice(0, MAX_BODY_TEXT + 1) : body)
    } catch {
      return { ...finish(status, headers, undefined), unreadable: true }
    }
  }
  let source = read(response, 'body')
  if (source === undefined) source = read(response, 'data')
  if (source === undefined && isStream(response)) source = response
  if (!isStream(source)) return readReply(response)
  const headers = headerMap(read(response, 'headers'))
  const got = await readStream(source as object, MAX_BODY_TEXT)
  if (!got.ok) return { ...finish(status, headers, undefined), unreadable: true }
  return finish(status, headers, got.body)
}
