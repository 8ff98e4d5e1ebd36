import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../src/http.js'
import { addSecret, parseBody, REDACTED, redactBounded, redactString } from '../src/kit.js'

// A fixed seed, so that CI runs the same inputs each time (a failure can be replayed); run with another seed by hand
// (`fc.configureGlobal({ seed: Date.now() })`) to explore.
fc.configureGlobal({ seed: 20261130 })

// Round 29's redaction and parsing, attacked: the pair scan's decoded copy (escaped letters, `LETTER_ESCAPE`) and its
// cuts mapped back, a `<value>` before its name (`VALUE_FIRST`), a bare value ending at an escaped line break, the Go
// and .NET forms of a registered secret, and `jsonTooDeep`.

const hex2 = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0')
/** `c` as written: itself (0), a JSON `\u` escape with lower- or upper-case hex digits (1, 2), percent-encoded (3, 4). */
const spell = (c: string, how: number) =>
  !/[\w.-]/.test(c) || how === 0
    ? c
    : how === 1
      ? `\\u00${hex2(c)}`
      : how === 2
        ? `\\u00${hex2(c).toUpperCase()}`
        : how === 3
          ? `%${hex2(c).toUpperCase()}`
          : `%${hex2(c)}`
/** A word spelt letter by letter in the JSON (`\u`) or the URL (`%`) family of escapes, `hows` cycled. */
const spelt = (word: string, hows: number[], url: boolean) =>
  [...word]
    .map((c, i) => {
      const how = hows[i % hows.length] as number
      return spell(c, how === 0 ? 0 : url ? 3 + (how % 2) : 1 + (how % 2))
    })
    .join('')

const secret = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((s) => `Q${s}`)
const hows = fc.array(fc.nat(4), { minLength: 1, maxLength: 6 })

describe('the decoded copy: an escape after a backslash', () => {
  // JSON (RFC 8259 §7): `\\` is a backslash, so `\\u006e` is a backslash and the text `u006e`, no escape; and a URL's
  // `\%6E` is a backslash and an `n`. Decoded as an `n` after the backslash, either made a `\n` in the copy, where a
  // bare value ends (a JSON line break): the rest of the value stayed.
  it.each([
    ['a JSON escaped backslash before u006e', String.raw`password=abc\\u006edef`],
    ['a JSON escaped backslash before u0072', String.raw`password=abc\\u0072def`],
    ['a JSON escaped backslash before u0074', String.raw`token=abc\\u0074def`],
    ['a backslash before %6E', String.raw`password=abc\%6Edef`],
    ['a backslash before %74', String.raw`api_key=abc\%74def`],
    ['a backslash before %72, in a longer text', String.raw`login failed: password=abc\%72def (retry)`],
  ])('hides the whole bare value with %s', (_name, text) => {
    const out = redactString(text)
    expect(out).not.toContain('def')
    expect(out).toContain(REDACTED)
    expect(redactString(out)).toBe(out)
  })

  it('still reads an escape after an escaped backslash (an even run): \\\\\\u0070assword is a backslash, then password', () => {
    const text = String.raw`C:\\\u0070assword=CANARYx1 end`
    expect(JSON.parse(`"${text}"`)).toBe('C:\\password=CANARYx1 end')
    expect(redactString(text)).toBe(String.raw`C:\\\u0070assword=${REDACTED} end`)
  })

  it('keeps the value going past an escaped backslash and a letter that is no line break', () => {
    expect(redactString(String.raw`password=abc\\u0070def tail`)).toBe(`password=${REDACTED} tail`)
  })
})

