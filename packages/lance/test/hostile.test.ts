import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  adapter,
  fromErrorResponse,
  fromLanceDbMessage,
  fromResponse,
  InternalError,
  LanceNamespaceError,
  normalize,
  recognize,
  stripRustPaths,
  TableNotFoundError,
  ThrottlingError,
  toErrorResponse,
} from '../src/index.js'
import { lancedbError } from './support/lancedb.js'

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const throwing = (): object =>
  Object.defineProperty({}, 'code', {
    enumerable: true,
    get() {
      throw new Error('getter')
    },
  })
const everyGetterThrows = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('get trap')
      },
      ownKeys() {
        return ['code', 'error']
      },
      getOwnPropertyDescriptor() {
        return { value: 1, enumerable: true, configurable: true }
      },
    },
  )

/** Every value a decoder must survive: revoked Proxies, throwing getters, lone surrogates, huge sparse arrays. */
const hostile = (): Array<[string, unknown]> => [
  ['revoked proxy', revoked()],
  ['throwing getter', throwing()],
  ['proxy whose get trap throws', everyGetterThrows()],
  [
    'toJSON that throws',
    {
      code: 4,
      toJSON: () => {
        throw new Error('toJSON')
      },
    },
  ],
  ['lone surrogate text', '{"code":4,"error":"\\ud800","detail":"\\udfff"}'],
  ['lone surrogate value', { code: 4, error: '\ud800', instance: '\udc00' }],
  ['huge sparse array', new Array(2 ** 32 - 1)],
  ['huge sparse array in context', { code: 4, error: 'x', context: new Array(2 ** 32 - 1) }],
  ['revoked proxy as context', { code: 4, error: 'x', context: revoked() }],
  [
    'Uint8Array whose length throws',
    Object.defineProperty(new Uint8Array(4), 'length', {
      get() {
        throw new Error('len')
      },
    }),
  ],
  [
    'Error whose message getter throws',
    Object.defineProperty(new Error(), 'message', {
      get() {
        throw new Error('m')
      },
    }),
  ],
  ['forged brand', { [Symbol.for('errs.lance.LanceNamespaceError')]: true, code: 'pwned', kind: 'pwned' }],
  ['forged brand on an Error', Object.assign(new Error('x'), { [Symbol.for('errs.lance.TableNotFoundError')]: true })],
]

/** The error can be logged, serialized and encoded. */
function usable(e: LanceNamespaceError): void {
  expect(e).toBeInstanceOf(LanceNamespaceError)
  expect(typeof e.code).toBe('number')
  expect(() => inspect(e)).not.toThrow()
  expect(() => JSON.stringify(e)).not.toThrow()
  expect(() => String(e)).not.toThrow()
  const reply = toErrorResponse(e)
  expect(() => new Response(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers })).not.toThrow()
}

describe('every public decoder returns a typed Lance error for any input', () => {
  for (const [name, value] of hostile()) {
    it(name, async () => {
      usable(fromErrorResponse(value))
      usable(fromErrorResponse({ code: 4 }, { headers: value as never, status: 404 }))
      usable(fromErrorResponse(value, { headers: revoked() as never, status: 429 }))
      usable(adapter.decode(value as never))
      usable(adapter.decode({ status: 404, headers: value as never, body: value }))
      usable(adapter.decode({ status: 400, body: { code: 4, error: 'x', context: value } }))
      usable(normalize(value))
      usable(normalize(Object.assign(new Error('Invalid input, x'), { code: 'GenericFailure', cause: value })))
      const r = recognize(value)
      if (r !== undefined) usable(r)
      expect(() => fromLanceDbMessage(value as never)).not.toThrow()
      usable(await fromResponse(value as never))
      usable(await fromResponse({ status: 500, headers: value, url: value, text: async () => '{"code":4}' } as never))
    })
  }

  it('fromResponse whose text() throws a revoked proxy → typed, cause dropped', async () => {
    const e = await fromResponse({
      status: 502,
      headers: new Headers(),
      text: async () => {
        throw revoked()
      },
    })
    usable(e)
    expect(e.code).toBe(17)
    expect(e.cause).toBeUndefined()
  })

  it('a forged brand is not taken at its word', () => {
    const forged = {
      [Symbol.for('errs.lance.LanceNamespaceError')]: true,
      code: 'pwned',
      kind: 'pwned',
      retryable: 'yes',
    }
    const e = normalize(forged)
    expect(e).not.toBe(forged)
    expect(e).toBeInstanceOf(InternalError)
    expect(e.kind).not.toBe('pwned')
  })

  it('util.inspect(normalize(revokedProxy)) does not throw', () => {
    const e = normalize(revoked())
    expect(e).toBeInstanceOf(InternalError)
    expect(() => inspect(e, { depth: 10 })).not.toThrow()
  })
})

