import { describe, expect, it } from 'vitest'
import { fromResponse } from '../src/index.js'
import { readResponse } from '../src/kit.js'

/** A web `Response` whose body is `total` bytes in 64 KiB chunks, counting the bytes the reader pulled. */
function countingResponse(total: number): { response: Response; pulled: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x78)
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) {
        controller.close()
        return
      }
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { response: new Response(body, { status: 500 }), pulled: () => sent }
}

describe('reading a web Response is bounded (MAX_BODY_TEXT, 1 MiB)', () => {
  // A web Response has `text()`, which buffers the whole body before any cut: the body stream is read instead,
  // up to the bound, then cancelled (a huge or endless error body costs at most ~1 MiB).
  it('fromResponse reads at most about 1 MiB of a 16 MiB body', async () => {
    const { response, pulled } = countingResponse(16 * 1024 * 1024)
    const err = await fromResponse(response)
    expect(err.status).toBe(500)
    expect(pulled()).toBeLessThanOrEqual(2 * 1024 * 1024)
  })

  it('readResponse reads at most about 1 MiB of a 16 MiB body', async () => {
    const { response, pulled } = countingResponse(16 * 1024 * 1024)
    await readResponse(response)
    expect(pulled()).toBeLessThanOrEqual(2 * 1024 * 1024)
  })
})
