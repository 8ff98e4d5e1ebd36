import { describe, expect, it } from 'vitest'
import { REDACTED, redactBounded, redactString } from '../src/kit.js'
import { cutText } from '../src/redact.js'
import { growth } from './support/growth.js'
import { hidesIn } from './support/xml-markups.js'

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

describe('a bounded redaction reads as far after its cut as a value before its name can reach', () => {
  // `redactBounded` cuts first, then redacts the head: a value before the cut whose name lies after it is found by
  // reading on past the cut (`valueCut`), 2,048 characters of the text as the pair scan reads it. A value before its
  // name is hidden when its name ends within 1,792 characters of the value's start and its end tag (or closing quote)
  // follows within 64 blanks: at most 1,792 + 185 characters (64 escaped blanks, `\u003c\/hc:param-name\u003e` with
  // a 32-character prefix), inside that window. Hadoop writes `<name>` before `<value>` (`appendXMLProperty`, above);
  // a value first is hand-written, with at most a short description between.
  const pair = (description: number, blanks = 0) =>
    `<value>S3cretM1</value><description>${'d'.repeat(description)}</description><name>password${' '.repeat(blanks)}</name>`
  // From the value's start to the name's end: 29 characters, the description, 28 characters.
  const longest = 1792 - 57
  const hidden = pair(longest)

  it('hides a value whose name ends 1,792 characters after its start, at every bound', () => {
    expect(hidden.indexOf('password') + 8 - hidden.indexOf('S3cret')).toBe(1792)
    expect(redactString(hidden)).not.toContain('S3cret')
    const text = `${hidden} ${'tail '.repeat(10)}`
    for (let max = 0; max < text.length; max++) {
      expect(redactBounded(text, max), `max ${max}`).not.toContain('S3cr')
      expect(redactString(cutText(text, max)), `max ${max}`).not.toContain('S3cr')
    }
  })

  it('and 64 blanks before the end tag, the longest escaped end tag after them, at every bound', () => {
    const make = (n: number) =>
      `\\u003cvalue\\u003eS3cretM2\\u003c/value\\u003e\\u003cdescription\\u003e${'d'.repeat(n)}\\u003c/description\\u003e\\u003chc:param-name\\u003epassword${'\\n'.repeat(64)}\\u003c\\/${'n'.repeat(32)}:param-name\\u003e tail`
    const span = (text: string) => text.indexOf('password') + 8 - text.indexOf('S3cret')
    const escaped = make(1792 - span(make(0)))
    expect(span(escaped)).toBe(1792)
    expect(redactString(escaped)).not.toContain('S3cret')
    for (let max = 0; max < escaped.length; max++) {
      expect(redactBounded(escaped, max), `max ${max}`).not.toContain('S3cr')
    }
  })

  it('leaves a value whose name ends further away, whole or cut alike', () => {
    const far = pair(longest + 1)
    expect(redactString(far)).toContain('S3cretM1')
    expect(redactString(pair(0, 65))).toContain('S3cretM1')
    expect(redactString(pair(0, 64))).not.toContain('S3cretM1')
    // Before, a whole redaction read back over any description, and a bounded one kept the value whose name was past
    // its window: what a whole redaction hides, a bounded one hides too.
    for (const text of [pair(3000), pair(0, 3000)]) {
      const whole = redactString(text).includes('S3cretM1')
      for (let max = 0; max < text.length; max += 7) {
        if (redactBounded(text, max).includes('S3cr')) expect(whole, `max ${max}`).toBe(true)
      }
    }
  })

  it('reads a name spelt with escaped letters after the cut, as the pair scan does', () => {
    for (const text of [
      '<value>S3cretM3</value><name>\\u0070assword</name> tail',
      '{"x":"<property value=\\"S3cretM4\\" name=\\"\\u0070assword\\"/>"}',
      '<property value="S3cretM5" name="pass%77ord"/> tail',
      `\\u0070${'x'.repeat(300)} <value>S3cretM6</value><name>\\u0070assword</name> tail`,
    ]) {
      expect(redactString(text)).not.toContain('S3cret')
      for (let max = 0; max < text.length; max++) {
        expect(redactBounded(text, max), `max ${max}`).not.toContain('S3cr')
        expect(redactString(cutText(text, max)), `max ${max}`).not.toContain('S3cr')
      }
    }
  })
})
