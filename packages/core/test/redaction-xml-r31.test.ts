import { describe, expect, it } from 'vitest'
import { REDACTED, redactBounded, redactString } from '../src/kit.js'
import { cutText } from '../src/redact.js'
import { growth } from './support/growth.js'

// XML configuration forms that showed their secret before: an attribute between the `name` and `value` attributes,
// blanks around `=`, a value holding the other quote, a `<final>` or `<source>` element between `<name>` and
// `<value>`, and namespaced `name` and `value` attributes.

// XML 1.0 (https://www.w3.org/TR/xml/#sec-starttags, §3.1): `STag ::= '<' Name (S Attribute)* S? '>'`,
// `Attribute ::= Name Eq AttValue`, `Eq ::= S? '=' S?` (blanks around `=`), `AttValue ::= '"' ([^<&"] | Reference)* '"'
// | "'" ([^<&'] | Reference)* "'"` (a value in single quotes may hold `"`, one in double quotes `'`), and "the order of
// attribute specifications in a start-tag or empty-element tag is not significant".
//
// Hadoop's Configuration (apache/hadoop@f6de2b741ed75aecdd5244ce4a360b9780b53251,
// hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java, `loadResource`) reads a
// `<property>`'s attributes by their local name (`String propertyAttr = reader.getAttributeLocalName(i); if
// ("name".equals(propertyAttr)) … else if ("value".equals(propertyAttr)) … else if ("final".equals(…)) … else if
// ("source".equals(…))`: `conf:name` is a `name`, and a `final` or `source` attribute may stand between them), and its
// children by their local name (`case "name": case "value": case "final": case "source": parseToken = true`, the rest,
// such as `<description>`, skipped), each closing where its end tag is, in whatever order they come; its own writer
// (`appendXMLProperty`) writes `<name>`, `<value>`, `<final>`, then `<source>` elements.

