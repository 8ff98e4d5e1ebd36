import { type Adapter, type ErrsError, isRetryable, kindOf, statusOf } from '@errs/core'
import { isErrorKind } from '@errs/core/kit'
import fc from 'fast-check'
import { describeThrown, type Failure } from '../checks/util.js'
import type { VectorFile } from '../types.js'
import { wireFormOf } from '../vectors.js'
import {
  buildReply,
  bytesWireArb,
  httpWireArb,
  materialize,
  problemArb,
  type ReplyDescription,
  replyArb,
  type Shapes,
  thrownArb,
} from './arbitraries.js'
import { CANARIES, keyMarker, REGISTERED_SECRET, SECRET_KEYS } from './canaries.js'
import { type Decoder, type DecoderName, decodersOf, shapesOf, stackRewritten } from './decoders.js'
import { linearCases } from './linear.js'
import { checkOutputs } from './outputs.js'
import { HOSTILE_VALUES, placements } from './values.js'

/** One check of the harness, run in a child process under a watchdog. */
export interface HarnessCase {
  id: number
  group: 'fuzz' | 'hostile' | 'canary' | 'linear'
  name: string
  /** The watchdog kills the process (and fails the case) past this. */
  timeoutMs: number
  run(): Promise<Failure | undefined>
}

export interface HarnessOptions {
  /** Only the cases of these decoders (all when absent). */
  decoders?: readonly string[]
  fuzzRuns: number
  /** Base seed; each decoder's run derives its own from it. */
  seed: number
}

/** The result a decoder gave: the checks every decoder's result passes. */
async function judge(
  d: Decoder,
  adapter: Adapter<ErrsError>,
  input: unknown,
  markers: readonly string[],
  light = false,
) {
  let out: unknown
  try {
    out = await d.call(input)
  } catch (x) {
    return { message: `${d.label} threw ${describeThrown(x)}`, expected: 'a typed error', actual: describeThrown(x) }
  }
  if (out === undefined && d.mayBeUndefined) return undefined
  const f = await checkOutputs(out, adapter, {
    markers,
    light,
    ...(d.system !== undefined ? { system: d.system } : {}),
  })
  return f ? { ...f, message: `${d.label}: ${f.message}` } : undefined
}

class PropertyFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message)
  }
}

function seedOf(base: number, name: string): number {
  let h = base | 0
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193)
  return h | 0
}

function show(v: unknown): string {
  try {
    const s = fc.stringify(v)
    return s.length > 600 ? `${s.slice(0, 600)}…` : s
  } catch {
    return '<unprintable>'
  }
}

function fuzzInputs(name: DecoderName, shapes: Shapes, form: 'bytes' | 'http'): fc.Arbitrary<unknown> {
  switch (name) {
    case 'decode':
      return form === 'bytes' ? bytesWireArb(shapes) : httpWireArb(shapes)
    case 'recognize':
    case 'normalizeWith':
      return thrownArb(shapes)
    case 'fromProblem':
      return problemArb(shapes)
    case 'fromResponse':
      return replyArb(shapes)
  }
}

function fuzzCases(adapter: Adapter<ErrsError>, shapes: Shapes, o: HarnessOptions): Omit<HarnessCase, 'id'>[] {
  const form = wireFormOf(adapter)
  return decodersOf(adapter).map((d) => ({
    group: 'fuzz' as const,
    name: `${d.label}: ${o.fuzzRuns} generated inputs`,
    timeoutMs: 60_000 + o.fuzzRuns * 30,
    run: async () => {
      const seed = seedOf(o.seed, `${adapter.system}:${d.name}`)
      const arb = fuzzInputs(d.name, shapes, form)
      const details = await fc.check(
        fc.asyncProperty(arb, async (input) => {
          const value = d.name === 'fromResponse' ? buildReply(input as ReplyDescription) : materialize(input)
          const f = await judge(d, adapter, value, [REGISTERED_SECRET], true)
          if (f) throw new PropertyFailure(f)
        }),
        { numRuns: o.fuzzRuns, seed },
      )
      if (!details.failed) return undefined
      const err = details.errorInstance
      const f = err instanceof PropertyFailure ? err.failure : { message: describeThrown(err) }
      return {
        ...f,
        message: `${f.message} — input ${show(details.counterexample?.[0])} (replay: --fuzz-seed ${o.seed}; fast-check seed ${details.seed}, path ${details.counterexamplePath ?? '?'})`,
      }
    },
  }))
}

