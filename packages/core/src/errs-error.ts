import { MAX_CAUSE_DEPTH, MAX_KEY, redactBoundedText, toPlainData } from './bounds.js'
import { ensureBranded, isBrandedInstance } from './brand.js'
import { hasErrsBrand } from './classify.js'
import { describeThrown, isDelayMs, read, requestIdOf } from './guard.js'
import {
  type ErrorKind,
  isErrorKind,
  isHttpStatus,
  KIND_DEFAULT_RETRYABLE,
  KIND_HTTP_STATUS,
  KIND_TITLE,
} from './kinds.js'
import { writeProblem } from './problem-write.js'
import { redactString } from './redact.js'

/** Everything an ErrsError is made of. Adapters fill it from their code tables. */
export interface ErrsErrorInit {
  /** System that raised the error, lower case: `'fluss'`, `'lance'`, `'fauna'`. */
  system: string
  /** Native code, exactly as the system sent it (number or string). */
  code: number | string
  /** Native symbolic name of the code, e.g. `'TABLE_NOT_EXIST'`. */
  reason: string
  /** Canonical kind. */
  kind: ErrorKind
  /** Human-readable message. Cut to 16 KiB, then redacted, before it is stored. */
  message: string
  /** HTTP status; defaults to the kind's status. */
  status?: number
  /** Whether retrying the same call may succeed; defaults to the kind's default. */
  retryable?: boolean
  /** Short summary of the code (RFC 9457 `title`); defaults to `reason`, and without one to the kind's generic title. */
  title?: string
  /** Structured context, plain data (frozen on the error). */
  details?: Readonly<Record<string, unknown>>
  /** Context only for trusted internal hops: omitted from problems unless asked for. */
  internal?: Readonly<Record<string, unknown>>
  /** Message shown in problems by default when `message` holds internals (e.g. a server stack trace). */
  publicMessage?: string
  /** How long to wait before retrying, when the system said. */
  retryAfterMs?: number
  /** Request id the server assigned, when known. */
  requestId?: string
  /** URI of this occurrence (RFC 9457 `instance`), when known. */
  instance?: string
  /** What caused this error. */
  cause?: unknown
}

const EMPTY: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({})
const INSPECT = Symbol.for('nodejs.util.inspect.custom')
/**
 * Where `hold` keeps an error's `internal` and `publicMessage`: each in a `Kept` box under a registered symbol, read
 * through the prototype's getters (`setUp`). Off `Object.keys`, `for…in`, JSON and structured clone; a spread or
 * `Object.assign` of the error copies the box, whose value is a private field, so that a logged copy (even
 * `util.inspect` with `customInspect: false`) shows the box, not the value. A Proxy of the error passes the read on
 * (the getter's `this` is the proxy, and a symbol is read through it, unlike a private field of the error), and every
 * copy of core reads the same symbols, and a box through the box's own getter. Two errors made alike compare equal by
 * `toEqual` or `deepStrictEqual`, as when both were non-enumerable properties (boxes of one class, no own members).
 * An assignment each, where `Object.defineProperty` of a non-enumerable own property cost ~0.5 µs per error
 * (apps/bench/BENCHMARKS.md, findings: Lance's decode B ÷ A 0.94–0.98 with this form).
 */
const INTERNAL = Symbol.for('@errs/core.internal')
const PUBLIC_MESSAGE = Symbol.for('@errs/core.publicMessage')

/** A kept value (see `INTERNAL`). */
class Kept {
  readonly #value: unknown
  constructor(value: unknown) {
    this.#value = value
  }
  get value(): unknown {
    return this.#value
  }
}

/**
 * Base of every error of `@errs/core` and its adapters. One object offers the native view (its adapter subclass)
 * and this core view.
 *
 * `instanceof ErrsError` and `ErrsError.is(x)` hold for errors made by any copy of `@errs/core`.
 */
