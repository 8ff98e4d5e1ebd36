import { describe, expect, it } from 'vitest'
import { type Adapter, ErrsError, fromProblem, normalize, toProblem } from '../src/index.js'
import {
  brandClass,
  codeIndex,
  describeThrown,
  type ErrsOptions,
  errsInit,
  header,
  headerMap,
  normalizeWith,
  ownMembers,
  parseBody,
  readReply,
  readResponse,
  rebuildAs,
  retryAfterHeader,
  UNKNOWN_CODE,
} from '../src/kit.js'

const ROWS = [
  {
    code: 1,
    reason: 'NOT_THERE',
    kind: 'not_found',
    status: 404,
    retryable: false,
    message: 'Not there',
    className: 'ToyError',
  },
  {
    code: 2,
    reason: 'NETWORK',
    kind: 'unavailable',
    status: 503,
    retryable: true,
    message: 'Network',
    className: 'ToyError',
  },
  {
    code: 3,
    reason: 'CLIENT',
    kind: 'unknown',
    status: 500,
    retryable: false,
    message: 'Client',
    className: 'ToyError',
  },
] as const
const info = codeIndex(ROWS)
let constructed = 0

class ToyError extends ErrsError {
  static {
    brandClass(this, 'errs.test.kit.ToyError')
  }
  constructor(code: number, message?: string, options?: ErrsOptions) {
    constructed++
    super(errsInit('toy', code, info(code), message, options))
  }
  /** A native field read from the one store. */
  get toyCode(): number {
    return this.code as number
  }
  get table(): unknown {
    return this.details.table
  }
}

const toy: Adapter<ToyError> = {
  system: 'toy',
  wire: 'http',
  codes: ROWS,
  classes: { ToyError },
  clientCodes: { unavailable: 2, unknown: 3 },
  create: (code, message, options) => new ToyError(Number(code), message, options),
  decode: () => new ToyError(3),
  encode: (e) => ({ status: e.status, body: { code: e.code } }),
  recognize: (v) => (ToyError.is(v) ? v : undefined),
}

describe('codeIndex', () => {
  const rows = [
    { code: 'x', variant: 'v10', reason: 'X10', kind: 'unknown', status: 500, retryable: false, message: 'x10' },
    { code: 'x', variant: 'v4', reason: 'X4', kind: 'unknown', status: 500, retryable: false, message: 'x4' },
    { code: 5, variant: 'v4', reason: 'FIVE', kind: 'unknown', status: 500, retryable: false, message: '5' },
    { code: 'x', variant: 'v4', reason: 'LATER', kind: 'unknown', status: 500, retryable: false, message: 'y' },
  ] as const
  const index = codeIndex(rows)
  it('finds the first row of a code, and of a code within a variant (codes compared by their text there)', () => {
    expect([index('x')?.reason, index('x', 'v4')?.reason, index('x', 'v10')?.reason]).toEqual(['X10', 'X4', 'X10'])
    expect([index(5)?.reason, index('5')?.reason, index(5, 'v4')?.reason, index('5', 'v4')?.reason]).toEqual([
      'FIVE',
      undefined,
      'FIVE',
      'FIVE',
    ])
    expect([index('x', 'v3'), index(5, 'v10'), index('y')]).toEqual([undefined, undefined, undefined])
  })
})

describe('errsInit: the one unknown-code policy', () => {
  it('takes a known row as is, options overriding', () => {
    expect(errsInit('toy', 1, info(1), undefined)).toMatchObject({
      reason: 'NOT_THERE',
      kind: 'not_found',
      status: 404,
      retryable: false,
      message: 'Not there',
    })
    expect(errsInit('toy', 1, info(1), 'm', { kind: 'unavailable' })).toMatchObject({
      kind: 'unavailable',
      status: 503,
    })
  })
  it('keeps an unknown code, reason UNKNOWN_CODE, kind from the wire status, not retryable', () => {
    expect(errsInit('toy', 99, undefined, undefined, {}, 404)).toMatchObject({
      code: 99,
      reason: UNKNOWN_CODE,
      kind: 'not_found',
      status: 404,
      retryable: false,
    })
    expect(errsInit('toy', 'x', undefined, 'm')).toMatchObject({
      code: 'x',
      reason: UNKNOWN_CODE,
      kind: 'unknown',
      status: 500,
      retryable: false,
      title: 'Unknown toy error code',
    })
    expect(errsInit('toy', 99, undefined, 'm', {}, 503)).toMatchObject({ kind: 'unavailable', retryable: false })
  })
})

