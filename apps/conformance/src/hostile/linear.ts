import type { Adapter, ErrsError } from '@errs/core'
import { describeThrown, type Failure } from '../checks/util.js'
import { wireFormOf } from '../vectors.js'
import { type Shapes, varint } from './arbitraries.js'
import type { HarnessCase } from './cases.js'
import { type Decoder, decodersOf } from './decoders.js'

/** A linear decoder's time grows at most 8× from n to 8n; the bound leaves room for noise, not for n². */
export const MAX_RATIO = 16
const SCALE = 8
/** Text families at n = 2 KiB (and 16 KiB): each one a known way regular expressions and scanners go quadratic. */
const TEXT_N = 2048
/** Structural families at n = 500 items (and 4 000). */
const ITEMS_N = 500

const TEXT_FAMILIES: [string, (n: number) => string][] = [
  ['plain text', (n) => 'a'.repeat(n)],
  ["'password' repeated", (n) => 'password'.repeat(n / 8)],
  ['a run of spaces', (n) => `x${' '.repeat(n - 2)}x`],
  ["'Bearer ' repeated", (n) => 'Bearer '.repeat(Math.ceil(n / 7)).slice(0, n)],
  ["'a=b&' repeated", (n) => 'a=b&'.repeat(n / 4)],
  ['stack frames with paths', (n) => '    at f (/src/a/b.rs:1:2)\n'.repeat(Math.ceil(n / 27)).slice(0, n)],
  ['URLs with userinfo', (n) => 'https://u:p@h.example/ '.repeat(Math.ceil(n / 23)).slice(0, n)],
  ['a token-like run', (n) => 'aZ09'.repeat(n / 4)],
  ["'eyJ.' repeated", (n) => 'eyJ.'.repeat(n / 4)],
  ['lone surrogates', (n) => '\ud800'.repeat(n)],
  ["'-----BEGIN ' repeated", (n) => '-----BEGIN '.repeat(Math.ceil(n / 11)).slice(0, n)],
]

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/** Milliseconds per call, from a batch of calls lasting at least 2 ms. */
async function batch(fn: () => Promise<unknown>): Promise<number> {
  let count = 0
  const t0 = performance.now()
  let t = t0
  do {
    await fn()
    count++
    t = performance.now()
  } while (t - t0 < 2 && count < 2000)
  return (t - t0) / count
}

/**
 * Milliseconds per call: the fastest of three batches (other work on the machine only ever adds time, so the
 * minimum is the least disturbed), or of one when a call takes over 50 ms.
 */
async function perCall(fn: () => Promise<unknown>): Promise<number> {
  let best = await batch(fn)
  if (best > 50) return best
  for (let i = 0; i < 2; i++) best = Math.min(best, await batch(fn))
  return best
}

/**
 * Times `call(small)` and `call(large)` (8× the size), alternating, in up to `rounds` rounds; each round gives
 * the ratio of the large call's time to the small one's, and the result is their median. The measurement stops
 * as soon as the median is decided (a majority of rounds on one side of `MAX_RATIO`), after a large call of
 * over 3 s, or after a round far beyond the bound (4 × `MAX_RATIO`) whose large call took over 250 ms — a
 * quadratic path on a big input, which more rounds would only confirm, slowly.
 */
export async function timeRatio(
  call: (input: unknown) => Promise<unknown>,
  small: unknown,
  large: unknown,
  rounds = 5,
): Promise<{ ratio: number; small: number; large: number; rounds: number }> {
  for (let i = 0; i < 3; i++) await call(small)
  const s: number[] = []
  const l: number[] = []
  const r: number[] = []
  const majority = Math.floor(rounds / 2) + 1
  for (let i = 0; i < rounds; i++) {
    s.push(await perCall(() => call(small)))
    const t = await perCall(() => call(large))
    l.push(t)
    r.push(t / (s[s.length - 1] as number))
    const above = r.filter((x) => x >= MAX_RATIO).length
    const decisive = (r[r.length - 1] as number) > 4 * MAX_RATIO && t > 250
    if (above >= majority || r.length - above >= majority || t > 3000 || decisive) break
  }
  return { ratio: median(r), small: median(s), large: median(l), rounds: r.length }
}

