import { describe, expect, it } from 'vitest'
import { cutText, REDACTED, redactBounded, redactString } from '../src/redact.js'
import { growth } from './support/growth.js'

// A secret name given as the value of a `name` (or `key`) member, the secret itself in a sibling `value` member. Each of
// these showed the value before (the name is the member's value, not a key of its own):
// - Kubernetes' `EnvVar` (`name`, `value`, `valueFrom`), in JSON and in a manifest's YAML:
//   https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables;
// - ECS's task definition environment, a `KeyValuePair` (`name`, `value`):
//   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KeyValuePair.html;
// - an SSM parameter as `GetParameter` returns it (`Name`, `Type`, `Value`, …):
//   https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Parameter.html, and boto3's dict of it as
//   Python prints one; `aws ssm put-parameter --name … --value …`:
//   https://docs.aws.amazon.com/cli/latest/reference/ssm/put-parameter.html;
// - Consul's KV read (`Key`, `Flags`, `Value` base64-encoded, …): https://developer.hashicorp.com/consul/api-docs/kv;
// - Lombok's `toString`, `EnvVar(name=…, value=…)` ("the class name, along with each field, in order, separated by
//   commas": https://projectlombok.org/features/ToString); Go's `%+v`, `{Name:… Value:…}` ("when printing structs, the
//   plus flag (%+v) adds field names": https://pkg.go.dev/fmt); logfmt, `name=… value=…`.

const S = 'hunter2secret'

