import {
  type Adapter,
  adaptersOf,
  type CodeInfo,
  codeIndex,
  type ErrsErrorClass,
  type ErrsOptions,
  withOccurrence,
} from './adapter.js'
import { MAX_CAUSE_DEPTH, rawPreview, toPlainData, truncate } from './bounds.js'
import { BRAND_ID, ensureBranded } from './brand.js'
import {
  ErrsError,
  type ErrsErrorInit,
  errorMessage,
  frozenDetails,
  hold,
  keptCause,
  prepare,
  takeMessage,
} from './errs-error.js'
import { isDelayMs, isRecord, ownMembers, requestIdOf } from './guard.js'
import { jsonTooDeep, MAX_BODY_TEXT, MAX_JSON_DEPTH } from './http.js'
import { type ErrorKind, HTTP_RETRY_AFTER_STATUSES, isErrorKind, statusFacts } from './kinds.js'
import { type Problem, type ToProblemOptions, tokenOr, writeProblem } from './problem-write.js'
import { redactString } from './redact.js'

export type { Problem, ToProblemOptions } from './problem-write.js'

/** A problem read from untrusted input: every member type-checked and bounded, wrong-typed members dropped. */
export type ProblemData = Partial<Omit<Problem, 'cause'>> & {
  /** The problem type URI (`about:blank` when the input had none). */
  type: string
  /** The cause problem (trusted form), read the same way. */
  cause?: ProblemData
}

/**
 * The RFC 9457 wire form of any thrown value (non-ErrsErrors are classified first). Public by default: redacted,
 * no cause, stack, internal context, foreign message, host, address or path — an unexpected error (foreign,
 * `unknown`/`internal`, 5xx) says only its kind's generic title. `exposeInternal: true` gives the trusted form.
 * Never throws.
 */
export function toProblem(err: unknown, options?: ToProblemOptions): Problem {
  return writeProblem(err, options)
}

/** Options of `fromProblem` and `fromResponse`. */
export interface FromProblemOptions {
  /** Adapters able to rebuild their native classes; others come back as plain ErrsErrors. */
  adapters?: readonly Adapter[]
}

/**
 * Rebuilds an error from a problem (object or JSON text, at most 1 MiB; a text of 64 KiB or more nested at most
 * `MAX_JSON_DEPTH` deep) sent by another service: the native class of the problem's `name` when an adapter of its
 * `system` is given, else a plain ErrsError. Never throws: unreadable input becomes an ErrsError (`system: 'errs'`,
 * reason `MALFORMED_PROBLEM`) keeping the raw payload, cut and redacted.
 */
export function fromProblem(input: unknown, options?: FromProblemOptions): ErrsError {
  let value = input
  if (typeof input === 'string') {
    if (input.length > MAX_BODY_TEXT) return malformed(`problem text longer than ${MAX_BODY_TEXT} chars`, input)
    if (jsonTooDeep(input)) return malformed(`problem text nests deeper than ${MAX_JSON_DEPTH} levels`, input)
    try {
      value = JSON.parse(input)
    } catch {
      return malformed('problem is not valid JSON', input)
    }
  }
  // `readProblem` and `rebuild` called here, not through `fromProblemValue`: every frame between the caller and
  // the constructor is a frame of the caller's own code the 10-frame stack loses, and V8 walks each one.
  const data = readProblem(value, 0)
  return data ? rebuild(data, adaptersOf(options)) : malformed('problem is not a JSON object', input)
}

/**
 * The error a parsed problem describes, `undefined` when `value` is not a problem object. `fill` supplies what
 * the carrier said (a `Retry-After` or `x-request-id` header) when the problem itself does not.
 */
export function fromProblemValue(
  value: unknown,
  adapters: readonly Adapter[],
  fill: { requestId?: string; retryAfterMs?: number } = {},
): ErrsError | undefined {
  const data = readProblem(value, 0)
  if (!data) return undefined
  if (data.requestId === undefined && fill.requestId !== undefined) data.requestId = fill.requestId
  if (data.retryAfterMs === undefined && fill.retryAfterMs !== undefined) data.retryAfterMs = fill.retryAfterMs
  return rebuild(data, adapters)
}