describe('LanceDB message parsing on adversarial messages (time is measured by the conformance harness)', () => {
  const adversarial: Array<[string, string]> = [
    ['spaces', ' '.repeat(16384)],
    ['spaces, 1 MiB', ' '.repeat(1 << 20)],
    ['comma-space runs', ', '.repeat(8192)],
    ['almost Rust paths', 'a.rs:1:'.repeat(2400)],
    ['Caused by chains', '  Caused by: '.repeat(1300)],
    ['Http error prefixes', 'Http error: (request_id=r) 404 '.repeat(600)],
    ['quotes for Table patterns', `Table '${"'".repeat(16000)}`],
    ['Namespace error segments', 'Namespace error:  Caused by: '.repeat(600)],
    ['secret-looking words', 'lance error: password=x '.repeat(700)],
    ['almost Lance crate locations', '/lance-1.1.1/'.repeat(1300)],
    ['almost index names', `lance error: LanceError(Index): Index name ${"'".repeat(16000)}`],
  ]

  it('stripRustPaths(" ".repeat(16384)) keeps the text', () => {
    expect(stripRustPaths(' '.repeat(16384))).toBe(' '.repeat(16384))
  })

  for (const [name, text] of adversarial) {
    it(`${name}: a typed, bounded error`, () => {
      expect(() => fromLanceDbMessage(text)).not.toThrow()
      const e = normalize(lancedbError(text))
      expect(e).toBeInstanceOf(LanceNamespaceError)
      // Cut to 16 KiB first; redaction may then lengthen what is left, by a bounded factor.
      expect(e.message.length).toBeLessThan(40 * 1024)
    })
  }
})

describe('what leaves a service: toErrorResponse / adapter.encode', () => {
  it('a request id carrying CR/LF is never copied into reply headers', () => {
    const fromHeader = fromErrorResponse(
      { code: 21, error: 'slow' },
      { status: 429, headers: { 'x-request-id': 'a\r\nSet-Cookie: x=1' } },
    )
    const fromContext = fromErrorResponse({ code: 4, error: 'x', context: { 'header.x-request-id': 'b\r\nX-Evil: 1' } })
    const fromLanceDb = normalize(
      Object.assign(new Error('Http error: (request_id=c\r\nX: 1) 404 Not Found: {"code":4,"error":"t"}'), {
        code: 'GenericFailure',
      }),
    )
    const built = new ThrottlingError('slow', { requestId: 'd\r\nX-Evil: 1' })
    for (const e of [fromHeader, fromContext, fromLanceDb, built]) {
      for (const reply of [toErrorResponse(e), adapter.encode(e)] as Array<{ headers: Record<string, string> }>) {
        expect(reply.headers['x-request-id']).toBeUndefined()
        expect(Object.values(reply.headers).join('')).not.toMatch(/[\r\n]/)
        expect(() => new Response(null, { headers: reply.headers })).not.toThrow()
      }
    }
    // A clean one is echoed.
    expect(toErrorResponse(new ThrottlingError('slow', { requestId: 'req-1' })).headers['x-request-id']).toBe('req-1')
  })

  it('detail (a server stack) only in the trusted form; instance and context redacted', () => {
    const e = new TableNotFoundError("Table 'users' not found", {
      detail: 'java.lang.Exception at Db.connect(password=hunter2)',
      instance: '/v1/table/users/describe?api_key=sk-live-123',
      context: { 'header.authorization': 'Bearer abc.def', note: 'token=xyz' },
    })
    const pub = toErrorResponse(e)
    expect(pub.body.detail).toBeUndefined()
    // adapter.encode is the trusted form (the inverse of decode): detail kept, every secret still redacted.
    for (const out of [pub, adapter.encode(e)]) {
      const text = JSON.stringify(out)
      for (const secret of ['hunter2', 'sk-live-123', 'abc.def', 'xyz']) expect(text).not.toContain(secret)
    }
    const trusted = toErrorResponse(e, { exposeInternal: true })
    expect(trusted.body.detail).toMatch(/^java\.lang\.Exception at Db\.connect\(password=\[REDACTED\]/)
    expect(JSON.stringify(trusted)).not.toContain('hunter2')
  })

  it('a lone surrogate in a decoded message survives JSON and Response', () => {
    const e = fromErrorResponse('{"code":4,"error":"\\ud800 x","instance":"\\udc00"}')
    expect(e).toBeInstanceOf(TableNotFoundError)
    const reply = toErrorResponse(e)
    expect(() => new Response(JSON.stringify(reply.body), { headers: reply.headers })).not.toThrow()
    expect(() => JSON.stringify(e)).not.toThrow()
  })
})