/** Where each hostile value goes, per decoder. */
function hostileInputs(
  d: DecoderName,
  form: 'bytes' | 'http',
  shapes: Shapes,
  make: () => unknown,
): [string, () => unknown][] {
  const sample = shapes.bodies[0] ?? { code: shapes.codes[0] ?? 1, message: 'm' }
  const code = shapes.codes[0] ?? 1
  switch (d) {
    case 'decode':
      if (form === 'bytes') return [['as the wire', make]]
      return [
        ['as the wire', make],
        ['as the body', () => ({ status: 400, body: make() })],
        ['as the headers', () => ({ status: 429, headers: make(), body: sample })],
        ['as the status', () => ({ status: make(), body: sample })],
        ...placements(sample, make).map(([p, f]): [string, () => unknown] => [
          `in body${p}`,
          () => ({ status: 400, body: f() }),
        ]),
      ]
    case 'recognize':
    case 'normalizeWith':
      return [
        ['as the value', make],
        ['as the cause of an Error', () => new Error('outer', { cause: make() })],
        [
          'in a driver-style error (response, config, errors)',
          () =>
            Object.assign(new Error('request failed'), {
              name: shapes.classNames[0] ?? 'Error',
              code,
              response: { status: 500, data: make(), headers: make() },
              config: make(),
              errors: [make()],
            }),
        ],
      ]
    case 'fromProblem': {
      const base = { type: `urn:errs:${shapes.system}:X`, system: shapes.system, code, name: shapes.classNames[0] }
      return [
        ['as the problem', make],
        ['as details', () => ({ ...base, details: make() })],
        ['as internal', () => ({ ...base, internal: make() })],
        ['as the cause', () => ({ ...base, cause: make() })],
        ['as title, detail and name', () => ({ ...base, title: make(), detail: make(), name: make(), code: make() })],
      ]
    }
    case 'fromResponse':
      return [
        ['as the reply', make],
        ['as headers and data', () => ({ status: 500, headers: make(), data: make() })],
        ['as what text() resolves to', () => ({ status: 400, headers: {}, text: async () => make() })],
        ['as the status', () => ({ status: make(), headers: {}, data: { type: 'about:blank', title: 't' } })],
      ]
  }
}

function hostileCases(adapter: Adapter<ErrsError>, shapes: Shapes): Omit<HarnessCase, 'id'>[] {
  const form = wireFormOf(adapter)
  const out: Omit<HarnessCase, 'id'>[] = []
  for (const d of decodersOf(adapter)) {
    for (const h of HOSTILE_VALUES) {
      for (const [where, build] of hostileInputs(d.name, form, shapes, h.make)) {
        out.push({
          group: 'hostile',
          name: `${d.label}: ${h.name} ${where}`,
          timeoutMs: 5_000,
          run: () => judge(d, adapter, build(), []),
        })
      }
    }
  }
  out.push({
    group: 'hostile',
    name: 'kindOf / isRetryable / statusOf of a forged brand give canonical values',
    timeoutMs: 5_000,
    run: async () => {
      const forged = { [Symbol.for('errs.core.ErrsError')]: true, kind: 'pwned', retryable: 'yes', status: 'x' }
      const got = { kind: kindOf(forged), retryable: isRetryable(forged), status: statusOf(forged) }
      if (!isErrorKind(got.kind) || typeof got.retryable !== 'boolean' || !Number.isInteger(got.status))
        return {
          message: 'the brand was trusted over the fields',
          expected: 'a kind, a boolean, an integer',
          actual: got,
        }
      return undefined
    },
  })
  return out
}

