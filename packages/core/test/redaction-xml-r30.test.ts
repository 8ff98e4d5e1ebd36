import { describe, expect, it } from 'vitest'
import { addSecret, REDACTED, redactBounded, redactString } from '../src/kit.js'
import { cutText } from '../src/redact.js'
import { batch, growth } from './support/growth.js'
import { hidesIn } from './support/xml-markups.js'

// XML configuration forms that showed their secret before: a `value` attribute before the attribute naming it,
// blanks around a name's text, a `<value>` element with attributes, a namespaced `<description>`, and a bounded
// redaction whose cut falls between a `<value>` and the name after it.

// Hadoop's Configuration (apache/hadoop@f6de2b741ed75aecdd5244ce4a360b9780b53251,
// hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java, `loadResource`) reads
// XML with a StAX reader: a `<property>`'s `name` and `value` attributes by their local name, in whatever order they
// come (`for (int i = 0; i < attrCount; i++) … if ("name".equals(propertyAttr)) … else if ("value".equals(…))`); each
// child element by its local name (`switch (reader.getLocalName())`, so `<hc:description>` is a description, and
// any element it does not know is skipped); and a name's text trimmed, a value's not
// (`confName = StringInterner.weakIntern(token.toString().trim())`, `confValue = StringInterner.weakIntern(token.toString())`).

