import { type Adapter, type ErrsError, fromProblem, fromResponse, type ResponseLike } from '@errs/core'
import { normalizeWith } from '@errs/core/kit'
import type { VectorFile } from '../types.js'
import { toWire, type WireForm, wireFormOf } from '../vectors.js'
import type { Shapes } from './arbitraries.js'
import { underStackRewritingError } from './patched-error.js'

/** The five decoders every adapter is attacked through. */
export const DECODERS = ['decode', 'recognize', 'normalizeWith', 'fromProblem', 'fromResponse'] as const
export type DecoderName = (typeof DECODERS)[number]

/** What a decoder must return: the adapter's own error, or undefined (recognize), or any ErrsError. */
export interface Decoder {
  name: DecoderName
  /** Label in reports, e.g. `adapter.decode (http)`. */
  label: string
  call(input: unknown): Promise<unknown>
  /** The system the result must belong to (`undefined`: any). */
  system: string | undefined
  /** `recognize` may return undefined. */
  mayBeUndefined: boolean
}

/** `d` run under a global `Error` that formats the stack when an error is made (`underStackRewritingError`). */
export function stackRewritten(d: Decoder): Decoder {
  return {
    ...d,
    label: `${d.label}, under a stack-rewriting global Error`,
    call: (input) => underStackRewritingError(() => d.call(input)),
  }
}

export function decodersOf(adapter: Adapter<ErrsError>): Decoder[] {
  const form = wireFormOf(adapter)
  return [
    {
      name: 'decode',
      label: `adapter.decode (${form})`,
      call: async (v) => adapter.decode(v as never),
      system: adapter.system,
      mayBeUndefined: false,
    },
    {
      name: 'recognize',
      label: 'adapter.recognize',
      call: async (v) => adapter.recognize(v),
      system: adapter.system,
      mayBeUndefined: true,
    },
    {
      name: 'normalizeWith',
      label: 'normalizeWith(adapter, value)',
      call: async (v) => normalizeWith(adapter, v),
      system: adapter.system,
      mayBeUndefined: false,
    },
    {
      name: 'fromProblem',
      label: 'fromProblem(value, { adapters: [adapter] })',
      call: async (v) => fromProblem(v, { adapters: [adapter] }),
      system: undefined,
      mayBeUndefined: false,
    },
    {
      name: 'fromResponse',
      label: 'fromResponse(reply, { adapters: [adapter] })',
      call: async (v) => fromResponse(v as ResponseLike, { adapters: [adapter] }),
      system: undefined,
      mayBeUndefined: false,
    },
  ]
}

function collectKeys(v: unknown, out: Set<string>, depth = 0): void {
  if (depth > 4 || v === null || typeof v !== 'object') return
  for (const [k, x] of Object.entries(v)) {
    if (!Array.isArray(v)) out.add(k)
    collectKeys(x, out, depth + 1)
  }
}

/** What the generators know of a system: its codes and classes from the adapter, sample payloads from the vectors. */
export function shapesOf(adapter: Adapter<ErrsError>, vectors: VectorFile | undefined): Shapes {
  const form: WireForm = wireFormOf(adapter)
  const bodies: unknown[] = []
  const payloads: Uint8Array[] = []
  const statuses = new Set<number>()
  const rows = [...(vectors?.codes ?? []), ...(vectors?.examples ?? []), ...(vectors?.unknownCodes ?? [])]
  const seenShapes = new Set<string>()
  for (const r of rows) {
    const w = r.wire
    if (!w) continue
    if (form === 'bytes' && ('hex' in w || 'base64' in w)) {
      if (payloads.length < 24) payloads.push(toWire(w) as Uint8Array)
    } else if (form === 'http' && 'status' in w) {
      statuses.add(w.status)
      const body = w.body ?? (w.bodyText !== undefined ? tryParse(w.bodyText) : undefined)
      if (body !== null && typeof body === 'object') {
        const shape = JSON.stringify(Object.keys(body).sort())
        if (!seenShapes.has(shape) || bodies.length < 8) {
          seenShapes.add(shape)
          if (bodies.length < 24) bodies.push(body)
        }
      }
    }
  }
  if (form === 'http' && bodies.length === 0) {
    // No vectors: the adapter's own encoding of its first code.
    try {
      const first = adapter.codes[0]
      const w = adapter.encode(adapter.create(first?.code ?? 0, 'x', { variant: first?.variant })) as { body?: unknown }
      if (w.body !== null && typeof w.body === 'object') bodies.push(w.body)
    } catch {
      // nothing to learn
    }
  }
  const keys = new Set<string>()
  for (const b of bodies) collectKeys(b, keys)
  const classNames = new Set<string>()
  for (const c of adapter.codes) if (c.className) classNames.add(c.className)
  for (const k of Object.keys((adapter as { classes?: object }).classes ?? {})) classNames.add(k)
  return {
    system: adapter.system,
    codes: [...new Set(adapter.codes.map((c) => c.code))].slice(0, 200),
    classNames: [...classNames],
    bodies,
    payloads,
    keys: [...keys].slice(0, 60),
    statuses: [...statuses],
    thrown: (vectors?.foreign ?? []).map((f) => ({ ...f.value })),
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The adapter's first error class rows, for making native errors. */
export function firstRow(adapter: Adapter<ErrsError>) {
  return adapter.codes[0]
}