describe('a value member after its secret name', () => {
  it.each([
    ['Kubernetes JSON', `{"name":"DB_PASSWORD","value":"${S}"}`, `{"name":"DB_PASSWORD","value":"${REDACTED}"}`],
    ['Kubernetes YAML', `- name: DB_PASSWORD\n  value: ${S}\n`, `- name: DB_PASSWORD\n  value: ${REDACTED}\n`],
    [
      'Kubernetes YAML, quoted, in a list',
      `env:\n  - name: DB_PASSWORD\n    value: "${S}"\n  - name: HOST\n    value: db\n`,
      `env:\n  - name: DB_PASSWORD\n    value: "${REDACTED}"\n  - name: HOST\n    value: db\n`,
    ],
    [
      'ECS, pretty-printed',
      `{\n  "name": "API_TOKEN",\n  "value": "${S}"\n}`,
      `{\n  "name": "API_TOKEN",\n  "value": "${REDACTED}"\n}`,
    ],
    [
      'SSM, members between',
      `{"Parameter":{"Name":"/prod/db/password","Type":"SecureString","Value":"${S}","Version":1}}`,
      `{"Parameter":{"Name":"/prod/db/password","Type":"SecureString","Value":"${REDACTED}","Version":1}}`,
    ],
    [
      'boto3',
      `{'Name': '/prod/db/password', 'Type': 'SecureString', 'Value': '${S}', 'Version': 1}`,
      `{'Name': '/prod/db/password', 'Type': 'SecureString', 'Value': '${REDACTED}', 'Version': 1}`,
    ],
    [
      'the AWS CLI',
      `aws ssm put-parameter --name /prod/db/password --type SecureString --value ${S}`,
      `aws ssm put-parameter --name /prod/db/password --type SecureString --value ${REDACTED}`,
    ],
    [
      'Consul',
      `[{"LockIndex":0,"Key":"app/db/password","Flags":0,"Value":"aHVudGVyMg==","CreateIndex":100}]`,
      `[{"LockIndex":0,"Key":"app/db/password","Flags":0,"Value":"${REDACTED}","CreateIndex":100}]`,
    ],
    [
      'Lombok',
      `EnvVar(name=DB_PASSWORD, value=${S}, valueFrom=null)`,
      `EnvVar(name=DB_PASSWORD, value=${REDACTED}, valueFrom=null)`,
    ],
    ['Go', `{Name:DB_PASSWORD Value:${S} ValueFrom:nil}`, `{Name:DB_PASSWORD Value:${REDACTED} ValueFrom:nil}`],
    ['logfmt', `name=DB_PASSWORD value=${S}`, `name=DB_PASSWORD value=${REDACTED}`],
    [
      'JSON text of the YAML',
      JSON.stringify({ m: `- name: DB_PASSWORD\n  value: ${S}` }),
      JSON.stringify({ m: `- name: DB_PASSWORD\n  value: ${REDACTED}` }),
    ],
    [
      'JSON text of the JSON',
      JSON.stringify({ m: `{"name":"DB_PASSWORD","value":"${S}"}` }),
      JSON.stringify({ m: `{"name":"DB_PASSWORD","value":"${REDACTED}"}` }),
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('and a secret-named member between them, each hidden', () => {
    expect(redactString(`{"name":"DB_PASSWORD","token":"T0ken","value":"${S}"}`)).toBe(
      `{"name":"DB_PASSWORD","token":"${REDACTED}","value":"${REDACTED}"}`,
    )
  })
})

describe('a member at the start of a quoted string (a JSON log whose message is logfmt or YAML)', () => {
  it.each([
    ['logfmt', `{"msg":"name=DB_PASSWORD value=${S}"}`, `{"msg":"name=DB_PASSWORD value=${REDACTED}"}`],
    ['logfmt, value first', `{"msg":"value=${S} name=DB_PASSWORD"}`, `{"msg":"value=${REDACTED} name=DB_PASSWORD"}`],
    ['YAML', `{"msg":"Name: DB_PASSWORD\\nValue: ${S}"}`, `{"msg":"Name: DB_PASSWORD\\nValue: ${REDACTED}"}`],
    [
      'a quoted flag',
      `cmd "--name /prod/db/password --value ${S}"`,
      `cmd "--name /prod/db/password --value ${REDACTED}"`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('not a key whose quote does not close', () => {
    expect(redactString('{x:"name": DB_PASSWORD", value: db9}')).toBe('{x:"name": DB_PASSWORD", value: db9}')
  })
})

describe('a diff of them (a mark of an added or changed line before each member)', () => {
  // Terraform's plan of a `kubernetes_deployment`'s `env` block (`+` created, `~` updated in place, before each
  // attribute: https://grafana.com/docs/learning-paths/deploy-dashboard-terraform/run-terraform-plan/), a unified diff
  // (`kubectl diff`,
  // https://kubernetes.io/docs/reference/kubectl/generated/kubectl_diff/).
  it.each([
    [
      'Terraform, added',
      `          + env {\n              + name  = "DB_PASSWORD"\n              + value = "${S}"\n            }`,
      `          + env {\n              + name  = "DB_PASSWORD"\n              + value = "${REDACTED}"\n            }`,
    ],
    [
      'Terraform, changed, value first',
      `  ~ env {\n      ~ value = "${S}"\n      ~ name  = "DB_PASSWORD"\n    }`,
      `  ~ env {\n      ~ value = "${REDACTED}"\n      ~ name  = "DB_PASSWORD"\n    }`,
    ],
    [
      'kubectl diff',
      `+        - name: DB_PASSWORD\n+          value: ${S}\n`,
      `+        - name: DB_PASSWORD\n+          value: ${REDACTED}\n`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('not the next entry of a list in a diff', () => {
    const text = '+  - name: DB_PASSWORD\n+  - name: HOST\n+    value: db10'
    expect(redactString(text)).toBe(text)
  })
})

// GitLab's CI/CD variables API takes `key` and `value` attributes:
// https://docs.gitlab.com/ee/api/project_level_variables.html#create-variable.
describe('a query or a form', () => {
  it.each([
    [
      'a query',
      `https://gitlab.example.com/api/v4/projects/1/variables?key=DB_PASSWORD&value=${S}&protected=true`,
      `https://gitlab.example.com/api/v4/projects/1/variables?key=DB_PASSWORD&value=${REDACTED}&protected=true`,
    ],
    ['value first', `?value=${S}&key=DB_PASSWORD`, `?value=${REDACTED}&key=DB_PASSWORD`],
    [
      'curl --form',
      `--form "key=DB_PASSWORD" --form "value=${S}"`,
      `--form "key=DB_PASSWORD" --form "value=${REDACTED}"`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('not a name that is no secret', () => {
    expect(redactString('?key=HOST&value=db11')).toBe('?key=HOST&value=db11')
  })
})

describe('a value member before its secret name', () => {
  it.each([
    ['JSON', `{"value":"${S}","name":"DB_PASSWORD"}`, `{"value":"${REDACTED}","name":"DB_PASSWORD"}`],
    ['YAML', `- value: ${S}\n  name: DB_PASSWORD\n`, `- value: ${REDACTED}\n  name: DB_PASSWORD\n`],
    [
      'members between',
      `{"Value":"${S}","Type":"SecureString","Name":"/prod/db/password"}`,
      `{"Value":"${REDACTED}","Type":"SecureString","Name":"/prod/db/password"}`,
    ],
    ['Go', `{Value:${S} Name:DB_PASSWORD}`, `{Value:${REDACTED} Name:DB_PASSWORD}`],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('and a secret-named member between them, each hidden, the member kept', () => {
    expect(redactString(`{"value":"${S}","token":"T0ken","name":"DB_PASSWORD"}`)).toBe(
      `{"value":"${REDACTED}","token":"${REDACTED}","name":"DB_PASSWORD"}`,
    )
    expect(redactString(`- value: ${S}\n  token: T0ken\n  name: DB_PASSWORD`)).toBe(
      `- value: ${REDACTED}\n  token: ${REDACTED}\n  name: DB_PASSWORD`,
    )
  })
})

describe('values that are no secret name’s stay', () => {
  it.each([
    // `valueFrom` is a reference, not a value; the next entry's `value` is that entry's (its name is no secret).
    [
      'a reference, then the next entry',
      '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password\n- name: HOST\n  value: db1',
    ],
    ['another object', '[{"name":"DB_PASSWORD"},{"value":"db2"}]'],
    ['a name that is no secret', '{"name":"HOST","value":"db3"}'],
    ['the next entry of a list', '- name: DB_PASSWORD\n- name: HOST\n  value: db4'],
    ['a less indented mapping', '  - name: DB_PASSWORD\n    other: 1\nnext:\n  value: db5'],
    ['another key style', '{"name":"DB_PASSWORD", value: db6}'],
    ['too far after', `{"name":"DB_PASSWORD","d":"${'x'.repeat(260)}","value":"db7"}`],
    ['prose', 'invalid value: db8 for field user'],
  ])('%s', (_name, text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('a cut text shows no part of these values', () => {
  const pad = 'x'.repeat(300)
  it.each([
    ['after', `${pad} {"name":"DB_PASSWORD","Type":"SecureString","value":"${S}"} ${pad}`],
    ['before', `${pad} {"value":"${S}","Type":"SecureString","name":"DB_PASSWORD"} ${pad}`],
    ['YAML before', `${pad}\n- value: ${S}\n  type: SecureString\n  name: DB_PASSWORD\n${pad}`],
  ])('%s, at every bound', (_name, text) => {
    for (let max = 0; max <= text.length; max++) {
      expect(redactBounded(text, max), `max ${max}`).not.toContain(S.slice(0, 4))
      expect(redactString(cutText(text, max)), `max ${max}`).not.toContain(S.slice(0, 4))
    }
  })
})

describe('linear on hostile inputs of these forms (8x the input, about 8x the time)', () => {
  it.each([
    ['pairs', '{"name":"DB_PASSWORD","value":"S"},'],
    ['pairs, value first', '{"value":"S","name":"DB_PASSWORD"},'],
    ['names without values', '"name":"password",'],
    ['names after a value', `"value":"${'v'.repeat(500)}",${'"name":"pwd",'.repeat(20)}`],
    ['names with members that never reach a value', `"name":"token",${'"a":"b",'.repeat(40)}`],
    ['names over lines', '- name: token\n  a: b\n  c: d\n'],
    ['flags', '--name token --type x '],
    ['escaped lines', '- name: token\\n  a: b\\n'],
  ])('%s', (_name, unit) => {
    expect(growth(redactString, unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})

// A secret key's value that is a collection showed all of it but its opening bracket (`{"tokens":[REDACTED]"a","b"]}`):
// the bare value ran to the first quote or comma. It is hidden whole now, as a structured value under a secret key is
// (`details: { tokens: [...] }` shows `[REDACTED]`): a JSON array or object (RFC 8259 §4, §5:
// https://www.rfc-editor.org/rfc/rfc8259#section-5), a YAML flow collection (YAML 1.2.2 §7.4:
// https://yaml.org/spec/1.2.2/#74-flow-collection-styles) or block sequence (§8.2.1:
// https://yaml.org/spec/1.2.2/#821-block-sequences, entries indented or at the key's own indentation), a Python list.
// A validation error's list of messages under a `password` field is hidden too, as its one message already was.
describe('a collection under a secret key', () => {
  it.each([
    ['JSON array', `{"tokens":["${S}","b2"],"id":1}`, `{"tokens":${REDACTED},"id":1}`],
    ['JSON object', `{"credentials":{"user":"bob","k":{"x":"${S}"}},"id":1}`, `{"credentials":${REDACTED},"id":1}`],
    ['a bracket in a string', `{"tokens":["a]${S}","b"],"id":1}`, `{"tokens":${REDACTED},"id":1}`],
    ['Python', `api_keys = ['${S}', 'b2'] more`, `api_keys = ${REDACTED} more`],
    ['YAML flow', `secrets: [a1, ${S}] x`, `secrets: ${REDACTED} x`],
    ['YAML flow on the next line', `password:\n  {user: ${S}}\nnext: 1`, `password:\n  ${REDACTED}\nnext: 1`],
    ['YAML block sequence', `tokens:\n  - a1\n  - ${S}\nuser: bob`, `tokens:\n  ${REDACTED}\nuser: bob`],
    [
      'YAML block sequence at the key’s indentation',
      `db:\n  tokens:\n  - a1\n  - ${S}\n  user: bob`,
      `db:\n  tokens:\n  ${REDACTED}\n  user: bob`,
    ],
    [
      'a validation error',
      'Invalid fields:\npassword:\n  - too short\n  - no digit',
      `Invalid fields:\npassword:\n  ${REDACTED}`,
    ],
    [
      'JSON text',
      JSON.stringify({ m: `{"tokens":["a\\"]${S}","b"]} end` }),
      JSON.stringify({ m: `{"tokens":${REDACTED}} end` }),
    ],
    ['a value member', `{"name":"DB_PASSWORD","value":["${S}"]}`, `{"name":"DB_PASSWORD","value":${REDACTED}}`],
    ['cut inside', `token: [a, ${S}`, `token: ${REDACTED}`],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('an apostrophe in a word opens no string', () => {
    expect(redactString(`token: [don't, ${S}] tail`)).toBe(`token: ${REDACTED} tail`)
  })

  it('a cut text shows no part of it', () => {
    const text = `${'x'.repeat(100)} {"tokens":["${'a'.repeat(50)}","${S}"],"id":1} ${'y'.repeat(100)}`
    for (let max = 0; max <= text.length; max++) {
      expect(redactBounded(text, max), `max ${max}`).not.toContain(S.slice(0, 4))
      expect(redactString(cutText(text, max)), `max ${max}`).not.toContain(S.slice(0, 4))
    }
  })

  it.each([
    ['nested arrays', '{"tokens":[[[[', ']]]]}'],
    ['arrays never closed', 'token: [', ''],
    ['strings never closed', 'token: ["', ''],
    ['block sequences', 'tokens:\n  - a\n', ''],
  ])('linear on %s', (_name, unit, tail) => {
    expect(growth((t) => redactString(t + tail), unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})

// YAML comments (`#` after a blank: YAML 1.2.2 §6.6, https://yaml.org/spec/1.2.2/#66-comments) on the key's line or
// between a sequence's entries, at any indentation, and a block sequence at the key's own indentation at the text's
// start (`sequence: !!seq\n- entry`: §8.2.3, Example 8.22, https://yaml.org/spec/1.2.2/#823-block-nodes): each showed the
// entries (the key's line was no line ending in `:`; the comment line, less indented, ended the sequence; an entry at
// column 0 was no line of the block).
describe('a YAML block sequence with comments, or at the text’s start indentation', () => {
  it.each([
    ['a comment after the key', `tokens: # the list\n  - a1\n  - ${S}\nuser: bob`, `tokens: ${REDACTED}\nuser: bob`],
    ['a comment between entries', `tokens:\n  - a1\n# more\n  - ${S}\nuser: bob`, `tokens:\n  ${REDACTED}\nuser: bob`],
    ['entries at column 0', `tokens:\n- a1\n- ${S}\nuser: bob`, `tokens:\n${REDACTED}\nuser: bob`],
    ['a JSON array at column 0', `Invalid tokens:\n["a1", "${S}"]\nnext`, `Invalid tokens:\n${REDACTED}\nnext`],
    ['a block scalar’s header and a comment', `password: | # c\n  ${S}\nuser: bob`, `password: ${REDACTED}\nuser: bob`],
    [
      'in JSON text',
      JSON.stringify({ m: `tokens: # the list\n- a1\n# more\n- ${S}\nuser: bob` }),
      JSON.stringify({ m: `tokens: ${REDACTED}\nuser: bob` }),
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it('a cut text shows no part of them', () => {
    for (const text of [`tokens: # list\n- a1\n# more\n- ${S}\nuser: bob`, `Invalid tokens:\n["a1", "${S}"]\nnext`]) {
      for (let max = 0; max <= text.length; max++) {
        expect(redactBounded(text, max), `max ${max}`).not.toContain(S.slice(0, 4))
        expect(redactString(cutText(text, max)), `max ${max}`).not.toContain(S.slice(0, 4))
      }
    }
  })

  it.each([
    ['comment lines holding keys', 'password:\n  # password:\n', ''],
    ['comments after keys', 'password: # password: ', ''],
    ['a sequence, then comment lines holding keys', 'password:\n- a\n# password:\n', ''],
  ])('linear on %s', (_name, unit, tail) => {
    expect(growth((t) => redactString(t + tail), unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})

// Strings inside a collection under a secret key: YAML's escaped quote in a single-quoted scalar (`''`: YAML 1.2.2
// §7.3.2, https://yaml.org/spec/1.2.2/#732-single-quoted-style), a Python bytes or raw string's prefix (`b'…'`:
// https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals) and backquotes each ended the
// string early or opened none, and a bracket in it ended the collection: the entries after it showed.
describe('strings in a collection under a secret key', () => {
  it.each([
    ['YAML’s escaped quote', `tokens: ['it''s]', '${S}'] x`, `tokens: ${REDACTED} x`],
    ['a Python bytes string', `tokens=[b'a]', rb'${S}'] x`, `tokens=${REDACTED} x`],
    ['backquotes', `tokens: [\`a]\`, \`${S}\`] x`, `tokens: ${REDACTED} x`],
    // A quote after an escaped line break or tab (`\n\t\"a\"`) is no quote after a word.
    [
      'JSON text indented with tabs',
      JSON.stringify({ m: JSON.stringify({ tokens: ['a', S], id: 1 }, null, '\t') }),
      JSON.stringify({ m: `{\n\t"tokens": ${REDACTED},\n\t"id": 1\n}` }),
    ],
    [
      'escaped quotes after escaped line breaks',
      JSON.stringify({ m: `tokens: [\n"a",\n"${S}"] x` }),
      JSON.stringify({ m: `tokens: ${REDACTED} x` }),
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  // A collection in a log's quoted message ran to the text's end: its strings' quotes escaped (JSON.stringify's array
  // in a JSON log's message, the key's quotes not escaped) were read as quotes left open, and a bracket never closed
  // read on past the message's closing quote; the members after the message were lost.
  it.each([
    [
      'a JSON array in a JSON log’s message',
      JSON.stringify({ msg: `bad tokens: ${JSON.stringify(['a]', S])}`, code: 'E1', id: 42 }),
      JSON.stringify({ msg: `bad tokens: ${REDACTED}`, code: 'E1', id: 42 }),
    ],
    [
      'an unclosed bracket in logfmt',
      'level=error msg="token: [abc" user=bob',
      `level=error msg="token: ${REDACTED}" user=bob`,
    ],
    [
      'an unclosed bracket in JSON',
      JSON.stringify({ msg: 'token: [abc', code: 'E1' }),
      JSON.stringify({ msg: `token: ${REDACTED}`, code: 'E1' }),
    ],
    [
      'an unclosed bracket in JSON text',
      JSON.stringify({ m: JSON.stringify({ msg: 'token: [abc', code: 'E1' }) }),
      JSON.stringify({ m: JSON.stringify({ msg: `token: ${REDACTED}`, code: 'E1' }) }),
    ],
  ])('%s keeps what follows', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it.each([
    ['quotes after words', 'token: [a"', ''],
    ['escaped quotes', 'token: [\\"', ''],
    ['YAML’s escaped quotes', "token: ['a''", ''],
    ['prefixed strings', "token: [b'", ''],
  ])('linear on %s', (_name, unit, tail) => {
    expect(growth((t) => redactString(t + tail), unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})

// A collection inside a wrapper or after a type showed all of it but the wrapper (`tokens: [REDACTED]"a1", …]),`):
// Rust's `Debug` of an `Option` (`Some([…])`, and `{:#?}` over lines: https://doc.rust-lang.org/std/fmt/trait.Debug.html),
// Go's `%#v` (`[]string{…}`: "a Go-syntax representation of the value", https://pkg.go.dev/fmt), a Python tuple
// (https://docs.python.org/3/library/stdtypes.html#tuple).
describe('a collection in a wrapper or after a type, under a secret key', () => {
  it.each([
    ['Rust’s Some([…])', `Config { tokens: Some(["a1", "${S}"]), id: 1 }`, `Config { tokens: ${REDACTED}, id: 1 }`],
    [
      'Rust’s Some(…) over lines',
      `Config {\n    token: Some(\n        "${S}",\n    ),\n    id: 1,\n}`,
      `Config {\n    token: ${REDACTED},\n    id: 1,\n}`,
    ],
    ['Go’s %#v', `main.Config{Tokens:[]string{"a1", "${S}"}, ID:1}`, `main.Config{Tokens:${REDACTED}, ID:1}`],
    ['a Python tuple', `credentials=('bob', '${S}') x`, `credentials=${REDACTED} x`],
    ['a stray bracket of another kind in it', `tokens: [a :), ${S}] x`, `tokens: ${REDACTED} x`],
  ])('%s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
    expect(redactString(expected)).toBe(expected)
  })

  it.each([
    ['wrappers never closed', 'token: Some([', ''],
    ['tuples never closed', "token=('", ''],
    ['names and brackets', 'token: a(b)c[d]e{', ''],
  ])('linear on %s', (_name, unit, tail) => {
    expect(growth((t) => redactString(t + tail), unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
  })
})
