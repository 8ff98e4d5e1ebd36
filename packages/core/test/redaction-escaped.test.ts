import { describe, expect, it } from 'vitest'
import { REDACTED, redactString } from '../src/index.js'
import { isSecretKey } from '../src/kit.js'

const S = 'CANARYs3cr3tVALUE'

// RFC 8259 §7 (https://www.rfc-editor.org/rfc/rfc8259#section-7): "Any character may be escaped", as `\u` and four hex
// digits, in a member name too; a reader sees the character. A raw body kept as its JSON text keeps the escapes as
// its encoder wrote them.
describe('a secret key name written with JSON `\\u` escapes', () => {
  it.each([
    ['the first letter', `{"\\u0070assword":"${S}"}`],
    ['a letter inside', `{"pass\\u0077ord":"${S}"}`],
    ['the separator of api_key', `{"api\\u005fkey":"${S}"}`],
    ['an upper-case letter', `{"\\u0050ASSWORD":"${S}"}`],
    ['upper-case hex digits', `{"client_\\u0053\\u0045CRET":"${S}"}`],
    ['every letter', `{"\\u0070\\u0061\\u0073\\u0073\\u0077\\u006f\\u0072\\u0064":"${S}"}`],
    ['a digit after the word', `{"password\\u0031":"${S}"}`],
    ['a prefix before the word', `{"db\\u002epassword":"${S}"}`],
    ['in a longer reply', `{"error":"denied","context":{"user":"bob","x\\u002dapi\\u002dkey":"${S}"},"code":3}`],
  ])('hides the value when %s is escaped', (_name, text) => {
    // What a JSON reader sees: a key that names a secret, holding S.
    const parsed = JSON.parse(text) as Record<string, unknown>
    const flat = { ...parsed, ...(parsed.context as Record<string, unknown> | undefined) }
    const key = Object.keys(flat).find((k) => flat[k] === S) as string
    expect(isSecretKey(key)).toBe(true)
    const out = redactString(text)
    expect(out).not.toContain(S)
    // Only the value goes: the key stays as it was written.
    expect(out).toBe(text.replace(S, REDACTED))
    expect(redactString(out)).toBe(out)
  })

  it('hides a value written with escapes too, whole', () => {
    const text = '{"\\u0070assword":"\\u0053\\u0033cr\\u0065t"}'
    expect(JSON.parse(text)).toEqual({ password: 'S3cret' })
    expect(redactString(text)).toBe(`{"\\u0070assword":"${REDACTED}"}`)
  })

  it('hides the value in JSON quoted inside a JSON string (escaped quotes)', () => {
    const text = `{"message":"upstream said {\\"\\u0070assword\\":\\"${S}\\"}"}`
    expect(redactString(text)).not.toContain(S)
  })
})

// RFC 3986 §2.3 (https://www.rfc-editor.org/rfc/rfc3986#section-2.3): URIs that differ only in an unreserved character
// (a letter, digit, `-`, `.`, `_`, `~`) being percent-encoded are equivalent; WHATWG URL's
// application/x-www-form-urlencoded parser (https://url.spec.whatwg.org/#urlencoded-parsing) percent-decodes each name,
// as `URLSearchParams` does.
describe('a secret query parameter name with percent-encoded letters', () => {
  it.each([
    ['a letter inside', `pass%77ord=${S}`],
    ['the first letter', `%70assword=${S}`],
    ['upper-case', `%50ASSWORD=${S}`],
    ['the separator of api_key', `api%5Fkey=${S}`],
    ['every letter', `%74%6F%6B%65%6E=${S}`],
  ])('hides the value when %s is encoded', (_name, query) => {
    const name = [...new URLSearchParams(query).keys()][0] as string
    expect(isSecretKey(name)).toBe(true)
    const text = `GET /v1/tables?${query}&page=2 returned 401`
    const out = redactString(text)
    expect(out).not.toContain(S)
    expect(out).toBe(text.replace(S, REDACTED))
    expect(redactString(out)).toBe(out)
  })

  it('hides an encoded name inside an encoded query (a query parameter holding a query)', () => {
    const text = `GET /login?next=%2Fcb%3Fpass%77ord%3D${S}`
    expect(redactString(text)).toBe(`GET /login?next=%2Fcb%3Fpass%77ord%3D${REDACTED}`)
  })
})

