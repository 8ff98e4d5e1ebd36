import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromResponse, REDACTED, redactString, toProblem } from '../src/index.js'
import { growth } from './support/growth.js'

// XML quoted in an error travels escaped: a raw JSON body keeps the escapes its encoder wrote, an HTML error page
// the entities. The markup is the same, so are its secrets.

/**
 * A JSON string as Go's `encoding/json` writes it by default: `<`, `>` and `&` escaped as `\u003c`, `\u003e`,
 * `\u0026` (lower-case hex), "so that the JSON will be safe to embed inside HTML <script> tags"
 * (https://pkg.go.dev/encoding/json#Marshal, `HTMLEscape`; golang/go@02196d36575636a64f868ee0ffe6bb61442e7245,
 * src/encoding/json/encode.go: `HTMLEscape` writes `\u00` and two digits of `hex = "0123456789abcdef"`).
 */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
}

/**
 * A JSON string as .NET's System.Text.Json writes it with its default encoder: the HTML-sensitive characters
 * (`<`, `>`, `&`, `'`, `+`, `` ` ``) and the double quote escaped as `\uXXXX` with upper-case hex (`\u003C`,
 * `\u0022`): dotnet/runtime@0204f5cf1855439dd2fe1799a0d6aabf484947ea,
 * src/libraries/System.Text.Json/src/System/Text/Json/Writer/JsonWriterHelper.Escaping.cs (`AllowList`,
 * `EscapeNextChars`, `HexFormatString = "X4"`); "the default encoder … escape[s] HTML-sensitive characters such as
 * `<`, `>`, `&`, and `'`" (https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/character-encoding).
 */
function dotnetJson(value: Record<string, string>): string {
  const str = (s: string) =>
    `"${s.replace(/[\\\n"'&+<>`]/g, (c) =>
      c === '\\' ? '\\\\' : c === '\n' ? '\\n' : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`,
    )}"`
  return `{${Object.entries(value)
    .map(([k, v]) => `${str(k)}:${str(v)}`)
    .join(',')}}`
}

/** HTML-escaped text, as an HTML error page shows a configuration (`&`, `<`, `>`; quotes left as they are). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * HTML-escaped text with its quotes escaped too: as Go's `html.EscapeString` writes them, `&#34;` and `&#39;`
 * (golang/go@067e8dfd82163ddcbde248dbe5a1187a417e5d36, src/html/escape.go: `htmlEscaper`, "\"&#34;\" is shorter than
 * \"&quot;\""), or `&quot;` as Python's `html.escape` writes a double quote
 * (python/cpython@dd2cd6ba470d1be54663c014c75dd1ae58ccd340, Lib/html/__init__.py: `escape`).
 */
