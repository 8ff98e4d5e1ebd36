import { ErrsError, fromProblem } from '@errs/core'
import { normalizeWith, type ProblemData, type WireValue } from '@errs/core/kit'
import type { CheckResult, Target } from '../types.js'
import { compareExpect, formatMismatches, toWire, vectorWireForm, wireFormOf } from '../vectors.js'
import { describeThrown, describeValue, type Failure, Results } from './util.js'

/** One malformed input: `raw` = a fragment that must show up in the error's details (raw input kept). */
interface Case {
  name: string
  wire: unknown
  raw?: string
}

/** Deterministic bytes (xorshift), so a failure can be replayed. */
function noise(n: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

function bytesCorpus(): Case[] {
  const huge = new Uint8Array(10 * 1024 * 1024 + 8)
  // field 2 (tag 0x12), length 10 MiB as a varint, then 'A's: a 10 MB message with a valid frame.
  huge.set([0x08, 0x07, 0x12, 0x80, 0x80, 0x80, 0x05])
  huge.fill(0x41, 7)
  const garbage = noise(1024)
  const cases: Case[] = [
    { name: 'bytes: truncated varint', wire: new Uint8Array([0x08, 0xff]), raw: '08ff' },
    { name: 'bytes: 11-byte varint', wire: new Uint8Array(11).fill(0xff), raw: 'ffffffff' },
    { name: 'bytes: wrong wire type', wire: new Uint8Array([0x0a, 0x02, 0x07, 0x07]), raw: '0a020707' },
    { name: 'bytes: length past the end', wire: new Uint8Array([0x08, 0x07, 0x12, 0x7f, 0x61]), raw: '0807127f' },
    {
      name: 'bytes: negative length',
      wire: new Uint8Array([0x08, 0x07, 0x12, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      raw: '080712ff',
    },
    { name: 'bytes: 1 KiB of noise', wire: garbage, raw: hex(garbage.subarray(0, 4)) },
    { name: 'bytes: 10 MB message', wire: huge },
    { name: 'bytes: non-UTF-8 string field', wire: new Uint8Array([0x08, 0x07, 0x12, 0x04, 0xff, 0xfe, 0x80, 0xc1]) },
    { name: 'bytes: 100k nested groups', wire: new Uint8Array(100_000).fill(0x0b) },
  ]
  return cases
}

function deep(depth: number): unknown {
  return JSON.parse(`${'{"cause":['.repeat(depth)}1${']}'.repeat(depth)}`)
}

function httpCorpus(): Case[] {
  const bigText = 'x'.repeat(5 * 1024 * 1024)
  return [
    { name: 'http: body not JSON', wire: { status: 500, body: 'upstream exploded <html>' }, raw: 'upstream exploded' },
    { name: 'http: body null', wire: { status: 500, body: null } },
    { name: 'http: body a number', wire: { status: 500, body: 42 } },
    { name: 'http: body an array', wire: { status: 500, body: [{ code: 1 }, 'x'] }, raw: 'code' },
    { name: 'http: body 5 MB of text', wire: { status: 500, body: bigText }, raw: 'xxxxxxxx' },
    { name: 'http: body nested 5000 deep', wire: { status: 500, body: deep(5000) } },
    {
      name: 'http: errors/error arrays of 100k items',
      wire: {
        status: 400,
        body: { errors: new Array(100_000).fill({ code: 'x' }), error: new Array(100_000).fill(1) },
      },
    },
    {
      name: 'http: __proto__ / constructor / prototype keys',
      wire: {
        status: 400,
        body: JSON.parse(
          '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},' +
            '"error":{"__proto__":{"polluted":true},"code":"x"},"errors":[{"__proto__":{"polluted":true}}]}',
        ),
      },
    },
    {
      name: 'http: non-UTF-8 bytes as body',
      wire: { status: 500, body: new Uint8Array([0xff, 0xfe, 0x80, 0xc1, 0x7b]) },
    },
    { name: 'http: status NaN', wire: { status: Number.NaN, body: {} } },
    { name: 'http: status -1', wire: { status: -1, body: { code: 4 } } },
    { name: 'http: status 1e9', wire: { status: 1e9, body: { code: 4 } } },
    { name: 'http: status a string', wire: { status: '404', body: { code: 4 } } },
    {
      name: 'http: headers hostile',
      wire: { status: 429, headers: { 'retry-after': 'soon™', 'x-request-id': '\u0000' }, body: 'x' },
    },
  ]
}

/** Wrong types for the wire argument itself, for any adapter. */
function wrongTypes(): Case[] {
  return [
    { name: 'wire: null', wire: null },
    { name: 'wire: undefined', wire: undefined },
    { name: 'wire: a string', wire: 'table not found' },
    { name: 'wire: a number', wire: 7 },
    { name: 'wire: an empty object', wire: {} },
    { name: 'wire: an empty Uint8Array', wire: new Uint8Array(0) },
    { name: 'wire: HTTP reply without body', wire: { status: 404 } },
  ]
}

function hostileValues(): [string, unknown][] {
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('hostile getter')
      },
      has() {
        throw new Error('hostile has')
      },
      ownKeys() {
        throw new Error('hostile ownKeys')
      },
      getPrototypeOf() {
        throw new Error('hostile getPrototypeOf')
      },
    },
  )
  const revocable = Proxy.revocable({}, {})
  revocable.revoke()
  const cyclic: Record<string, unknown> = { message: 'cyclic' }
  cyclic.self = cyclic
  cyclic.cause = cyclic
  return [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'boom'],
    ['a symbol', Symbol('boom')],
    ['Object.create(null)', Object.create(null)],
    ['a throwing proxy', throwing],
    ['a revoked proxy', revocable.proxy],
    ['a cyclic object', cyclic],
    ['a plain Error', new Error('plain')],
    ['an Error with __proto__ own key', JSON.parse('{"__proto__":{"polluted":true},"message":"x","code":7}')],
  ]
}