export class ErrsError extends Error {
  // `declare` keeps the ES2022 `cause` set by Error's constructor: a field declaration would reset it
  // to undefined after super() (microsoft/TypeScript#35051). The other fields stay declared: V8 sizes the instance
  // for them up front (without the declarations, the properties of this subclass of a builtin land out of object,
  // and construction took twice as long — measured in apps/bench). `hold` assigns them (`!`: not in this body).
  /** The ES2022 `cause`: what this error wraps (a driver's error, a decoded value), when anything. */
  declare readonly cause?: unknown
  /** System that raised the error: `'fluss'`, `'lance'`, `'fauna'`, … */
  readonly system!: string
  /** Native code as the system sent it, never rewritten. */
  readonly code!: number | string
  /** Native symbolic name of the code. */
  readonly reason!: string
  /** Canonical kind, for system-independent branching. */
  readonly kind!: ErrorKind
  /** HTTP status that best represents the error. */
  readonly status!: number
  /** Whether the same call may succeed if retried (the native system's rule wins over the kind's default). */
  readonly retryable!: boolean
  /** Short summary of the code, the same for every occurrence. */
  readonly title!: string
  /**
   * Frozen structured context (positions, bucket ids, request context, …): a shallow copy of what was given, whose
   * `JSON.stringify` and `util.inspect` give the redacted, bounded copy `toProblem` writes.
   */
  readonly details!: Readonly<Record<string, unknown>>
  /** Milliseconds to wait before retrying, when the system said. */
  readonly retryAfterMs!: number | undefined
  /** Server-assigned request id, when known. */
  readonly requestId!: string | undefined
  /** URI of this occurrence, when known. */
  readonly instance!: string | undefined

  // No static block and no computed member key: both are side effects a bundler must keep, which would keep this
  // class (and redaction and the problem writer with it) in every bundle that imports anything from the package.
  // The brand is declared (`errsBrand`, applied on first use); the prototype members that need a symbol key or a
  // property descriptor are installed by `setUp` before the first instance exists.

  /** Brand id (see `brandClass`): instances of every copy of this class answer `instanceof` of every other. */
  static readonly errsBrand: string = 'errs.core.ErrsError'

  /** True when `value` is an instance of this class (or a subclass), made by any copy of the code. */
  static is<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return isBrandedInstance(this, value)
  }

  /** `instanceof` honest across duplicated copies of the package and across realms (each class checks its brand). */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return isBrandedInstance(this, value)
  }

  constructor(init: ErrsErrorInit) {
    super(messageOf(init), init.cause === undefined ? undefined : { cause: keptCause(init.cause) })
    // First instance of this class (or of a class other than the last one made): set up what the class bodies
    // declare instead of doing at load time. One comparison per error otherwise.
    if (new.target !== lastClass) prepare(new.target)
    hold(this, init)
  }

  /** Context for trusted internal hops only (see `toProblem`'s `exposeInternal`). */
  declare readonly internal: Readonly<Record<string, unknown>>
  /** Message shown to untrusted readers when `message` holds internals; `undefined` = `message`. */
  declare readonly publicMessage: string | undefined

  /** The public RFC 9457 problem (redacted; no stack, cause or internals): what `JSON.stringify(err)` writes. */
  toJSON(): Record<string, unknown> {
    return writeProblem(this) as unknown as Record<string, unknown>
  }
}

/** Whether `setUp` has run (once per copy of the module), and the class of the last error made. */
let ready = false
let lastClass: unknown

/** The message an error holding `init` has: `init.message` (any value as its text), cut to its bound, redacted. */
export function messageOf(init: ErrsErrorInit): string {
  return redactBoundedText(typeof init.message === 'string' ? init.message : describeThrown(init.message))
}

/** The init `errorMessage` last worked out a message for, and that message: `takeMessage` takes it once. */
let givenInit: ErrsErrorInit | undefined
let givenMessage = ''

