import { inspect } from 'node:util'
import fc from 'fast-check'
import { expect } from 'vitest'
import { ErrsError, toOtelAttributes, toProblem, toResponse } from '../../src/index.js'

// Shared by the round-29 fuzz attacks (`attack-r29-fuzz.test.ts` of each package): secret canaries in the places a
// hostile peer puts them, internals a public problem must not show, hostile carriers, and the check of every output
// of a decoded error.

/** Secret fragments, each in a shape the README promises to redact; every one holds `CANARY` or a Fauna secret. */
export const SECRETS = [
  'password=CANARY_x9pw1',
  '"password":"CANARY_x9pw2"',
  'Authorization: Bearer CANARY_x9bearer3',
  'Bearer CANARY_x9bearer4',
  'fnAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'https://user:CANARY_x9url5@db.example.com/x',
  'api_key=CANARY_x9key6',
  'token: CANARY_x9tok7',
  '<password>CANARY_x9xml8</password>',
  '/login?access_token=CANARY_x9q9&x=1',
  'client_secret = CANARY_x9sec10',
  'x-api-key: CANARY_x9hdr11',
] as const

/** Internals a public problem must not show: each stands in a shape `scrubInternals` promises to remove. */
export const INTERNALS = [
  'connect to INTRNLHOST.internal:9123 failed',
  'see https://INTRNLHOST.corp:8443/admin for more',
  'at /srv/INTRNLDIR/app/server.js:10:5',
  'peer 10.13.37.42:9123 closed',
] as const

/** Text with secrets and internals spliced into random text. */
export const taintedText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
        { weight: 2, arbitrary: fc.constantFrom(...SECRETS) },
        { weight: 1, arbitrary: fc.constantFrom(...INTERNALS) },
        { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\u0000', '%', '\\') },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom(' ', ', ', '; ', '\n', '\t'),
  )
  .map(([parts, sep]) => parts.join(sep))

/** Field names the decoders read (and secret-named ones), for objects of the expected shapes with wrong types. */
export const FIELD_NAMES = [
  'message',
  'error',
  'error_message',
  'errorMessage',
  'error_code',
  'errorCode',
  'code',
  'type',
  'title',
  'detail',
  'status',
  'description',
  'errors',
  'context',
  'summary',
  'instance',
  'details',
  'data',
  'cause',
  'stack',
  'headers',
  'body',
  'request_id',
  'requestId',
  'name',
  'kind',
  'reason',
  'system',
  'retryable',
  'internal',
  'publicMessage',
  'password',
  'authorization',
  'api_key',
  '__proto__',
  'constructor',
  'prototype',
] as const

const scalar = fc.oneof(
  taintedText,
  fc.integer({ min: -3, max: 700 }),
  fc.constantFrom(0, -1, 1, 3, 13, 400, 404, 409, 429, 500, 503, Number.NaN, Infinity, -0, 2 ** 31, 1e300),
  fc.boolean(),
  fc.constant(null),
)

/** JSON values in the shapes the decoders expect (their field names), with wrong types and tainted text. */
export const taintedJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('node'), { maxKeys: 6 }),
  ),
})).node

/** A JSON value as JSON.parse makes it (`__proto__` an own key). */
export const parsedJson = taintedJson.map((v) => {
  try {
    return JSON.parse(JSON.stringify(v) ?? 'null') as unknown
  } catch {
    return null
  }
})

/** Hostile objects, made inside a property (fast-check would trip over them). */
export function hostileObjects(): unknown[] {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const throwing: Record<string, unknown> = {}
  for (const k of FIELD_NAMES) {
    if (k === '__proto__') continue
    Object.defineProperty(throwing, k, {
      enumerable: true,
      get() {
        throw new Error(`getter ${k} password=CANARY_x9getter`)
      },
    })
  }
  const prim = {
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive password=CANARY_x9prim')
    },
    toString() {
      throw new Error('toString')
    },
  }
  const proxy = new Proxy(
    { message: 'password=CANARY_x9proxy' },
    {
      get(_t, k) {
        if (k === 'message') return 'token=CANARY_x9proxy2'
        return prim
      },
      ownKeys() {
        return ['message', 'code', 'status']
      },
      getOwnPropertyDescriptor() {
        return { value: prim, enumerable: true, configurable: true }
      },
    },
  )
  const withPrim = { message: prim, code: prim, status: prim, error: prim, error_code: prim, headers: prim }
  const bigints = { code: 10n, error_code: 2n ** 70n, status: 500n, message: 'password=CANARY_x9big' }
  const typed = {
    message: new Uint8Array([0xff, 0xfe, 0xc3]),
    body: new Uint16Array([0xd800, 0x41]),
    error: new Float64Array([Number.NaN]),
  }
  const err = Object.assign(new Error('Bearer CANARY_x9thrown'), {
    code: prim,
    cause: new Error('password=CANARY_x9cause'),
    headers: { authorization: 'Bearer CANARY_x9errhdr' },
  })
  const map = new Map<unknown, unknown>([
    ['message', 'password=CANARY_x9map'],
    ['authorization', 'Bearer CANARY_x9map2'],
  ])
  return [revoked.proxy, throwing, prim, proxy, withPrim, bigints, typed, err, map]
}

