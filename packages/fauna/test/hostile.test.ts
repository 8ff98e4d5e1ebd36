import { inspect } from 'node:util'
import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { adapter, isFaunaError, normalize } from '../src/adapter.js'
import { BadRequest, errorForStatus, fromHttp, fromResponse, fromStreamEvent } from '../src/index.js'
import * as v10 from '../src/v10.js'

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const trap = () => {
  throw new Error('trap')
}
const trapping = () =>
  new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap })
const getters = () =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      ['error', 'errors', 'code', 'message', 'description', 'type', 'events', 'status', 'body', 'headers'].map((k) => [
        k,
        { get: trap, enumerable: true },
      ]),
    ),
  )
function badMessageError(): Error {
  const e = new Error('x')
  Object.defineProperty(e, 'message', { get: trap })
  Object.defineProperty(e, 'name', { get: trap })
  return e
}
function badLengthBytes(): Uint8Array {
  const b = new Uint8Array(4)
  Object.defineProperty(b, 'length', { get: trap })
  Object.defineProperty(b, 'byteLength', { get: trap })
  return b
}
const throwingToJSON = () => ({ toJSON: trap, errors: [{ code: 'x', toJSON: trap }] })

const HOSTILE: [string, () => unknown][] = [
  ['revoked Proxy', revoked],
  ['Proxy whose traps throw', trapping],
  ['throwing getters', getters],
  ['Error whose message getter throws', badMessageError],
  ['Uint8Array whose length getter throws', badLengthBytes],
  ['toJSON that throws', throwingToJSON],
]

/** Where a hostile value is put inside an otherwise well-formed input. */
const PLACES: [string, (h: unknown) => unknown][] = [
  ['the whole body', (h) => h],
  ['v4 errors', (h) => ({ errors: h })],
  ['a v4 error object', (h) => ({ errors: [h] })],
  [
    'v4 description, position, cause',
    (h) => ({ errors: [{ code: 'call error', description: h, position: h, cause: h }] }),
  ],
  ['v10 error', (h) => ({ error: h })],
  ['v10 error members', (h) => ({ error: { code: 'abort', message: h, abort: h, constraint_failures: h } })],
  [
    'v10 query_tags, stats, summary',
    (h) => ({ error: { code: 'x', message: 'm' }, query_tags: h, stats: h, summary: h }),
  ],
  ['feed events', (h) => ({ events: h })],
  ['a feed event', (h) => ({ events: [h, { type: 'error', error: h }] })],
]

/** Every output of an error must be producible too (a service logs and answers with it). */
function allOutputs(e: unknown): void {
  expect(isFaunaError(e)).toBe(true)
  const err = e as Error
  String(err)
  JSON.stringify(err)
  JSON.stringify(toProblem(err, { exposeInternal: true }))
  JSON.stringify(adapter.encode(err as never))
}

describe('decoders return a typed error for hostile in-memory values, whatever their place', () => {
  for (const [what, make] of HOSTILE) {
    it(`${what}`, async () => {
      for (const [where, put] of PLACES) {
        const body = put(make())
        const label = `${what} in ${where}`
        for (const e of [
          fromHttp({ status: 400, body } as never),
          v10.fromHttp({ status: 400, body } as never),
          adapter.decode({ status: 400, body } as never),
          v10.fromFeedPage(body),
          v10.getServiceError(body as never, 400),
          errorForStatus({ statusCode: 400, responseContent: body }),
          new BadRequest({ statusCode: 400, responseContent: body }),
          normalize(body),
          v10.normalize(body),
        ]) {
          expect(e, label).toBeDefined()
          allOutputs(e)
        }
        for (const e of [fromStreamEvent(body), v10.fromStreamEvent(body)]) if (e !== undefined) allOutputs(e)
        v10.decodeTagged(body)
        v10.encodeTagged(body)
        expect(typeof v10.isQueryFailure(body)).toBe('boolean')
      }
      // The hostile value as the whole reply, as its headers, as its status.
      const h = make()
      for (const reply of [h, { status: 400, headers: h, body: '{"errors":[]}' }, { status: h, body: '{}' }]) {
        allOutputs(fromHttp(reply as never))
        allOutputs(v10.fromHttp(reply as never))
        allOutputs(adapter.decode(reply as never))
      }
      allOutputs(await fromResponse(h as never))
      allOutputs(await v10.fromResponse(h as never))
    })
  }

  it('v4 fromHttp({ status: 400, headers: revokedProxy }) is the BadRequest the body says', () => {
    const e = fromHttp({ status: 400, headers: revoked() as never, body: '{"errors":[{"code":"invalid ref"}]}' })
    expect([e.name, e.code]).toEqual(['BadRequest', 'invalid ref'])
  })

  it('an Error whose message getter throws is still wrapped, with a message', () => {
    const e = normalize(badMessageError())
    expect(isFaunaError(e)).toBe(true)
    expect(typeof e.message).toBe('string')
    expect(isFaunaError(v10.normalize(badMessageError()))).toBe(true)
  })

  it('the inspect view of a decoded error never throws', () => {
    for (const [, make] of HOSTILE) {
      inspect(v10.fromHttp({ status: 400, body: { error: { code: 'abort', message: 'm', abort: make() } } }))
      inspect(fromHttp({ status: 400, body: { errors: [make()] } }))
    }
  })
})

