import { readFileSync } from 'node:fs'
import { fromProblem, toProblem } from '@errs/core'
import { rebuildAs } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import { adapter } from '../src/adapter.js'
import * as v4 from '../src/index.js'
import * as v10 from '../src/v10.js'

describe('native fields are getters over the one store (core fields and details)', () => {
  it('v10: an error rebuilt without its constructor has every fauna-js field', () => {
    const original = v10.fromHttp({
      status: 400,
      body: {
        error: { code: 'abort', message: 'm', abort: { '@int': '42' } },
        summary: 's',
        txn_ts: 7,
        stats: { compute_ops: 1 },
        query_tags: 'a=b',
      },
    }) as v10.AbortError
    const copy = rebuildAs(v10.AbortError, {
      system: 'fauna',
      code: original.code,
      reason: original.reason,
      kind: original.kind,
      message: original.message,
      details: original.details,
    })
    for (const e of [original, copy]) {
      expect([e.abort, e.httpStatus, e.queryInfo, e.constraint_failures]).toEqual([
        42,
        400,
        { txn_ts: 7, summary: 's', query_tags: { a: 'b' }, stats: { compute_ops: 1 } },
        undefined,
      ])
    }
    // nothing is stored twice: the fields are not own properties
    expect(Object.keys(original)).not.toContain('httpStatus')
    expect(Object.keys(original)).not.toContain('queryInfo')
    const back = fromProblem(JSON.parse(JSON.stringify(toProblem(original, { exposeInternal: true }))), {
      adapters: [adapter],
    }) as v10.AbortError
    expect(back).toBeInstanceOf(v10.AbortError)
    expect([back.abort, back.httpStatus, back.queryInfo?.txn_ts]).toEqual([42, 400, 7])
  })

  it('v4: position, httpStatusCode, description, errors(), innerError and requestResult from details', () => {
    const rr: v4.RequestResult = {
      statusCode: 400,
      responseContent: {
        errors: [
          {
            code: 'call error',
            description: 'Calling the function resulted in an error.',
            position: ['let'],
            cause: [{ code: 'instance not found', description: 'gone', position: ['get'] }],
          },
        ],
      },
    }
    const original = new v4.BadRequest(rr)
    expect(original.requestResult).toBe(rr)
    const back = fromProblem(JSON.parse(JSON.stringify(toProblem(original, { exposeInternal: true }))), {
      adapters: [adapter],
    }) as v4.BadRequest
    expect(back).toBeInstanceOf(v4.BadRequest)
    for (const e of [original, back]) {
      expect([e.position, e.httpStatusCode, e.description, e.innerError?.code]).toEqual([
        ['let'],
        400,
        'Calling the function resulted in an error.',
        'instance not found',
      ])
      expect(e.errors()[0]?.code).toBe('call error')
    }
    // the rebuilt error has no RequestResult of the driver: a view from the store
    expect(back.requestResult).toEqual({ statusCode: 400, responseContent: { errors: back.errors() } })
  })
})

describe('each entry loads one dialect', () => {
  it('the source of @errs/fauna imports nothing of v10, and @errs/fauna/v10 nothing of v4', () => {
    const imports = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen
      seen.add(file)
      const text = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8')
      for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const next = new URL(`${m[1]}.ts`, new URL(`../src/${file}`, import.meta.url)).pathname
        imports(next.slice(next.indexOf('/src/') + 5), seen)
      }
      return seen
    }
    const main = [...imports('index.ts')]
    const v10Entry = [...imports('v10.ts')]
    expect(main.filter((f) => f.startsWith('v10'))).toEqual([])
    expect(v10Entry.filter((f) => f.startsWith('v4'))).toEqual([])
    expect([...imports('adapter.ts')].some((f) => f.startsWith('v4/'))).toBe(true)
  })
})