describe('idempotent on texts mixing escapes, markup, quotes and secret words', () => {
  const atoms = [
    ...'pasword tkenxS1_-.',
    ...['\\u0070', '\\u0061', '\\u0073', '\\u0077', '\\u006f', '\\u006E', '\\u0074', '\\u005f', '\\u002d', '\\u002E'],
    ...['\\u003c', '\\u003E', '\\u0022', '\\u00', '%70', '%61', '%73', '%77', '%6F', '%6e', '%74', '%5F', '%2D'],
    ...['%22', '%3D', '%3A', '%', '"', "'", ':', '=', '<', '>', '/', '\n', '\\n', '\\t', '\\', '\\\\', '\\"', ' '],
    ...['password', 'token', 'secret', 'api_key', 'Bearer ', '[REDACTED]', '&lt;', '&gt;', '&', ',', '{', '}'],
    ...['<value>', '</value>', '<name>', '</name>', '<param-value>', '</key>', '<description>', '<![CDATA[', ']]>'],
  ]
  const text = fc.array(fc.constantFrom(...atoms), { maxLength: 40 }).map((a) => a.join(''))

  it('redactString(redactString(x)) === redactString(x)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = redactString(t)
        expect(redactString(once)).toBe(once)
      }),
      { numRuns: 3000 },
    )
  })

  it('a bounded redaction hides no less of the head than redactString of that head', () => {
    fc.assert(
      fc.property(text, fc.nat(80), (t, max) => {
        const out = redactBounded(t, max)
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0) + 64)
        expect(() => redactString(out)).not.toThrow()
      }),
      { numRuns: 1500 },
    )
  })
})

describe('a secret key spelt with escaped letters hides what its plain spelling hides', () => {
  const KEYS = ['password', 'client_secret', 'api_key', 'x-api-key', 'token', 'access_token', 'passwd', 'AccountKey']
  const forms = (k: string, v: string, url: boolean) =>
    url
      ? [`${k}=${v}`, `${k}%3D${v}`, `${k}=${v}&`, `${k}%3A${v}`, `%22${k}%22%3A%22${v}%22`, ` --${k} ${v}`]
      : [`"${k}":"${v}"`, `"${k}": "${v}"`, `${k}=${v}`, `${k}: ${v}`, `\\"${k}\\":\\"${v}\\"`, `<${k}>${v}</${k}>`]

  it('for JSON and URL forms, before and after other text, the value itself escaped or not', () => {
    const before = fc.constantFrom('', 'error: ', '{"a":1,', 'GET /x?', 'msg\n', 'a=1&', 'x\\n')
    const after = fc.constantFrom('', ' tail', '\n', '&b=2', ',"b":2}', ' (401)', '\\n next')
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYS),
        hows,
        secret,
        fc.boolean(),
        fc.boolean(),
        fc.nat(5),
        before,
        after,
        (key, spelling, s, url, valueEscaped, form, a, b) => {
          const k = spelt(key, spelling, url)
          const v = valueEscaped ? spelt(s, spelling, url) : s
          const plain = redactString(a + (forms(key, s, url)[form] as string) + b)
          const text = a + (forms(k, v, url)[form] as string) + b
          const out = redactString(text)
          if (!plain.includes(s)) {
            expect(out).not.toContain(s)
            expect(out).not.toContain(v)
          }
          expect(redactString(out)).toBe(out)
        },
      ),
      { numRuns: 1500 },
    )
  })
})