/**
 * The message of the error `init` makes (`init.message` as text, cut to 16 KiB, redacted): what a decoder passes to
 * `new Error(…)` before handing the error to `adoptError`, as `ErrsError`'s constructor passes it to `super`, so that
 * the global `Error` never sees unredacted text. Never throws.
 */
export function errorMessage(init: ErrsErrorInit): string {
  const message = messageOf(init)
  givenInit = init
  givenMessage = message
  return message
}

/** `messageOf(init)`, or the message `errorMessage` just worked out for this very init (not redacted twice). */
export function takeMessage(init: ErrsErrorInit): string {
  if (init !== givenInit) return messageOf(init)
  givenInit = undefined
  return givenMessage
}

/** The fields of an ErrsError, writable: what `hold` assigns. */
type Held = { [INTERNAL]?: { value: unknown }; [PUBLIC_MESSAGE]?: { value: unknown } } & {
  -readonly [K in
    | 'system'
    | 'code'
    | 'reason'
    | 'kind'
    | 'status'
    | 'retryable'
    | 'title'
    | 'details'
    | 'retryAfterMs'
    | 'requestId'
    | 'instance'
    | 'internal'
    | 'publicMessage']: ErrsError[K]
}

/**
 * Stores `init` on `e` (the error being made: by the constructor, or by the kit's `adoptError`), every text cut to
 * its bound and redacted, in the order the class declares its fields; returns `e`. The one place the fields of an
 * ErrsError are worked out, and checked, whoever made the init (a JavaScript caller is not held to the types): a
 * kind that is not one of `ERROR_KINDS` is `unknown`; a status that is not an integer from 100 to 599, or a
 * `retryable` that is not a boolean, is the kind's; a `retryAfterMs` that is not a finite number ≥ 0 is dropped; a
 * request id that could not be sent back in `x-request-id` is dropped (`requestIdOf`).
 */
export function hold<E extends object>(e: E, init: ErrsErrorInit): E {
  const t = e as unknown as Held
  const kind: ErrorKind = isErrorKind(init.kind) ? init.kind : 'unknown'
  t.system = text(init.system, 256)
  t.code = typeof init.code === 'number' && Number.isFinite(init.code) ? init.code : text(init.code, 256)
  t.reason = text(init.reason, 256)
  t.kind = kind
  t.status = isHttpStatus(init.status) ? init.status : KIND_HTTP_STATUS[kind]
  t.retryable = typeof init.retryable === 'boolean' ? init.retryable : KIND_DEFAULT_RETRYABLE[kind]
  // RFC 9457 §3.1.3: a title is a human-readable summary; with neither title nor reason, the kind's.
  t.title = text(init.title ?? (init.reason || KIND_TITLE[kind]))
  t.details = frozenDetails(init.details)
  t.retryAfterMs = isDelayMs(init.retryAfterMs) ? init.retryAfterMs : undefined
  const id = requestIdOf(init.requestId)
  t.requestId = id === undefined ? undefined : text(id, 256)
  t.instance = init.instance === undefined ? undefined : text(init.instance)
  // Through the prototype's setters (`setUp`, done before any error is held): the one rule for keeping them.
  if (init.internal !== undefined) t.internal = init.internal
  if (init.publicMessage !== undefined) t.publicMessage = init.publicMessage
  return e
}

/** Before an instance of `Class` is made: `setUp` once, and the brands `Class` and its parents declare. */
export function prepare(Class: unknown): void {
  if (!ready) setUp()
  // Classes that declare `static errsBrand` instead of a static `brandClass` block are branded on first use.
  ensureBranded(Class)
  lastClass = Class
}

/**
 * Installs what the class body cannot declare without a side effect, before the first instance is made: the
 * `util.inspect` view (a symbol-keyed method) and the non-enumerable accessors of `internal` and `publicMessage`
 * (`INTERNAL`), whose getters give `{}` and `undefined` when an error has none.
 */
