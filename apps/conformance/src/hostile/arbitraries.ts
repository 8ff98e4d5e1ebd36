import fc from 'fast-check'
import { CANARIES, REGISTERED_SECRET } from './canaries.js'
import { HOSTILE_VALUES } from './values.js'

/** What the generators know of the system under test (from its vectors and its adapter). */
export interface Shapes {
  system: string
  codes: (number | string)[]
  classNames: string[]
  /** Sample HTTP bodies (parsed) from the vectors, when the adapter speaks HTTP. */
  bodies: unknown[]
  /** Sample byte payloads from the vectors, when the adapter speaks bytes. */
  payloads: Uint8Array[]
  /** Every member name seen in the sample bodies. */
  keys: string[]
  statuses: number[]
  /** Thrown values the vectors describe (`foreign`), as plain own properties. */
  thrown: Record<string, unknown>[]
}

const INTERESTING = [
  '',
  ' ',
  '\ud800',
  'a\udfffb',
  '\u0000',
  '\r\n',
  'null',
  '{',
  '[]',
  '{"code":1}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '\u202e',
  '../../etc/passwd',
]

/** Strings: arbitrary code points (lone surrogates included), interesting constants, and the registered secret. */
export function textArb(): fc.Arbitrary<string> {
  const raw = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  )
  const secret = fc
    .tuple(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(REGISTERED_SECRET, ...CANARIES.map((c) => c.text)),
      fc.string({ maxLength: 8 }),
    )
    .map(([a, s, b]) => `${a} ${s} ${b}`)
  return fc.oneof(
    { arbitrary: raw, weight: 6 },
    { arbitrary: fc.constantFrom(...INTERESTING), weight: 2 },
    { arbitrary: secret, weight: 2 },
  )
}

/** Marks where a hostile value goes: generated values stay plain data (fast-check clones and prints them). */
const HOSTILE = '\u0000errs-hostile'
const CHEAP = HOSTILE_VALUES.filter((h) => !/10 MB|100 000|DAG/.test(h.name))

/** A placeholder for a hostile value, made real by `materialize` right before the call. */
export function hostileArb(): fc.Arbitrary<unknown> {
  // The slow ones (10 MB strings, 100 000 levels, DAGs) have their own cases; the generators stay fast.
  return fc.nat({ max: CHEAP.length - 1 }).map((i) => ({ [HOSTILE]: i }))
}

/**
 * A copy of a generated value with every placeholder replaced by a fresh hostile value (revoked proxies,
 * throwing getters, …): made after fast-check is done looking at the value. Never throws.
 */
export function materialize(value: unknown): unknown {
  // Errors made here need no stack trace (capturing one is most of the cost of making them).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return materializeAt(value, 0)
  } finally {
    Error.stackTraceLimit = limit
  }
}