function polluted(): boolean {
  return (
    (Object.prototype as Record<string, unknown>).polluted !== undefined ||
    (Array.prototype as unknown as Record<string, unknown>).polluted !== undefined
  )
}

function decodeCase(t: Target, c: Case): Failure | undefined {
  const t0 = performance.now()
  let e: unknown
  try {
    e = t.adapter.decode(c.wire as WireValue)
  } catch (x) {
    return { message: `decode threw ${describeThrown(x)}`, expected: 'a typed error', actual: describeThrown(x) }
  }
  const ms = performance.now() - t0
  if (!ErrsError.is(e)) return { message: 'decode did not return an ErrsError', actual: describeValue(e) }
  if (e.system !== t.adapter.system)
    return { message: 'typed error of another system', expected: t.adapter.system, actual: e.system }
  if (polluted()) return { message: 'Object.prototype was polluted' }
  if (ms > 3000) return { message: `decode took ${Math.round(ms)} ms (> 3 s)` }
  let details: string
  try {
    details = JSON.stringify(e.details) ?? ''
  } catch (x) {
    return { message: `details are not JSON-safe: ${describeThrown(x)}` }
  }
  if (details.length > 256 * 1024) return { message: `details not bounded (${details.length} chars)` }
  if (e.message.length > 64 * 1024) return { message: `message not bounded (${e.message.length} chars)` }
  let problem: string
  try {
    problem = JSON.stringify(e)
  } catch (x) {
    return { message: `JSON.stringify(error) threw ${describeThrown(x)}` }
  }
  if (problem.length > 512 * 1024) return { message: `problem not bounded (${problem.length} chars)` }
  if (c.raw !== undefined && !details.includes(c.raw)) {
    return {
      message: 'raw input not kept in details',
      expected: `details containing ${JSON.stringify(c.raw)}`,
      actual: details.slice(0, 300),
    }
  }
  return undefined
}

/** `malformed`: bad payloads and hostile values give typed errors of the system, never exceptions; raw input kept. */
export function checkMalformed(t: Target): CheckResult[] {
  const r = new Results('malformed')
  const form = wireFormOf(t.adapter)
  const cases = [...(form === 'bytes' ? bytesCorpus() : httpCorpus()), ...wrongTypes()]
  for (const c of cases) r.check(`decode ${c.name}`, () => decodeCase(t, c))
  for (const m of t.vectors?.malformed ?? []) {
    if (vectorWireForm(m.wire) !== form) continue
    r.check(`decode vector: ${m.name}`, () => {
      const wire = toWire(m.wire)
      const raw =
        'hex' in m.wire
          ? m.wire.hex.slice(0, 8) || undefined
          : 'bodyText' in m.wire && m.wire.bodyText
            ? m.wire.bodyText.slice(0, 10)
            : undefined
      const f = decodeCase(t, { name: m.name, wire, ...(raw ? { raw } : {}) })
      if (f) return f
      if (m.expect) {
        const ms = compareExpect(t.adapter.decode(wire), m.expect)
        if (ms.length)
          return { message: `typed error differs: ${ms.map((x) => x.field).join(', ')}`, ...formatMismatches(ms) }
      }
    })
  }
  for (const [name, value] of hostileValues()) {
    r.check(`recognize/normalize ${name}`, () => {
      let seen: unknown
      try {
        seen = t.adapter.recognize(value)
      } catch (x) {
        return { message: `recognize threw ${describeThrown(x)}` }
      }
      if (seen !== undefined && !ErrsError.is(seen))
        return { message: 'recognize returned neither undefined nor an error', actual: describeValue(seen) }
      let e: unknown
      try {
        e = normalizeWith(t.adapter, value)
      } catch (x) {
        return { message: `normalize threw ${describeThrown(x)}` }
      }
      if (!ErrsError.is(e)) return { message: 'normalize did not return an ErrsError', actual: describeValue(e) }
      if (polluted()) return { message: 'Object.prototype was polluted' }
    })
  }
  const hostileProblems: [string, ProblemData][] = [
    ['unknown code', { type: 'x', system: t.adapter.system, code: 'no-such-code-¤', name: 'NoSuchClass' }],
    ['class name of Object', { type: 'x', system: t.adapter.system, code: 1, name: 'constructor' }],
    ['class name __proto__', { type: 'x', system: t.adapter.system, code: 1, name: '__proto__' }],
    ['no code, no name', { type: 'about:blank', system: t.adapter.system }],
    ['huge code string', { type: 'x', system: t.adapter.system, code: 'c'.repeat(16 * 1024) }],
  ]
  for (const [name, data] of hostileProblems) {
    r.check(`fromProblem ${name}`, () => {
      let e: unknown
      try {
        e = fromProblem(data, { adapters: [t.adapter] })
      } catch (x) {
        return { message: `fromProblem with the adapter threw ${describeThrown(x)}` }
      }
      if (!ErrsError.is(e))
        return { message: 'fromProblem with the adapter did not return an ErrsError', actual: describeValue(e) }
    })
  }
  return r.list
}