/** Headers in every shape a carrier may give, with a secret and a throwing one. */
export function hostileHeaders(): unknown[] {
  const throwing: Record<string, unknown> = {}
  Object.defineProperty(throwing, 'retry-after', {
    enumerable: true,
    get() {
      throw new Error('h')
    },
  })
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  return [
    { authorization: 'Bearer CANARY_x9h1', 'x-request-id': 'Bearer CANARY_x9h2', 'retry-after': '1' },
    new Headers({ authorization: 'Bearer CANARY_x9h3', 'x-request-id': 'password=CANARY_x9h4', 'retry-after': 'NaN' }),
    new Map([
      ['Authorization', 'Bearer CANARY_x9h5'],
      ['X-Request-Id', 'token=CANARY_x9h6'],
    ]),
    [
      ['authorization', 'Bearer CANARY_x9h7'],
      ['x-request-id', ['a', 'password=CANARY_x9h8']],
    ],
    throwing,
    revoked.proxy,
    { 'x-request-id': '\ud800'.repeat(300), 'retry-after': '9'.repeat(400) },
    null,
    'authorization: Bearer CANARY_x9h9',
  ]
}

/** Statuses as a peer or a carrier may give them. */
export const STATUSES: unknown[] = [
  0,
  -1,
  99,
  200,
  204,
  400,
  401,
  404,
  429,
  500,
  503,
  599,
  600,
  1000,
  Number.NaN,
  Infinity,
  '500',
  '4O4',
  1.5,
  2n,
  null,
]

/** A reply as a peer may send it: `value` (tainted JSON) carried as the value itself, its text or its UTF-8 bytes
 * (`body`), with any status and hostile headers. */
export interface AttackReply {
  value: unknown
  body: unknown
  status: unknown
  headers: unknown
}

/** `AttackReply`s of the values `json` makes. */
export function attackReplies(json: fc.Arbitrary<unknown>): fc.Arbitrary<AttackReply> {
  return fc
    .tuple(json, fc.constantFrom(...STATUSES), fc.nat({ max: 8 }), fc.constantFrom('value', 'text', 'bytes'))
    .map(([value, status, h, form]) => {
      const text = JSON.stringify(value) ?? 'null'
      const body = form === 'value' ? value : form === 'text' ? text : new TextEncoder().encode(text)
      return { value, body, status, headers: hostileHeaders()[h] }
    })
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype).sort()
const FUNCTION_PROTO_KEYS = Object.getOwnPropertyNames(Function.prototype).sort()

const SECRET_MARKS = ['CANARY', 'fnAAAAAAAAAAAAAAA']
const INTERNAL_MARKS = ['INTRNL', '10.13.37.42', '\n    at ']

/** The outputs of an error a log, a trace or a reply may show: [where, text, public?]. */
export function outputsOf(e: ErrsError): [string, string, boolean][] {
  const out: [string, string, boolean][] = []
  out.push(['message', e.message, false])
  out.push(['String', String(e), false])
  out.push(['JSON', JSON.stringify(e), false])
  out.push(['stack', String(e.stack), false])
  out.push(['inspect', inspect(e, { depth: 10 }), false])
  out.push(['inspect showHidden', inspect(e, { showHidden: true, depth: 10 }), false])
  // The public problem whole: since round 31 a request id that shows an internal is left out (`publicRequestId`).
  out.push(['problem', JSON.stringify(toProblem(e)), true])
  out.push(['problem internal', JSON.stringify(toProblem(e, { exposeInternal: true })), false])
  out.push(['otel', JSON.stringify(toOtelAttributes(e)), false])
  const response = toResponse(e)
  const headers: string[] = []
  response.headers.forEach((v, k) => {
    headers.push(`${k}: ${v}`)
  })
  out.push(['response headers', headers.join('\n'), true])
  const internalResponse = toResponse(e, { exposeInternal: true })
  internalResponse.headers.forEach((v, k) => {
    headers.push(`${k}: ${v}`)
  })
  out.push(['internal response headers', headers.join('\n'), false])
  return out
}

/**
 * The checks every decoded error passes: an ErrsError (and of `Native` when given), JSON bounded, no secret in any
 * output, no internal in the public ones, the prototypes untouched. Returns the public response body text promise.
 */
export async function checkAttacked(e: unknown, Native?: abstract new (...a: never[]) => unknown): Promise<void> {
  expect(e).toBeInstanceOf(ErrsError)
  if (Native !== undefined) expect(e).toBeInstanceOf(Native)
  const err = e as ErrsError
  const json = JSON.stringify(err)
  expect(json.length).toBeLessThan(64 * 1024)
  const outputs = outputsOf(err)
  const body = JSON.parse(await toResponse(err).text()) as Record<string, unknown>
  outputs.push(['response body', JSON.stringify(body), true])
  outputs.push(['internal response body', await toResponse(err, { exposeInternal: true }).text(), false])
  for (const [where, text, pub] of outputs) {
    for (const mark of SECRET_MARKS) if (text.includes(mark)) throw new Error(`secret ${mark} in ${where}: ${text}`)
    if (pub)
      for (const mark of INTERNAL_MARKS)
        if (text.includes(mark)) throw new Error(`internal ${mark} in ${where}: ${text}`)
  }
  checkPrototypes()
}

export function checkPrototypes(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS)
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_KEYS)
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(FUNCTION_PROTO_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

/** Adversarial big inputs, as JSON text: the shapes a decoder scans. */
export function bigTexts(): Record<string, string> {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
  const deepObj = `${'{"error":'.repeat(100_000)}1${'}'.repeat(100_000)}`
  return { deep, deepObj }
}