describe('escaped letters that name no secret', () => {
  it.each([
    'char \\u0070 is not allowed here',
    '{"message":"reset your \\u0070assword"}',
    '{"message":"see the \\u0070assword policy","code":400}',
    '{"\\u0070ort":"8080","h\\u006fst":"db"}',
    'GET /files/%70hotos/a%2Eb%2Dc.png 404',
    'GET /a%70b/c?q=%61sk%20me',
    'done 100%25, 50%2E5%',
    '{"path":"/x/pass%77ord.txt"}',
  ])('leaves %s alone', (text) => {
    expect(redactString(text)).toBe(text)
  })
})

// Element order inside Hadoop's <property> is free: Configuration reads each child element by its tag name
// (https://github.com/apache/hadoop/blob/017bbeade14df517e790e5f2f6feee7e31ae3140/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java,
// `loadResource`: `if ("name".equals(field.getTagName()) …` and `if ("value".equals(field.getTagName()) …` in one
// loop over the children), so a value before its name sets that name. The S3A secret is `fs.s3a.secret.key`
// (https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/index.html).
describe('a value element before the element naming a secret', () => {
  it.each([
    ['Hadoop, value then name', `<property><value>${S}</value><name>fs.s3a.secret.key</name></property>`],
    [
      'Hadoop, pretty-printed with a description between',
      `<property>\n  <value>${S}</value>\n  <description>S3 secret</description>\n  <name>fs.s3a.secret.key</name>\n</property>`,
    ],
    ['a key element', `<entry><value>${S}</value><key>password</key></entry>`],
    [
      "a servlet's init-param",
      `<init-param><param-value>${S}</param-value><param-name>db.password</param-name></init-param>`,
    ],
    ['a namespaced and capitalised element', `<p:Property><p:Value>${S}</p:Value><p:Name>token</p:Name></p:Property>`],
    ['a CDATA section', `<property><value><![CDATA[${S}]]></value><name>password</name></property>`],
    [
      'markup JSON-escaped (Go)',
      `{"conf":"\\u003cproperty\\u003e\\u003cvalue\\u003e${S}\\u003c/value\\u003e\\u003cname\\u003efs.s3a.secret.key\\u003c/name\\u003e\\u003c/property\\u003e"}`,
    ],
    [
      'markup as HTML entities',
      `&lt;property&gt;&lt;value&gt;${S}&lt;/value&gt;&lt;name&gt;password&lt;/name&gt;&lt;/property&gt;`,
    ],
    ['a JSON string with escaped line breaks', `{"xml":"<property>\\n<value>${S}</value>\\n<name>password</name>"}`],
  ])('hides the value: %s', (_name, text) => {
    const out = redactString(text)
    expect(out).not.toContain(S)
    expect(out).toBe(text.replace(S, REDACTED))
    expect(redactString(out)).toBe(out)
  })

  it('hides a whole value holding a key of its own, once', () => {
    const text = `<property><value>"token":"${S}" and more</value><name>password</name></property>`
    const out = redactString(text)
    expect(out).toBe(`<property><value>${REDACTED}</value><name>password</name></property>`)
    expect(redactString(out)).toBe(out)
  })

  it('hides both values around a secret name', () => {
    expect(redactString(`<value>${S}1</value><name>password</name><value>${S}2</value>`)).toBe(
      `<value>${REDACTED}</value><name>password</name><value>${REDACTED}</value>`,
    )
  })

  it.each([
    ['a value before a name that is no secret', '<property><value>42</value><name>port</name></property>'],
    ['a value before a description alone', '<property><value>on</value><description>a password policy</description>'],
    [
      "the previous name's value in a list without wrappers",
      `<name>db.user</name><value>alice</value><name>db.password</name><value>${REDACTED}</value>`,
    ],
    ['a secret name with its value after it', `<property><name>password</name><value>${REDACTED}</value></property>`],
    ['an empty value', '<property><value></value><name>password</name></property>'],
  ])('leaves alone %s', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })
})