describe('generic rebuild and normalizeWith', () => {
  it('rebuilds a native class from a problem without running its constructor', () => {
    const e = new ToyError(1, 'gone', { details: { table: 't' } })
    const before = constructed
    const back = fromProblem(JSON.stringify(toProblem(e, { exposeInternal: true })), { adapters: [toy] })
    expect(constructed).toBe(before)
    expect(back).toBeInstanceOf(ToyError)
    expect([(back as ToyError).toyCode, (back as ToyError).table, back.message, back.name]).toEqual([
      1,
      't',
      'gone',
      'ToyError',
    ])
  })
  it('a rebuilt error has the stack frames of the code that rebuilt it (not an empty stack)', () => {
    // V8 starts a stack at new.target's constructor frame, which `Reflect.construct` never runs.
    function rebuildingCaller(): ToyError {
      return fromProblem(toProblem(new ToyError(1, 'gone')), { adapters: [toy] }) as ToyError
    }
    const back = rebuildingCaller()
    expect(back).toBeInstanceOf(ToyError)
    expect(Object.getPrototypeOf(back)).toBe(ToyError.prototype)
    const lines = String(back.stack).split('\n')
    expect(lines[0]).toBe('ToyError: gone')
    // Two frames of ours (`rebuild`, `fromProblem`) above the caller: a 10-frame stack keeps 8 of the caller's, and
    // V8 walks no stand-in constructor frame.
    expect(lines.findIndex((l) => l.includes('rebuildingCaller'))).toBe(3)
    function directCaller(): ToyError {
      return rebuildAs(ToyError, errsInit('toy', 1, info(1), 'm'))
    }
    const direct = String(directCaller().stack).split('\n')
    expect(direct.findIndex((l) => l.includes('directCaller'))).toBe(2)
  })
  it('never throws, even for an adapter whose `system` throws after it was read once', () => {
    let reads = 0
    const hostile = {
      get system(): string {
        reads++
        if (reads > 1) throw new Error('hostile system getter')
        return 'toy'
      },
      codes: [],
      classes: {},
      create: () => new ErrsError({ system: 'toy', code: 1, reason: 'R', kind: 'internal', message: 'm' }),
    } as unknown as Adapter
    const out = fromProblem({ type: 'about:blank', system: 'toy', code: 'E1', detail: 'x' }, { adapters: [hostile] })
    expect([ErrsError.is(out), out.system, out.message]).toEqual([true, 'toy', 'x'])
  })
  it('sets an own name when the problem names a variant of the class', () => {
    const e = rebuildAs(ToyError, errsInit('toy', 1, info(1), 'm'), 'UnknownError')
    expect([e.name, e instanceof ToyError, String(e.stack).split('\n')[0]]).toEqual([
      'UnknownError',
      true,
      'UnknownError: m',
    ])
  })
  it('one answer for a plain core error of the system: rebuilt as the native class, fields kept', () => {
    const plain = new ErrsError({
      system: 'toy',
      code: 2,
      reason: 'NETWORK',
      kind: 'unavailable',
      message: 'down',
      requestId: 'r',
    })
    for (const n of [normalizeWith(toy, plain), normalize(plain, { adapters: [toy] })]) {
      expect(n).toBeInstanceOf(ToyError)
      expect([n.code, n.message, n.requestId, n.retryable]).toEqual([2, 'down', 'r', true])
    }
    const native = new ToyError(1)
    expect(normalizeWith(toy, native)).toBe(native)
  })
  it('keeps an instance of a dialect class whose name another class of the adapter also has', () => {
    class DialectToyError extends ErrsError {
      static {
        brandClass(this, 'errs.test.kit.v4.ToyError')
      }
    }
    const both = { ...toy, classes: { ToyError, 'v4:ToyError': DialectToyError } } as Adapter
    const e = new DialectToyError(errsInit('toy', 1, info(1), 'm', { details: { dialect: 'v4' } }))
    expect(e.name).toBe('ToyError')
    expect(normalizeWith(both, e)).toBe(e)
    const back = fromProblem(toProblem(e, { exposeInternal: true }), { adapters: [both] })
    expect(Object.getPrototypeOf(back)).toBe(DialectToyError.prototype)
  })

  it('a wrapped foreign value shows untrusted readers what a problem of the value shows, never its own text', () => {
    const foreign = Object.assign(new Error('row 42 of customer bob at 10.0.0.1:5432'), { status: 403 })
    const e = normalizeWith(toy, foreign)
    expect([e.kind, e.message]).toEqual(['permission_denied', foreign.message])
    expect(toProblem(e).detail).toBe(toProblem(foreign).detail)
    expect(toProblem(e).detail).toBe('Permission denied')
    expect(toProblem(e, { exposeInternal: true }).detail).toBe(foreign.message)
  })

  it('a public problem leaves out the raw input a decoder kept; the trusted one keeps it', () => {
    const e = new ErrsError({
      system: 'toy',
      code: 4,
      reason: 'MALFORMED',
      kind: 'invalid_argument',
      message: 'unreadable reply',
      details: { raw: '<html>proxy at build-7.corp.internal</html>', status: 404 },
    })
    expect(toProblem(e).details).toEqual({ status: 404 })
    expect(JSON.stringify(e)).not.toContain('corp.internal')
    expect(toProblem(e, { exposeInternal: true }).details?.raw).toContain('corp.internal')
  })

  it('wraps foreign values in the client code of their kind, or the unknown one with the classification', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(normalizeWith(toy, refused)).toMatchObject({ code: 2, kind: 'unavailable', retryable: true, cause: refused })
    const abort = Object.assign(new Error('stop'), { name: 'AbortError' })
    expect(normalizeWith(toy, abort)).toMatchObject({ code: 3, kind: 'cancelled', status: 499, retryable: false })
    expect(normalizeWith(toy, 'oops')).toMatchObject({ code: 3, kind: 'unknown', message: 'oops' })
  })
})

