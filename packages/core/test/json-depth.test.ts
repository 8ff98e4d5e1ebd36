import { describe, expect, it } from 'vitest'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../src/http.js'
import { fromProblem, parseBody } from '../src/kit.js'

// V8's JSON.parse of deeply nested text takes time growing faster than the text (1 MiB of `[`…`]` inside an object:
// ~150 ms on the bench machine, 4x the time of 512 KiB, against ~10 ms for 1 MiB of a flat array). A long body nested
// past MAX_JSON_DEPTH is kept as unreadable instead of parsed; these tests check which texts are refused, not time.
const deep = (levels: number, pad = 0) => `{"a":${'['.repeat(levels)}${']'.repeat(levels)},"p":"${'x'.repeat(pad)}"}`

describe('long JSON text nested too deep', () => {
  it('is not parsed: an unreadable body with its text kept', () => {
    const text = deep(64 * 1024)
    const r = parseBody(text)
    expect(r).toMatchObject({ ok: false, empty: false, reason: `body nests deeper than ${MAX_JSON_DEPTH} levels` })
    expect(r.ok === false && r.raw).toBe(text)
  })

  it('becomes a malformed problem in fromProblem', () => {
    const err = fromProblem(deep(40_000))
    expect(err.reason).toBe('MALFORMED_PROBLEM')
    expect(err.message).toContain(`nests deeper than ${MAX_JSON_DEPTH} levels`)
  })

  it('at the bound, a long text still parses', () => {
    const text = deep(MAX_JSON_DEPTH - 1, 70_000)
    expect(text.length).toBeGreaterThan(64 * 1024)
    expect(jsonTooDeep(text)).toBe(false)
    expect(parseBody(text).ok).toBe(true)
    expect(jsonTooDeep(deep(MAX_JSON_DEPTH, 70_000))).toBe(true)
  })

  it('counts no bracket inside a string, escaped quotes and backslashes included', () => {
    const brackets = '['.repeat(80_000)
    for (const s of [brackets, `\\"${brackets}`, `\\\\${brackets}\\"`, `a\\\\\\"${brackets}`]) {
      const text = `{"m":"${s}","n":[[1]]}`
      expect(JSON.parse(text).n).toEqual([[1]])
      expect(jsonTooDeep(text)).toBe(false)
      expect(parseBody(text).ok).toBe(true)
    }
    // A quote after an even run of backslashes ends the string: the brackets after it count.
    const after = `{"m":"a\\\\","n":${'['.repeat(2000)}${']'.repeat(2000)},"p":"${'x'.repeat(70_000)}"}`
    expect(jsonTooDeep(after)).toBe(true)
  })

  it('leaves a short text alone, however it nests (it parses in a few milliseconds)', () => {
    const text = deep(5000)
    expect(text.length).toBeLessThan(64 * 1024)
    expect(jsonTooDeep(text)).toBe(false)
    expect(parseBody(text).ok).toBe(true)
  })

  it('an unterminated string ends the scan: not too deep (JSON.parse then refuses the text)', () => {
    const text = `{"m":"${'['.repeat(70_000)}`
    expect(jsonTooDeep(text)).toBe(false)
    expect(parseBody(text)).toMatchObject({ ok: false, reason: 'body is not JSON' })
  })
})