function setUp(): void {
  ready = true
  const proto = ErrsError.prototype
  // Internal context and the public message are kept off the enumerable surface; an assignment (a subclass field
  // compiled without `useDefineForClassFields`, `Object.assign(err, …)`) keeps the value as `hold` does.
  Object.defineProperty(proto, 'internal', {
    get(this: Held) {
      return this[INTERNAL]?.value ?? EMPTY
    },
    set(this: Held, value: unknown) {
      const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
      this[INTERNAL] = new Kept(frozenCopy(record))
    },
    configurable: true,
  })
  Object.defineProperty(proto, 'publicMessage', {
    get(this: Held) {
      return this[PUBLIC_MESSAGE]?.value
    },
    set(this: Held, value: unknown) {
      // As every text field: `String(…)` of an object runs its code (a revoked Proxy, a throwing `toString` throw).
      this[PUBLIC_MESSAGE] = value === undefined ? undefined : new Kept(text(value))
    },
    configurable: true,
  })
  Object.defineProperty(proto, INSPECT, { value: inspectErrsError, writable: true, configurable: true })
}

/** `util.inspect` / `console.log` view: the stack plus the core fields, every secret redacted. Never throws. */
function inspectErrsError(
  this: ErrsError,
  _depth: number,
  options: object,
  inspect?: (v: unknown, o?: object) => string,
): string {
  try {
    const view = inspectView(this)
    const body = inspect ? inspect(view, options) : JSON.stringify(view)
    return `${redactBoundedText(this.stack ?? `${this.name}: ${this.message}`)} ${body}`
  } catch {
    return `${this.name}: ${this.message}`
  }
}

/**
 * Every text field is cut to its bound, then redacted, when the error is made: a secret that arrives in a code, a
 * request id or an instance (from a header, another service's problem) never reaches any output.
 */
function text(value: unknown, max?: number): string {
  const s =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
  return redactBoundedText(s, max)
}

/**
 * The `cause` an error keeps: the value itself, unless it is error-like (an object with a string `message`, as
 * loggers take it) and shows what no output may show: a message that redaction changes (a foreign error quoting
 * `Authorization: Bearer …` or a registered secret) or that is longer than its bound (16 KiB), or a cause of its own
 * replaced so (at most `MAX_CAUSE_DEPTH` deep), or a stack that redaction changes (it holds the message as it was when
 * the stack was first read, or whatever was assigned to it; a stack that is long or no string is no reason). Then a plain `Error`
 * stands in for it: the same name (when redaction leaves it as it is), the message and stack cut and redacted, its
 * cause kept the same way. (Judging the stack reads it, which makes V8 format a stack not read before: 10–20 µs for
 * ten frames on the bench machine, paid by an error a foreign error is wrapped in; a logger reads it anyway.) Loggers
 * write a
 * cause chain as they find it (pino's `err` serializer appends each cause's message and stack; Sentry sends linked
 * errors), so they then show no secret. Errors of any copy of this package are kept as they are (their texts are
 * redacted when made). Never throws.
 */
export function keptCause(cause: unknown, depth = 0): unknown {
  if (typeof cause !== 'object' || cause === null || hasErrsBrand(cause)) return cause
  const message = read(cause, 'message')
  if (typeof message !== 'string') return cause
  const shownMessage = redactBoundedText(message)
  const inner = read(cause, 'cause')
  // Past `MAX_CAUSE_DEPTH` (a long or cyclic chain) the rest is kept as it is, unjudged.
  const keptInner = depth < MAX_CAUSE_DEPTH ? keptCause(inner, depth + 1) : inner
  // The stack is judged too: loggers write it, and it holds the message as it was when the stack was first read (a
  // library that scrubs `message` afterwards leaves it there), or whatever was assigned to it.
  const stack = read(cause, 'stack')
  if (shownMessage === message && keptInner === inner && !stackShowsSecret(stack)) return cause
  const shownStack = typeof stack === 'string' ? redactBoundedText(stack) : undefined
  const standIn = new Error(shownMessage)
  const name = read(cause, 'name')
  const own = { writable: true, enumerable: false, configurable: true }
  if (typeof name === 'string' && redactBoundedText(name, MAX_KEY) === name) {
    Object.defineProperty(standIn, 'name', { ...own, value: name })
  }
  Object.defineProperty(standIn, 'stack', { ...own, value: shownStack ?? `${standIn.name}: ${shownMessage}` })
  if (keptInner !== undefined) Object.defineProperty(standIn, 'cause', { ...own, value: keptInner })
  return standIn
}