function malformed(message: string, raw: unknown): ErrsError {
  return new ErrsError({
    system: 'errs',
    code: 'MALFORMED_PROBLEM',
    reason: 'MALFORMED_PROBLEM',
    kind: 'unknown',
    message: `Cannot read problem+json: ${message}`,
    details: { raw: rawPreview(raw) },
  })
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? truncate(v) : undefined)

/** The members of a problem object that `readProblem` reads. */
interface Members {
  type: unknown
  title: unknown
  status: unknown
  detail: unknown
  publicMessage: unknown
  instance: unknown
  system: unknown
  code: unknown
  reason: unknown
  kind: unknown
  retryable: unknown
  retryAfterMs: unknown
  requestId: unknown
  name: unknown
  details: unknown
  stack: unknown
  internal: unknown
  cause: unknown
}

/** The members a problem may have, each `undefined` until read (the template of `ownMembers`). */
const MEMBERS: Members = {
  type: undefined,
  title: undefined,
  status: undefined,
  detail: undefined,
  publicMessage: undefined,
  instance: undefined,
  system: undefined,
  code: undefined,
  reason: undefined,
  kind: undefined,
  retryable: undefined,
  retryAfterMs: undefined,
  requestId: undefined,
  name: undefined,
  details: undefined,
  stack: undefined,
  internal: undefined,
  cause: undefined,
}

/** A problem type naming its system and reason: `urn:errs:fluss:TABLE_NOT_EXIST`. */
const URN = /^urn:errs:([A-Za-z0-9_.-]{1,128}):([A-Za-z0-9_.-]{1,128})$/

/** Reads a problem object member by member; wrong-typed members are ignored (RFC 9457 §3.1). Never throws. */
function readProblem(value: unknown, depth: number): ProblemData | undefined {
  if (!isRecord(value)) return undefined
  // Own data only, each member read once: a hostile object's getters or prototype never reach us twice.
  const o = ownMembers(value, MEMBERS)
  const type = str(o.type) ?? 'about:blank'
  const data: ProblemData = { type }
  // Identifiers are tokens, never free text: a title like 'auth failed with Authorization: Bearer T' is no reason.
  // The type's URN names them when the members do not.
  let system = tokenOr(o.system, '')
  let reason = tokenOr(o.reason, '')
  if (system === '' || reason === '') {
    const urn = URN.exec(type)
    if (urn) {
      if (system === '') system = urn[1] as string
      if (reason === '') reason = urn[2] as string
    }
  }
  const title = str(o.title)
  if (title !== undefined) data.title = title
  if (typeof o.status === 'number' && Number.isInteger(o.status) && o.status >= 400 && o.status <= 599) {
    data.status = o.status
  }
  const detail = str(o.detail)
  if (detail !== undefined) data.detail = detail
  const publicMessage = str(o.publicMessage)
  if (publicMessage !== undefined) data.publicMessage = publicMessage
  const instance = str(o.instance)
  if (instance !== undefined) data.instance = instance
  if (system !== '') data.system = system
  if (typeof o.code === 'number' && Number.isFinite(o.code)) data.code = o.code
  // Redacted here, not only when the error holds it: an adapter's constructor may keep a code it does not know in
  // `details` (Fluss's `requestedCode`, Lance's `invalidCode`), which structured loggers write as it is.
  else if (typeof o.code === 'string' && o.code.length <= 256) data.code = redactString(o.code)
  if (reason !== '') data.reason = reason
  if (isErrorKind(o.kind)) data.kind = o.kind
  if (typeof o.retryable === 'boolean') data.retryable = o.retryable
  if (isDelayMs(o.retryAfterMs)) data.retryAfterMs = o.retryAfterMs
  // Only an id that could be echoed in `x-request-id` (`requestIdOf`): a bad one leaves room for the header's.
  const requestId = requestIdOf(o.requestId)
  if (requestId !== undefined) data.requestId = requestId
  const name = tokenOr(o.name, '')
  if (name !== '') data.name = name
  if (isRecord(o.details)) data.details = toPlainData(o.details, { redact: true }) as Record<string, unknown>
  const stack = str(o.stack)
  if (stack !== undefined) data.stack = stack
  if (isRecord(o.internal)) data.internal = toPlainData(o.internal, { redact: true }) as Record<string, unknown>
  if (depth + 1 < MAX_CAUSE_DEPTH) {
    const cause = readProblem(o.cause, depth + 1)
    if (cause) data.cause = cause
  }
  return data
}