/** The markup as it travels: as it is, in Go's JSON (`\u003c`, `\"`), in .NET's (`\u003C`, `\u0022`), in HTML. */
const MARKUPS: [string, (xml: string) => string][] = [
  ['plain', (x) => x],
  [
    "Go's JSON",
    (x) =>
      x.replace(/[<>"\n]/g, (c) => (c === '"' ? '\\"' : c === '\n' ? '\\n' : `\\u00${c.charCodeAt(0).toString(16)}`)),
  ],
  [
    ".NET's JSON",
    (x) => x.replace(/[<>"'\n]/g, (c) => (c === '\n' ? '\\n' : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`)),
  ],
  ['HTML', (x) => x.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
]

/** `xml` in every markup: the secret is gone from each, the rest of the markup stays, and a second pass changes nothing. */
function hidesIn(xml: string, secret: string): void {
  for (const [markup, write] of MARKUPS) {
    const text = write(xml)
    const out = redactString(text)
    expect(out, markup).toBe(write(xml.replace(secret, REDACTED)))
    expect(redactString(out), markup).toBe(out)
  }
}

describe('an attribute between the name and value attributes', () => {
  it.each([
    ['final between, name first', '<property name="password" final="true" value="S3cretF1"/>', 'S3cretF1'],
    ['final between, value first', '<property value="S3cretF2" final="true" name="password"/>', 'S3cretF2'],
    [
      'two attributes between',
      '<property name="fs.s3a.secret.key" final="true" source="core-site.xml" value="S3cretF3"/>',
      'S3cretF3',
    ],
    [
      'two attributes between, value first',
      '<property value="S3cretF4" source="core-site.xml" final="true" name="db.password"/>',
      'S3cretF4',
    ],
    ['a key attribute', '<add key="StorageAccountKey" xdt:Transform="Replace" value="S3cretF5"/>', 'S3cretF5'],
  ])('hides the value, %s', (_name, xml, secret) => hidesIn(xml, secret))
})

describe('blanks around = (Eq ::= S? "=" S?)', () => {
  it.each([
    ['on both attributes', '<property name = "password" value = "S3cretG1"/>', 'S3cretG1'],
    ['before and after the value attribute', '<property name="password" value ="S3cretG2"/>', 'S3cretG2'],
    ['a line break after =', '<property name="password" value=\n  "S3cretG3"/>', 'S3cretG3'],
    ['value first', '<property value = "S3cretG4" name = "password"/>', 'S3cretG4'],
    ['a key attribute naming an element', '<entry key = "db.password">S3cretG5</entry>', 'S3cretG5'],
  ])('hides the value, %s', (_name, xml, secret) => hidesIn(xml, secret))
})

describe('single quotes, and a value holding the other quote', () => {
  it.each([
    ['a double quote inside single quotes', `<property name='password' value='a"S3cretH1'/>`, `a"S3cretH1`],
    ['a single quote inside double quotes', `<property name="password" value="a'S3cretH2"/>`, `a'S3cretH2`],
    ['value first, a double quote inside', `<property value='a"S3cretH3' name='password'/>`, `a"S3cretH3`],
    ['value first, a single quote inside', `<property value="a'S3cretH4" name="password"/>`, `a'S3cretH4`],
  ])('hides the whole value, %s', (_name, xml, secret) => hidesIn(xml, secret))

  it('ends the value at its own closing quote, not a later one', () => {
    expect(redactString(`<p name='password' value='S3cret'/> title="x"`)).toBe(
      `<p name='password' value='${REDACTED}'/> title="x"`,
    )
  })
})

describe('a <final> or <source> element between <name> and <value>', () => {
  it.each([
    [
      'final, name first',
      '<property><name>password</name><final>true</final><value>S3cretJ1</value></property>',
      'S3cretJ1',
    ],
    [
      'source, name first',
      '<property><name>fs.s3a.secret.key</name><source>core-site.xml</source><value>S3cretJ2</value></property>',
      'S3cretJ2',
    ],
    [
      'a description and a final, pretty-printed',
      '<property>\n  <name>password</name>\n  <description>d</description>\n  <final>true</final>\n  <value>S3cretJ3</value>\n</property>',
      'S3cretJ3',
    ],
    [
      'final, value first',
      '<property><value>S3cretJ4</value><final>true</final><name>password</name></property>',
      'S3cretJ4',
    ],
    [
      'source and description, value first',
      '<property><value>S3cretJ5</value><source>x</source><description>d</description><name>db.token</name></property>',
      'S3cretJ5',
    ],
    [
      'namespaced, value first',
      '<p>\n<hc:value>S3cretJ6</hc:value>\n<hc:final>true</hc:final>\n<hc:name>a.token</hc:name>\n</p>',
      'S3cretJ6',
    ],
  ])('hides the value, not the element between, %s', (_name, xml, secret) => hidesIn(xml, secret))

  it('leaves a final element after the value as it is (the order Hadoop writes)', () => {
    expect(redactString('<name>password</name><value>S3cret</value><final>true</final>')).toBe(
      `<name>password</name><value>${REDACTED}</value><final>true</final>`,
    )
  })
})

describe('namespaced name and value attributes', () => {
  it.each([
    ['name first', '<property conf:name="password" conf:value="S3cretK1"/>', 'S3cretK1'],
    ['value first', '<property conf:value="S3cretK2" conf:name="password"/>', 'S3cretK2'],
    ['on a namespaced element', '<c:property c:name="fs.s3a.secret.key" c:value="S3cretK3"/>', 'S3cretK3'],
  ])('hides the value, %s', (_name, xml, secret) => hidesIn(xml, secret))
})

describe('near misses stay as they are', () => {
  it.each([
    '<property name="region" final="true" value="eu"/>',
    '<property value="eu" final="true" name="region"/>',
    '<property><name>region</name><final>true</final><value>eu</value></property>',
    '<property><value>eu</value><source>password.xml</source><name>region</name></property>',
    '<input type="submit" value = "Sign in" name = "login"/>',
  ])('%s', (text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('a bounded redaction of the new forms', () => {
  it.each([
    ['<property value="S3cretL1" final="true" name="password"/> tail', 'S3cretL1'],
    ['<property value = "S3cretL2" name = "password"/> tail', 'S3cretL2'],
    ['<property conf:value="S3cretL3" conf:name="password"/> tail', 'S3cretL3'],
    ['<property><value>S3cretL4</value><final>true</final><name>password</name></property>', 'S3cretL4'],
    [`<property value='a"S3cretL5' name='password'/> tail`, 'S3cretL5'],
  ])('keeps no part of the value at any bound: %s', (text, secret) => {
    for (let max = 0; max < text.length; max++) {
      expect(redactBounded(text, max), `max ${max}`).not.toContain(secret.slice(0, 4))
      expect(redactString(cutText(text, max)), `max ${max}`).not.toContain(secret.slice(0, 4))
    }
  })
})

describe('the new forms are redacted in linear time', () => {
  // Each form many times, and near misses: attributes between that never reach a value attribute, blanks around `=`
  // with no value after them, quotes of the other kind that never close, metadata elements that never reach a value.
  const units = [
    '<p name="password" final="true" value="S"/>',
    '<p value="S" final="true" source="x" name="password"/>',
    ` name="token" ${'a="b" '.repeat(60)}`,
    ` value="a" ${'a="b" '.repeat(60)}name="token"`,
    `<p name = "password" value = "S"/><p value = "S" name = "token"/>`,
    ` name="token" value = ${' '.repeat(100)}`,
    ` value=${' '.repeat(100)}"a" name="token"`,
    `<p name='token' value='a"b"c"d`,
    ` value='${'"'.repeat(200)}' name='token'`,
    '<name>token</name><final>true</final><source>x</source><value>S</value>',
    '<value>S</value><final>true</final><source>x</source><name>token</name>',
    `<name>token</name>${'<final>x</final>'.repeat(30)}`,
    `${'<source>token</source>'.repeat(30)}<name>token</name>`,
    '<p c:name="token" c:value="S"/><p c:value="S" c:name="token"/>',
    `\\u003cp name=\\u0022token\\u0022 a=\\u0022b\\u0022 value=\\u0022S\\u0022/\\u003e`,
    `&lt;value&gt;S&lt;/value&gt;&lt;final&gt;x&lt;/final&gt;&lt;name&gt;token&lt;/name&gt;`,
    // A closing quote of one kind after a long run holding only the other kind (the look back for its value reads up
    // to 1,024 characters), and attributes chained without a tag around them.
    ` ' a="b" name="token"`,
    ' a="b" a="b" name="token" value="x"',
  ]

  it.each(units.map((unit) => [JSON.stringify(unit).slice(0, 60), unit]))('on %s repeated', (_name, unit) => {
    // From 256 KiB to 2 MiB: 8 when linear, 64 when quadratic.
    expect(growth(redactString, unit, Math.ceil((256 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})
