import { describe, expect, it } from 'vitest'
import { fromResponse, PROBLEM_CONTENT_TYPE } from '../src/index.js'
import { MAX_BODY_TEXT, readReply, readResponse } from '../src/kit.js'

const enc = new TextEncoder()

/** A Node-Readable-like stream: async-iterable chunks with `statusCode` and `headers`, as `IncomingMessage`. */
function incoming(chunks: Iterable<unknown>, statusCode = 500, headers: Record<string, unknown> = {}) {
  const state = { pulled: 0, returned: false }
  const message = {
    statusCode,
    headers,
    pipe() {},
    [Symbol.asyncIterator]() {
      const it = chunks[Symbol.iterator]()
      return {
        async next() {
          state.pulled++
          return it.next()
        },
        async return() {
          state.returned = true
          return { done: true, value: undefined }
        },
      }
    },
  }
  return { message, state }
}

function* forever(chunk: unknown) {
  for (;;) yield chunk
}

describe('readResponse: streams (IncomingMessage, axios stream data, web ReadableStream)', () => {
  it('reads an IncomingMessage: statusCode, headers with array values, body', async () => {
    const { message } = incoming([enc.encode('{"a":'), enc.encode('1}')], 503, {
      'Retry-After': '4',
      'x-request-id': 'r1',
      'set-cookie': ['a=1', 'b=2'],
    })
    const reply = await readResponse(message)
    expect(reply).toMatchObject({ status: 503, body: '{"a":1}', retryAfterMs: 4000, requestId: 'r1' })
    expect(reply.headers['set-cookie']).toBe('a=1, b=2')
    expect(reply.unreadable).toBeUndefined()
  })

  it('stops after MAX_BODY_TEXT + 1 bytes of an endless stream and cancels it', async () => {
    const { message, state } = incoming(forever(new Uint8Array(64 * 1024).fill(0x61)))
    const reply = await readResponse(message)
    expect(typeof reply.body).toBe('string')
    expect((reply.body as string).length).toBe(MAX_BODY_TEXT + 1)
    expect(state.pulled).toBe(MAX_BODY_TEXT / (64 * 1024) + 1)
    expect(state.returned).toBe(true)
  })

  it('ends on an endless stream of empty chunks (bounded chunk count)', async () => {
    const { message, state } = incoming(forever(new Uint8Array(0)))
    const reply = await readResponse(message)
    expect(reply.body).toBe('')
    expect(state.pulled).toBe(64 * 1024)
    expect(state.returned).toBe(true)
  })

  it('decodes UTF-8 split across chunks, and text chunks of a stream with an encoding set', async () => {
    const bytes = enc.encode('{"t":"é€😀"}')
    const split = incoming([bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9)])
    expect((await readResponse(split.message)).body).toBe('{"t":"é€😀"}')
    const text = incoming(['{"t":', '"x"}'])
    expect((await readResponse(text.message)).body).toBe('{"t":"x"}')
    const cut = incoming(forever('x'.repeat(1000)))
    expect(((await readResponse(cut.message)).body as string).length).toBe(MAX_BODY_TEXT + 1)
    expect(cut.state.returned).toBe(true)
  })

  it('gives unreadable for a failing stream, an odd chunk or mixed chunk types — never rejects', async () => {
    const failing = {
      statusCode: 502,
      headers: {},
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('socket hang up')) }),
    }
    expect(await readResponse(failing)).toMatchObject({ status: 502, body: undefined, unreadable: true })
    expect(await readResponse(incoming([42]).message)).toMatchObject({ unreadable: true })
    expect(await readResponse(incoming([enc.encode('a'), 'b']).message)).toMatchObject({ unreadable: true })
    const throwingIterator = {
      statusCode: 500,
      [Symbol.asyncIterator]() {
        throw new Error('no')
      },
    }
    expect(await readResponse(throwingIterator)).toMatchObject({ status: 500, unreadable: true })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(await readResponse(proxy)).toMatchObject({ status: undefined, body: undefined })
    expect(await readResponse({ status: 500, data: proxy })).toMatchObject({ status: 500 })
  })

  it("reads a stream under `data` (axios responseType 'stream') or `body` (a web ReadableStream)", async () => {
    const { message } = incoming([enc.encode('{"x":1}')])
    expect(await readResponse({ status: 418, headers: {}, data: message })).toMatchObject({
      status: 418,
      body: '{"x":1}',
    })
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('{"y":'))
        c.enqueue(enc.encode('2}'))
        c.close()
      },
    })
    expect(await readResponse({ status: 500, headers: new Headers({ a: 'b' }), body: web })).toMatchObject({
      status: 500,
      body: '{"y":2}',
      headers: { a: 'b' },
    })
    // Only getReader() (a ReadableStream where streams are not async-iterable): read, then cancelled when cut.
    let cancelled = false
    const readerOnly = {
      getReader: () => ({
        read: async () => ({ done: false, value: new Uint8Array(512 * 1024) }),
        cancel: async () => {
          cancelled = true
        },
      }),
    }
    const reply = await readResponse({ status: 500, body: readerOnly })
    expect((reply.body as string).length).toBe(MAX_BODY_TEXT + 1)
    expect(cancelled).toBe(true)
  })

  it('readReply (synchronous) reports a stream body as unreadable instead of treating it as data', () => {
    const { message } = incoming([enc.encode('{}')])
    expect(readReply({ status: 500, data: message })).toMatchObject({ status: 500, body: undefined, unreadable: true })
    expect(readReply({ status: 500, data: { parsed: true } })).toMatchObject({ body: { parsed: true } })
    expect(readReply({ statusCode: 404, body: '{}' })).toMatchObject({ status: 404, body: '{}' })
  })

  it('fromResponse rebuilds a problem streamed by an IncomingMessage', async () => {
    const problem = {
      type: 'urn:errs:demo:THROTTLED',
      title: 'Throttled',
      status: 429,
      detail: 'slow down',
      system: 'demo',
      code: 21,
      reason: 'THROTTLED',
      kind: 'resource_exhausted',
      retryable: true,
      name: 'ErrsError',
    }
    const { message } = incoming([enc.encode(JSON.stringify(problem))], 429, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'retry-after': '3',
    })
    const e = await fromResponse(message)
    expect(e).toMatchObject({ system: 'demo', code: 21, kind: 'resource_exhausted', retryAfterMs: 3000 })
  })
})

describe('readResponse: a stream whose cancellation never settles or throws', () => {
  it('still returns once the bound is reached', async () => {
    for (const cancel of [
      () => new Promise(() => {}),
      () => Promise.reject(new Error('no')),
      () => {
        throw new Error('no')
      },
    ]) {
      const stream = {
        statusCode: 500,
        [Symbol.asyncIterator]: () => ({
          next: async () => ({ done: false, value: new Uint8Array(600 * 1024) }),
          return: cancel,
        }),
      }
      const reply = await readResponse(stream)
      expect((reply.body as string).length).toBe(MAX_BODY_TEXT + 1)
    }
  })
})