/** The core fields a problem describes, with defaults for what it left out. */
function problemToInit(data: ProblemData, cause?: unknown): ErrsErrorInit {
  // A problem without `kind` (another server's RFC 9457 reply) is described by its status alone: core's one decision
  // (`statusFacts`) gives its kind and, unless the problem says, its retry rule.
  const bare =
    data.kind === undefined
      ? statusFacts(data.status, data.retryAfterMs === undefined ? undefined : HTTP_RETRY_AFTER_STATUSES)
      : undefined
  const kind: ErrorKind = data.kind ?? (bare as { kind: ErrorKind }).kind
  const init: ErrsErrorInit = {
    system: data.system ?? 'problem',
    code: data.code ?? data.status ?? data.reason ?? 'UNKNOWN',
    reason: data.reason ?? 'UNKNOWN',
    kind,
    message: data.detail ?? data.title ?? data.reason ?? 'Unknown error',
  }
  if (data.status !== undefined) init.status = data.status
  if (data.retryable !== undefined) init.retryable = data.retryable
  else if (bare !== undefined) init.retryable = bare.retryable
  if (data.title !== undefined) init.title = data.title
  // A fresh copy nothing else holds, made a details record (its JSON redacted) once, here.
  if (data.details !== undefined) init.details = frozenDetails(data.details)
  if (data.retryAfterMs !== undefined) init.retryAfterMs = data.retryAfterMs
  if (data.requestId !== undefined) init.requestId = data.requestId
  if (data.instance !== undefined) init.instance = data.instance
  if (data.publicMessage !== undefined) init.publicMessage = data.publicMessage
  if (data.internal !== undefined || data.stack !== undefined) {
    init.internal = Object.freeze({
      ...data.internal,
      ...(data.stack !== undefined ? { remoteStack: data.stack } : {}),
    })
  }
  if (cause !== undefined) init.cause = cause
  return init
}

/** Identifier-safe class names only. */
const CLASS_NAME = /^[A-Za-z_$][\w$]{0,63}$/

/**
 * An instance of `Class` holding exactly `init`, made without running `Class`'s own constructor: native fields
 * are getters over the core fields and `details`, so nothing else is needed. `name` is set as an own property
 * when it differs from the class's (faunadb's `FaunaHTTPError('UnknownError')`).
 */
export function rebuildAs<E extends ErrsError>(Class: ErrsErrorClass<E>, init: ErrsErrorInit, name?: string): E {
  // `made`, written out: one frame fewer in the stack.
  return named(adoptError(Class, new Error(errorMessage(init)), init), name)
}

/**
 * The error of class `Class` holding `init` (`adoptError`), named `name`. (`rebuildAs` and `rebuild` write this
 * expression out instead of calling it: one frame fewer in the stack.)
 */
function made(Class: ErrsErrorClass, init: ErrsErrorInit, name: string | undefined): ErrsError {
  return named(adoptError(Class, new Error(errorMessage(init)), init), name)
}

/** `e`, with `name` as an own property when it is an identifier other than the class's. */
function named<E extends ErrsError>(e: E, name: string | undefined): E {
  // A name redaction would change (a registered secret, a token's shape) is not used: `String(err)`, the stack and
  // every output show it.
  if (name !== undefined && e.name !== name && CLASS_NAME.test(name) && redactString(name) === name) {
    Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false })
  }
  return e
}

/** The `ErrsError` of each prototype `errsBaseOf` was asked about. */
const BASES = /* @__PURE__ */ new WeakMap<object, typeof ErrsError>()

/**
 * The `ErrsError` class `proto`'s chain leads to: that of the copy of core the class was built on, whose
 * constructor sets up that copy (the prototype defaults of `internal` and `publicMessage`, the inspect view) as the
 * class's own constructor would; this copy's when the chain has none. Never throws.
 */