/**
 * A linear walk over an input's own keys (two levels, keys lower-cased into a new object): the linear baseline
 * of the key-count families. V8 stores objects of more than about a thousand keys differently, so even this walk
 * grows a little faster than 8× from n to 8n; the bound is scaled by how much it does.
 */
async function keyWalk(input: unknown): Promise<unknown> {
  const out: Record<string, unknown> = {}
  const walk = (v: unknown, depth: number) => {
    if (v === null || typeof v !== 'object' || depth > 2) return
    for (const [k, x] of Object.entries(v)) {
      out[k.toLowerCase()] = typeof x
      walk(x, depth + 1)
    }
  }
  walk(input, 0)
  return out
}

/** `JSON.parse` of a JSON text: the floor of the families given as text (V8's parser itself grows on deep nesting). */
async function jsonParse(input: unknown): Promise<unknown> {
  return typeof input === 'string' ? JSON.parse(input) : input
}

function linearCase(
  d: Decoder,
  family: string,
  unit: string,
  n: number,
  build: (n: number) => unknown,
  baseline?: (input: unknown) => Promise<unknown>,
): Omit<HarnessCase, 'id'> {
  return {
    group: 'linear',
    name: `${d.label}: ${family}`,
    timeoutMs: 30_000,
    run: async (): Promise<Failure | undefined> => {
      let small: unknown
      let large: unknown
      try {
        small = build(n)
        large = build(n * SCALE)
      } catch (x) {
        return { message: `could not build the input: ${describeThrown(x)}` }
      }
      const call = async (input: unknown) => {
        try {
          await d.call(input)
        } catch {
          // throwing is the hostile group's business; here only time counts
        }
      }
      let r = await timeRatio(call, small, large)
      if (r.ratio < MAX_RATIO) return undefined
      // Over the bound: a family with a baseline (a linear key walk, `JSON.parse` of the text) is judged against the
      // baseline's own growth on the same inputs.
      const base = baseline ? (await timeRatio(baseline, small, large)).ratio : SCALE
      const bound = MAX_RATIO * Math.max(1, base / SCALE)
      if (r.ratio < bound) return undefined
      // Over the bound once: measure again before failing. A load spike on a shared machine can cost one
      // measurement (seen: 50x on a linear path while two builds ran on two cores); a super-linear path is over the
      // bound both times, and the report gives the lower of the two.
      const again = await timeRatio(call, small, large)
      if (again.ratio < bound) return undefined
      if (again.ratio < r.ratio) r = again
      return {
        message: `time(${SCALE}n) / time(n) = ${r.ratio.toFixed(1)} (median of ${r.rounds}; n = ${n} ${unit}: ${r.small.toFixed(3)} ms, ${SCALE}n: ${r.large.toFixed(3)} ms${baseline ? `; the baseline on the same input grows ${base.toFixed(1)}×` : ''}): super-linear`,
        expected: `< ${Number(bound.toFixed(1))}`,
        actual: Number(r.ratio.toFixed(1)),
      }
    },
  }
}

function nest(depth: number, leaf: unknown, key = 'cause'): unknown {
  let v = leaf
  for (let i = 0; i < depth; i++) v = { [key]: v, message: `m${i}` }
  return v
}

function dag(levels: number): unknown {
  let v: Record<string, unknown> = { code: 'x', message: 'leaf' }
  for (let i = 0; i < levels; i++) v = { a: v, b: v, cause: v, errors: [v, v], error: v, message: `m${i}` }
  return v
}

function manyKeys(n: number): Record<string, string> {
  const o: Record<string, string> = {}
  for (let i = 0; i < n; i++) o[`k${i}`] = 'v'
  return o
}

function errorChain(n: number, leaf: string): Error {
  let e = new Error(leaf)
  for (let i = 0; i < n; i++) e = new Error(`level ${i}`, { cause: e })
  return e
}

function replaceStrings(body: unknown, text: string): unknown {
  return JSON.parse(JSON.stringify(body), (k, v) =>
    typeof v === 'string' && !['code', 'type', 'name', 'error_code'].includes(k) ? text : v,
  )
}

