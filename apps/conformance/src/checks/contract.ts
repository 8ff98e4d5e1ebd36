import { type CodeInfo, ErrsError, fromProblem, fromResponse, toProblem, toResponse } from '@errs/core'
import { isErrorKind, normalizeWith } from '@errs/core/kit'
import type { CheckResult, Expect, Target, WireVector } from '../types.js'
import {
  compareExpect,
  describeWire,
  formatMismatches,
  toWire,
  vectorWireForm,
  type WireForm,
  wireFormOf,
} from '../vectors.js'
import { coreDiff, describeValue, type Failure, Results } from './util.js'

const label = (code: number | string, variant?: string) => `${JSON.stringify(code)}${variant ? ` (${variant})` : ''}`

function create(t: Target, code: number | string, message?: string, options: Record<string, unknown> = {}) {
  return t.adapter.create(code, message, options)
}

/** `codes`: every row of the adapter's table constructs, with coherent native and core fields. */
export function checkCodes(t: Target): CheckResult[] {
  const r = new Results('codes')
  const { adapter } = t
  r.check('adapter shape', () => {
    const missing = ['create', 'decode', 'encode', 'recognize'].filter(
      (m) => typeof (adapter as unknown as Record<string, unknown>)[m] !== 'function',
    )
    if (typeof adapter.system !== 'string' || adapter.system === '')
      return { message: 'system is not a non-empty string' }
    if (!Array.isArray(adapter.codes) || adapter.codes.length === 0)
      return { message: 'codes is not a non-empty array' }
    if (missing.length) return { message: `missing methods: ${missing.join(', ')}` }
    const a = adapter as unknown as Record<string, unknown>
    if (a.wire !== 'bytes' && a.wire !== 'http')
      return { message: "wire is not 'bytes' or 'http'", actual: describeValue(a.wire) }
    const classes = a.classes
    if (classes === null || typeof classes !== 'object' || Object.keys(classes).length === 0)
      return { message: 'classes is not an object of native classes by name', actual: describeValue(classes) }
    const notClasses = Object.entries(classes).filter(
      ([, C]) => typeof C !== 'function' || !ErrsError.is((C as { prototype?: unknown }).prototype),
    )
    if (notClasses.length)
      return { message: `classes that are not ErrsError classes: ${notClasses.map(([k]) => k).join(', ')}` }
    const clientCodes = a.clientCodes as Record<string, unknown> | undefined
    if (clientCodes === null || typeof clientCodes !== 'object' || clientCodes.unknown === undefined)
      return { message: 'clientCodes has no `unknown` code', actual: describeValue(clientCodes) }
  })
  r.check('codes are unique', () => {
    const seen = new Set<string>()
    const dup: string[] = []
    for (const row of adapter.codes) {
      const key = label(row.code, row.variant)
      if (seen.has(key)) dup.push(key)
      seen.add(key)
    }
    if (dup.length) return { message: `duplicate rows: ${dup.join(', ')}` }
  })
  for (const row of adapter.codes ?? []) {
    r.check(`create ${label(row.code, row.variant)}`, () => rowFailure(t, row))
  }
  return r.list
}