function errsBaseOf(proto: object): typeof ErrsError {
  let Base = BASES.get(proto)
  if (Base !== undefined) return Base
  Base = ErrsError
  try {
    for (let p: object | null = proto, n = 0; p !== null && n < 64; p = Object.getPrototypeOf(p), n++) {
      const c: unknown = Object.getOwnPropertyDescriptor(p, 'constructor')?.value
      if (typeof c === 'function' && Object.getOwnPropertyDescriptor(c, BRAND_ID)?.value === ErrsError.errsBrand) {
        Base = c as typeof ErrsError
        break
      }
    }
  } catch {
    // A prototype that refuses inspection (a hostile proxy): this copy's.
  }
  BASES.set(proto, Base)
  return Base
}

/** V8's and JavaScriptCore's `Error.captureStackTrace` (Node, Deno, Bun, Chromium, Safari); undefined elsewhere. */
type CaptureStackTrace = (target: object, entry?: (...args: never[]) => unknown) => void

/**
 * Restarts the stack of `error`, an error the library has just made, at the call of `entry`, the public function the
 * caller called: the frames of `entry` and of every function it called are left out (`Error.captureStackTrace(error,
 * entry)`, as the drivers' own constructors start their stacks: fauna-js 2.5.0 `src/errors.ts`), so that Node's
 * default of 10 frames (`Error.stackTraceLimit`) shows the caller's. For a path that makes its error several calls
 * down (`normalize` of a driver's error, a decoder's unreadable reply); the hot paths make a plain `Error` in the public
 * function instead (`adoptError`), which captures the stack once. Costs a second capture; a runtime without
 * `Error.captureStackTrace` (Firefox) keeps the stack as it was, as does an error that refuses it (frozen). Returns
 * `error`. Never throws.
 */
export function restartStack<E extends object>(error: E, entry: (...args: never[]) => unknown): E {
  try {
    ;(Error as unknown as { captureStackTrace?: CaptureStackTrace }).captureStackTrace?.(error, entry)
  } catch {
    // Frozen or a proxy that refuses: the stack it had.
  }
  return error
}

/**
 * The class `adoptError` was last given, its prototype, and whether it is built on this copy's `ErrsError`. (No
 * initial value read from a class: a module-level read is a side effect that keeps the class in every bundle.)
 */
let adoptedClass: unknown
let adoptedProto: object | undefined
let adoptedOwn = false

/**
 * `error` — a plain `Error` the caller has just made with `new Error()`, so that its stack is captured once and
 * starts at the caller — made the instance of `Class` holding exactly `init`: the same object `new Class(…)`
 * passing `init` up makes (message and every field worked out by the one code the constructor runs, `cause` an own
 * non-enumerable property as `Error` makes it), without running a constructor. For a decoder that works out
 * `Class`'s init itself, on the conditions of `nativePrototype` (no class fields, no `#private` state).
 *
 * Why: V8 captures the stack of an error whose class extends `Error` with more work than that of `new Error` itself
 * (it walks the derived constructor's frame to find where to start): ~0.5 µs more per error under a full stack
 * (apps/bench, the least decoder and §2), while setting the prototype of a plain `Error` costs what
 * `Object.setPrototypeOf(new ErrsError(init), nativePrototype(Class))` already paid.
 *
 * A `Class` built on another copy of `@errs/core`, or an `error` that is not a plain `Error` of this realm, is made
 * by the constructor instead (`Object.setPrototypeOf(new ErrsError(init), …)` of the class's own copy: the same
 * fields, and a stack that starts one frame deeper), as is an `Error` this function cannot make its own (frozen, a
 * `message` getter, a proxy that refuses). Returns the error; throws only what a hostile `Class` (or `init`) throws.
 *
 * Make `error` with `new Error(errorMessage(init))`: the message `init` gives, cut and redacted, as the constructor
 * passes it to `super` (this function then takes it as it is instead of redacting it again). `new Error(init.message)`
 * would hand the unredacted text to whatever the global `Error` is (a stack-rewriting wrapper such as zone.js's
 * formats, and keeps, the stack — message included — as soon as it is made) and convert a non-string with its
 * `toString`. An `error` made otherwise (`new Error()`) gets the message defined here.
 *
 * @example
 * return adoptError(TableNotFoundError, new Error(errorMessage(init)), init)
 */