describe('query_tags holding non-strings never throw', () => {
  // Issue example: {"k":{"toString":0}} made String(v) throw "Cannot convert object to primitive value".
  const body = '{"error":{"code":"x","message":"m"},"query_tags":{"k":{"toString":0}}}'
  it('fromHttp: fauna-js fails splitting a non-string query_tags → ProtocolError (src/client.ts @ v2.5.0)', () => {
    const e = v10.fromHttp({ status: 400, body })
    expect([e.name, (e as v10.ProtocolError).httpStatus]).toEqual(['ProtocolError', 400])
  })
  it('getServiceError, fromStreamEvent, fromFeedPage keep the string tags and drop the others', () => {
    const failure = JSON.parse(body)
    failure.query_tags.ok = 'yes'
    const direct = v10.getServiceError(failure, 400)
    expect(direct.queryInfo?.query_tags).toEqual({ ok: 'yes' })
    const event = v10.fromStreamEvent({ type: 'error', ...failure }) as v10.ServiceError
    expect([event.name, event.queryInfo?.query_tags]).toEqual(['QueryRuntimeError', { ok: 'yes' }])
    const page = v10.fromFeedPage({ events: [{ type: 'error', ...failure }] }) as v10.ServiceError
    expect(page.queryInfo?.query_tags).toEqual({ ok: 'yes' })
  })
})

describe('walks are bounded by the work done, not by depth', () => {
  it('decodeTagged keeps its depth bound whatever depth it is told to start from (never throws)', () => {
    // 100 000 nested arrays: without the bound, a call stack overflow.
    let deep: unknown[] = []
    const root = deep
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = []
      deep.push(next)
      deep = next
    }
    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    const throwing = {
      valueOf() {
        throw new Error('valueOf')
      },
    }
    for (const depth of [Number.NaN, -1e9, Symbol('d'), throwing, sparse, '1', undefined]) {
      const out = v10.decodeTagged(root, depth as never)
      let levels = 0
      for (let v = out; Array.isArray(v) && v.length > 0; v = v[0]) levels++
      expect(levels).toBeLessThanOrEqual(v10.MAX_TAGGED_DEPTH + 1)
    }
    expect(v10.decodeTagged({ '@int': '7' }, 3)).toBe(7)
  })

  it('decodeTagged is linear on shared references and cuts cycles', () => {
    const o: Record<string, unknown> = {}
    o.a = o
    o.b = o
    expect(v10.decodeTagged(o)).toEqual({ a: null, b: null })
    let chain: unknown = { leaf: { '@int': '1' } }
    for (let i = 0; i < 20; i++) chain = { a: chain, b: chain }
    v10.decodeTagged(chain)
    // and reaching it through abort / getServiceError
    const failure = { error: { code: 'abort', message: 'm', abort: chain } }
    v10.getServiceError(failure as never, 400)
    v10.encodeTagged(chain)
  })

  it('huge sparse arrays cost their bound, not their length', () => {
    const out: unknown = v10.decodeTagged(new Array(5e7))
    expect((out as unknown[]).length).toBeLessThanOrEqual(v10.MAX_TAGGED_NODES)
    const page: unknown = v10.fromFeedPage({ events: new Array(2 ** 32 - 1) })
    expect(page).toBeInstanceOf(v10.ProtocolError)
    const sparse = new Array(2 ** 32 - 1)
    for (const e of [
      () => fromHttp({ status: 400, body: { errors: sparse } }),
      () => fromHttp({ status: 400, body: { errors: [{ code: 'x', position: sparse, cause: sparse }] } }),
      () => v10.fromHttp({ status: 400, body: { error: { code: 'x', message: 'm', constraint_failures: sparse } } }),
      () => v10.fromHttp({ status: 502, body: { x: sparse } }),
      () => adapter.decode({ status: 400, body: { anything: sparse } }),
    ]) {
      // Returns at once (bounded by work done); walked slot by slot it would not return.
      expect(e()).toBeDefined()
    }
  })

  it('a feed page’s error event is found among its events', () => {
    const events: unknown[] = new Array(1000).fill({ type: 'add' })
    events.push({ type: 'error', error: { code: 'invalid_stream_start_time', message: 'm' } })
    expect(v10.fromFeedPage({ events })?.code).toBe('invalid_stream_start_time')
  })
})

