/**
 * Hostile in-memory values: what a buggy driver, a Proxy-based client or an attacker-shaped payload hands a
 * decoder. Each is made fresh by its factory (some are consumed or mutate when read).
 */

const ERRS_BRAND = Symbol.for('errs.core.ErrsError')

function thrower(what: string): never {
  throw new Error(`hostile ${what}`)
}

/** Names a decoder is likely to read. */
const COMMON_KEYS = [
  'message',
  'code',
  'status',
  'statusCode',
  'name',
  'stack',
  'cause',
  'body',
  'headers',
  'data',
  'error',
  'errors',
  'detail',
  'details',
  'type',
  'title',
  'system',
  'reason',
  'kind',
  'retryable',
  'requestId',
  'response',
  'config',
  'description',
  'position',
  'summary',
  'stats',
  'query_tags',
  'events',
  'context',
  'instance',
  'error_code',
  'error_message',
  'toJSON',
  'toString',
  'valueOf',
  'length',
  'then',
]

function withThrowingGetters<T extends object>(target: T, keys: readonly string[] = COMMON_KEYS): T {
  // An Error formats its stack lazily, reading `name` and `message`: make it now, before they throw.
  void (target as { stack?: unknown }).stack
  for (const k of keys) {
    Object.defineProperty(target, k, { get: () => thrower(`getter ${k}`), enumerable: true, configurable: true })
  }
  Object.defineProperty(target, Symbol.toPrimitive, { get: () => thrower('toPrimitive'), configurable: true })
  return target
}

export function revokedProxy(): object {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
}

export function revokedArrayProxy(): object {
  const r = Proxy.revocable([], {})
  r.revoke()
  return r.proxy
}

/** A proxy whose every trap throws. */
export function throwingProxy(): object {
  const trap = (name: string) => () => thrower(`trap ${name}`)
  return new Proxy(
    {},
    {
      get: trap('get'),
      has: trap('has'),
      ownKeys: trap('ownKeys'),
      getPrototypeOf: trap('getPrototypeOf'),
      getOwnPropertyDescriptor: trap('getOwnPropertyDescriptor'),
      set: trap('set'),
      defineProperty: trap('defineProperty'),
      isExtensible: trap('isExtensible'),
    },
  )
}

function deepChain(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf
  for (let i = 0; i < depth; i++) v = { cause: v, errors: [v], error: v, detail: 'd' }
  return v
}

function shared(depth: number): unknown {
  let v: Record<string, unknown> = { code: 'x', message: 'leaf' }
  for (let i = 0; i < depth; i++) v = { a: v, b: v, error: v, errors: [v, v], cause: v, message: `level ${i}` }
  return v
}

function sparse(length: number): unknown[] {
  const a = new Array(length)
  a[0] = { code: 'x', message: 'first' }
  a[length - 1] = { code: 'y', message: 'last' }
  return a
}

/** A named hostile value. */
export interface Hostile {
  name: string
  make(): unknown
}