function materializeAt(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 32) return value
  if (Array.isArray(value)) {
    if (value.length > 1000) return value
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = materializeAt(value[i], depth + 1)
    return out
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, materializeAt(v, depth + 1)]))
    if (value instanceof Set) return new Set([...value].map((v) => materializeAt(v, depth + 1)))
    if (value instanceof Error) {
      const copy = new Error('')
      for (const k of Object.getOwnPropertyNames(value)) {
        const d = Object.getOwnPropertyDescriptor(value, k)
        if (d && 'value' in d) Object.defineProperty(copy, k, { ...d, value: materializeAt(d.value, depth + 1) })
      }
      return copy
    }
    return value
  }
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === HOSTILE) {
    const i = (value as Record<string, number>)[HOSTILE] as number
    return CHEAP[i % CHEAP.length]?.make()
  }
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {}
  for (const k of keys) {
    Object.defineProperty(out, k, {
      value: materializeAt((value as Record<string, unknown>)[k], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

function keyArb(shapes: Shapes): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toJSON',
      'toString',
      'valueOf',
      'then',
      'message',
      'code',
      'status',
      'name',
      'stack',
      'cause',
      'errors',
      'error',
      'detail',
      'details',
      'headers',
      'body',
      'type',
      'title',
      'system',
      'password',
      ...shapes.keys,
    ),
  )
}

/** Any JavaScript value, leaves drawn from strings, numbers, hostile values and the system's codes. */
export function valueArb(shapes: Shapes, maxDepth = 3): fc.Arbitrary<unknown> {
  const leaves: fc.Arbitrary<unknown>[] = [
    textArb(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    hostileArb(),
  ]
  if (shapes.codes.length) leaves.push(fc.constantFrom(...shapes.codes))
  return fc.anything({
    key: keyArb(shapes),
    values: leaves,
    maxDepth,
    maxKeys: 6,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: false,
    withTypedArray: true,
    withSparseArray: true,
    withDate: true,
  })
}

interface Path {
  keys: (string | number)[]
}

function pathsOf(value: unknown, prefix: (string | number)[] = [], out: Path[] = [], depth = 0): Path[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out
  for (const [k, v] of Object.entries(value)) {
    const keys = [...prefix, Array.isArray(value) ? Number(k) : k]
    out.push({ keys })
    pathsOf(v, keys, out, depth + 1)
  }
  return out
}

function setPath(root: unknown, keys: (string | number)[], value: unknown, remove: boolean): unknown {
  let copy: unknown
  try {
    copy = structuredClone(root)
  } catch {
    return root
  }
  let o = copy as Record<string | number, unknown>
  for (const k of keys.slice(0, -1)) {
    const next = o[k]
    if (next === null || typeof next !== 'object') return copy
    o = next as Record<string | number, unknown>
  }
  const last = keys[keys.length - 1] as string | number
  try {
    if (remove) delete o[last]
    else o[last] = value
  } catch {
    // a boxed string or a typed array: leave it as it is
  }
  return copy
}

/** A sample body of the system with some members replaced, removed or added. */
export function shapedBodyArb(shapes: Shapes): fc.Arbitrary<unknown> {
  if (!shapes.bodies.length) return valueArb(shapes)
  const samples = shapes.bodies.map((b) => ({ body: b, paths: pathsOf(b) }))
  return fc
    .tuple(
      fc.constantFrom(...samples),
      fc.array(fc.tuple(fc.nat(), valueArb(shapes, 2), fc.boolean(), fc.option(keyArb(shapes), { nil: undefined })), {
        maxLength: 4,
      }),
    )
    .map(([s, edits]) => {
      let body = s.body
      for (const [i, value, remove, added] of edits) {
        if (added !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
          body = { ...(body as object), [added]: value }
          continue
        }
        const path = s.paths[i % Math.max(1, s.paths.length)]
        if (path) body = setPath(body, path.keys, value, remove)
      }
      return body
    })
}

function headersArb(shapes: Shapes): fc.Arbitrary<unknown> {
  const names = fc.oneof(
    fc.constantFrom('retry-after', 'x-request-id', 'content-type', 'authorization', 'set-cookie', 'Retry-After'),
    fc.string({ maxLength: 10 }),
  )
  return fc.oneof(
    {
      arbitrary: fc.dictionary(
        names,
        fc.oneof(textArb(), fc.constantFrom('7', '0', '-1', '1e9', 'Wed, 21 Oct 2015 07:28:00 GMT')),
        { maxKeys: 4 },
      ),
      weight: 4,
    },
    { arbitrary: valueArb(shapes, 1), weight: 1 },
  )
}

/** Inputs of `adapter.decode` for an HTTP adapter. */
export function httpWireArb(shapes: Shapes): fc.Arbitrary<unknown> {
  const body = shapedBodyArb(shapes)
  const status = fc.oneof(
    { arbitrary: shapes.statuses.length ? fc.constantFrom(...shapes.statuses) : fc.constant(500), weight: 4 },
    { arbitrary: fc.integer({ min: -1, max: 1000 }), weight: 2 },
    { arbitrary: valueArb(shapes, 0), weight: 1 },
  )
  const bodyForms = fc.oneof(
    { arbitrary: body, weight: 5 },
    { arbitrary: body.map((b) => safeStringify(b)), weight: 3 },
    { arbitrary: body.map((b) => new TextEncoder().encode(safeStringify(b))), weight: 1 },
    { arbitrary: textArb(), weight: 1 },
    { arbitrary: valueArb(shapes), weight: 1 },
  )
  const reply = fc.record(
    { status, headers: headersArb(shapes), body: bodyForms },
    { requiredKeys: ['status', 'body'] },
  )
  return fc.oneof({ arbitrary: reply, weight: 9 }, { arbitrary: valueArb(shapes), weight: 1 })
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)) ?? 'null'
  } catch {
    return '{}'
  }
}