function htmlQuoted(text: string, quot: '&#34;' | '&quot;'): string {
  return html(text).replace(/"/g, quot).replace(/'/g, '&#39;')
}

// Configuration in XML, each a form `xml-and-token-secrets.test.ts` already hides unescaped.
const HADOOP = '<property><name>fs.s3a.secret.key</name><value>S3cretA</value></property>'
const MAVEN = '<server><id>repo</id><password>S3cretB</password></server>'
const ENTRY = '<entry key="db.password">S3cretC</entry>'
const SPRING = '<property name="password" value="S3cretD"/>'
const CDATA = '<password><![CDATA[S3cretE]]></password>'
// .NET's appSettings (https://learn.microsoft.com/en-us/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings),
// with double and with single quotes.
const APP_SETTING = '<add key="StorageAccountKey" value="S3cretF"/>'
const APP_SETTING_SINGLE = "<add key='password' value='S3cretG'/>"

describe('XML whose markup a JSON encoder escaped (a raw JSON body)', () => {
  it.each([
    [
      "Go's escapes, an element named by the key",
      '{"error":"bad config \\u003cpassword\\u003eS3cret\\u003c/password\\u003e"}',
      '{"error":"bad config \\u003cpassword\\u003e[REDACTED]\\u003c/password\\u003e"}',
    ],
    [
      "Go's escapes, a Hadoop property",
      '{"msg":"\\u003cname\\u003efs.s3a.secret.key\\u003c/name\\u003e\\u003cvalue\\u003eS3cret\\u003c/value\\u003e"}',
      '{"msg":"\\u003cname\\u003efs.s3a.secret.key\\u003c/name\\u003e\\u003cvalue\\u003e[REDACTED]\\u003c/value\\u003e"}',
    ],
    [
      ".NET's escapes (upper-case hex), a Hadoop property",
      '{"msg":"\\u003Cname\\u003Efs.s3a.secret.key\\u003C/name\\u003E\\u003Cvalue\\u003ES3cret\\u003C/value\\u003E"}',
      '{"msg":"\\u003Cname\\u003Efs.s3a.secret.key\\u003C/name\\u003E\\u003Cvalue\\u003E[REDACTED]\\u003C/value\\u003E"}',
    ],
    [
      // A JSON encoder writes the line breaks of pretty-printed XML as `\n` escapes.
      "Go's escapes, a pretty-printed Hadoop property",
      '"\\u003cproperty\\u003e\\n  \\u003cname\\u003ea.password\\u003c/name\\u003e\\n  \\u003cvalue\\u003eS3cret\\u003c/value\\u003e\\n\\u003c/property\\u003e"',
      '"\\u003cproperty\\u003e\\n  \\u003cname\\u003ea.password\\u003c/name\\u003e\\n  \\u003cvalue\\u003e[REDACTED]\\u003c/value\\u003e\\n\\u003c/property\\u003e"',
    ],
  ])('hides the value in %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  // .NET also writes an attribute's quotes as `\u0022` and `\u0027`: the key's quotes and the value's are escapes.
  it.each([
    ['a Hadoop property', HADOOP, 'S3cretA', [goJson, dotnetJson]],
    ["Maven's server password", MAVEN, 'S3cretB', [goJson, dotnetJson]],
    ["a Java properties file's XML entry", ENTRY, 'S3cretC', [goJson, dotnetJson]],
    ["Spring's property attributes", SPRING, 'S3cretD', [goJson, dotnetJson]],
    ['a CDATA section', CDATA, 'S3cretE', [goJson, dotnetJson]],
    [".NET's appSettings", APP_SETTING, 'S3cretF', [goJson, dotnetJson]],
    [".NET's appSettings in single quotes", APP_SETTING_SINGLE, 'S3cretG', [goJson, dotnetJson]],
  ])('hides %s in JSON text as Go and .NET write it, and keeps the markup', (_name, xml, secret, encoders) => {
    for (const body of encoders.map((encode) => encode({ error: `bad config: ${xml}` }))) {
      const out = redactString(body)
      expect(out).not.toContain(secret)
      // The value alone is replaced: decoding the JSON gives the configuration with the mark in the value's place.
      expect(JSON.parse(out)).toEqual({ error: `bad config: ${xml.replace(secret, REDACTED)}` })
    }
  })

  it.each([
    [
      'an appSettings entry',
      '{"error":"\\u003Cadd key=\\u0022password\\u0022 value=\\u0022S3cret\\u0022/\\u003E"}',
      '{"error":"\\u003Cadd key=\\u0022password\\u0022 value=\\u0022[REDACTED]\\u0022/\\u003E"}',
    ],
    [
      "Spring's property, its quotes alone escaped",
      '<property name=\\u0022password\\u0022 value=\\u0022S3cret\\u0022/>',
      '<property name=\\u0022password\\u0022 value=\\u0022[REDACTED]\\u0022/>',
    ],
    [
      "a Java properties file's entry, its quotes alone escaped",
      '<entry key=\\u0022password\\u0022>S3cret</entry>',
      '<entry key=\\u0022password\\u0022>[REDACTED]</entry>',
    ],
    [
      'a value holding an escaped backslash and an escaped ampersand',
      '\\u003Cadd key=\\u0022password\\u0022 value=\\u0022a\\\\b\\u0026c\\u0022/\\u003E',
      '\\u003Cadd key=\\u0022password\\u0022 value=\\u0022[REDACTED]\\u0022/\\u003E',
    ],
  ])('hides the value of %s as .NET escapes its quotes (\\u0022)', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it('a Go-encoded JSON body reaches no output of the error fromResponse makes of it', async () => {
    const body = goJson({ error: `invalid configuration ${HADOOP}` })
    const err = await fromResponse({ status: 500, headers: { 'content-type': 'application/json' }, body })
    for (const text of [JSON.stringify(err.details), JSON.stringify(toProblem(err, { exposeInternal: true }))]) {
      expect(text).toContain('\\\\u003cvalue\\\\u003e[REDACTED]')
      expect(text).not.toContain('S3cretA')
    }
  })
})

describe('XML shown HTML-escaped (an HTML error page quoting a configuration)', () => {
  it.each([
    [
      'an element named by the key',
      '<pre>&lt;password&gt;S3cret&lt;/password&gt;</pre>',
      '<pre>&lt;password&gt;[REDACTED]&lt;/password&gt;</pre>',
    ],
    ['a Hadoop property', html(HADOOP), html(HADOOP.replace('S3cretA', REDACTED))],
    ["a Java properties file's XML entry", html(ENTRY), html(ENTRY.replace('S3cretC', REDACTED))],
    ['a CDATA section', html(CDATA), html(CDATA.replace('S3cretE', REDACTED))],
  ])('hides the value of %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  // An attribute's quotes escaped too, as `&#34;` (Go), `&quot;` (Python) or `&#39;` (Go's single quote).
  it.each([
    ["Spring's property attributes", SPRING, 'S3cretD'],
    ["a Java properties file's XML entry", ENTRY, 'S3cretC'],
    [".NET's appSettings", APP_SETTING, 'S3cretF'],
    [".NET's appSettings in single quotes", APP_SETTING_SINGLE, 'S3cretG'],
  ])('hides the value of %s with its quotes escaped too', (_name, xml, secret) => {
    for (const quot of ['&#34;', '&quot;'] as const) {
      expect(redactString(htmlQuoted(xml, quot))).toBe(htmlQuoted(xml.replace(secret, REDACTED), quot))
    }
  })

  it('hides the whole value of an escaped attribute that holds an entity', () => {
    expect(redactString('&lt;property name=&quot;password&quot; value=&quot;a&amp;b&quot;/&gt;')).toBe(
      '&lt;property name=&quot;password&quot; value=&quot;[REDACTED]&quot;/&gt;',
    )
  })

  it('keeps a value that holds an escaped character (XML writes `<` in text as `&lt;`)', () => {
    expect(redactString('<password>a&lt;b&amp;c</password>')).toBe('<password>[REDACTED]</password>')
  })
})

// A description between the name and the value: Hadoop's own mapred-default.xml writes `mapreduce.jobhistory.keytab`
// and `mapreduce.jobhistory.principal` so (apache/hadoop@17bd88d1b0fe1941b5dceb89f2af214cd1e01697,
// hadoop-mapreduce-project/hadoop-mapreduce-client/hadoop-mapreduce-client-core/src/main/resources/mapred-default.xml:
// `<name>`, a `<description>` over several lines, then `<value>`), and Druid's guide has `core-site.xml` hold the S3A
// keys so (apache/druid@9ab87fae611c585c1b0e7b3f1257681d05987339, docs/development/extensions-core/hdfs.md:
// `<name>fs.s3a.secret.key</name>`, `<description>AWS secret key. …</description>`, `<value>your secret key</value>`).
// Hadoop's S3A guide lists those keys with a name and a description only, for a site file to add the value to, and
// pretty-prints values on lines of their own
// (https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/index.html: "Authentication properties";
// `fs.s3a.aws.credentials.provider`, `<value>` then one class a line, then `</value>`).
describe('Hadoop properties with a description, and values on their own line', () => {
  it.each([
    [
      "a description between the name and the value (Druid's core-site.xml)",
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <description>AWS secret key. Omit for IAM role-based or provider-based authentication.</description>\n  <value>S3cret</value>\n</property>',
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <description>AWS secret key. Omit for IAM role-based or provider-based authentication.</description>\n  <value>[REDACTED]</value>\n</property>',
    ],
    [
      'a description over several lines (as mapred-default.xml writes it)',
      '<property>\n  <name>mapreduce.jobhistory.keytab.password</name>\n  <description>\n    Password of the keytab of the\n    JobHistory Server.\n  </description>\n  <value>S3cret</value>\n</property>',
      '<property>\n  <name>mapreduce.jobhistory.keytab.password</name>\n  <description>\n    Password of the keytab of the\n    JobHistory Server.\n  </description>\n  <value>[REDACTED]</value>\n</property>',
    ],
    [
      'a description that holds an escaped character',
      '<name>ssl.server.keystore.password</name><description>Must be &lt; 64 characters.</description><value>S3cret</value>',
      '<name>ssl.server.keystore.password</name><description>Must be &lt; 64 characters.</description><value>[REDACTED]</value>',
    ],
    [
      'the usual order, the description after the value (as core-default.xml writes it)',
      '<property>\n  <name>hadoop.security.ldap.password</name>\n  <value>S3cret</value>\n  <description>d</description>\n</property>',
      '<property>\n  <name>hadoop.security.ldap.password</name>\n  <value>[REDACTED]</value>\n  <description>d</description>\n</property>',
    ],
    [
      'a value on its own line',
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>\n    S3cret\n  </value>\n</property>',
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>\n    [REDACTED]\n  </value>\n</property>',
    ],
    [
      "an element named by the key, its text on its own line (Maven's settings.xml pretty-printed)",
      '<server>\n  <password>\n    S3cret\n  </password>\n</server>',
      '<server>\n  <password>\n    [REDACTED]\n  </password>\n</server>',
    ],
    [
      "Spring's nested value, on its own line",
      '<property name="password">\n  <value>\n    S3cret\n  </value>\n</property>',
      '<property name="password">\n  <value>\n    [REDACTED]\n  </value>\n</property>',
    ],
    [
      'the description form in JSON text escaped by Go',
      goJson({
        e: '<name>fs.s3a.secret.key</name>\n<description>AWS secret key.</description>\n<value>S3cret</value>',
      }),
      goJson({
        e: '<name>fs.s3a.secret.key</name>\n<description>AWS secret key.</description>\n<value>[REDACTED]</value>',
      }),
    ],
  ])('hides the value given %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it.each([
    [
      // The S3A guide's form: the description is no value, and stays readable.
      'a name and a description without a value',
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <description>AWS secret key used by S3A file system. Omit for IAM role-based or provider-based authentication.</description>\n</property>',
    ],
    ['a description followed by another property', '<name>a.token</name><description>x</description></property>'],
    ['an element named by the key with nothing on its line', '<password>\n</password>'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('escaped markup that holds no secret value stays as it is', () => {
  it.each([
    ['a heading that names a secret word, Go-escaped', goJson({ e: '<h1>Invalid token</h1><p>Please sign in</p>' })],
    ['an element named by a secret word, then other markup, HTML-escaped', html('<h1>token</h1><p>expired</p>')],
    [
      'an element that names a secret word before another element, .NET-escaped',
      dotnetJson({ e: '<b>token</b><i>x</i>' }),
    ],
    ['an empty element, Go-escaped', goJson({ e: '<password></password>' })],
    ['an escape that is no markup', 'password\\u003cvalue \\u003e token \\u003c'],
    [
      "an attribute other than a name or key before the element's text, HTML-escaped",
      html('<a title="token" href="/t">Refresh</a>'),
    ],
    ['an entity that is no markup', 'the password &amp; the token &quot;x&quot;'],
  ])('leaves %s', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })
})

// Markup is recognised by what stands before the key: `<`, `>`, a quote, or one of them escaped. A `\` or a `;` that
// starts or ends no such escape is no markup: before, a Windows path's `\tokens>` took what followed for a value.
describe('a backslash or a semicolon before a secret word that escapes no markup', () => {
  it.each([
    ['a Windows prompt whose folder names a secret word', 'C:\\Users\\bob\\tokens>git push'],
    ['a PowerShell prompt, a blank after it', 'PS C:\\secrets\\password> Get-Content .\\notes.txt'],
    ['a Windows prompt with a dotted folder name', 'D:\\build\\api.key>echo done'],
    ['a Windows path in JSON text (its backslashes escaped)', '{"cwd":"C:\\\\Users\\\\bob\\\\tokens>git push"}'],
    ['a shell redirection after a semicolon', 'make build;tokens>build.log'],
    ['an entity other than a bracket or a quote', 'a &amp;token&gt;x and &nbsp;password&gt;y'],
    ['a JSON escape of a character other than a bracket or a quote', '{"e":"expired\\u00a0token>sign in again"}'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('redacting escaped XML twice changes nothing', () => {
  const fragments = [
    '<',
    '>',
    '</',
    '\\u003c',
    '\\u003C',
    '\\u003e',
    '\\u003E',
    '\\u0022',
    '\\u0027',
    '\\',
    ';',
    '&quot;',
    '&#34;',
    '&#39;',
    '&lt;',
    '&gt;',
    '&amp;',
    '\\"',
    '"',
    "'",
    '/',
    '\\/',
    '\\n',
    '\n',
    ' ',
    '=',
    'name',
    'key',
    'value',
    'description',
    'password',
    'token',
    'a.secret.key',
    '![CDATA[',
    ']]',
    REDACTED,
    'S3cret',
    'x',
  ]
  const unit = fc.constantFrom(...fragments)

  it('for any text made of markup, escapes and secret words', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const out = redactString(text)
        expect(redactString(out)).toBe(out)
      }),
      { numRuns: 3000 },
    )
  })

  it.each([
    goJson({ e: HADOOP }),
    dotnetJson({ e: MAVEN }),
    dotnetJson({ e: SPRING }),
    dotnetJson({ e: APP_SETTING_SINGLE }),
    htmlQuoted(ENTRY, '&quot;'),
    htmlQuoted(SPRING, '&#34;'),
    html(MAVEN),
    '<name>a.token</name>\n<description>d</description>\n<value>\n  v\n</value>',
  ])('for %s', (text) => {
    const once = redactString(text)
    expect(once).not.toBe(text)
    expect(redactString(once)).toBe(once)
  })
})

describe('escaped XML is redacted in linear time', () => {
  it('the measure tells quadratic work from linear work', () => {
    const quadratic = (text: string) => {
      let found = 0
      for (let i = 0; i < text.length; i += 2) found += text.indexOf('#', i) + text.lastIndexOf('#', i)
      return found
    }
    // A load spike while the small input is timed lowers the ratio (a loaded run of this machine read 24.7): measured
    // again, up to three times, while it reads as linear, as `growth` re-measures a linear scan that reads as more.
    let ratio = 0
    for (let attempt = 0; attempt < 3 && ratio <= 32; attempt++)
      ratio = Math.max(ratio, growth(quadratic, 'ab', 200, 0))
    expect(ratio).toBeGreaterThan(32)
  })

  // Each new form many times, and near misses of each: a start without its end, a name without a value, a description
  // that never closes, a value attribute too long or without a name after it, blank runs after a start tag, an end
  // tag, a description or a quote.
  const units = [
    '\\u003cpassword\\u003eS3cret\\u003c/password\\u003e ',
    '\\u003Cname\\u003Ea.secret.key\\u003C/name\\u003E\\u003Cvalue\\u003ES3cret\\u003C/value\\u003E',
    '&lt;password&gt;S3cret&lt;/password&gt; ',
    '<name>a.token</name>\n<description>about it</description>\n<value>\n  S3cret\n</value>\n',
    '<p value="S3cret" name="password"/>',
    '\\u003cpassword',
    '\\u003ctoken\\u003c/name\\u003e',
    '&lt;token&gt;&lt;',
    '>token</name><description>',
    '<name>token</name><description>x',
    '\\u003cname\\u003etoken\\u003c/name\\u003e\\u003cdescription\\u003exx',
    '&lt;name&gt;token&lt;/name&gt;&lt;description&gt;x&lt;b&gt;',
    `value="${'a'.repeat(300)}" name="token" `,
    ' value="a" name="token',
    ' value=\\u0022a\\u0022 key=\\u0022token',
    `<password>${' '.repeat(50)}`,
    `<name>token</name>${' '.repeat(40)}`,
    `\\u003cname\\u003etoken\\u003c/name\\u003e${'\\n'.repeat(20)}`,
    `"token"${' '.repeat(40)}`,
    `<name>token</name> <description>x</description>${' '.repeat(40)}`,
    '<password>\\u003c/',
    '\\u003Cadd key=\\u0022password\\u0022 value=\\u0022S3cret\\u0022/\\u003E',
    '\\u003Centry key=\\u0022a.token\\u0022\\u003ES3cret\\u003C/entry\\u003E',
    '&lt;property name=&quot;password&quot; value=&quot;S3cret&quot;/&gt;',
    '&lt;entry key=&#34;token&#34;&gt;S3cret&lt;/entry&gt;',
    ' value=&quot;a&amp;b name=&#34;token',
    `name=\\u0027token\\u0027${' '.repeat(40)}`,
    '\\u0022token\\u0022 ',
    'C:\\Users\\bob\\tokens>git push ',
    'x;token>',
    '&amp;token&gt;',
    '\\u00a0token>',
    'pwd::',
    `${'a'.repeat(100)}:token::`,
    `<${'a.'.repeat(70)}password>x `,
  ]

  it.each(units.map((unit) => [JSON.stringify(unit).slice(0, 60), unit]))('on %s repeated', (_name, unit) => {
    const n = Math.ceil(10000 / unit.length)
    expect(redactString(unit.repeat(n)).length).toBeGreaterThan(0)
    expect(growth(redactString, unit, n, 16)).toBeLessThan(16)
  })
})
