import fc from 'fast-check'
import { addSecret, type ErrsError, toProblem, toResponse } from '../../src/index.js'
import { checkPrototypes, outputsOf } from './attack-r29.js'

// Shared by the round-30 exit attacks (`attack-r30-exits.test.ts` of each package): thrown values shaped as the real
// clients throw them, carrying canaries for secrets (no output may show them, trusted ones included) and for internals
// (no public output may show them; the trusted problem keeps them, so that a check can fail both ways).

/** A literal registered with `addSecret` (by `registerR30Secret`): hidden wherever it appears. */
export const REGISTERED = 'S3cr3tREGzq77'

/** Registers `REGISTERED` (idempotent). */
export function registerR30Secret(): void {
  addSecret(REGISTERED)
}

/** Secret fragments: each in a shape the README promises to redact, each holding a mark of `SECRET_MARKS`. */
export const SECRET_BITS = [
  `key ${REGISTERED} used`,
  'password=PWzq1x',
  'Authorization: Bearer BRzqTOKEN1',
  'Bearer BRzqTOKEN2',
  'https://admin:PWzq3x@db.example.com/x',
  '"password":"PWzq4x"',
] as const
export const SECRET_MARKS = [REGISTERED, 'PWzq', 'BRzq'] as const

/** Internals, each in a shape `scrubInternals` promises to remove, each holding a mark of `INTERNAL_MARKS`. */
export const INTERNAL_BITS = [
  'connect to db-7.internal.example:5432 refused',
  'host db-7.internal.example is down',
  'peer 10.1.2.3:9123 closed',
  'reading /srv/app/conf/core-site.xml failed',
  'see https://db-7.internal.example/admin',
  '\n    at Object.<anonymous> (/srv/app/lib/zqframe.js:1:2)',
] as const
export const INTERNAL_MARKS = ['db-7.internal', '10.1.2.3', '/srv/app', 'zqframe'] as const

/** The mark of a foreign error's own message: public outputs of a value no adapter describes never show it. */
export const FOREIGN_MARK = 'FOREIGNzq'

/** Text with every kind of canary spliced into random text. */
export const exitText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 2, arbitrary: fc.constantFrom(...SECRET_BITS) },
        { weight: 2, arbitrary: fc.constantFrom(...INTERNAL_BITS) },
      ),
      { maxLength: 5 },
    ),
    fc.constantFrom(' ', '; ', ', '),
  )
  .map(([parts, sep]) => `${FOREIGN_MARK} ${parts.join(sep)}`)

/** Statuses, codes and names a thrown value may carry (Node's, fetch's, HTTP clients'). */
export const THROWN_STATUSES = [undefined, 400, 401, 403, 404, 409, 429, 500, 503, '404', Number.NaN] as const
export const THROWN_CODES = [
  undefined,
  'ECONNREFUSED',
  'ETIMEDOUT',
  'GenericFailure',
  'ERR_X',
  7,
  404,
  REGISTERED,
  '10.1.2.3:9123',
  'db-7.internal.example',
] as const
export const THROWN_NAMES = [
  undefined,
  'Error',
  'TypeError',
  'AbortError',
  'TimeoutError',
  'RangeError',
  REGISTERED,
  '10.1.2.3',
  'db-7.internal.example',
  'Bearer BRzqTOKEN5',
] as const

/** How a thrown value is built around a text: the shape, then its decorations. */
export interface ThrownSpec {
  text: string
  shape: 'error' | 'aggregate' | 'plain' | 'string' | 'proxy' | 'getters' | 'traps'
  status: (typeof THROWN_STATUSES)[number]
  code: (typeof THROWN_CODES)[number]
  name: (typeof THROWN_NAMES)[number]
  causeDepth: number
  cyclic: boolean
  stackText: boolean
  extra: boolean
}

export const thrownSpecs: fc.Arbitrary<ThrownSpec> = fc.record({
  text: exitText,
  shape: fc.constantFrom('error', 'aggregate', 'plain', 'string', 'proxy', 'getters', 'traps'),
  status: fc.constantFrom(...THROWN_STATUSES),
  code: fc.constantFrom(...THROWN_CODES),
  name: fc.constantFrom(...THROWN_NAMES),
  causeDepth: fc.nat({ max: 12 }),
  cyclic: fc.boolean(),
  stackText: fc.boolean(),
  extra: fc.boolean(),
})

function define(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true })
}

/** A trap object: `Symbol.toPrimitive`, `toString` and `toJSON` give tainted text, `valueOf` throws. */
function trapped(text: string): object {
  return {
    [Symbol.toPrimitive]: () => text,
    toString: () => text,
    toJSON: () => ({ message: text, password: 'PWzq9x' }),
    valueOf() {
      throw new Error(text)
    },
  }
}