/** Replaces every occurrence of a placeholder run in a wire (bytes or HTTP body) with `text` (same length). */
function substitute(wire: unknown, placeholder: string, text: string): unknown {
  if (wire instanceof Uint8Array) {
    const s = Buffer.from(wire).toString('latin1').split(placeholder).join(Buffer.from(text, 'utf8').toString('latin1'))
    return new Uint8Array(Buffer.from(s, 'latin1'))
  }
  const w = wire as { status?: number; headers?: Record<string, string>; body?: unknown }
  const body = JSON.parse(
    JSON.stringify(w.body ?? null)
      .split(placeholder)
      .join(JSON.stringify(text).slice(1, -1)),
  )
  return { ...w, body }
}

const IDENTIFIER_KEYS = new Set(['code', 'reason', 'type', 'name', 'status', 'kind', 'error_code', 'errorCode'])

function withText(body: unknown, text: string, identifiers: boolean): unknown {
  return JSON.parse(JSON.stringify(body), (k, v) =>
    typeof v === 'string' && IDENTIFIER_KEYS.has(k) === identifiers ? `${v} ${text}` : v,
  )
}

function canaryCases(adapter: Adapter<ErrsError>, shapes: Shapes): Omit<HarnessCase, 'id'>[] {
  const [decode, recognize, normalize, problem, response] = decodersOf(adapter) as [
    Decoder,
    Decoder,
    Decoder,
    Decoder,
    Decoder,
  ]
  const row = adapter.codes[0]
  const code = row?.code ?? 0
  const opts = { variant: row?.variant }
  const out: Omit<HarnessCase, 'id'>[] = []
  const add = (name: string, _markers: string[], run: () => Promise<Failure | undefined>) =>
    out.push({ group: 'canary', name, timeoutMs: 10_000, run: async () => (await run()) ?? undefined })
  const created = async (markers: string[], make: () => ErrsError) => {
    let e: ErrsError
    try {
      e = make()
    } catch (x) {
      return { message: `create threw ${describeThrown(x)}` }
    }
    return checkOutputs(e, adapter, { markers, system: adapter.system })
  }
  for (const c of CANARIES) {
    const m = [c.marker]
    add(`create: ${c.name} in the message`, m, () => created(m, () => adapter.create(code, `failed: ${c.text}`, opts)))
    add(`create: ${c.name} in details`, m, () =>
      created(m, () =>
        adapter.create(code, 'failed', { ...opts, details: { note: c.text, nested: { deeper: [c.text] } } }),
      ),
    )
    add(`create: ${c.name} in the cause`, m, () =>
      created(m, () => adapter.create(code, 'failed', { ...opts, cause: new Error(`inner: ${c.text}`) })),
    )
    add(`create: ${c.name} in instance and internal context`, m, () =>
      created(m, () => adapter.create(code, 'failed', { ...opts, instance: c.text, internal: { detail: c.text } })),
    )
    // A wire carrying the secret: the adapter's own encoding with a placeholder message, the secret put in its place.
    const placeholder = 'Q'.repeat(Buffer.byteLength(c.text))
    // Also under a global `Error` that formats the stack when an error is made: the secret must not reach `new Error`.
    for (const [label, d] of [
      ['decode', decode],
      ['decode under a stack-rewriting global Error', stackRewritten(decode)],
    ] as const) {
      add(`${label}: ${c.name} in the message of a wire`, m, async () => {
        let wire: unknown
        try {
          wire = substitute(adapter.encode(adapter.create(code, placeholder, opts)), placeholder, c.text)
        } catch (x) {
          return { message: `encode threw ${describeThrown(x)}` }
        }
        return judge(d, adapter, wire, m)
      })
    }
    if (shapes.bodies.length) {
      const status = shapes.statuses[0] ?? 400
      add(`decode: ${c.name} in every text member and in headers`, m, () =>
        judge(
          decode,
          adapter,
          {
            status,
            headers: { authorization: `Bearer ${c.marker}`, 'x-request-id': c.text, cookie: c.text },
            body: withText(shapes.bodies[0], c.text, false),
          },
          m,
        ),
      )
      add(`decode: ${c.name} in identifier members (code, type, name)`, m, () =>
        judge(decode, adapter, { status, body: withText(shapes.bodies[0], c.text, true) }, m),
      )
    }
    add(`normalizeWith: ${c.name} in a thrown Error`, m, () =>
      judge(
        normalize,
        adapter,
        Object.assign(new Error(`request failed: ${c.text}`), {
          config: { headers: { Authorization: c.text } },
          response: { status: 401, data: { message: c.text }, headers: { 'set-cookie': c.text } },
          cause: new Error(c.text),
        }),
        m,
      ),
    )
    for (const t of shapes.thrown.slice(0, 2)) {
      add(`recognize: ${c.name} in a ${String(t.name ?? t.code ?? 'driver')} error`, m, () =>
        judge(
          recognize,
          adapter,
          Object.assign(new Error(`${String(t.message)} ${c.text}`), t, { message: `${String(t.message)} ${c.text}` }),
          m,
        ),
      )
    }
    add(`fromProblem: ${c.name} in title, detail, details, instance`, m, () =>
      judge(
        problem,
        adapter,
        {
          type: `urn:errs:${adapter.system}:X`,
          system: adapter.system,
          code,
          title: `auth failed with ${c.text}`,
          detail: c.text,
          instance: c.text,
          details: { note: c.text },
          internal: { stack: c.text },
        },
        m,
      ),
    )
    add(`fromProblem: ${c.name} in a title that would become an identifier`, m, () =>
      judge(problem, adapter, { title: `auth failed with ${c.text}`, status: 401 }, m),
    )
    add(`fromProblem: ${c.name} in the type URL`, m, () =>
      judge(
        problem,
        adapter,
        { type: `https://errors.example/x?${c.text.replace(/\s+/g, '&')}`, status: 400, system: adapter.system, code },
        m,
      ),
    )
    add(`fromResponse: ${c.name} in a problem body, a text body and headers`, m, async () => {
      const a = await judge(
        response,
        adapter,
        new Response(
          JSON.stringify({ type: 'about:blank', title: c.text, detail: c.text, system: adapter.system, code }),
          {
            status: 400,
            headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-1' },
          },
        ),
        m,
      )
      if (a) return a
      return judge(
        response,
        adapter,
        { status: 502, headers: { 'x-request-id': c.text }, data: `upstream said ${c.text}` },
        m,
      )
    })
  }
  for (const key of SECRET_KEYS) {
    const marker = keyMarker(key)
    add(`create: a value under the key "${key}" in details`, [marker], () =>
      created([marker], () =>
        adapter.create(code, 'failed', { ...opts, details: { [key]: marker, nested: { [key]: marker } } }),
      ),
    )
    add(`fromProblem: a value under the key "${key}" in details`, [marker], () =>
      judge(problem, adapter, { type: 'about:blank', system: adapter.system, code, details: { [key]: marker } }, [
        marker,
      ]),
    )
  }
  return out
}

/** Every case of the harness for one adapter, in a stable order (ids survive a restart of the worker). */
export function harnessCases(
  adapter: Adapter<ErrsError>,
  vectors: VectorFile | undefined,
  o: HarnessOptions,
  groups: ReadonlySet<string> = new Set(['fuzz', 'hostile', 'canary', 'linear']),
): HarnessCase[] {
  const shapes = shapesOf(adapter, vectors)
  const all: Omit<HarnessCase, 'id'>[] = []
  if (groups.has('canary')) all.push(...canaryCases(adapter, shapes))
  if (groups.has('hostile')) all.push(...hostileCases(adapter, shapes))
  if (groups.has('linear')) all.push(...linearCases(adapter, shapes))
  if (groups.has('fuzz')) all.push(...fuzzCases(adapter, shapes, o))
  const labels = o.decoders
    ? decodersOf(adapter)
        .filter((d) => o.decoders?.includes(d.name))
        .map((d) => d.label)
    : undefined
  const chosen = labels ? all.filter((c) => labels.some((l) => c.name.startsWith(`${l}:`))) : all
  return chosen.map((c, id) => ({ ...c, id }))
}