export function adoptError<E extends ErrsError>(Class: ErrsErrorClass<E>, error: Error, init: ErrsErrorInit): E {
  // First, on every path: the hand-over of `errorMessage` then never keeps `init` (and its cause) alive.
  const message = takeMessage(init)
  if (Class !== adoptedClass) {
    const proto = nativePrototype(Class)
    adoptedOwn = errsBaseOf(proto) === ErrsError
    adoptedProto = proto
    adoptedClass = Class
    if (adoptedOwn) prepare(Class)
  }
  const proto = adoptedProto as object
  if (adoptedOwn && isPlainError(error)) {
    try {
      if (!Object.hasOwn(error, 'message') || error.message !== message) {
        Object.defineProperty(error, 'message', {
          value: message,
          writable: true,
          enumerable: false,
          configurable: true,
        })
      }
      if (init.cause !== undefined) {
        Object.defineProperty(error, 'cause', {
          value: keptCause(init.cause),
          writable: true,
          enumerable: false,
          configurable: true,
        })
      }
      return hold(Object.setPrototypeOf(error, proto) as E, init)
    } catch {
      // An Error that refuses to be made this one (frozen, a getter, a proxy): made by the constructor below.
    }
  }
  return Object.setPrototypeOf(new (errsBaseOf(proto))(init), proto) as E
}

/** Whether `value` is a plain `Error` of this realm (its prototype `Error.prototype`); never throws. */
function isPlainError(value: unknown): value is Error {
  try {
    return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Error.prototype
  } catch {
    return false
  }
}

/**
 * The prototype that makes an `ErrsError` an instance of `Class` without running `Class`'s constructor:
 * `Object.setPrototypeOf(new ErrsError(init), nativePrototype(Class))` is the instance of `Class` holding exactly
 * `init`, the brands `Class` and its parents declare applied first, as `Class`'s own first instance would have done.
 * For a rebuild (`init` comes from a problem, not from `Class`'s arguments), and for a decoder that works out
 * `Class`'s init itself: V8 walks every constructor frame up to `new.target` when it captures a stack (each costs about
 * as much as a frame it keeps), so made this way an error of a class three deep skips two of them; the stack starts at
 * the function that says `new`, captured once. (`Reflect.construct(ErrsError, [init], Class)` has no stack frames at
 * all: `Class` never runs, so V8 skips every frame looking for it.)
 *
 * Only for a class whose constructors do nothing but work out the init they pass up (no class fields, no `#private`
 * state: those only a constructor can add), and with the `ErrsError` the class is built on (the same import of
 * `@errs/core` as the class's module: another copy's constructor would leave the class's copy unset-up; `rebuildAs`
 * finds the class's own). The prototype is `Class.prototype`, read after branding. A decoder does better with
 * `adoptError`, which gives a plain `Error` this prototype: its stack is captured without walking even
 * `ErrsError`'s constructor frame.
 */
export function nativePrototype(Class: ErrsErrorClass): object {
  ensureBranded(Class)
  return Class.prototype
}

function own<T>(table: Readonly<Record<string, T>> | undefined, key: string | undefined): T | undefined {
  return table !== undefined && key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined
}

/** The kit's `codeIndex` of each frozen code table, built once per table. */
const INDEXES = /* @__PURE__ */ new WeakMap<readonly CodeInfo[], ReturnType<typeof codeIndex>>()

/**
 * The row a rebuilt problem's code names: the first row of `codes` with code `code` (compared with `===`) and
 * variant `variant`, else the first with that code when it has no variant or none is asked for. A frozen table
 * (every row frozen too) is looked up through its `codeIndex`, built once; a table that can change is scanned each
 * time, as is the rare table where the first row of a code has another variant than the one asked for.
 */
