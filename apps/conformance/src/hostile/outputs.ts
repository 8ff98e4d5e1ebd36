import { inspect } from 'node:util'
import { type Adapter, ErrsError, toOtelAttributes, toProblem, toResponse } from '@errs/core'
import { describeThrown, describeValue, type Failure } from '../checks/util.js'

/** Bounds every output must respect (the largest bounded message is 16 KiB in core; generous margins). */
export const MAX_MESSAGE = 64 * 1024
export const MAX_VIEW = 2 * 1024 * 1024

/** A token allowed in an HTTP header value (RFC 9110 field-value: visible ASCII, space and tab, no CR/LF/NUL). */
export function isHeaderSafe(value: unknown): boolean {
  return typeof value === 'string' && /^[\t\x20-\x7e\x80-\xff]*$/.test(value)
}

let bodyTick = 0

/** One output of an error: where it goes, and its text. */
export type View = [name: string, text: string]

function bytesText(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')
}

/**
 * Every place a user could log or send an error: message, `String(e)`, stack, `JSON.stringify`, both problem
 * forms, both `toResponse` forms (body and headers), `util.inspect` (plain and with hidden members), the
 * OpenTelemetry attributes, and the adapter's own `encode` (body and headers). A view that throws is a failure.
 */
export async function viewsOf(
  e: ErrsError,
  adapter: Adapter<ErrsError> | undefined,
  options: { light?: boolean } = {},
): Promise<{ views: View[]; failure?: Failure }> {
  // Light (fuzzing, thousands of inputs): one util.inspect form, and the Responses made and read one time in 16 —
  // their body is the problem's JSON, which the toProblem views already cover on every input.
  const light = options.light === true
  const readBody = !light || ++bodyTick % 16 === 0
  const views: View[] = []
  const sync: [string, () => string][] = [
    ['message', () => e.message],
    ['String(err)', () => String(e)],
    ['stack', () => String(e.stack)],
    ['JSON.stringify', () => JSON.stringify(e) ?? ''],
    ['toProblem', () => JSON.stringify(toProblem(e))],
    ['toProblem exposeInternal', () => JSON.stringify(toProblem(e, { exposeInternal: true }))],
    ...(light ? [] : ([['util.inspect', () => inspect(e)]] as [string, () => string][])),
    ['util.inspect showHidden', () => inspect(e, { depth: 20, showHidden: true })],
    ['toOtelAttributes', () => JSON.stringify(toOtelAttributes(e))],
  ]
  for (const [name, fn] of sync) {
    try {
      const text = fn()
      if (typeof text !== 'string') return { views, failure: { message: `${name} is not a string`, actual: text } }
      views.push([name, text])
    } catch (x) {
      return { views, failure: { message: `${name} threw ${describeThrown(x)}`, actual: describeThrown(x) } }
    }
  }
  for (const [name, options] of readBody
    ? ([
        ['toResponse', {}],
        ['toResponse exposeInternal', { exposeInternal: true }],
      ] as const)
    : []) {
    try {
      const res = toResponse(e, options)
      const headers: [string, string][] = []
      res.headers.forEach((v, k) => {
        headers.push([k, v])
      })
      views.push([`${name} headers`, JSON.stringify(headers)])
      if (readBody) views.push([`${name} body`, await res.text()])
    } catch (x) {
      return { views, failure: { message: `${name} threw ${describeThrown(x)}`, actual: describeThrown(x) } }
    }
  }
  if (adapter && e.system === adapter.system) {
    try {
      const wire = adapter.encode(e) as unknown
      if (wire instanceof Uint8Array) views.push(['encode', bytesText(wire)])
      else {
        const w = wire as { status?: unknown; headers?: Record<string, unknown>; body?: unknown }
        const headers = w.headers ?? {}
        for (const [k, v] of Object.entries(headers)) {
          if (!isHeaderSafe(v)) {
            return {
              views,
              failure: {
                message: `encode wrote a header that is not a valid header value: ${k}`,
                actual: JSON.stringify(v)?.slice(0, 200),
              },
            }
          }
        }
        new Headers(headers as Record<string, string>)
        views.push(['encode headers', JSON.stringify(headers)])
        views.push(['encode body', typeof w.body === 'string' ? w.body : (JSON.stringify(w.body) ?? '')])
      }
    } catch (x) {
      return { views, failure: { message: `encode threw ${describeThrown(x)}`, actual: describeThrown(x) } }
    }
  }
  return { views }
}

/** Where a marker shows up, as `view: …context…`. */
function where(views: View[], marker: string): string | undefined {
  for (const [name, text] of views) {
    const i = text.indexOf(marker)
    if (i >= 0) return `${name}: …${text.slice(Math.max(0, i - 60), i + marker.length + 20)}…`
  }
  return undefined
}

function polluted(): boolean {
  return (
    (Object.prototype as Record<string, unknown>).polluted !== undefined ||
    (Array.prototype as unknown as Record<string, unknown>).polluted !== undefined ||
    Object.keys(Object.prototype).length > 0
  )
}

export interface OutputRules {
  /** Strings that must not appear in any output. */
  markers?: readonly string[]
  /** Fewer, cheaper views (see `viewsOf`). */
  light?: boolean
  /** The system the error must belong to (decoders of an adapter give that adapter's errors). */
  system?: string
}

/**
 * The error a decoder returned is well formed and safe to log and send: an `ErrsError` (of `rules.system`),
 * every output computable without throwing, bounded, header-safe, no marker in any output, no prototype polluted.
 */
export async function checkOutputs(
  e: unknown,
  adapter: Adapter<ErrsError> | undefined,
  rules: OutputRules = {},
): Promise<Failure | undefined> {
  if (polluted()) return { message: 'Object.prototype or Array.prototype was polluted' }
  if (!ErrsError.is(e))
    return { message: 'did not return an ErrsError', expected: 'an ErrsError', actual: describeValue(e) }
  if (rules.system !== undefined && e.system !== rules.system)
    return { message: 'returned an error of another system', expected: rules.system, actual: e.system }
  const { views, failure } = await viewsOf(e, adapter, { light: rules.light === true })
  if (failure) return failure
  if (e.message.length > MAX_MESSAGE)
    return { message: 'message not bounded', expected: `≤ ${MAX_MESSAGE} chars`, actual: `${e.message.length} chars` }
  for (const [name, text] of views) {
    if (text.length > MAX_VIEW)
      return { message: `${name} not bounded`, expected: `≤ ${MAX_VIEW} chars`, actual: `${text.length} chars` }
  }
  for (const m of rules.markers ?? []) {
    const hit = where(views, m)
    if (hit)
      return { message: `secret leaked in ${hit.slice(0, hit.indexOf(':'))}`, expected: 'no secret', actual: hit }
  }
  return undefined
}