/** The protobuf varint of an unsigned 32-bit value (a negative `int32` as its low 32 bits). */
export function varint(n: number): number[] {
  const out: number[] = []
  let v = n >>> 0
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80)
    v >>>= 7
  }
  out.push(v)
  return out
}

/** Protobuf-shaped fields: a tag (field 1..20, any wire type) and a value that may or may not fit it. */
function protoFieldsArb(): fc.Arbitrary<Uint8Array> {
  const field = fc
    .tuple(
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 0, max: 7 }),
      fc.oneof(fc.integer(), fc.string({ unit: 'binary', maxLength: 30 }), fc.uint8Array({ maxLength: 12 })),
    )
    .map(([no, type, v]) => {
      const tag = varint((no << 3) | type)
      if (typeof v === 'number') return [...tag, ...varint(v)]
      const bytes = typeof v === 'string' ? [...new TextEncoder().encode(v)] : [...v]
      return [...tag, ...varint(bytes.length), ...bytes]
    })
  return fc.array(field, { maxLength: 6 }).map((fs) => new Uint8Array(fs.flat()))
}

/** Inputs of `adapter.decode` for a bytes adapter. */
export function bytesWireArb(shapes: Shapes): fc.Arbitrary<unknown> {
  const mutated = shapes.payloads.length
    ? fc
        .tuple(
          fc.constantFrom(...shapes.payloads),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
          fc.nat(),
        )
        .map(([p, flips, cut]) => {
          const b = new Uint8Array(p)
          for (const [i, v] of flips) if (b.length) b[i % b.length] = v
          return cut % 3 === 0 ? b.subarray(0, cut % (b.length + 1)) : b
        })
    : fc.uint8Array({ maxLength: 64 })
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 256 }), weight: 3 },
    { arbitrary: mutated, weight: 4 },
    { arbitrary: protoFieldsArb(), weight: 4 },
    { arbitrary: valueArb(shapes), weight: 1 },
  )
}

/** Thrown values: Errors and error-like objects with driver-style members, and anything else. */
export function thrownArb(shapes: Shapes): fc.Arbitrary<unknown> {
  return fc.letrec<{ thrown: unknown }>((tie) => ({
    thrown: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: valueArb(shapes), weight: 2 },
      {
        arbitrary: fc
          .record(
            {
              message: fc.oneof(textArb(), valueArb(shapes, 0)),
              name: fc.oneof(textArb(), shapes.classNames.length ? fc.constantFrom(...shapes.classNames) : textArb()),
              code: fc.oneof(
                textArb(),
                fc.integer(),
                shapes.codes.length ? fc.constantFrom(...shapes.codes) : fc.integer(),
              ),
              status: fc.oneof(fc.integer({ min: 100, max: 599 }), valueArb(shapes, 0)),
              cause: tie('thrown'),
              errors: fc.array(tie('thrown'), { maxLength: 2, depthIdentifier: 'thrown' }),
              response: fc.record(
                {
                  status: fc.integer({ min: 100, max: 599 }),
                  data: shapedBodyArb(shapes),
                  headers: headersArb(shapes),
                },
                { requiredKeys: [] },
              ),
              config: fc.record({ headers: fc.record({ Authorization: textArb() }) }),
              stack: textArb(),
            },
            { requiredKeys: [] },
          )
          .chain((props) =>
            fc.boolean().map((asError) => {
              const limit = Error.stackTraceLimit
              Error.stackTraceLimit = 0
              const target: object = asError ? new Error(typeof props.message === 'string' ? props.message : 'x') : {}
              Error.stackTraceLimit = limit
              for (const [k, v] of Object.entries(props)) {
                try {
                  Object.defineProperty(target, k, {
                    value: v,
                    writable: true,
                    configurable: true,
                    enumerable: k !== 'stack',
                  })
                } catch {
                  // a frozen or exotic target: leave that member out
                }
              }
              return target
            }),
          ),
        weight: 5,
      },
      {
        arbitrary: shapes.thrown.length
          ? fc
              .tuple(fc.constantFrom(...shapes.thrown), textArb())
              .map(([t, m]) => Object.assign(new Error(m), t, { message: m }))
          : textArb(),
        weight: 1,
      },
    ),
  })).thrown
}