/** The thrown value a spec describes (made inside a property: fast-check would trip over proxies and getters). */
export function thrownOf(s: ThrownSpec): unknown {
  if (s.shape === 'string') return s.text
  let value: Record<string, unknown>
  if (s.shape === 'plain') value = { message: s.text }
  else if (s.shape === 'aggregate')
    value = new AggregateError(
      [new Error(s.text), Object.assign(new Error(`inner ${s.text}`), { password: 'PWzq5x' })],
      s.text,
    ) as never
  else value = new Error(s.text) as never
  if (s.name !== undefined) define(value, 'name', s.name)
  if (s.status !== undefined) define(value, 'status', s.status)
  if (s.code !== undefined) define(value, 'code', s.code)
  if (s.stackText) define(value, 'stack', `Error: ${s.text}\n    at run (/srv/app/lib/zqframe.js:10:5)\n${s.text}`)
  if (s.extra) {
    define(value, 'password', 'PWzq6x')
    define(value, 'host', 'db-7.internal.example:5432')
    define(value, 'headers', { authorization: 'Bearer BRzqTOKEN3', 'x-forwarded-for': '10.1.2.3' })
    define(value, 'config', { url: 'https://admin:PWzq7x@db-7.internal.example:8443/q', path: '/srv/app/conf/x.xml' })
  }
  // A cause chain: each link an error carrying the text; the last one points back to the first when cyclic.
  let link: Record<string, unknown> = value
  for (let i = 0; i < s.causeDepth; i++) {
    const next = new Error(`cause ${i} ${s.text}`) as unknown as Record<string, unknown>
    define(link, 'cause', next)
    link = next
  }
  if (s.cyclic) define(link, 'cause', value)
  if (s.shape === 'getters') {
    for (const k of ['stack', 'message', 'status', 'code', 'cause', 'name', 'errors']) {
      Object.defineProperty(value, k, {
        enumerable: true,
        configurable: true,
        get() {
          throw new Error(`getter ${k} ${s.text}`)
        },
      })
    }
  }
  if (s.shape === 'traps') {
    define(value, 'message', trapped(s.text))
    define(value, 'code', trapped(s.text))
    define(value, 'status', trapped(s.text))
    define(value, 'toJSON', () => ({ leaked: s.text }))
  }
  if (s.shape === 'proxy') {
    const target = value
    return new Proxy(target, {
      get(t, k, r) {
        if (k === 'message') return s.text
        if (k === 'stack') return `Error: ${s.text}\n    at z (/srv/app/lib/zqframe.js:1:1)`
        return Reflect.get(t, k, r)
      },
      getPrototypeOf: () => Error.prototype,
      ownKeys: (t) => [...Reflect.ownKeys(t), 'password'],
      getOwnPropertyDescriptor(t, k) {
        if (k === 'password') return { value: 'PWzq8x', enumerable: true, configurable: true }
        return Reflect.getOwnPropertyDescriptor(t, k)
      },
    })
  }
  return value
}

/** Where a mark was found, or undefined. */
function find(text: string, marks: readonly string[]): string | undefined {
  return marks.find((m) => text.includes(m))
}

export interface ExitCheck {
  /** The value was no adapter's: its own message is foreign, and no public output may show it. */
  foreign?: boolean
  /** The trusted problem must keep this text (an internal the thrown value carried), when given. */
  trustedKeeps?: string
}

/**
 * Every exit of an error: no secret in any output (`outputsOf`, the public and trusted Response bodies); no internal
 * (and, for a foreign value, no foreign message) in the public ones; the trusted problem keeps `trustedKeeps`;
 * the prototypes untouched.
 */
export async function checkExits(e: ErrsError, check: ExitCheck = {}): Promise<void> {
  const outputs = outputsOf(e)
  outputs.push(['response body', await toResponse(e).text(), true])
  outputs.push(['trusted response body', await toResponse(e, { exposeInternal: true }).text(), false])
  // The request id too: since round 31 one that shows an internal is left out of the public form.
  for (const [where, text, pub] of outputs) {
    const secret = find(text, SECRET_MARKS)
    if (secret !== undefined) throw new Error(`secret ${secret} in ${where}: ${text.slice(0, 2000)}`)
    if (!pub) continue
    const internal = find(text, INTERNAL_MARKS)
    if (internal !== undefined) throw new Error(`internal ${internal} in ${where}: ${text.slice(0, 2000)}`)
    if (check.foreign === true && text.includes(FOREIGN_MARK))
      throw new Error(`foreign message in ${where}: ${text.slice(0, 2000)}`)
  }
  if (check.trustedKeeps !== undefined) {
    const trusted = JSON.stringify(toProblem(e, { exposeInternal: true }))
    if (!trusted.includes(check.trustedKeeps))
      throw new Error(`the trusted problem lost ${check.trustedKeeps}: ${trusted.slice(0, 2000)}`)
  }
  checkPrototypes()
}

/** The first internal mark a text shows (what the trusted form must keep), if any. */
export function internalIn(text: string): string | undefined {
  return find(text, INTERNAL_MARKS)
}

/**
 * A text a public exit writes (an adapter's own wire form: Lance's `ErrorResponse`, a Fluss gateway's body): no secret;
 * unless `trusted`, no internal, and for a foreign value no foreign message.
 */
export function checkText(where: string, text: string, options: { trusted?: boolean; foreign?: boolean } = {}): void {
  const secret = find(text, SECRET_MARKS)
  if (secret !== undefined) throw new Error(`secret ${secret} in ${where}: ${text.slice(0, 2000)}`)
  if (options.trusted === true) return
  const internal = find(text, INTERNAL_MARKS)
  if (internal !== undefined) throw new Error(`internal ${internal} in ${where}: ${text.slice(0, 2000)}`)
  if (options.foreign === true && text.includes(FOREIGN_MARK))
    throw new Error(`foreign message in ${where}: ${text.slice(0, 2000)}`)
}