function rowFailure(t: Target, row: CodeInfo): Failure | undefined {
  if (!isErrorKind(row.kind))
    return { message: 'table row kind is not canonical', expected: 'an ErrorKind', actual: row.kind }
  if (typeof row.retryable !== 'boolean')
    return { message: 'table row retryable is not a boolean', actual: row.retryable }
  if (!Number.isInteger(row.status) || row.status < 100 || row.status > 599) {
    return { message: 'table row status is not an HTTP status', actual: row.status }
  }
  const e = create(t, row.code, undefined, { variant: row.variant })
  if (!ErrsError.is(e) || !(e instanceof Error))
    return { message: 'create() did not return an ErrsError', actual: describeValue(e) }
  const expected: Record<string, unknown> = {
    system: t.adapter.system,
    code: row.code,
    reason: row.reason,
    kind: row.kind,
    status: row.status,
    retryable: row.retryable,
    message: row.message,
  }
  if (row.className !== undefined) expected.name = row.className
  const diff = Object.keys(expected).filter((k) => (e as unknown as Record<string, unknown>)[k] !== expected[k])
  if (diff.length) {
    return {
      message: `create() fields differ from the table row: ${diff.join(', ')}`,
      expected: Object.fromEntries(diff.map((k) => [k, expected[k]])),
      actual: Object.fromEntries(diff.map((k) => [k, (e as unknown as Record<string, unknown>)[k]])),
    }
  }
  if (typeof e.retryable !== 'boolean') return { message: 'retryable is not a boolean', actual: e.retryable }
  if (!isErrorKind(e.kind)) return { message: 'kind is not canonical', actual: e.kind }
  const head = (e.stack ?? '').split('\n')[0] ?? ''
  const want = `${e.name}: ${e.message.split('\n')[0]}`
  if (!head.startsWith(want))
    return { message: 'stack head does not start with "<name>: <message>"', expected: want, actual: head }
  // The message given to create() is kept — as `message`, or where the native model puts human text (Fauna v4's
  // `message` is the code string and its text is `description`).
  const custom = create(t, row.code, 'conformance custom message', { variant: row.variant })
  if (!ErrsError.is(custom) || custom.code !== row.code)
    return { message: 'create(code, message) lost the code', actual: describeValue(custom) }
  if (
    custom.message !== 'conformance custom message' &&
    !JSON.stringify({ ...custom }).includes('conformance custom message')
  ) {
    return {
      message: 'create(code, message) does not keep the message anywhere',
      expected: 'conformance custom message',
      actual: custom.message,
    }
  }
  const seen = t.adapter.recognize(e)
  if (!ErrsError.is(seen) || seen.code !== e.code)
    return { message: 'recognize() does not recognise its own error', actual: describeValue(seen) }
  return undefined
}

function applicable(
  rows: readonly WireVector[] | undefined,
  form: WireForm,
): (WireVector & { wire: NonNullable<WireVector['wire']> })[] {
  return (rows ?? []).filter(
    (v): v is WireVector & { wire: NonNullable<WireVector['wire']> } =>
      v.wire !== undefined && vectorWireForm(v.wire) === form,
  )
}

function createExpectOf(v: WireVector, defaults: Map<string, string>): Expect {
  if (v.createExpect) return v.createExpect
  const { message: _m, string: _s, fields: _f, details: _d, requestId: _r, retryAfterMs: _a, ...rest } = v.expect
  const msg = defaults.get(label(v.code, v.variant))
  return msg !== undefined ? { ...rest, message: msg } : rest
}

/** `vectors`: the adapter agrees with the reference vectors (create, decode, seed examples, normalize). */
export function checkVectors(t: Target): CheckResult[] {
  const r = new Results('vectors')
  const v = t.vectors
  if (!v) {
    r.push('vectors given', { message: 'no vector file for this adapter (pass --vectors <file>)' })
    return r.list
  }
  const { adapter } = t
  r.check('system matches', () =>
    v.system === adapter.system
      ? undefined
      : { message: 'vector system differs', expected: v.system, actual: adapter.system },
  )
  const form = wireFormOf(adapter)
  // Coverage, both ways: the reference's codes are in the adapter's table and every table row has a vector.
  const tableKeys = new Set(adapter.codes.map((c) => label(c.code, c.variant)))
  const tableCodes = new Set(adapter.codes.map((c) => JSON.stringify(c.code)))
  const vectorKeys = new Map<string, WireVector>()
  const defaults = new Map<string, string>()
  for (const row of v.codes) {
    const key = label(row.code, row.variant)
    if (!vectorKeys.has(key)) vectorKeys.set(key, row)
    if (row.defaultMessage !== undefined) defaults.set(key, row.defaultMessage)
  }
  for (const [key, row] of vectorKeys) {
    r.check(`reference code ${key} is in the adapter's table`, () =>
      tableKeys.has(key) || (row.variant === undefined && tableCodes.has(JSON.stringify(row.code)))
        ? undefined
        : { message: `code ${key} of the reference is missing from adapter.codes` },
    )
  }
  // Rows the adapter has beyond the reference are extensions: listed (as passed checks) so a reader sees them.
  const covered = [...v.codes, ...(v.examples ?? []), ...(v.unknownCodes ?? [])]
  const coveredKeys = new Set(covered.map((c) => label(c.code, c.variant)))
  const coveredCodes = new Set(covered.filter((c) => c.variant === undefined).map((c) => JSON.stringify(c.code)))
  for (const row of adapter.codes) {
    const key = label(row.code, row.variant)
    if (!coveredKeys.has(key) && !coveredCodes.has(JSON.stringify(row.code)))
      r.push(`table row ${key}: extension, not in the reference vectors`, undefined)
  }
  // create(code) per reference code.
  for (const [key, row] of vectorKeys) {
    r.check(`create ${key}`, () => {
      const exp = createExpectOf(row, defaults)
      const e = create(t, row.code, undefined, { variant: row.variant })
      const ms = compareExpect(e, exp)
      if (ms.length)
        return {
          message: `create(${key}) differs from the reference: ${ms.map((m) => m.field).join(', ')}`,
          ...formatMismatches(ms),
        }
    })
  }
  // decode(wire) per vector of this adapter's wire form, then the seed examples.
  const rows = [...applicable(v.codes, form), ...applicable(v.examples, form)]
  for (const row of rows) {
    r.check(`decode ${row.name ?? label(row.code, row.variant)}`, () => decodeFailure(t, row.wire, row.expect))
  }
  for (const f of v.foreign ?? []) {
    r.check(`normalize ${f.name}`, () => {
      const value = Object.assign(new Error(f.value.message), f.value)
      if (f.value.cause)
        Object.defineProperty(value, 'cause', { value: Object.assign(new Error(f.value.cause.message), f.value.cause) })
      const e = normalizeWith(adapter, value)
      if (!ErrsError.is(e)) return { message: 'normalize() did not return an ErrsError', actual: describeValue(e) }
      const ms = compareExpect(e, f.expect)
      if (ms.length)
        return { message: `normalize differs: ${ms.map((m) => m.field).join(', ')}`, ...formatMismatches(ms) }
      if (e.cause !== value) return { message: 'the thrown value is not kept as cause', actual: describeValue(e.cause) }
    })
  }
  if (rows.length === 0) r.push('decode vectors', { message: `no vector of wire form "${form}" in ${v.system}.json` })
  return r.list
}