/**
 * True when `stack` is a string that redaction changes (judged whole, not cut: a long stack is no secret, and
 * `redactString` is linear).
 */
function stackShowsSecret(stack: unknown): boolean {
  return typeof stack === 'string' && redactString(stack) !== stack
}

/** A frozen shallow copy of a record (the record itself when already frozen); never throws. */
function frozenCopy(value: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  if (value === undefined) return EMPTY
  try {
    return Object.isFrozen(value) ? value : Object.freeze({ ...value })
  } catch {
    return EMPTY
  }
}

function inspectView(err: ErrsError): Record<string, unknown> {
  const view: Record<string, unknown> = {
    system: err.system,
    code: err.code,
    reason: err.reason,
    kind: err.kind,
    status: err.status,
    retryable: err.retryable,
  }
  if (err.retryAfterMs !== undefined) view.retryAfterMs = err.retryAfterMs
  if (err.requestId !== undefined) view.requestId = err.requestId
  if (err.instance !== undefined) view.instance = redactBoundedText(err.instance)
  if (Object.keys(err.details).length > 0) view.details = toPlainData(err.details, { redact: true })
  if (Object.keys(err.internal).length > 0) view.internal = toPlainData(err.internal, { redact: true })
  if (err.cause !== undefined) view.cause = toPlainData(err.cause, { redact: true })
  return view
}

/** The prototype of every `details` record (see `detailsRecord`); made on first use. */
let detailsProto: object | undefined

function redactedDetails(this: unknown): unknown {
  return toPlainData(this, { redact: true })
}

function inspectDetails(this: unknown, _depth: number, options: object, inspect?: (v: unknown, o?: object) => string) {
  const view = toPlainData(this, { redact: true })
  return inspect ? inspect(view, options) : JSON.stringify(view)
}

/**
 * A new, empty, extensible record to build an error's `details` in (then `Object.freeze` it: `hold` keeps it as it
 * is). `details` is an enumerable field, which structured loggers write as they find it (pino's `err` serializer
 * copies every enumerable member, then `JSON.stringify`s the record): the record's `JSON.stringify` and
 * `util.inspect` give the redacted, bounded copy `toProblem` writes, whatever it holds.
 */
export function detailsRecord(): Record<string, unknown> {
  detailsProto ??= Object.create(Object.prototype, {
    toJSON: { value: redactedDetails },
    [INSPECT]: { value: inspectDetails },
  }) as object
  return Object.create(detailsProto) as Record<string, unknown>
}

/**
 * The `details` an error keeps: `value` itself when it is a frozen `detailsRecord`, else a frozen copy in one (own
 * enumerable members; one named `toJSON` is not kept, it would decide the record's JSON; an own `__proto__` member
 * is copied as a member). `EMPTY` for `undefined` or a value that cannot be read. Never throws.
 */
export function frozenDetails(value: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  if (value === undefined) return EMPTY
  try {
    const copy = detailsRecord()
    if (Object.getPrototypeOf(value) === detailsProto && Object.isFrozen(value)) return value
    for (const key of Object.keys(value)) {
      if (key === 'toJSON') continue
      const member = value[key]
      if (key === '__proto__') {
        Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true })
      } else copy[key] = member
    }
    return Object.freeze(copy)
  } catch {
    return EMPTY
  }
}
