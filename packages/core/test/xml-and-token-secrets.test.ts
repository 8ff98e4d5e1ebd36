import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ErrsError, redactString, toProblem } from '../src/index.js'

// Java services (Fluss among them) and their clients quote configuration in XML: Hadoop's `<property>` pairs
// (https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/index.html: `<name>fs.s3a.secret.key</name>`
// then `<value>…</value>`), Maven's `<server><password>…</password></server>`
// (https://maven.apache.org/settings.html#servers), Spring's `<property name="password" value="…"/>`
// (https://docs.spring.io/spring-framework/reference/core/beans/dependencies/factory-properties-detailed.html) and
// .NET's `<add key="…" value="…"/>`
// (https://learn.microsoft.com/en-us/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings).
describe('secret-named keys in XML markup', () => {
  it.each([
    [
      "a Hadoop configuration property (its name an element's text)",
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>wJalrCANARY1</value>\n</property>',
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>[REDACTED]</value>\n</property>',
    ],
    [
      'a Fluss SASL password in the same form',
      '<property><name>client.security.sasl.password</name><value>CANARY2</value></property>',
      '<property><name>client.security.sasl.password</name><value>[REDACTED]</value></property>',
    ],
    [
      "Maven's server password (the element's name)",
      '<server><id>repo</id><username>deploy</username><password>CANARY3</password></server>',
      '<server><id>repo</id><username>deploy</username><password>[REDACTED]</password></server>',
    ],
    [
      'a namespaced, dotted element name',
      '<cfg:db.password>CANARY4</cfg:db.password>',
      '<cfg:db.password>[REDACTED]</cfg:db.password>',
    ],
    [
      "Spring's property attributes",
      '<bean id="ds"><property name="password" value="CANARY5"/></bean>',
      '<bean id="ds"><property name="password" value="[REDACTED]"/></bean>',
    ],
    [
      ".NET's appSettings attributes",
      "<add key='StorageAccountKey' value='CANARY6' />",
      "<add key='StorageAccountKey' value='[REDACTED]' />",
    ],
    [
      'XML quoted in JSON text (a raw body)',
      '{"error":"bad settings: <password>CANARY7</password>"}',
      '{"error":"bad settings: <password>[REDACTED]</password>"}',
    ],
    [
      // JSON escapes each `"` of a string as `\"` (RFC 8259 §7, https://www.rfc-editor.org/rfc/rfc8259#section-7).
      "Spring's property attributes quoted in JSON text",
      '{"error":"bad bean: <property name=\\"password\\" value=\\"CANARY15\\"/>"}',
      '{"error":"bad bean: <property name=\\"password\\" value=\\"[REDACTED]\\"/>"}',
    ],
    [
      "a Java properties file's XML entry quoted in JSON text",
      '{"error":"<entry key=\\"db.password\\">CANARY16</entry>"}',
      '{"error":"<entry key=\\"db.password\\">[REDACTED]</entry>"}',
    ],
  ])('hides the value of %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  // Forms the first set misses: the key an attribute and the value the element's text, a start tag with attributes,
  // a CDATA section, a servlet's `<param-name>`.
  it.each([
    [
      // java.util.Properties#storeToXML (https://docs.oracle.com/javase/8/docs/api/java/util/Properties.html):
      // `<entry key="…">value</entry>`.
      "a Java properties file's XML entry",
      '<properties><entry key="db.password">CANARY9</entry></properties>',
      '<properties><entry key="db.password">[REDACTED]</entry></properties>',
    ],
    [
      // Log4j 2's configuration properties (https://logging.apache.org/log4j/2.x/manual/configuration.html#property-substitution):
      // `<Property name="…">value</Property>`.
      "a Log4j 2 property (the key an attribute, the value the element's text)",
      '<Properties><Property name="password">CANARY10</Property></Properties>',
      '<Properties><Property name="password">[REDACTED]</Property></Properties>',
    ],
    [
      // Spring's nested `<value>` (https://docs.spring.io/spring-framework/reference/core/beans/dependencies/factory-properties-detailed.html:
      // `<property name="password"><value>misterkaoli</value></property>`).
      "Spring's nested value element",
      '<property name="password">\n  <value>CANARY11</value>\n</property>',
      '<property name="password">\n  <value>[REDACTED]</value>\n</property>',
    ],
    [
      // WS-Security UsernameToken (https://docs.oasis-open.org/wss-m/wss/v1.1.1/os/wss-UsernameTokenProfile-v1.1.1-os.html §3.1):
      // `<wsse:Password Type="…#PasswordText">…</wsse:Password>`, as SOAP faults and their logs quote requests.
      'a start tag with attributes (a WS-Security password)',
      '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">CANARY12</wsse:Password>',
      '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">[REDACTED]</wsse:Password>',
    ],
    [
      // XML 1.0 §2.7 CDATA sections (https://www.w3.org/TR/xml/#sec-cdata-sect): how a value with `<` or `&` is written.
      'a CDATA section',
      '<password><![CDATA[CANARY13&]x]]></password>',
      '<password><![CDATA[[REDACTED]]]></password>',
    ],
    [
      // A servlet's init parameters in web.xml (Jakarta Servlet 6.0 §14.4, https://jakarta.ee/specifications/servlet/6.0/):
      // `<init-param><param-name>…</param-name><param-value>…</param-value></init-param>`.
      "a servlet's init parameter",
      '<init-param>\n<param-name>ldap.password</param-name>\n<param-value>CANARY14</param-value>\n</init-param>',
      '<init-param>\n<param-name>ldap.password</param-name>\n<param-value>[REDACTED]</param-value>\n</init-param>',
    ],
  ])('hides the value of %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it.each([
    ['a heading that names a secret word', '<h1>Invalid token</h1><p>Please sign in again</p>'],
    ['an element named by a secret word, then other markup', '<h1>token</h1><p>expired</p>'],
    ['an element that names a secret word before an element other than its value', '<b>token</b><i>x</i>'],
    ['an empty element', '<password></password>'],
    ["an attribute other than a name or key before the element's text", '<a title="token" href="/t">Refresh</a>'],
    ['a named element with no text', '<property name="password" ref="pw"/><x>kept</x>'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })

  it('stays linear on long runs of markup around secret words', () => {
    for (const unit of ['<token', 'a.b.token>', '>token</name>', 'name="token', '<password>x</password>']) {
      const text = unit.repeat(40000)
      const out = redactString(text)
      expect(out.length).toBeGreaterThan(0)
    }
  })
})

// Hugging Face user access tokens and organization API tokens (https://huggingface.co/docs/hub/security-tokens):
// `hf_` or `api_org_` and 34 letters, as gitleaks' rules `huggingface-access-token` and
// `huggingface-organization-api-token` match them (https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml).
// LanceDB reads Hugging Face datasets and embedding models with such a token.
describe('Hugging Face tokens by their shape', () => {
  const user = `hf_${'AbCdEfGhIjKlMnOpQrStUvWxYz'}abcdefgh`
  const org = `api_org_${'ZyXwVuTsRqPoNmLkJiHgFeDcBa'}zyxwvuts`

  it.each([
    ['a user token in a sentence', `request with ${user} was refused`, 'request with [REDACTED] was refused'],
    ['an organization token after a JSON escape', `{"msg":"token\\n${org}"}`, '{"msg":"token\\n[REDACTED]"}'],
  ])('hides %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it('leaves a longer word of the same start alone (not the 34 letters of a token)', () => {
    expect(redactString(`${user}1`)).toBe(`${user}1`)
    expect(redactString('hf_hub_download failed')).toBe('hf_hub_download failed')
  })

  it('reaches no output of an error made from such a message', () => {
    const e = new ErrsError({
      system: 'lance',
      code: 18,
      reason: 'INTERNAL',
      kind: 'unauthenticated',
      message: `embedding model download refused for ${user}; <property><name>fs.s3a.secret.key</name><value>CANARY8</value></property>`,
    })
    for (const text of [
      e.message,
      String(e.stack),
      JSON.stringify(e),
      JSON.stringify(toProblem(e, { exposeInternal: true })),
      inspect(e),
    ]) {
      expect(text).not.toContain(user)
      expect(text).not.toContain('CANARY8')
    }
  })
})
