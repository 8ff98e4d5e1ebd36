import { afterEach, describe, expect, it, vi } from 'vitest'
import { fromProblem, fromResponse, normalize } from '../src/index.js'
import { headerMap, MAX_ENTRIES, ownData, ownEntries, toPlainData } from '../src/kit.js'

// A typed array's own keys are its indices: `Object.keys` of a 16 MiB `Uint8Array` lists 16 million strings
// (seconds, hundreds of MiB). Readers of the first N keys of an untrusted object must not list them all.
const BIG = 1 << 24

afterEach(() => {
  vi.restoreAllMocks()
})

/** The largest key list `Object.keys` returned while `run` ran. */
function longestKeyList(run: () => unknown): number {
  const keys = Object.keys
  let longest = 0
  vi.spyOn(Object, 'keys').mockImplementation((o: object) => {
    const out = keys(o)
    longest = Math.max(longest, out.length)
    return out
  })
  run()
  vi.restoreAllMocks()
  return longest
}

describe('an ArrayBuffer view where an object is read: its index keys are not all listed', () => {
  it('fromProblem, normalize and toPlainData of a 16 MiB Uint8Array list no more than a bound of keys', () => {
    const bytes = new Uint8Array(BIG)
    expect(longestKeyList(() => fromProblem(bytes))).toBeLessThanOrEqual(1024)
    expect(longestKeyList(() => normalize(bytes))).toBeLessThanOrEqual(1024)
    expect(longestKeyList(() => toPlainData({ samples: new Float64Array(BIG) }))).toBeLessThanOrEqual(1024)
    expect(longestKeyList(() => ownData(new Int32Array(BIG)))).toBeLessThanOrEqual(1024)
    expect(longestKeyList(() => headerMap(new Uint16Array(BIG)))).toBeLessThanOrEqual(1024)
  })

  it('a length the array defines for itself, or a subclass getter, hides none of its index keys', () => {
    const own = new Uint8Array(BIG)
    Object.defineProperty(own, 'length', { value: 1 })
    class Short extends Uint8Array {
      override get length(): number {
        return 0
      }
    }
    expect(longestKeyList(() => fromProblem(own))).toBeLessThanOrEqual(1024)
    expect(longestKeyList(() => ownEntries(new Short(BIG), 16))).toBeLessThanOrEqual(1024)
  })

  it('fromProblem of the bytes answers as before: not a problem object', () => {
    const e = fromProblem(new Uint8Array(BIG))
    expect(e.reason).toBe('UNKNOWN')
    expect(e.kind).toBe('unknown')
  })

  it('keeps what Object.keys(view).slice(0, max) gave: the first keys, the truncation mark', () => {
    expect(ownEntries(new Int8Array([5, 6]))).toEqual([
      ['0', 5],
      ['1', 6],
    ])
    expect(ownEntries(new Int8Array(BIG), 3)).toEqual([
      ['0', 0],
      ['1', 0],
      ['2', 0],
    ])
    // A short view keeps its named members too (they follow the indices).
    expect(ownData(Object.assign(new Uint16Array([7]), { code: 'x' }))).toEqual({ 0: 7, code: 'x' })
    const big = toPlainData({ samples: new Float32Array(BIG) }) as { samples: Record<string, unknown> }
    expect(Object.keys(big.samples)).toHaveLength(MAX_ENTRIES + 1)
    expect(big.samples['…']).toBe('more keys truncated')
    expect(toPlainData({ samples: new Int32Array([1, 2]) })).toEqual({ samples: { 0: 1, 1: 2 } })
  })

  it('fromResponse with a typed array for headers reads no header from it', async () => {
    const e = await fromResponse({ status: 503, headers: new Uint16Array(BIG), body: '' })
    expect(e.status).toBe(503)
    expect(e.retryAfterMs).toBeUndefined()
  })
})