describe('a value attribute before the attribute naming it', () => {
  // "the order of attribute specifications in a start-tag or empty-element tag is not significant"
  // (XML 1.0, §3.1: https://www.w3.org/TR/xml/#sec-starttags); Hadoop's reader (above) takes them in any order.
  it.each([
    ["Hadoop's and Spring's property", '<property value="S3cretA1" name="fs.s3a.secret.key"/>', 'S3cretA1'],
    ['a key attribute', '<entry value="S3cretA2" key="db.password"/>', 'S3cretA2'],
    // .NET's appSettings: https://learn.microsoft.com/en-us/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings
    [".NET's appSettings", '<appSettings><add value="S3cretA3" key="StorageAccountKey" /></appSettings>', 'S3cretA3'],
    [
      'other attributes around them',
      '<property final="true" value="S3cretA4"  name="password" source="x"/>',
      'S3cretA4',
    ],
    ['a pretty-printed tag', '<property\n    value="S3cretA5"\n    name="password"/>', 'S3cretA5'],
    // In JSON text the line breaks between attributes are `\n` escapes, in this order and in the other.
    ['a pretty-printed tag, name first', '<property\n    name="password"\n    value="S3cretA7"/>', 'S3cretA7'],
  ])('hides the value of %s', (_name, xml, secret) => hidesIn(xml, secret))

  it('in single quotes', () => {
    expect(redactString("<add value='S3cretA6' key='password'/>")).toBe(`<add value='${REDACTED}' key='password'/>`)
  })

  it.each([
    '<property value="orders-eu" name="fs.defaultFS.bucket"/>',
    '<input type="submit" value="Sign in" name="login"/>',
    '<property value="a" name="user"/><property name="region" value="eu"/>',
    'the value="x" of name="y" is wrong',
  ])('leaves %s as it is', (text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe("blanks around a name's text", () => {
  // Hadoop trims a name's text (above): `<name> fs.s3a.secret.key </name>` names the secret key.
  it.each([
    ['name first, blanks on both sides', '<name> fs.s3a.secret.key </name><value>S3cretB1</value>', 'S3cretB1'],
    ['name first, a blank before only', '<name> password</name><value>S3cretB2</value>', 'S3cretB2'],
    ['name first, a blank after only', '<name>password </name><value>S3cretB3</value>', 'S3cretB3'],
    [
      'name first, pretty-printed',
      '<property>\n  <name>\n    fs.azure.account.key.acct.dfs.core.windows.net\n  </name>\n  <value>S3cretB4</value>\n</property>',
      'S3cretB4',
    ],
    ['value first, blanks on both sides', '<value>S3cretB5</value><name> fs.s3a.secret.key </name>', 'S3cretB5'],
    ['value first, a blank after only', '<value>S3cretB6</value>\n<name>password </name>', 'S3cretB6'],
    [
      'value first, pretty-printed',
      '<property>\n  <value>S3cretB7</value>\n  <name>\n    db.token\n  </name>\n</property>',
      'S3cretB7',
    ],
    ['a key element', '<entry><key> api_key </key><value>S3cretB8</value></entry>', 'S3cretB8'],
  ])('hides the value, %s', (_name, xml, secret) => hidesIn(xml, secret))

  it.each([
    '<name> fs.defaultFS </name><value>hdfs://nn:8020</value>',
    '<value>hdfs://nn:8020</value><name> fs.defaultFS </name>',
    '<name> password policy </name><value>strict</value>',
  ])('leaves %s as it is', (text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('a <value> element with attributes', () => {
  it.each([
    ['value first', '<value xml:space="preserve">S3cretC1</value><name>password</name>', 'S3cretC1'],
    ['name first', '<name>password</name><value xml:space="preserve">S3cretC2</value>', 'S3cretC2'],
    [
      'a Spring typed value',
      '<property name="password"><value type="java.lang.String">S3cretC3</value></property>',
      'S3cretC3',
    ],
    [
      'value first, two attributes and a description',
      '<value a="1" b=\'2\'>S3cretC4</value><description>d</description><name>fs.s3a.secret.key</name>',
      'S3cretC4',
    ],
  ])('hides the value, %s', (_name, xml, secret) => hidesIn(xml, secret))
})

describe('a namespaced <description> between a name and its value', () => {
  it.each([
    ['name first', '<name>password</name><hc:description>d</hc:description><value>S3cretD1</value>', 'S3cretD1'],
    ['value first', '<value>S3cretD2</value><hc:description>d</hc:description><name>password</name>', 'S3cretD2'],
    [
      'namespaced elements, pretty-printed, name first',
      '<p>\n<hc:name>a.token</hc:name>\n<hc:description>the token</hc:description>\n<hc:value>S3cretD3</hc:value>\n</p>',
      'S3cretD3',
    ],
    [
      'value first, pretty-printed',
      '<p>\n<hc:value>S3cretD4</hc:value>\n<hc:description>the token</hc:description>\n<hc:name>a.token</hc:name>\n</p>',
      'S3cretD4',
    ],
  ])('hides the value, not the description, %s', (_name, xml, secret) => hidesIn(xml, secret))
})

describe('a bounded redaction never keeps a value whose secret name comes after the cut', () => {
  // `redactBounded` cuts first, then redacts the head: a head holding `<value>S</value>` without the name after it
  // has nothing that names S a secret, so the cut moves before the value.
  const texts: [string, string][] = [
    ['<property><value>S3cretE1</value><name>fs.s3a.secret.key</name></property> tail', 'S3cretE1'],
    [
      '<property>\n  <value>S3cretE2</value>\n  <description>d</description>\n  <name>password</name>\n</property>',
      'S3cretE2',
    ],
    ['<property value="S3cretE3" name="password"/> and more text after it', 'S3cretE3'],
    [
      '{"e":"\\u003cvalue\\u003eS3cretE4\\u003c/value\\u003e \\u003cname\\u003edb.token\\u003c/name\\u003e"}',
      'S3cretE4',
    ],
    [
      '&lt;p&gt; &lt;value&gt;S3cretE6&lt;/value&gt; &lt;hc:description&gt;d&lt;/hc:description&gt; &lt;name&gt; pwd &lt;/name&gt;',
      'S3cretE6',
    ],
  ]

  it.each(texts)('at every bound: %s', (text, secret) => {
    for (let max = 0; max < text.length; max++) {
      const out = redactBounded(text, max)
      expect(out, `max ${max}`).not.toContain(secret.slice(0, 4))
      // A text cut by `cutText` and redacted later does not show it either.
      expect(redactString(cutText(text, max)), `max ${max}`).not.toContain(secret.slice(0, 4))
    }
  })

  it('keeps the whole pair when the head holds it, and a value whose name holds no secret', () => {
    const pair = '<value>S3cretE5</value><name>password</name>'
    expect(redactBounded(`${pair} ${'x'.repeat(20)}`, pair.length + 1)).toBe(
      `<value>${REDACTED}</value><name>password</name> …[truncated 20 chars]`,
    )
    const plain = '<value>orders-eu</value><name>bucket</name>'
    expect(redactBounded(plain, 20)).toBe('<value>orders-eu<…[truncated 26 chars]')
  })
})

describe('the new forms are redacted in linear time', () => {
  // Each form many times, and near misses: blank runs around a name, a value attribute with no name after it, a
  // value start tag whose attributes never end, `>` and its escapes inside a value, descriptions that never close.
  const units = [
    '<p value="S3cret" name="password"/>',
    ` value=&quot;a&quot; name=&quot;token&quot;`,
    ` value=\\u0022${'a'.repeat(300)}\\u0022 key=\\u0022token\\u0022`,
    ' value="a" value="a" name="token',
    `<name>${' '.repeat(40)}token${' '.repeat(40)}</name>`,
    `\\u003cname\\u003e${'\\n'.repeat(20)}token${'\\n'.repeat(20)}`,
    `<value>x</value><name>  a.token  </name>`,
    `<value xml:space="preserve">S</value><name>token</name>`,
    `&lt;value ${'a=&gt;'.repeat(200)}&lt;/value&gt;&lt;name&gt;token&lt;/name&gt;`,
    `\\u003cvalue ${'a=\\u003e'.repeat(150)}\\u003c/value\\u003e\\u003cname\\u003etoken\\u003c/name\\u003e`,
    `<name>token</name><value${' a=b'.repeat(100)}`,
    `&lt;value&gt;${'&gt;'.repeat(250)}&lt;/value&gt;&lt;name&gt;token&lt;/name&gt;`,
    '<name>token</name><hc:description>x</hc:description><value>S</value>',
    '<value>S</value><hc:description>x</hc:description><name>token</name>',
    `<hc:description>${'a'.repeat(100)}</hc:description><name>token</name>`,
    '<name>token</name><hc:description>x',
  ]

  it.each(units.map((unit) => [JSON.stringify(unit).slice(0, 60), unit]))('on %s repeated', (_name, unit) => {
    // From 256 KiB to 2 MiB: 8 when linear, 64 when quadratic.
    expect(growth(redactString, unit, Math.ceil((256 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})

describe('a bounded cut that a registered secret moves into a name', () => {
  it('still moves before the value of that name', () => {
    // The secret check moves the cut back into `password` (`passwo|rd</name>…`); the value check runs after it.
    addSecret('rd</name>Zq9x')
    const t = `<value>S3cr3tA</value><name>password</name> ${'tail '.repeat(20)}`
    const out = redactBounded(t, 43)
    expect(out).not.toContain('S3cr3tA')
    // Without the second check: `<value>S3cr3tA</value><name>passwo…`.
    expect(out).toBe('<value>…[truncated 137 chars]')
  })
})

describe("the bounded cut's look for a value before its name", () => {
  // A run of secret words (`passwordpassword…`) is one name: read once, not once per word. Read per word, each read ran
  // to the end of the 2,048-character window: ~1 ms a cut, 20× the redaction of the head alone (the conformance
  // suite's linear check caught it: a 16 KiB text body 17× the time of a 2 KiB one).
  it('costs about what redacting the kept head costs', () => {
    const text = 'password'.repeat(2048)
    const head = text.slice(0, 4096)
    let bounded = Number.POSITIVE_INFINITY
    let plain = Number.POSITIVE_INFINITY
    for (let round = 0; round < 5; round++) {
      bounded = Math.min(
        bounded,
        batch(() => redactBounded(text, 4096)),
      )
      plain = Math.min(
        plain,
        batch(() => redactString(head)),
      )
    }
    expect(bounded / plain).toBeLessThan(5)
  })
})