function findRow(codes: readonly CodeInfo[], code: unknown, variant: unknown): CodeInfo | undefined {
  let index = INDEXES.get(codes)
  if (index === undefined && Object.isFrozen(codes) && codes.every((r) => Object.isFrozen(r))) {
    index = codeIndex(codes)
    INDEXES.set(codes, index)
  }
  if (index !== undefined) {
    const exact = typeof variant === 'string' ? index(code, variant) : undefined
    if (exact !== undefined && exact.code === code) return exact
    const first = index(code)
    if (first === undefined || first.variant === undefined || variant === undefined) return first
  }
  return codes.find(
    (r) => r.code === code && (r.variant === undefined || variant === undefined || r.variant === variant),
  )
}

/**
 * The native error of `adapter` holding `init`: the class named `name` (or the class of the code's row), built
 * by `rebuildAs`; without a class, the adapter's `create` with the core fields as overrides.
 */
export function rebuildWith(adapter: Adapter, init: ErrsErrorInit, name?: string): ErrsError {
  const variant = variantOf(init)
  const Class = nativeOf(adapter, init, name, variant)
  return Class !== undefined ? made(Class, init, name) : createWith(adapter, init, variant)
}

/** The dialect or variant the details carry (Fauna's `v4`/`v10`), which picks a row and a class. */
function variantOf(init: ErrsErrorInit): unknown {
  return own(init.details, 'dialect') ?? own(init.details, 'variant')
}

/**
 * The class of `adapter` a rebuilt error takes: the class named `name`, else the one of the code's row; in either
 * case the one listed under the variant first. `undefined` when there is none, or when it is no ErrsError class (its
 * prototype, branded first by `nativePrototype`, is no ErrsError).
 */
function nativeOf(
  adapter: Adapter,
  init: ErrsErrorInit,
  name: string | undefined,
  variant: unknown,
): ErrsErrorClass | undefined {
  const classes = adapter.classes
  const Class =
    listed(classes, variant, name) ?? listed(classes, variant, findRow(adapter.codes, init.code, variant)?.className)
  if (Class === undefined) return undefined
  return ErrsError.is(nativePrototype(Class)) ? Class : undefined
}

/**
 * The class listed as `name`: under `<variant>:<name>` first (Fauna's v4 and v10 both have a ProtocolError, and
 * the variant the details carry picks the right one), else under `name`.
 */
function listed(
  classes: Readonly<Record<string, ErrsErrorClass>> | undefined,
  variant: unknown,
  name: string | undefined,
): ErrsErrorClass | undefined {
  if (name === undefined) return undefined
  return (typeof variant === 'string' ? own(classes, `${variant}:${name}`) : undefined) ?? own(classes, name)
}

/** A problem written by other software, whose name and code have no class: the adapter's own constructor, with the
 * problem's core fields as overrides. */
function createWith(adapter: Adapter, init: ErrsErrorInit, variant: unknown): ErrsError {
  const options: ErrsOptions = { kind: init.kind, reason: init.reason }
  if (init.status !== undefined) options.status = init.status
  if (init.retryable !== undefined) options.retryable = init.retryable
  if (init.title !== undefined) options.title = init.title
  withOccurrence(options, init)
  if (typeof variant === 'string') options.variant = variant
  return adapter.create(init.code, init.message, options)
}

function rebuild(data: ProblemData, adapters: readonly Adapter[]): ErrsError {
  const cause = data.cause ? rebuild(data.cause, adapters) : undefined
  const init = problemToInit(data, cause)
  let adapter: Adapter | undefined
  try {
    adapter = adapters.find((a) => a.system === init.system)
  } catch {
    // An adapter whose `system` throws on a second read: no adapter for this problem.
  }
  if (adapter) {
    try {
      const variant = variantOf(init)
      const Class = nativeOf(adapter, init, data.name, variant)
      // `made`, written out: the stack starts one frame nearer the caller (see `fromProblem`).
      const native =
        Class !== undefined
          ? named(adoptError(Class, new Error(errorMessage(init)), init), data.name)
          : createWith(adapter, init, variant)
      if (ErrsError.is(native)) return native
    } catch {
      // An adapter that cannot rebuild this problem must not lose it: fall through to the plain error.
    }
  }
  return new ErrsError(init)
}
