import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromProblem, fromResponse, normalize, toProblem } from '../src/index.js'
import { headerMap, parseBody, REDACTED, rawPreview, readReply, toPlainData } from '../src/kit.js'
import { retryDelay } from '../src/retry.js'
import {
  checkAttacked,
  checkPrototypes,
  hostileHeaders,
  hostileObjects,
  parsedJson,
  STATUSES,
  taintedJson,
  taintedText,
} from './support/attack-r29.js'

// A fixed seed, so that CI runs the same inputs each time (a failure can be replayed); run with another seed by hand
// (`fc.configureGlobal({ seed: Date.now() })`) to explore.
fc.configureGlobal({ seed: 20261130 })

// Round 29: core's decoders of untrusted input, attacked as a hostile peer would (problem+json from another service,
// thrown values, replies with hostile headers): a bounded ErrsError, no throw, no secret in any output, no internal in
// the public problem or Response, the prototypes untouched.

describe('core decoders under attack', () => {
  it('fromProblem and normalize: problem+json shapes with tainted text, wrong types, __proto__ keys', async () => {
    await fc.assert(
      fc.asyncProperty(parsedJson, async (value) => {
        await checkAttacked(fromProblem(value))
        await checkAttacked(fromProblem(JSON.stringify(value)))
        await checkAttacked(normalize(value))
      }),
      { numRuns: 150 },
    )
  })

  it('problem fields one by one: every field a tainted string or a wrong type', async () => {
    const field = fc.constantFrom(
      'type',
      'title',
      'detail',
      'instance',
      'code',
      'reason',
      'system',
      'name',
      'kind',
      'requestId',
      'publicMessage',
      'details',
      'internal',
      'stack',
      'cause',
    )
    await fc.assert(
      fc.asyncProperty(
        field,
        fc.oneof(taintedText, taintedJson),
        fc.constantFrom(...STATUSES),
        async (k, v, status) => {
          const problem = JSON.parse(
            JSON.stringify({ type: 'about:blank', title: 'T', status, system: 'peer', code: 'X', [k]: v }, (_k, x) =>
              typeof x === 'bigint' ? String(x) : x,
            ),
          )
          await checkAttacked(fromProblem(problem))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('hostile objects and thrown values: normalize, normalizeWith, fromProblem', async () => {
    for (const value of hostileObjects()) {
      await checkAttacked(normalize(value))
      await checkAttacked(fromProblem(value))
      checkPrototypes()
    }
  })

  it('fromResponse: any status, hostile headers, tainted bodies (text, bytes, parsed, problem+json)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 8 }),
        fc.constantFrom(...STATUSES),
        taintedJson,
        fc.constantFrom('text', 'bytes', 'value', 'problem'),
        async (h, status, body, form) => {
          const headers = hostileHeaders()[h]
          const text = JSON.stringify(body) ?? 'null'
          const b =
            form === 'text'
              ? text
              : form === 'bytes'
                ? new TextEncoder().encode(text)
                : form === 'value'
                  ? body
                  : JSON.stringify({ type: 'about:blank', status: Number(status), title: text, detail: text })
          await checkAttacked(await fromResponse({ status, headers, body: b } as never))
          await checkAttacked(await fromResponse({ statusCode: status, headers, data: b } as never))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('kit readers: parseBody, readReply, headerMap, toPlainData never throw and stay bounded', () => {
    const values: unknown[] = [...hostileObjects(), ...hostileHeaders()]
    values.push(new Uint8Array([0xff, 0xfe, 0xed, 0x80, 0xc0]), '\ud800"}', `{"a":"${'\\ud800'.repeat(1000)}"}`)
    for (const v of values) {
      const parsed = parseBody(v)
      // A value that is no text nor bytes is handed back as it is (parseBody's contract): only text is checked.
      if (parsed.ok && typeof parsed.text === 'string') expect(parsed.text.length).toBeLessThanOrEqual(2 * 1024 * 1024)
      readReply(v)
      readReply({ status: v, headers: v, body: v })
      const map = headerMap(v)
      expect(Object.getPrototypeOf(map) === null || Object.getPrototypeOf(map) === Object.prototype).toBe(true)
      const plain = toPlainData(v, { redact: true })
      const json = JSON.stringify(plain) ?? ''
      expect(json.length).toBeLessThan(64 * 1024)
      expect(json).not.toContain('CANARY')
      checkPrototypes()
    }
  })

  it('retryDelay (@errs/core/retry): any error, attempt and options give a finite delay in [0, maxMs]', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.nat({ max: 8 }).map((i) => ({ hostile: i })),
        ),
        fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Infinity, -Infinity, Number.NaN, 2 ** 53)),
        fc.record(
          {
            baseMs: fc.oneof(fc.double(), fc.constant(Infinity)),
            maxMs: fc.oneof(fc.double(), fc.constant(Infinity)),
            random: fc.constantFrom(
              () => Number.NaN,
              () => 2,
              () => -1,
              () => {
                throw new Error('r')
              },
              () => 0.999999,
            ),
          },
          { requiredKeys: [] },
        ),
        (given, attempt, options) => {
          const hostile = (given as { hostile?: unknown } | null)?.hostile
          const error = typeof hostile === 'number' ? hostileObjects()[hostile] : given
          const d = retryDelay(error, attempt as number, options as never)
          expect(Number.isFinite(d)).toBe(true)
          expect(d).toBeGreaterThanOrEqual(0)
          const maxMs = options.maxMs
          expect(d).toBeLessThanOrEqual(
            typeof maxMs === 'number' && Number.isFinite(maxMs) && maxMs >= 0 ? Math.floor(maxMs) : 20_000,
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('big and deep inputs: 100k-level nesting as text, a 2 MiB string', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const deepObj = `${'{"detail":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    const huge = `{"type":"about:blank","status":400,"title":"t","detail":"${'password=CANARY_x9big '.repeat(95_000)}"}`
    for (const text of [deep, deepObj, huge]) {
      await checkAttacked(fromProblem(text))
      await checkAttacked(await fromResponse({ status: 500, headers: {}, body: text }))
      await checkAttacked(normalize(text))
    }
    let nested: unknown = 'password=CANARY_x9nested'
    for (let i = 0; i < 100_000; i++) nested = { cause: nested, detail: nested === undefined ? 0 : 'x' }
    await checkAttacked(normalize(nested))
    await checkAttacked(fromProblem(nested))
  })
})

describe('round 29 regressions: the public problem scrubs every text a peer filled', () => {
  const peer = {
    type: 'about:blank',
    status: 400,
    title: 'Bad request',
    code: 'connect to db-7.internal:9123 failed at /srv/app/lib/db.js:10:5',
    instance: 'gateway db-7.internal:9123',
  }

  it('a string code and an instance keep no host, address or path in the public form', () => {
    const problem = toProblem(fromProblem(peer))
    expect(problem.code).toBe('connect to [internal] failed at [internal]')
    expect(problem.instance).toBe('gateway [internal]')
  })

  it('the trusted form keeps them as given (redacted only)', () => {
    const problem = toProblem(fromProblem(peer), { exposeInternal: true })
    expect(problem.code).toBe(peer.code)
    expect(problem.instance).toBe(peer.instance)
  })

  it('a route instance and a token code stay', () => {
    const problem = toProblem(fromProblem({ ...peer, instance: '/v1/table/t/describe', code: 'TABLE_NOT_FOUND' }))
    expect(problem.instance).toBe('/v1/table/t/describe')
    expect(problem.code).toBe('TABLE_NOT_FOUND')
  })
})

describe('round 29 regressions: a protobuf length byte glued to a credential', () => {
  const enc = (s: string): number[] => [...new TextEncoder().encode(s)]
  // A string field (tag 0x12, field 2 length-delimited) whose one-byte length is printable, then a stray tag: the
  // bytes are malformed, so their preview is kept. Protobuf encoding: https://protobuf.dev/programming-guides/encoding/
  const field = (text: string): number[] => [0x12, text.length, ...enc(text)]

  it('a credential right after a printable length byte is hidden, in the text and in no hex dump', () => {
    for (const secret of ['Bearer CANARY_glued1', 'fnAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      for (const len of [45, 54, 66, 95, 122]) {
        const text = `${secret} ${'x'.repeat(len)}`.slice(0, len)
        const preview = rawPreview(Uint8Array.from([0x08, 0x01, ...field(text), 0x12]))
        expect(preview).not.toContain('CANARY')
        expect(preview).not.toContain('fnAAAAAAAAAAAAAAA')
        expect(preview).not.toContain(Buffer.from(secret.slice(7, 14)).toString('hex'))
        expect(preview).toContain(REDACTED)
      }
    }
  })

  it('a credential that starts right after a control byte keeps its first letter', () => {
    const preview = rawPreview(Uint8Array.from([0x0a, ...enc('Bearer CANARY_glued2 and more text')]))
    expect(preview).toBe(' Bearer [REDACTED] and more text')
  })

  it('a payload of many glued candidates shows nothing of its bytes', () => {
    const bytes: number[] = []
    for (let i = 0; i < 400; i++) bytes.push(0x12, 0x61, 0x42)
    expect(rawPreview(Uint8Array.from(bytes))).toBe(`${REDACTED}…[1200 bytes]`)
  })
})