export const HOSTILE_VALUES: readonly Hostile[] = [
  { name: 'revoked Proxy', make: revokedProxy },
  { name: 'revoked Proxy of an array', make: revokedArrayProxy },
  { name: 'Proxy whose every trap throws', make: throwingProxy },
  { name: 'object whose getters throw', make: () => withThrowingGetters({}) },
  {
    name: 'toJSON that throws',
    make: () => ({
      code: 1,
      message: 'm',
      toJSON: () => thrower('toJSON'),
      nested: { toJSON: () => thrower('nested toJSON') },
    }),
  },
  {
    name: 'Uint8Array whose length getter throws',
    make: () => {
      const b = new Uint8Array([0x08, 0x07, 0x12, 0x01, 0x61])
      Object.defineProperty(b, 'length', { get: () => thrower('length') })
      Object.defineProperty(b, 'byteLength', { get: () => thrower('byteLength') })
      return b
    },
  },
  {
    name: 'Error whose message getter throws',
    make: () => {
      const e = new Error('x')
      void e.stack
      Object.defineProperty(e, 'message', { get: () => thrower('message'), configurable: true })
      Object.defineProperty(e, 'name', { get: () => thrower('name'), configurable: true })
      Object.defineProperty(e, 'stack', { get: () => thrower('stack'), configurable: true })
      return e
    },
  },
  {
    name: 'Error with throwing getters everywhere',
    make: () =>
      withThrowingGetters(
        new Error('x'),
        COMMON_KEYS.filter((k) => k !== 'length'),
      ),
  },
  {
    name: 'forged errs brand with wrong-typed fields',
    make: () => ({
      [ERRS_BRAND]: true,
      system: { toString: () => thrower('system toString') },
      code: { valueOf: () => thrower('code valueOf') },
      reason: 42,
      kind: 'pwned',
      status: 'yes',
      retryable: 'yes',
      message: { toString: () => thrower('message toString') },
      details: revokedProxy(),
      internal: revokedProxy(),
      cause: revokedProxy(),
      name: Symbol('name'),
      stack: 12,
    }),
  },
  {
    name: 'forged errs brand deep in a cause chain',
    make: () => {
      const forged = { [ERRS_BRAND]: true, kind: 'pwned', retryable: 'yes', status: -7, message: 5 }
      const e = new Error('outer', { cause: new Error('middle', { cause: forged }) })
      return e
    },
  },
  {
    name: 'a forged brand that is a revoked Proxy',
    make: () => {
      const r = Proxy.revocable({ [ERRS_BRAND]: true }, {})
      const p = r.proxy
      r.revoke()
      return p
    },
  },
  {
    name: 'lone surrogates',
    make: () => ({
      code: '\ud800',
      message: 'a\udfffb\ud800',
      error: { code: '\udc00x', message: '\ud800' },
      title: '\ud800',
      detail: '\udbff',
      type: 'urn:\ud800',
    }),
  },
  { name: 'a lone surrogate string', make: () => '\ud800' },
  { name: 'huge sparse array (2^32 - 1 slots)', make: () => sparse(2 ** 32 - 1) },
  {
    name: 'huge sparse arrays in every member',
    make: () =>
      Object.fromEntries(
        ['errors', 'events', 'error', 'cause', 'position', 'failures', 'constraint_failures', 'details'].map((k) => [
          k,
          sparse(2 ** 32 - 1),
        ]),
      ),
  },
  {
    name: 'cyclic object',
    make: () => {
      const o: Record<string, unknown> = { code: 1, message: 'cyclic' }
      o.cause = o
      o.error = o
      o.errors = [o]
      o.details = o
      o.body = o
      return o
    },
  },
  { name: 'shared references (a DAG of 40 levels)', make: () => shared(40) },
  { name: '100 000 levels of nesting', make: () => deepChain(100_000, 'leaf') },
  {
    name: 'BigInt and Symbol members',
    make: () => ({
      code: 10n,
      status: 404n,
      message: Symbol('m'),
      error: { code: Symbol('c'), message: 1n },
      details: { big: 1n },
    }),
  },
  {
    name: '__proto__ / constructor / prototype keys',
    make: () =>
      JSON.parse(
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},' +
          '"error":{"__proto__":{"polluted":true},"code":"x"},"errors":[{"__proto__":{"polluted":true}}],' +
          '"details":{"__proto__":{"polluted":true}}}',
      ),
  },
  {
    name: 'a getter that changes on every read',
    make: () => {
      let n = 0
      return {
        get code() {
          n++
          return n % 2 ? 7 : { toString: () => thrower('flip') }
        },
        get message() {
          n++
          return n % 2 ? 'ok' : revokedProxy()
        },
      }
    },
  },
  {
    name: '10 MB message full of secret words',
    make: () => ({ code: 1, message: 'password '.repeat(1_200_000), error: { message: 'token='.repeat(1_700_000) } }),
  },
]

/** Places a hostile value in the members of an object, one level down too (`{ error: { code: hostile } }`). */
export function placements(sample: unknown, value: () => unknown): [string, () => unknown][] {
  const out: [string, () => unknown][] = []
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return out
  const s = sample as Record<string, unknown>
  for (const [k, v] of Object.entries(s)) {
    out.push([`.${k}`, () => ({ ...s, [k]: value() })])
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const k2 of Object.keys(v as object)) {
        out.push([`.${k}.${k2}`, () => ({ ...s, [k]: { ...(v as object), [k2]: value() } })])
      }
    }
    if (Array.isArray(v) && v.length > 0) out.push([`.${k}[0]`, () => ({ ...s, [k]: [value(), ...v.slice(1)] })])
  }
  return out
}
