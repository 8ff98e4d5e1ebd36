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
import { ErrsError, type ErrsErrorInit } from './errs-error.js'
import { isRecord, ownMembers } from './guard.js'
import { MAX_BODY_TEXT } from './http.js'
import { type ErrorKind, httpStatusToKind, isErrorKind } from './kinds.js'
import { type Problem, type ToProblemOptions, tokenOr, writeProblem } from './problem-write.js'

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
 * Rebuilds an error from a problem (object or JSON text, at most 1 MiB) sent by another service: the native
 * class of the problem's `name` when an adapter of its `system` is given, else a plain ErrsError. Never throws:
 * unreadable input becomes an ErrsError (`system: 'errs'`, reason `MALFORMED_PROBLEM`) keeping the raw payload,
 * cut and redacted.
 */
export function fromProblem(input: unknown, options?: FromProblemOptions): ErrsError {
  let value = input
  if (typeof input === 'string') {
    if (input.length > MAX_BODY_TEXT) return malformed(`problem text longer than ${MAX_BODY_TEXT} chars`, input)
    try {
      value = JSON.parse(input)
    } catch {
      return malformed('problem is not valid JSON', input)
    }
  }
  return fromProblemValue(value, adaptersOf(options)) ?? malformed('problem is not a JSON object', input)
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
  const instance = str(o.instance)
  if (instance !== undefined) data.instance = instance
  if (system !== '') data.system = system
  if (typeof o.code === 'number' && Number.isFinite(o.code)) data.code = o.code
  else if (typeof o.code === 'string' && o.code.length <= 256) data.code = o.code
  if (reason !== '') data.reason = reason
  if (isErrorKind(o.kind)) data.kind = o.kind
  if (typeof o.retryable === 'boolean') data.retryable = o.retryable
  if (typeof o.retryAfterMs === 'number' && Number.isFinite(o.retryAfterMs) && o.retryAfterMs >= 0) {
    data.retryAfterMs = o.retryAfterMs
  }
  const requestId = str(o.requestId)
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
  const kind: ErrorKind = data.kind ?? (data.status !== undefined ? httpStatusToKind(data.status) : 'unknown')
  const init: ErrsErrorInit = {
    system: data.system ?? 'problem',
    code: data.code ?? data.status ?? data.reason ?? 'UNKNOWN',
    reason: data.reason ?? 'UNKNOWN',
    kind,
    message: data.detail ?? data.title ?? data.reason ?? 'Unknown error',
  }
  if (data.status !== undefined) init.status = data.status
  if (data.retryable !== undefined) init.retryable = data.retryable
  if (data.title !== undefined) init.title = data.title
  // A fresh copy nothing else holds: frozen here, the error keeps it as it is.
  if (data.details !== undefined) init.details = Object.freeze(data.details)
  if (data.retryAfterMs !== undefined) init.retryAfterMs = data.retryAfterMs
  if (data.requestId !== undefined) init.requestId = data.requestId
  if (data.instance !== undefined) init.instance = data.instance
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
  const e = new (standIn(Class))(init) as E
  if (name !== undefined && CLASS_NAME.test(name) && e.name !== name) {
    Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false })
  }
  return e
}

type StandIn = new (init: ErrsErrorInit) => ErrsError

/** The stand-in constructor of each class `rebuildAs` has made an instance of. */
const STAND_INS = /* @__PURE__ */ new WeakMap<object, StandIn>()

/**
 * A subclass of `Class` whose constructor runs only `ErrsError`'s and gives the instance `Class.prototype`: an
 * instance of `Class` made without running `Class`'s own constructor. V8 starts an error's stack at the frame of
 * `new.target`'s constructor: the stand-in is that frame, so the stack starts at `rebuildAs`, captured once. (With
 * `Reflect.construct(ErrsError, [init], Class)` alone, `Class` never runs and the stack had no frames at all; a plain
 * function as `new.target` costs V8 a new object map per error.)
 */
function standIn(Class: ErrsErrorClass): StandIn {
  let S = STAND_INS.get(Class)
  if (S === undefined) {
    const Parent = Class as unknown as new (init: ErrsErrorInit) => ErrsError
    const proto: object = Parent.prototype
    S = class extends Parent {
      // A derived constructor may return an object instead of calling `super` (ECMA-262 [[Construct]] step 10);
      // TypeScript insists on `super` (TS2377).
      // @ts-expect-error TS2377
      // biome-ignore lint/correctness/noUnreachableSuper: no `super` on purpose (see above)
      constructor(init: ErrsErrorInit) {
        const e = Reflect.construct(ErrsError, [init], new.target)
        Object.setPrototypeOf(e, proto)
        // biome-ignore lint/correctness/noConstructorReturn: returning the instance is what the stand-in is for
        return e
      }
    }
    STAND_INS.set(Class, S)
  }
  return S
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
  const variant = own(init.details, 'dialect') ?? own(init.details, 'variant')
  const row = findRow(adapter.codes, init.code, variant)
  // Classes whose names repeat across a system's dialects are listed as `<variant>:<name>` too (Fauna's v4 and v10
  // both have ProtocolError): the variant the details carry picks the right one.
  const inVariant = (n: string | undefined) =>
    typeof variant === 'string' && n !== undefined ? `${variant}:${n}` : undefined
  const Class =
    own(adapter.classes, inVariant(name)) ??
    own(adapter.classes, name) ??
    own(adapter.classes, inVariant(row?.className)) ??
    own(adapter.classes, row?.className)
  if (Class !== undefined && ErrsError.is(Class.prototype)) return rebuildAs(Class, init, name)
  // No class for this name or code (a problem written by other software): the adapter's own constructor, with the
  // problem's core fields as overrides.
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
  const adapter = adapters.find((a) => a.system === init.system)
  if (adapter) {
    try {
      const native = rebuildWith(adapter, init, data.name)
      if (ErrsError.is(native)) return native
    } catch {
      // An adapter that cannot rebuild this problem must not lose it: fall through to the plain error.
    }
  }
  return new ErrsError(init)
}
