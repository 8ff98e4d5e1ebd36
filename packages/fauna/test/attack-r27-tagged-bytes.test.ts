import { describe, expect, it } from 'vitest'
import { normalize as normalizeBoth } from '../src/adapter.js'
import {
  AbortError,
  decodeTagged,
  encodeTagged,
  fromFeedPage,
  fromHttp,
  fromStreamEvent,
  MAX_TAGGED_NODES,
  normalize,
} from '../src/v10.js'

// fauna-js decodes Fauna's `{"@bytes": "<base64>"}` into a `Uint8Array` (`base64toBuffer` in `TaggedTypeFormat.decode`,
// fauna/fauna-js src/tagged-type.ts @ v2.5.0), so the `abort` value of the AbortError it throws can hold megabytes of
// bytes. The tagged walk listed every index of such a value (`Object.keys`): time and memory grew with the byte count,
// not with `MAX_TAGGED_NODES` (seconds for 8 MiB), and the value came out as `{ "0": 0, "1": 0, … }`. Binary data is
// now core's bounded view of it (`toPlainData`): a hex dump, or the text when redaction hides anything in it.

const MiB = 1024 * 1024

/** fauna-js 2.5's AbortError as thrown: `code`, `httpStatus`, `queryInfo` and the decoded `abort` value. */
class DriverAbortError extends Error {
  override name = 'AbortError'
  code = 'abort'
  httpStatus = 400
  queryInfo = { summary: 'error: Query aborted.' }
  constructor(readonly abort: unknown) {
    super('Query aborted.')
  }
}

function bytes(n: number): Uint8Array {
  const b = new Uint8Array(n)
  for (let i = 0; i < n; i++) b[i] = i & 255
  return b
}

describe('binary data in the tagged format (fauna-js @bytes decoded)', () => {
  it('decodes and encodes in-memory bytes as core shows bytes, not index by index', () => {
    expect(decodeTagged(Uint8Array.of(0, 1, 2, 250, 251))).toBe('000102fafb')
    expect(encodeTagged(Uint8Array.of(0, 1, 2, 250, 251))).toBe('000102fafb')
    expect(decodeTagged({ blob: new DataView(Uint8Array.of(1).buffer) })).toEqual({ blob: {} })
    expect(encodeTagged([Uint8Array.of(104, 105)])).toEqual(['6869'])
  })

  it('shows a credential in the bytes redacted, never encoded', () => {
    const secret = new TextEncoder().encode('password=hunter2 Authorization: Bearer abcdefghijklmnop')
    for (const out of [decodeTagged({ b: secret }), encodeTagged({ b: secret })]) {
      const text = JSON.stringify(out)
      expect(text).not.toContain('hunter2')
      expect(text).not.toContain('abcdefghijklmnop')
      expect(text).toContain('[REDACTED]')
    }
  })

  it('keeps a bounded preview of megabytes', () => {
    const decoded = decodeTagged(bytes(MiB)) as string
    expect(decoded.startsWith('000102030405')).toBe(true)
    expect(decoded.length).toBeLessThan(16_384 + 32)
    expect(encodeTagged(bytes(MiB))).toBe(decoded)
    expect(JSON.stringify(decodeTagged(new Uint16Array(MiB))).length).toBeLessThan(4096)
  })

  it('8 MiB become a bounded preview, not 8 Mi values (listing their indexes took seconds)', () => {
    const big = new Uint8Array(8 * MiB)
    for (const out of [decodeTagged(big), encodeTagged(big)]) {
      expect(typeof out).toBe('string')
      expect((out as string).length).toBeLessThan(16_384 + 32)
    }
    expect(JSON.stringify(decodeTagged(new Float64Array(MiB))).length).toBeLessThan(4096)
    expect(MAX_TAGGED_NODES).toBe(100_000)
  })

  it('normalize of fauna-js AbortError holding bytes is bounded', () => {
    const big = new Uint8Array(8 * MiB)
    const e = normalize(new DriverAbortError({ blob: big }))
    expect(e).toBeInstanceOf(AbortError)
    const abort = (e as AbortError).abort as { blob: string }
    expect(typeof abort.blob).toBe('string')
    expect(abort.blob.startsWith('00000000')).toBe(true)
    const small = normalizeBoth(new DriverAbortError(Uint8Array.of(104, 105))) as AbortError
    expect(small.abort).toBe('6869')
  })

  it('decoders handed parsed bodies with bytes stay bounded', () => {
    const big = new Uint8Array(8 * MiB)
    const failure = { error: { code: 'abort', message: 'm', abort: big } }
    for (const decode of [
      () => fromHttp({ status: 400, body: failure }),
      () => fromStreamEvent({ type: 'error', ...failure }),
      () => fromFeedPage({ events: [{ type: 'error', ...failure }] }),
    ]) {
      const abort = (decode() as AbortError).abort
      expect(typeof abort).toBe('string')
      expect((abort as string).length).toBeLessThan(16_384 + 32)
    }
  })
})