function decodeFailure(t: Target, wire: NonNullable<WireVector['wire']>, expect: Expect): Failure | undefined {
  const e = t.adapter.decode(toWire(wire))
  if (!ErrsError.is(e))
    return { message: `decode(${describeWire(wire)}) did not return an ErrsError`, actual: describeValue(e) }
  if (e.system !== t.adapter.system)
    return { message: 'decoded error has another system', expected: t.adapter.system, actual: e.system }
  const ms = compareExpect(e, expect)
  if (ms.length) {
    return {
      message: `decode(${describeWire(wire)}) differs: ${ms.map((m) => m.field).join(', ')}`,
      ...formatMismatches(ms),
    }
  }
}

/** `wire`: decode(encode(e)) gives the same class and core fields, for every table row and every vector. */
export function checkWire(t: Target): CheckResult[] {
  const r = new Results('wire')
  const { adapter } = t
  for (const row of adapter.codes) {
    r.check(`round trip ${label(row.code, row.variant)}`, () => {
      const e = create(t, row.code, `wire round trip of ${String(row.code)}`, { variant: row.variant })
      return roundTrip(t, e)
    })
  }
  const form = wireFormOf(adapter)
  for (const row of [...applicable(t.vectors?.codes, form), ...applicable(t.vectors?.examples, form)]) {
    r.check(`round trip of decoded ${row.name ?? label(row.code, row.variant)}`, () =>
      roundTrip(t, adapter.decode(toWire(row.wire))),
    )
  }
  return r.list
}

function roundTrip(t: Target, e: ErrsError): Failure | undefined {
  const wire = t.adapter.encode(e)
  const back = t.adapter.decode(wire)
  if (!ErrsError.is(back)) return { message: 'decode(encode(e)) is not an ErrsError', actual: describeValue(back) }
  const fields = ['name', 'code', 'reason', 'kind', 'status', 'retryable', 'message'] as const
  const diff = fields.filter((f) => back[f] !== e[f])
  if (Object.getPrototypeOf(back) !== Object.getPrototypeOf(e)) diff.unshift('name')
  if (diff.length) {
    const uniq = [...new Set(diff)]
    return {
      message: `decode(encode(e)) differs: ${uniq.join(', ')}`,
      expected: Object.fromEntries(uniq.map((f) => [f, e[f]])),
      actual: Object.fromEntries(uniq.map((f) => [f, back[f]])),
    }
  }
}

/** The trusted form: what crosses a hop between your own services and must round-trip every core field. */
const TRUSTED = { exposeInternal: true } as const