/** Each array member of a body made `n` long, each object member given `n` more keys. */
function widen(body: unknown, n: number): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { items: Array(n).fill(body) }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = Array.from({ length: n }, () => v[0] ?? 'x')
    else if (v !== null && typeof v === 'object') out[k] = { ...v, ...manyKeys(n) }
    else out[k] = v
  }
  return { ...manyKeys(n), ...out }
}

/** Each object member of a body replaced by a chain `n` deep of itself (`{ ...member, cause: { … } }`). */
function deepen(body: unknown, n: number, shared: boolean): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return shared ? dag(n) : nest(n, body)
  const out: Record<string, unknown> = { ...body }
  for (const [k, v] of Object.entries(body)) {
    if (v !== null && typeof v === 'object') {
      const first = Array.isArray(v) ? (v[0] ?? {}) : v
      let chain: unknown = first
      for (let i = 0; i < n; i++)
        chain = shared
          ? { ...(first as object), cause: chain, a: chain, b: chain }
          : { ...(first as object), cause: [chain] }
      out[k] = Array.isArray(v) ? [chain] : chain
    }
  }
  if (Object.keys(out).every((k) => out[k] === (body as Record<string, unknown>)[k]))
    out.cause = shared ? dag(n) : nest(n, 'x')
  return out
}

function encodeWithText(adapter: Adapter<ErrsError>, text: string): unknown {
  const row = adapter.codes[0]
  const placeholder = 'Q'.repeat(Buffer.byteLength(text))
  const wire = adapter.encode(adapter.create(row?.code ?? 0, placeholder, { variant: row?.variant })) as unknown
  if (wire instanceof Uint8Array) {
    const s = Buffer.from(wire).toString('latin1').split(placeholder).join(Buffer.from(text).toString('latin1'))
    return new Uint8Array(Buffer.from(s, 'latin1'))
  }
  const w = wire as { body?: unknown }
  return {
    ...w,
    body: JSON.parse(
      JSON.stringify(w.body ?? null)
        .split(placeholder)
        .join(JSON.stringify(text).slice(1, -1)),
    ),
  }
}

function problemText(system: string, code: unknown, text: string): string {
  return JSON.stringify({
    type: `urn:errs:${system}:X`,
    system,
    code,
    title: text,
    detail: text,
    details: { note: text },
  })
}

