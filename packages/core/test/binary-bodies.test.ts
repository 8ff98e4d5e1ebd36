import { describe, expect, it } from 'vitest'
import { ErrsError, fromResponse, toProblem } from '../src/index.js'
import { parseBody, rawPreview, readReply } from '../src/kit.js'

// A reply body may come as any binary data: `Response.arrayBuffer()` gives an `ArrayBuffer`, Node's `Buffer` and
// `fetch` bodies are `Uint8Array`s, a worker hands over a `SharedArrayBuffer`, a `DataView` or another typed array
// wraps the same bytes. Each is decoded as the same bytes in a `Uint8Array` are, and a raw preview shows them.

const encode = (s: string) => new TextEncoder().encode(s)

/** The same bytes in every binary kind a caller may hold. */
function kinds(bytes: Uint8Array): Array<[string, unknown]> {
  const buffer = bytes.slice().buffer
  const shared = new SharedArrayBuffer(bytes.length)
  new Uint8Array(shared).set(bytes)
  const padded = new Uint8Array(bytes.length + 4)
  padded.set(bytes, 2)
  return [
    ['ArrayBuffer', buffer],
    ['SharedArrayBuffer', shared],
    ['Uint8Array on a SharedArrayBuffer', new Uint8Array(shared)],
    ['DataView', new DataView(buffer)],
    ['DataView of a part', new DataView(padded.buffer, 2, bytes.length)],
    ['Int8Array', new Int8Array(buffer)],
    ['Uint8ClampedArray', new Uint8ClampedArray(buffer)],
    ...(bytes.length % 2 === 0 ? [['Uint16Array', new Uint16Array(buffer)] as [string, unknown]] : []),
  ]
}

describe('binary bodies of every kind', () => {
  const problem = JSON.stringify(
    toProblem(
      new ErrsError({ system: 'demo', code: 7, reason: 'GONE', kind: 'not_found', message: 'gone away', status: 404 }),
    ),
  )

  it('parseBody decodes them as the same bytes in a Uint8Array', () => {
    for (const text of ['{"code":4,"error":"x"}', problem, '  ']) {
      const expected = parseBody(encode(text))
      for (const [name, body] of kinds(encode(text))) expect([name, parseBody(body)]).toEqual([name, expected])
    }
  })

  it('fromResponse reads a problem from them, and a raw preview of a body that is no JSON', async () => {
    for (const [name, body] of kinds(encode(problem))) {
      const e = await fromResponse({ status: 404, headers: {}, body })
      expect([name, e.system, e.reason, e.message]).toEqual([name, 'demo', 'GONE', 'gone away'])
    }
    const html = encode('<html>Bad Gateway</html>')
    const expected = await fromResponse({ status: 502, body: html })
    expect(expected.details.raw).toBe('<html>Bad Gateway</html>')
    for (const [name, body] of kinds(html)) {
      const e = await fromResponse({ status: 502, body })
      expect([name, e.reason, e.details.raw]).toEqual([name, 'HTTP_502', '<html>Bad Gateway</html>'])
    }
  })

  it('bytes that are no UTF-8 and bodies over the bound keep a preview of the bytes, not {}', () => {
    const bad = Uint8Array.of(0xff, 0xfe, 0x41)
    for (const [name, body] of kinds(bad)) {
      const parsed = parseBody(body)
      expect([name, parsed.ok, !parsed.ok && parsed.reason]).toEqual([name, false, 'body is not valid UTF-8'])
      expect([name, rawPreview(!parsed.ok && parsed.raw)]).toEqual([name, 'fffe41'])
    }
    const big = new ArrayBuffer(5000)
    const over = parseBody(big, 4096)
    expect(over.ok === false && over.reason).toBe('body of 5000 bytes exceeds 4096')
    const preview = rawPreview(over.ok === false && over.raw)
    expect(preview.startsWith('00'.repeat(2000))).toBe(true)
    expect(preview).toBe(rawPreview(new Uint8Array(5000)))
  })

  it('readReply keeps the body as it came; a detached buffer is no bytes; parsed values pass through', () => {
    const buffer = encode('{}').buffer
    expect(readReply({ status: 500, body: buffer }).body).toBe(buffer)
    const detached = new ArrayBuffer(8)
    ;(structuredClone as (v: unknown, o: { transfer: ArrayBuffer[] }) => unknown)(detached, { transfer: [detached] })
    expect(parseBody(detached)).toMatchObject({ ok: false, empty: true })
    // Parsed values pass through, whatever their prototype (a Proxy of bytes is no bytes: its slots are not read).
    const proxy = new Proxy(encode('{"a":1}'), {})
    const passed = parseBody(proxy)
    expect(passed.ok && passed.value).toBe(proxy)
    const value = { code: 4 }
    expect(parseBody(value)).toEqual({ ok: true, value })
    expect(parseBody([1])).toEqual({ ok: true, value: [1] })
    expect(parseBody(Object.create(null))).toMatchObject({ ok: true })
  })
})