describe('reply readers', () => {
  it('read every carrier shape, headers case-insensitively', async () => {
    const axios = readReply({
      status: 429,
      headers: { 'X-Request-Id': 'r1', 'Retry-After': '2' },
      data: { error: 'x' },
    })
    expect(axios).toMatchObject({ status: 429, requestId: 'r1', retryAfterMs: 2000, body: { error: 'x' } })
    const node = readReply({
      statusCode: 503,
      headers: { 'set-cookie': ['a=1', 'b=2'], 'x-request-id': 'r2' },
      body: 'x',
    })
    expect(node).toMatchObject({ status: 503, requestId: 'r2', headers: { 'set-cookie': 'a=1, b=2' } })
    const web = await readResponse(new Response('{"a":1}', { status: 400, headers: { 'X-Request-Id': 'r3' } }))
    expect(web).toMatchObject({ status: 400, requestId: 'r3', body: '{"a":1}' })
    expect(header(new Headers({ 'Retry-After': '5' }), 'retry-after')).toBe('5')
    expect(header({ 'RETRY-AFTER': '5' }, 'Retry-After')).toBe('5')
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(readReply({ status: 400, headers: proxy, body: proxy })).toMatchObject({ status: 400, headers: {} })
    expect(headerMap(proxy)).toEqual({})
    expect(readReply({ status: 400, headers: { 'x-request-id': 'a\r\nb' } }).requestId).toBeUndefined()
    const broken = await readResponse({ status: 500, headers: {}, text: () => Promise.reject(new Error('hang up')) })
    expect(broken.unreadable).toBe(true)
  })
  it('parse bodies bounded, and write Retry-After in whole seconds', () => {
    expect(parseBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 }, text: '{"a":1}' })
    expect(parseBody(new TextEncoder().encode('{"a":1}'))).toMatchObject({ ok: true, value: { a: 1 } })
    expect(parseBody('x'.repeat(2 * 1024 * 1024))).toMatchObject({ ok: false, empty: false })
    expect(parseBody('  ')).toMatchObject({ ok: false, empty: true })
    expect(parseBody(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false, reason: 'body is not valid UTF-8' })
    expect(retryAfterHeader(1500)).toBe('2')
    expect(
      describeThrown(
        Object.defineProperty({}, 'message', {
          get: () => {
            throw new Error('x')
          },
        }),
      ),
    ).toBe('Non-error value thrown: [object Object]')
  })
})