/** Time-ratio cases for one adapter: text families in every text position, and structural families. */
export function linearCases(adapter: Adapter<ErrsError>, shapes: Shapes): Omit<HarnessCase, 'id'>[] {
  const form = wireFormOf(adapter)
  const [decode, recognize, normalize, problem, response] = decodersOf(adapter) as [
    Decoder,
    Decoder,
    Decoder,
    Decoder,
    Decoder,
  ]
  const code = shapes.codes[0] ?? 0
  const sample = shapes.bodies[0]
  const status = shapes.statuses[0] ?? 400
  const thrown = shapes.thrown[0]
  const out: Omit<HarnessCase, 'id'>[] = []
  for (const [family, text] of TEXT_FAMILIES) {
    const ascii = !family.includes('surrogate')
    if (form === 'http' || ascii)
      out.push(
        linearCase(decode, `${family} as the message of its own encoding`, 'chars', TEXT_N, (n) =>
          encodeWithText(adapter, text(n)),
        ),
      )
    if (form === 'http') {
      if (sample !== undefined)
        out.push(
          linearCase(decode, `${family} in every text member of a reply`, 'chars', TEXT_N, (n) => ({
            status,
            body: replaceStrings(sample, text(n)),
          })),
        )
      out.push(linearCase(decode, `${family} as a text body`, 'chars', TEXT_N, (n) => ({ status: 502, body: text(n) })))
    }
    for (const d of [recognize, normalize]) {
      out.push(
        linearCase(d, `${family} as an Error message`, 'chars', TEXT_N, (n) =>
          thrown
            ? Object.assign(new Error(text(n)), thrown, { message: text(n) })
            : Object.assign(new Error(text(n)), { code: 'EX' }),
        ),
      )
    }
    out.push(
      linearCase(problem, `${family} in title, detail and details (JSON text)`, 'chars', TEXT_N, (n) =>
        problemText(adapter.system, code, text(n)),
      ),
    )
    out.push(
      linearCase(response, `${family} in a problem body`, 'chars', TEXT_N, (n) => {
        const body = problemText(adapter.system, code, text(n))
        return { status: 400, headers: { 'content-type': 'application/problem+json' }, text: async () => body }
      }),
    )
    out.push(
      linearCase(response, `${family} as a text body`, 'chars', TEXT_N, (n) => {
        const body = text(n)
        return { status: 502, headers: {}, text: async () => body }
      }),
    )
  }
  // Structural families.
  if (form === 'http' && sample !== undefined) {
    out.push(
      linearCase(
        decode,
        'a reply with long arrays and many keys',
        'items',
        ITEMS_N,
        (n) => ({
          status,
          body: widen(sample, n),
        }),
        keyWalk,
      ),
    )
    out.push(
      linearCase(decode, 'a reply nested deep', 'levels', ITEMS_N, (n) => ({ status, body: deepen(sample, n, false) })),
    )
    out.push(
      linearCase(decode, 'a reply of shared references (DAG)', 'levels', 20, (n) => ({
        status,
        body: deepen(sample, n, true),
      })),
    )
    out.push(
      linearCase(
        decode,
        'headers with many entries',
        'headers',
        ITEMS_N,
        (n) => ({
          status,
          headers: manyKeys(n),
          body: sample,
        }),
        keyWalk,
      ),
    )
  }
  if (form === 'bytes') {
    const head = [0x08, ...varint(typeof code === 'number' ? code : 1)]
    out.push(
      linearCase(
        decode,
        'many repeated message fields',
        'fields',
        ITEMS_N,
        (n) => new Uint8Array([...head, ...Array.from({ length: n }, () => [0x12, 0x01, 0x61]).flat()]),
      ),
    )
    out.push(
      linearCase(
        decode,
        'many unknown fields',
        'fields',
        ITEMS_N,
        (n) => new Uint8Array([...head, ...Array.from({ length: n }, () => [0x18, 0x01]).flat()]),
      ),
    )
    out.push(
      linearCase(
        decode,
        'nested groups',
        'levels',
        ITEMS_N,
        (n) => new Uint8Array([...head, ...Array(n).fill(0x0b), ...Array(n).fill(0x0c)]),
      ),
    )
  }
  for (const d of [recognize, normalize]) {
    out.push(linearCase(d, 'a long cause chain', 'levels', ITEMS_N, (n) => errorChain(n, 'root')))
    out.push(
      linearCase(
        d,
        'an Error with many own keys and a long errors array',
        'items',
        ITEMS_N,
        (n) => Object.assign(new Error('x'), manyKeys(n), { errors: Array(n).fill(new Error('e')) }),
        keyWalk,
      ),
    )
    out.push(
      linearCase(d, 'shared references in the cause (DAG)', 'levels', 20, (n) => new Error('x', { cause: dag(n) })),
    )
  }
  out.push(
    linearCase(
      problem,
      'a long cause chain (JSON text)',
      'levels',
      ITEMS_N,
      (n) => {
        let text = '{"type":"about:blank","detail":"leaf"}'
        for (let i = 0; i < n; i++)
          text = `{"type":"urn:errs:${adapter.system}:X","system":"${adapter.system}","code":${JSON.stringify(code)},"detail":"d${i}","cause":${text}}`
        return text
      },
      jsonParse,
    ),
  )
  out.push(
    linearCase(
      problem,
      'details with many keys and deep nesting',
      'items',
      ITEMS_N,
      (n) => ({
        type: 'about:blank',
        system: adapter.system,
        code,
        details: { ...manyKeys(n), deep: nest(n, 'x') },
      }),
      keyWalk,
    ),
  )
  out.push(
    linearCase(problem, 'details of shared references (DAG)', 'levels', 20, (n) => ({
      type: 'about:blank',
      system: adapter.system,
      code,
      details: dag(n) as Record<string, unknown>,
    })),
  )
  out.push(
    linearCase(
      response,
      'a problem body with many keys in details',
      'items',
      ITEMS_N,
      (n) => {
        const body = JSON.stringify({ type: 'about:blank', system: adapter.system, code, details: manyKeys(n) })
        return { status: 400, headers: {}, text: async () => body }
      },
      async (input) => keyWalk(JSON.parse(await (input as { text: () => Promise<string> }).text())),
    ),
  )
  return out
}