describe('big input is bounded in what it becomes', () => {
  const big = 'x'.repeat(10 * 1024 * 1024)
  it('a 10 MB error.message (v10), description (v4), thrown message', () => {
    const e10 = v10.fromHttp({ status: 400, body: { error: { code: 'x', message: big } } })
    expect(e10.message.length).toBeLessThan(20_000)
    expect(JSON.stringify(toProblem(e10)).length).toBeLessThan(40_000)
    const text = v10.fromHttp({ status: 400, body: JSON.stringify({ error: { code: 'x', message: big } }) })
    expect(text.message.length).toBeLessThan(20_000)
    expect(String(text.details.raw).length).toBeLessThan(20_000)
    const e4 = fromHttp({ status: 400, body: { errors: [{ code: 'x', description: big }] } }) as BadRequest
    expect(e4.description?.length).toBeLessThan(20_000)
    expect(normalize(new Error(big)).message.length).toBeLessThan(20_000)
    expect(v10.normalize(new Error(big)).message.length).toBeLessThan(20_000)
    expect(new v10.ClientError(big).message.length).toBeLessThan(20_000)
    expect(v10.getServiceError({ error: { code: 'x', message: big } }).message.length).toBeLessThan(20_000)
  })
})

describe('bare Fauna secrets are redacted', () => {
  // Fauna secrets start with "fn" (https://docs.fauna.com/fauna/current/reference/fql-api/auth/key: `secret: "fn..."`).
  const SECRET = 'fnAFbbXr8ZACAPbt3ZuRNoLuvl1tkIdd2IzMNtSw'
  const SCOPED = `${SECRET}:child_db:admin`
  function outputs(e: Error): string[] {
    return [
      e.message,
      String(e),
      e.stack ?? '',
      JSON.stringify(e),
      JSON.stringify(toProblem(e, { exposeInternal: true })),
      inspect(e, { depth: 20 }),
      JSON.stringify(adapter.encode(e as never)),
    ]
  }
  it('"Invalid secret fnA…" in a v10 message', () => {
    const e = v10.fromHttp({
      status: 401,
      body: { error: { code: 'unauthorized', message: `Invalid secret ${SECRET}` }, summary: `at ${SCOPED}` },
    })
    for (const text of outputs(e)) expect(text).not.toContain('fnAFbbXr8ZACAPbt3ZuRNoLuvl1tkIdd2IzMNtSw')
    expect(e.message).toBe('Invalid secret [REDACTED]')
  })
  it('"key fnA…" in a v4 description, and in stream events', () => {
    const e = fromHttp({
      status: 401,
      body: { errors: [{ code: 'unauthorized', description: `Unauthorized: key ${SCOPED} is not valid` }] },
    }) as BadRequest
    for (const text of outputs(e)) expect(text).not.toContain(SECRET)
    // A scoped secret is `secret:database:role` (https://docs.fauna.com/fauna/v4/security/keys.html): the key's secret
    // is hidden; the database and role names after it are no credential and stay, as core hides the shape everywhere.
    expect(e.description).toBe('Unauthorized: key [REDACTED]:child_db:admin is not valid')
    const ev = fromStreamEvent({ type: 'error', event: { code: 'permission denied', description: `key ${SECRET}` } })
    for (const text of outputs(ev as Error)) expect(text).not.toContain(SECRET)
  })
  it('ordinary words starting with fn are kept', () => {
    const e = v10.getServiceError({ error: { code: 'x', message: 'fnmatch failed in fn_call' } })
    expect(e.message).toBe('fnmatch failed in fn_call')
  })
})