describe('header(h, name) reads a plain object without copying it, as headerMap(h)[name] does', () => {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const throwing = Object.defineProperty({ 'retry-after': '13' }, 'x', {
    enumerable: true,
    get() {
      throw new Error('no')
    },
  })
  const shapes: [string, unknown][] = [
    ['lower case', { 'retry-after': '3' }],
    ['any case', { 'Retry-After': '4' }],
    ['a number', { 'retry-after': 5 }],
    ['an array (Node joins)', { 'retry-after': ['6', 7, '8'] }],
    ['an empty array keeps the earlier value', { 'Retry-After': '7', 'retry-after': [] }],
    ['the last usable value wins', { 'Retry-After': '8', 'RETRY-AFTER': '9' }],
    ['a non-string value is skipped', { 'Retry-After': '2', 'retry-after': { x: 1 } }],
    ['a header named get', { get: 'x', 'retry-after': '1' }],
    ['past the 256th key', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`h${i}`, `${i}`]))],
    ['__proto__ as a name', JSON.parse('{"__proto__":"x"}')],
    ['web Headers', new Headers({ 'Retry-After': '11' })],
    ['a Map', new Map([['Retry-After', '12']])],
    // A Map's own `get` is case-sensitive: the name in two cases is read as headerMap reads it (the last one wins).
    [
      'a Map with one name in two cases',
      new Map([
        ['retry-after', '1'],
        ['Retry-After', '2'],
      ]),
    ],
    ['a throwing getter on another header', throwing],
    ['a revoked proxy', revoked.proxy],
    ['null', null],
    ['a string', 'retry-after: 3'],
  ]
  it.each(shapes)('%s', (_, headers) => {
    for (const name of ['retry-after', 'Retry-After', 'h0', 'h255', 'h256', '__proto__', 'get']) {
      expect(header(headers, name)).toBe(headerMap(headers)[name.toLowerCase()])
    }
  })
})

describe('ownMembers reads only the named own members, each once', () => {
  const template = { a: undefined as unknown, b: undefined as unknown }
  it('never calls the getter of a member it does not name, and skips a throwing one', () => {
    let other = 0
    let a = 0
    const value = Object.defineProperties(
      {},
      {
        a: { enumerable: true, get: () => ++a },
        other: { enumerable: true, get: () => ++other },
        b: {
          enumerable: true,
          get: () => {
            throw new Error('no')
          },
        },
      },
    )
    expect(ownMembers(value, template)).toEqual({ a: 1, b: undefined })
    expect([a, other]).toEqual([1, 0])
  })
  it('reads own enumerable members only, within the first 1,024 keys, and returns a fresh copy of the template', () => {
    const inherited = Object.create({ a: 'proto' }) as Record<string, unknown>
    expect(ownMembers(inherited, template)).toEqual({ a: undefined, b: undefined })
    const late = Object.fromEntries([...Array.from({ length: 1024 }, (_, i) => [`k${i}`, i]), ['a', 'late']])
    expect(ownMembers(late, template).a).toBeUndefined()
    const out = ownMembers(JSON.parse('{"__proto__":{"x":1},"a":2}'), template)
    expect(out).toEqual({ a: 2, b: undefined })
    expect(out).not.toBe(template)
    expect(template).toEqual({ a: undefined, b: undefined })
  })
  it('gives the template when the keys cannot be listed (revoked proxy, throwing ownKeys)', () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('keys')
        },
      },
    )
    expect(ownMembers(revoked.proxy, template)).toEqual(template)
    expect(ownMembers(throwing, template)).toEqual(template)
  })
})