/** Problem objects (and their JSON text) with members from the system and anything else. */
export function problemArb(shapes: Shapes): fc.Arbitrary<unknown> {
  const problem = fc.letrec<{ p: unknown }>((tie) => ({
    p: fc.record(
      {
        type: fc.oneof(
          textArb(),
          fc.constantFrom(
            'about:blank',
            `urn:errs:${shapes.system}:X`,
            'https://e.example/x?api_key=cnry-Secret-7f3a9c21e5',
          ),
        ),
        title: textArb(),
        status: fc.oneof(fc.integer({ min: 100, max: 599 }), valueArb(shapes, 0)),
        detail: textArb(),
        instance: textArb(),
        system: fc.oneof(fc.constant(shapes.system), textArb()),
        code: fc.oneof(shapes.codes.length ? fc.constantFrom(...shapes.codes) : fc.integer(), textArb(), fc.double()),
        reason: textArb(),
        kind: fc.oneof(fc.constantFrom('not_found', 'internal', 'unavailable', 'pwned'), textArb()),
        retryable: fc.oneof(fc.boolean(), valueArb(shapes, 0)),
        retryAfterMs: fc.oneof(fc.double(), valueArb(shapes, 0)),
        requestId: textArb(),
        name: fc.oneof(shapes.classNames.length ? fc.constantFrom(...shapes.classNames) : textArb(), textArb()),
        details: valueArb(shapes, 2),
        internal: valueArb(shapes, 2),
        stack: textArb(),
        cause: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), tie('p')),
      },
      { requiredKeys: [] },
    ),
  })).p
  return fc.oneof(
    { arbitrary: problem, weight: 5 },
    { arbitrary: problem.map((p) => safeStringify(p)), weight: 3 },
    { arbitrary: valueArb(shapes), weight: 1 },
    { arbitrary: textArb(), weight: 1 },
  )
}

/** Descriptions of replies for `fromResponse`: a real `Response`, or a response-like object. */
export type ReplyDescription =
  | { kind: 'response'; status: number; body: string; headers: Record<string, string> }
  | {
      kind: 'like'
      status: unknown
      headers: unknown
      data?: unknown
      body?: unknown
      text?: 'string' | 'throws' | 'rejects' | 'hostile'
      textValue?: unknown
    }

export function replyArb(shapes: Shapes): fc.Arbitrary<ReplyDescription> {
  const textBody = fc.oneof(
    problemArb(shapes).map((p) => (typeof p === 'string' ? p : safeStringify(p))),
    textArb(),
  )
  const safeHeader = fc.dictionary(
    fc.constantFrom('retry-after', 'x-request-id', 'content-type', 'x-other'),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim()),
    { maxKeys: 3 },
  )
  const response = fc.record({
    kind: fc.constant('response' as const),
    status: fc.integer({ min: 200, max: 599 }),
    body: textBody,
    headers: safeHeader,
  })
  const like = fc.record(
    {
      kind: fc.constant('like' as const),
      status: fc.oneof(fc.integer({ min: -1, max: 1000 }), valueArb(shapes, 0)),
      headers: headersArb(shapes),
      data: fc.oneof(problemArb(shapes), shapedBodyArb(shapes)),
      body: valueArb(shapes, 1),
      text: fc.constantFrom('string' as const, 'throws' as const, 'rejects' as const, 'hostile' as const),
      textValue: textBody,
    },
    { requiredKeys: ['kind', 'status', 'headers'] },
  )
  return fc.oneof(response, like)
}

/** Builds the value `fromResponse` is given from a description (fresh each time: bodies are read once). */
export function buildReply(d: ReplyDescription): unknown {
  if (d.kind === 'response') {
    // Statuses that cannot carry a body (RFC 9110 §15.3.5, §15.3.6, §15.4.5) are sent without one.
    const body = [204, 205, 304].includes(d.status) ? null : d.body
    try {
      return new Response(body, { status: d.status, headers: d.headers })
    } catch {
      return new Response(body, { status: d.status })
    }
  }
  const out: Record<string, unknown> = { status: d.status, headers: d.headers }
  if ('data' in d) out.data = d.data
  if ('body' in d) out.body = d.body
  if (d.text === 'string') out.text = async () => d.textValue
  else if (d.text === 'throws')
    out.text = () => {
      throw new Error('text() threw')
    }
  else if (d.text === 'rejects') out.text = async () => Promise.reject(new Error('text() rejected'))
  else if (d.text === 'hostile') out.text = async () => HOSTILE_VALUES[0]?.make()
  return materialize(out)
}