/** `problem`: problem+json round trip with the adapter (native class back) and without it (plain ErrsError). */
export async function checkProblem(t: Target): Promise<CheckResult[]> {
  const r = new Results('problem')
  const { adapter } = t
  for (const row of adapter.codes) {
    const name = label(row.code, row.variant)
    const make = () =>
      create(t, row.code, `problem round trip of ${String(row.code)}`, {
        variant: row.variant,
        requestId: 'req-conformance-1',
        instance: '/conformance/1',
        details: { table: 'orders', bucket: 3 },
        ...(row.retryable ? { retryAfterMs: 2000 } : {}),
      })
    r.check(`with adapter ${name}`, () => {
      const e = make()
      const json = JSON.stringify(toProblem(e, TRUSTED))
      const back = fromProblem(json, { adapters: [adapter] })
      if (!(back instanceof (e.constructor as typeof ErrsError)) || back.name !== e.name) {
        return {
          message: 'fromProblem with the adapter did not give the native class back',
          expected: e.name,
          actual: describeValue(back),
        }
      }
      if (Object.getPrototypeOf(back) !== Object.getPrototypeOf(e)) {
        return { message: 'fromProblem gave another class', expected: e.name, actual: back.constructor?.name }
      }
      return coreDiff(e, back)
    })
    r.check(`without adapter ${name}`, () => {
      const e = make()
      const back = fromProblem(JSON.stringify(toProblem(e, TRUSTED)))
      if (Object.getPrototypeOf(back) !== ErrsError.prototype) {
        return { message: 'fromProblem without adapters is not a plain ErrsError', actual: describeValue(back) }
      }
      return coreDiff(e, back)
    })
    await r.checkAsync(`toResponse/fromResponse ${name}`, async () => {
      const e = make()
      const res = toResponse(e, TRUSTED)
      if (!res.headers.get('content-type')?.startsWith('application/problem+json')) {
        return { message: 'toResponse content-type', actual: res.headers.get('content-type') }
      }
      const back = await fromResponse(res, { adapters: [adapter] })
      if (Object.getPrototypeOf(back) !== Object.getPrototypeOf(e)) {
        return {
          message: 'fromResponse with the adapter did not give the native class back',
          expected: e.name,
          actual: describeValue(back),
        }
      }
      return coreDiff(e, back)
    })
  }
  return r.list
}

/** `unknown`: codes the table does not know are kept (number or string), never collapsed. */
export function checkUnknown(t: Target): CheckResult[] {
  const r = new Results('unknown')
  const { adapter } = t
  const form = wireFormOf(adapter)
  const numeric = typeof adapter.codes[0]?.code === 'number'
  const probe = numeric ? 987_654 : 'errs_conformance_unknown_code'
  r.check(`create ${JSON.stringify(probe)} keeps the code`, () => {
    const e = create(t, probe)
    if (!ErrsError.is(e)) return { message: 'not an ErrsError', actual: describeValue(e) }
    if (e.code !== probe) return { message: 'unknown code not kept', expected: probe, actual: e.code }
    if (typeof e.retryable !== 'boolean' || !isErrorKind(e.kind))
      return { message: 'incoherent kind/retryable', actual: { kind: e.kind, retryable: e.retryable } }
    const back = adapter.decode(adapter.encode(e))
    if (back.code !== probe)
      return { message: 'unknown code lost in decode(encode(e))', expected: probe, actual: back.code }
    const viaProblem = fromProblem(JSON.stringify(toProblem(e, TRUSTED)), { adapters: [adapter] })
    if (viaProblem.code !== probe)
      return { message: 'unknown code lost through problem+json', expected: probe, actual: viaProblem.code }
  })
  for (const row of t.vectors?.unknownCodes ?? []) {
    const name = row.name ?? label(row.code, row.variant)
    r.check(`create ${name}`, () => {
      const e = create(t, row.code, undefined, { variant: row.variant })
      const ms = compareExpect(e, row.createExpect ?? row.expect)
      if (e.code !== row.code) ms.unshift({ field: 'code', expected: row.code, actual: e.code })
      if (ms.length) return { message: `create differs: ${ms.map((m) => m.field).join(', ')}`, ...formatMismatches(ms) }
    })
    const wire = row.wire
    if (wire !== undefined && vectorWireForm(wire) === form) {
      r.check(`decode ${name}`, () => decodeFailure(t, wire, row.expect))
      r.check(`round trip ${name}`, () => roundTrip(t, adapter.decode(toWire(wire))))
    }
  }
  return r.list
}