describe('a <value> before its name (VALUE_FIRST), in every markup the docstring names', () => {
  // Hadoop's Configuration reads each child of <property> by its tag name, in any order:
  // https://github.com/apache/hadoop/blob/017bbeade14df517e790e5f2f6feee7e31ae3140/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java
  // (`loadResource`). Escaped markup: Go's encoding/json (`\u003c`), .NET's System.Text.Json (`\u003C`), HTML (`&lt;`).
  const MARKUP = [
    { lt: '<', gt: '>' },
    { lt: '\\u003c', gt: '\\u003e' },
    { lt: '\\u003C', gt: '\\u003E' },
    { lt: '&lt;', gt: '&gt;' },
  ]
  const NAMES = ['password', 'fs.s3a.secret.key', 'fs.azure.account.key.acct.dfs.core.windows.net', 'db.token', 'pwd']

  it('hides the value, with namespaces, a description, blanks, line breaks, CDATA and escaped name letters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MARKUP),
        fc.constantFrom(['value', 'name'], ['value', 'key'], ['param-value', 'param-name']),
        fc.constantFrom('', 'hc:'),
        fc.constantFrom('', ' ', '\n  ', '\\n', '\\n\\t'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...NAMES),
        hows,
        secret,
        ({ lt, gt }, [valueTag, nameTag], ns, blank, description, cdata, name, spelling, s) => {
          const tag = (t: string) => `${lt}${ns}${t}${gt}`
          const end = (t: string) => `${lt}/${ns}${t}${gt}`
          const value = cdata ? `${lt}![CDATA[${s}]]${gt}` : s
          // A description without a namespace: neither pattern reads a prefixed one (`<hc:description>`).
          const desc = description ? `${lt}description${gt}the key${lt}/description${gt}${blank}` : ''
          const text =
            `${tag('property')}${blank}${tag(valueTag as string)}${value}${end(valueTag as string)}${blank}${desc}` +
            `${tag(nameTag as string)}${spelt(name, spelling, false)}${end(nameTag as string)}${blank}${end('property')}`
          const out = redactString(text)
          expect(out).not.toContain(s)
          expect(redactString(out)).toBe(out)
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('leaves the value of a name that holds no secret', () => {
    const text = '<property><value>orders-eu</value><name>fs.defaultFS.bucket</name></property>'
    expect(redactString(text)).toBe(text)
  })
})

describe('a registered secret as Go and .NET write it in JSON', () => {
  // Go's encoding/json (`appendString`, HTML escaping on by default): `"` and `\` backslash-escaped, `\n`, `\r`, `\t`
  // short, other controls and `<`, `>`, `&`, U+2028, U+2029 as lower-case `\u` escapes, the rest as it is:
  // https://github.com/golang/go/blob/go1.23.0/src/encoding/json/encode.go. (`\b` and `\f` are left out: their form
  // changed between Go versions.)
  const go = (s: string) =>
    s.replace(/[\0-\x07\x0b\x0e-\x1f"\\<>&\u2028\u2029\n\r\t]/g, (c) =>
      c === '"' || c === '\\'
        ? `\\${c}`
        : c === '\n'
          ? '\\n'
          : c === '\r'
            ? '\\r'
            : c === '\t'
              ? '\\t'
              : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  // .NET's System.Text.Json with JavaScriptEncoder.Default: printable ASCII as it is but `"&'+<>` and the backtick,
  // which are upper-case `\u` escapes as is every other character (surrogates one by one), `\` as `\\`, and `\b`,
  // `\t`, `\n`, `\f`, `\r` short:
  // https://github.com/dotnet/runtime/blob/8508a99b0f77d6ca0235c4ade3a1fead926583d5/src/libraries/System.Text.Encodings.Web/src/System/Text/Encodings/Web/DefaultJavaScriptEncoder.cs
  const SHORT: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' }
  const dotnet = (s: string) =>
    [...s]
      .flatMap((ch) => (ch.length === 2 ? [ch[0] as string, ch[1] as string] : [ch]))
      .map((c) => {
        const code = c.charCodeAt(0)
        if (c === '\\') return '\\\\'
        if (SHORT[c]) return SHORT[c]
        if (code >= 0x20 && code < 0x7f && !`"&'+<>\``.includes(c)) return c
        return `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`
      })
      .join('')
  const special = fc.constantFrom(...[...'<>&"\'+`\\\n\t\u2028é€😀'])
  const part = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), special)
  const registered = fc
    .array(part, { minLength: 2, maxLength: 6 })
    .map((a) => `Zq${a.join('')}`)
    .filter((s) => /[^A-Za-z0-9]/.test(s))

  it('hides both forms, inside a JSON reply and a log line', () => {
    fc.assert(
      fc.property(registered, (s) => {
        addSecret(s)
        for (const form of [go(s), dotnet(s)]) {
          for (const text of [`{"error":"auth failed","conn":"${form}"}`, `dial: user=bob pw ${form} refused`]) {
            const out = redactString(text)
            expect(out).toContain(REDACTED)
            expect(out).not.toContain(form)
          }
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('ordinary error texts stay as they are', () => {
  it('every string of the conformance vectors (Fauna, Fluss, Lance messages, codes, bodies)', () => {
    const strings: string[] = []
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v)
      else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x)
    }
    for (const f of ['fauna', 'fluss', 'lance'])
      walk(JSON.parse(readFileSync(new URL(`../../../apps/conformance/vectors/${f}.json`, import.meta.url), 'utf8')))
    expect(strings.length).toBeGreaterThan(1000)
    expect(strings.filter((s) => redactString(s) !== s)).toEqual([])
  })

  it.each([
    'GET /v1/namespace/my%2Dns/table/orders%5Feu/describe?page%5Fsize=2 returned 404',
    'GET /search?q=%70%61ss%20reset&lang=en returned 400',
    'file C:\\Users\\tkn\\AppData\\Local\\errs\\u0070ort.log not found',
    String.raw`{"message":"caf\u00e9 \u0041\u0042C is not a table","path":"C:\\data\\n\\t\\r"}`,
    String.raw`{"detail":"column \u006e\u0061me is ambiguous"}`,
    'Error: table not found\n    at Object.<anonymous> (/srv/app/src/index.ts:12:5)\n    at Module._compile (node:internal/modules/cjs/loader:1256:14)',
    "org.apache.fluss.exception.TableNotExistException: Table 'db%2Eorders' does not exist.",
    'invalid_argument: Invalid FQL: unexpected token at 1:14, expected \\u0029',
    'Lance: Not found: Dataset at path s3://bucket/db%2Forders.lance was not found',
    '<property><name>fs.defaultFS</name><value>hdfs://nn:8020</value></property>',
  ])('%s', (text) => {
    expect(redactString(text)).toBe(text)
  })

  it('names that hold no secret, spelt with any escapes, in any separator', () => {
    const word = fc.constantFrom('table', 'orders', 'user', 'id', 'page', 'limit', 'namespace', 'region', 'version')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, hows, fc.boolean(), fc.constantFrom('=', ': ', '/', '?', '&', ' ', '%3D', '":"')), {
          minLength: 1,
          maxLength: 8,
        }),
        (parts) => {
          const text = parts.map(([w, h, url, sep]) => spelt(w, h, url) + sep).join('')
          expect(redactString(text)).toBe(text)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('jsonTooDeep', () => {
  const PAD = ' '.repeat(64 * 1024)
  const depthOf = (v: unknown): number =>
    v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0
  const hostileString = fc
    .array(fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\\\', '\\"', 'a', '\u2028'), { maxLength: 12 })
    .map((a) => a.join(''))
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileString,
      fc.integer(),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(hostileString, tie('node'), { maxKeys: 3 }),
    ),
  })).node

  it('agrees with the nesting JSON.parse reads, strings with brackets, quotes and backslashes (keys too) skipped', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: MAX_JSON_DEPTH - 6, max: MAX_JSON_DEPTH }), (v, wrap) => {
        const text = `${'['.repeat(wrap)}${JSON.stringify(v)}${']'.repeat(wrap)}${PAD}`
        expect(jsonTooDeep(text)).toBe(wrap + depthOf(v) > MAX_JSON_DEPTH)
      }),
      { numRuns: 300 },
    )
  })

  it('exactly at the bound and one past it, at the scanned length and one below it', () => {
    const at = (levels: number, length: number) => {
      const core = `${'['.repeat(levels)}${']'.repeat(levels)}`
      return core + ' '.repeat(length - core.length)
    }
    expect(jsonTooDeep(at(MAX_JSON_DEPTH, 64 * 1024))).toBe(false)
    expect(jsonTooDeep(at(MAX_JSON_DEPTH + 1, 64 * 1024))).toBe(true)
    expect(jsonTooDeep(at(MAX_JSON_DEPTH + 1, 64 * 1024 - 1))).toBe(false)
    expect(parseBody(at(MAX_JSON_DEPTH, 64 * 1024)).ok).toBe(true)
    expect(parseBody(at(MAX_JSON_DEPTH + 1, 64 * 1024)).ok).toBe(false)
  })

  it('mismatched closers first: JSON.parse refuses the text at the first one, never reaching the depth', () => {
    const text = `${']'.repeat(40_000)}${'['.repeat(40_000)}`
    expect(jsonTooDeep(text)).toBe(false)
    expect(parseBody(text)).toMatchObject({ ok: false, reason: 'body is not JSON' })
  })

  it('never throws on random text with quotes, brackets and backslashes', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        const text = `${a}${PAD}${b}`
        expect(typeof jsonTooDeep(text)).toBe('boolean')
        expect(() => parseBody(text)).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })
})
