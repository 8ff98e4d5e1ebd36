import { describe, expect, it } from 'vitest'
import { isSecretKey, REDACTED, redactString } from '../src/redact.js'

/**
 * One case per format: a message as a service or driver would write it, holding a canary secret that must not
 * survive `redactString`, and (where the layout matters) the exact redacted text. Each case names where its
 * format comes from.
 */
interface Case {
  name: string
  source: string
  text: string
  secrets: string[]
  expected?: string
}

const K = 'K4nary7Qz'

const cases: Case[] = [
  // Authorization schemes: the whole credential after the header name goes, whatever the scheme.
  {
    name: 'Authorization: Token',
    source: 'https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication',
    text: `401 from upstream; request had Authorization: Token 9944b09199c62bcf9418ad846dd0e4bb${K}`,
    secrets: [K, '9944b09199c6'],
    expected: `401 from upstream; request had Authorization: ${REDACTED}`,
  },
  {
    name: 'Authorization: Digest (quoted parameters, commas)',
    source: 'RFC 7616 section 3.9.1, https://www.rfc-editor.org/rfc/rfc7616#section-3.9.1',
    text: `Authorization: Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", response="8ca523f5e9506fed4657c9700eebdbec${K}", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"\nnext line`,
    secrets: [K, '7ypf/xlj9XXwfDPEoM4URrv', 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS', 'Mufasa'],
    expected: `Authorization: ${REDACTED}\nnext line`,
  },
  {
    name: 'Authorization: ApiKey',
    source: 'https://www.elastic.co/docs/api/doc/elasticsearch/authentication',
    text: `{"message":"security_exception","header":"Authorization: ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw${K}"}`,
    secrets: [K, 'VnVhQ2ZHY0JDZGJr'],
  },
  {
    name: 'Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-authentication-methods.html',
    text: `SignatureDoesNotMatch for Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630${K}\r\nHost: s3`,
    secrets: [K, 'AKIAIOSFODNN7EXAMPLE', 'fe5f80f77d5fa3be'],
    expected: `SignatureDoesNotMatch for Authorization: ${REDACTED}\r\nHost: s3`,
  },
  {
    name: 'Authorization: Bearer keeps the scheme, the rest of the line stays',
    source: 'RFC 6750 section 2.1, https://www.rfc-editor.org/rfc/rfc6750#section-2.1',
    text: `Authorization: Bearer mF_9.B5f-4.1JqM${K} (expired)`,
    secrets: [K, 'mF_9.B5f-4.1JqM'],
    expected: `Authorization: Bearer ${REDACTED} (expired)`,
  },
  {
    name: 'Proxy-Authorization: Basic',
    source: 'RFC 9110 section 11.7.2, https://www.rfc-editor.org/rfc/rfc9110#section-11.7.2',
    text: `Proxy-Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ${K}==`,
    secrets: [K, 'QWxhZGRpbjpvcGVuIHNlc2FtZQ'],
    expected: `Proxy-Authorization: Basic ${REDACTED}`,
  },
  {
    name: 'an Authorization header inside a JSON dump',
    source: 'RFC 9110 section 11.6.2, https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2',
    text: `{"headers":{"authorization":"Token ${K}","accept":"application/json"}}`,
    secrets: [K],
    expected: `{"headers":{"authorization":"${REDACTED}","accept":"application/json"}}`,
  },
  // URL userinfo
  {
    name: 'https URL userinfo',
    source: 'RFC 3986 section 3.2.1, https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
    text: `request to https://svc:${K}@api.example.com/v1/tables failed`,
    secrets: [K],
    expected: `request to https://svc:${REDACTED}@api.example.com/v1/tables failed`,
  },
  {
    name: 'postgres connection URI',
    source: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
    text: `could not connect to postgres://u:${K}@h/db`,
    secrets: [K],
    expected: `could not connect to postgres://u:${REDACTED}@h/db`,
  },
  {
    name: 'URL userinfo whose password holds an unencoded @ (the last @ ends userinfo, as WHATWG URL parses it)',
    source: 'https://url.spec.whatwg.org/#authority-state',
    text: `redis://default:p@ss${K}@cache:6379/0`,
    secrets: [K, 'p@ss'],
    expected: `redis://default:${REDACTED}@cache:6379/0`,
  },
  // Query parameters
  {
    name: 'query parameters api_key and token',
    source: 'RFC 6750 section 2.3 (access_token in the query), https://www.rfc-editor.org/rfc/rfc6750#section-2.3',
    text: `GET /v1/search?q=x&api_key=${K}1&token=${K}2&access_token=${K}3&page=2`,
    secrets: [K],
    expected: `GET /v1/search?q=x&api_key=${REDACTED}&token=${REDACTED}&access_token=${REDACTED}&page=2`,
  },
  {
    name: 'a presigned S3 URL (X-Amz-Credential, X-Amz-Security-Token, X-Amz-Signature)',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html',
    text: `GET https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${K}/20130524&X-Amz-Security-Token=IQoJb3JpZ2lu${K}&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404${K} 403`,
    secrets: [K, 'IQoJb3JpZ2lu', 'aeeed9bbccd4d02ee5c0'],
  },
  // API keys and tokens recognised by their shape
  {
    name: 'OpenAI-style sk- key',
    source: 'gitleaks/gitleaks config/gitleaks.toml (v8.30.0), rule openai-api-key',
    text: `Incorrect API key provided: sk-${K}abcdefghijklmnopqrstuvwxyz0123. You can find your API key at …`,
    secrets: [K],
    expected: `Incorrect API key provided: ${REDACTED}. You can find your API key at …`,
  },
  {
    name: 'OpenAI project key sk-proj-',
    source: 'secretlint/secretlint packages/@secretlint/secretlint-rule-openai/src/index.ts',
    text: `key "sk-proj-${K}_abcdefghijklmnopqrstuvwxyzT3BlbkFJabcdefghijklmnop" revoked`,
    secrets: [K],
    expected: `key "${REDACTED}" revoked`,
  },
  {
    name: 'AWS access key id (AKIA…) and temporary id (ASIA…)',
    source: 'gitleaks/gitleaks config/gitleaks.toml (v8.30.0), rule aws-access-token',
    text: `The AWS Access Key Id AKIA2E0A8F3B244C9986 does not exist; tried ASIAY34FZKBOKMUTVV7A too`,
    secrets: ['AKIA2E0A8F3B244C9986', 'ASIAY34FZKBOKMUTVV7A'],
    expected: `The AWS Access Key Id ${REDACTED} does not exist; tried ${REDACTED} too`,
  },
  {
    name: 'aws_secret_access_key=…',
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
    text: `[default]\naws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfi${K}`,
    secrets: [K, 'wJalrXUtnFEMI', 'AKIAIOSFODNN7EXAMPLE'],
    expected: `[default]\naws_access_key_id=${REDACTED}\naws_secret_access_key=${REDACTED}`,
  },
  {
    name: 'JWT',
    source: 'RFC 7519 section 3.1, https://www.rfc-editor.org/rfc/rfc7519#section-3.1',
    text: `invalid token eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk${K}: expired`,
    secrets: [K, 'dBjftJeZ4CVP', 'eyJpc3MiOiJqb2Ui'],
    expected: `invalid token ${REDACTED}: expired`,
  },
  ...['ghp', 'gho', 'ghu', 'ghs', 'ghr'].map(
    (prefix): Case => ({
      name: `GitHub ${prefix}_ token`,
      source: 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/',
      text: `git push failed for ${prefix}_${K}0123456789abcdefghijklmnopqrstu: 401`,
      secrets: [K],
      expected: `git push failed for ${REDACTED}: 401`,
    }),
  ),
  {
    name: 'GitHub fine-grained github_pat_ token',
    source: 'gitleaks/gitleaks config/gitleaks.toml (v8.30.0), rule github-fine-grained-pat',
    text: `token github_pat_11ABCDEFG0${K}_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab denied`,
    secrets: [K],
    expected: `token ${REDACTED} denied`,
  },
  ...['xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs'].map(
    (prefix): Case => ({
      name: `Slack ${prefix}- token`,
      source: 'https://api.slack.com/authentication/token-types',
      text: `slack said invalid_auth for ${prefix}-123456789012-1234567890123-${K}abcdefghijkl`,
      secrets: [K],
      expected: `slack said invalid_auth for ${REDACTED}`,
    }),
  ),
  {
    name: 'Slack incoming webhook URL',
    source: 'gitleaks/gitleaks config/gitleaks.toml (v8.30.0), rule slack-webhook-url',
    text: `POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXX${K} returned 404`,
    secrets: [K, 'T00000000/B00000000'],
  },
  {
    name: 'PEM private key block',
    source: 'RFC 7468 section 10, https://www.rfc-editor.org/rfc/rfc7468#section-10',
    text: `bad key:\n-----BEGIN PRIVATE KEY-----\nMIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgVcB/UNPxalR9zDYAjQIf\n${K}jzR1mZDD8qEqQ3yJqAJSgGMW5r9EGHFOmhX4ZCa4r7gB5j2tOW8RGOo2tIXChTHz\n-----END PRIVATE KEY-----\nafter`,
    secrets: [K, 'MIGEAgEAMBAGByqGSM49'],
    expected: `bad key:\n${REDACTED}\nafter`,
  },
  {
    name: 'OpenSSH / RSA / encrypted / PGP private key blocks',
    source: 'RFC 7468 section 11 (ENCRYPTED PRIVATE KEY); RFC 4880 section 6.2 (PGP PRIVATE KEY BLOCK)',
    text: [
      `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${K}1\n-----END OPENSSH PRIVATE KEY-----`,
      `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${K}2\n-----END RSA PRIVATE KEY-----`,
      `-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w${K}3\n-----END ENCRYPTED PRIVATE KEY-----`,
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF${K}4\n-----END PGP PRIVATE KEY BLOCK-----`,
    ].join('\n'),
    secrets: [K, 'b3BlbnNzaC1rZXkt', 'MIIEpAIBAAKCAQEA', 'MIIFHDBOBgkqhkiG9w0B', 'lQOYBF'],
    expected: [REDACTED, REDACTED, REDACTED, REDACTED].join('\n'),
  },
  {
    name: 'a PEM private key cut before its END line',
    source: 'RFC 7468 section 10, https://www.rfc-editor.org/rfc/rfc7468#section-10',
    text: `key was -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49${K}`,
    secrets: [K, 'MHcCAQEEIIrYSSNQ'],
    expected: `key was ${REDACTED}`,
  },
  {
    name: 'a PEM certificate is public and stays',
    source: 'RFC 7468 section 5.1, https://www.rfc-editor.org/rfc/rfc7468#section-5.1',
    text: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIJAK\n-----END CERTIFICATE-----',
    secrets: [],
    expected: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIJAK\n-----END CERTIFICATE-----',
  },
  // Cookies
  {
    name: 'Set-Cookie value (attributes included)',
    source: 'RFC 6265 section 4.1, https://www.rfc-editor.org/rfc/rfc6265#section-4.1',
    text: `< Set-Cookie: SID=31d4d96e407aad42${K}; Path=/; Secure; HttpOnly\n< Content-Type: text/html`,
    secrets: [K, '31d4d96e407aad42'],
    expected: `< Set-Cookie: ${REDACTED}\n< Content-Type: text/html`,
  },
  {
    name: 'Cookie value (every pair)',
    source: 'RFC 6265 section 4.2, https://www.rfc-editor.org/rfc/rfc6265#section-4.2',
    text: `> Cookie: SID=31d4d96e407aad42; lang=en-US; csrf=${K}\n> Accept: */*`,
    secrets: [K, '31d4d96e407aad42'],
    expected: `> Cookie: ${REDACTED}\n> Accept: */*`,
  },
  // Command-line flags
  {
    name: 'long command-line flags --password S / --token S / --password=S',
    source: 'https://docs.docker.com/reference/cli/docker/login/ (--password, --password-stdin)',
    text: `exec: docker login --username bob --password ${K}1 registry && tool --token "${K}2 x" --api-key=${K}3 -v`,
    secrets: [K],
    expected: `exec: docker login --username bob --password ${REDACTED} registry && tool --token "${REDACTED}" --api-key=${REDACTED} -v`,
  },
  // Fauna secrets
  {
    name: 'a bare Fauna key secret in a v10 message',
    source:
      'https://docs.fauna.com/fauna/v4/learn/cookbook/fql/basics/keys/create (secret fnAETHNMqIACALQjS6v19qW8M2_gg-JNgn7ygC16)',
    text: `Invalid secret fnAETHNMqIACALQjS6v19qW8M2_gg-JNgn7ygC16 for database prydain`,
    secrets: ['fnAETHNMqIACALQjS6v19qW8M2_gg-JNgn7ygC16', 'fnAETHNMqIAC'],
    expected: `Invalid secret ${REDACTED} for database prydain`,
  },
  {
    name: 'a Fauna scoped secret in a v4 description',
    source: 'https://docs.fauna.com/fauna/v4/security/keys.html (scoped keys: secret:database:role)',
    text: `key fnAETGPCH4ACAIf9avmbmbXAS7Yl-P-hDbw8QF9y:prydain:server is not valid`,
    secrets: ['fnAETGPCH4ACAIf9avmbmbXAS7Yl', 'P-hDbw8QF9y'],
    expected: `key ${REDACTED}:prydain:server is not valid`,
  },
  // Other well-known shapes (gitleaks config/gitleaks.toml v8.30.0)
  {
    name: 'Stripe, GitLab, npm and Google API keys',
    source:
      'gitleaks/gitleaks config/gitleaks.toml (v8.30.0), rules stripe-access-token, gitlab-pat, npm-access-token, gcp-api-key',
    text: `sk_live_${K}abcdef rk_test_${K}abcdef glpat-${K}abcdefghijkl npm_${K}abcdefghijklmnopqrstuvwxyz012 AIzaSyD${K}abcdefghijklmnopqrstuvw12`,
    secrets: [K],
    expected: [REDACTED, REDACTED, REDACTED, REDACTED, REDACTED].join(' '),
  },
  // Secret-named keys in free text
  ...['privateKey', 'private_key', 'pwd', 'passphrase', 'cookie', 'session', 'access_key', 'client_secret'].map(
    (key): Case => ({
      name: `a ${key}=… / "${key}": "…" pair`,
      source: 'RFC 6749 section 2.3.1 (client_secret); Node.js crypto/tls options (privateKey, passphrase)',
      text: `config ${key}=${K}1 and {"${key}": "${K}2 with space", "other": 1}`,
      secrets: [K],
      expected: `config ${key}=${REDACTED} and {"${key}": "${REDACTED}", "other": 1}`,
    }),
  ),
  {
    name: 'JAAS options and an escaped JSON fragment',
    source: 'https://docs.oracle.com/javase/8/docs/technotes/guides/security/jgss/tutorials/LoginConfigFile.html',
    text: `PlainLoginModule required username="bob" password="${K} 1"; body={\\"api_key\\":\\"${K}\\"}`,
    secrets: [K],
    expected: `PlainLoginModule required username="bob" password="${REDACTED}"; body={\\"api_key\\":\\"${REDACTED}\\"}`,
  },
]

describe('redaction formats', () => {
  for (const c of cases) {
    it(`hides ${c.name} (${c.source})`, () => {
      const out = redactString(c.text)
      for (const s of c.secrets) expect(out).not.toContain(s)
      if (c.expected !== undefined) expect(out).toBe(c.expected)
      expect(redactString(out)).toBe(out)
    })
  }

  it('covers the formats listed in the redact docstring', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })
})

describe('ordinary prose stays readable', () => {
  const prose = [
    'the token bucket is empty',
    'password policy requires 12 characters',
    'the password is too short',
    'secret',
    'a secret was rotated',
    'session expired, please sign in again',
    'missing Authorization header',
    'cookie consent was not given',
    'tokenizer failed at offset 12',
    'lance::io::tokenizer::Tokenizer panicked at src/tokenizer.rs:12:5',
    'AKIA is a prefix; AKIA123 is too short',
    'ask-me-anything',
    'the function fn_apply_all_pending_migrations_in_order_now failed',
    'see https://example.com/docs?page=2#section',
    'postgres://localhost:5432/db is unreachable',
    'ssh://git@github.com/org/repo.git',
    '-----BEGIN PUBLIC KEY-----',
    'pass --verbose to see more',
    'open password.txt: permission denied',
    'token.json: not found',
    'Table t does not exist',
    // RFC 6750 section 3, https://www.rfc-editor.org/rfc/rfc6750#section-3: a challenge carries no credential.
    'WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"',
  ]
  for (const text of prose) {
    it(`keeps ${JSON.stringify(text)}`, () => {
      expect(redactString(text)).toBe(text)
    })
  }
})

describe('isSecretKey', () => {
  it('knows the secret key names, in any case and inside longer names', () => {
    for (const key of [
      'privateKey',
      'private_key',
      'PRIVATE-KEY',
      'pwd',
      'passphrase',
      'cookie',
      'Set-Cookie',
      'session',
      'sessionId',
      'access_key',
      'aws_access_key_id',
      'AccessKey',
      'client_secret',
      'X-Amz-Signature',
      'x-amz-security-token',
      'Proxy-Authorization',
    ]) {
      expect(isSecretKey(key), key).toBe(true)
    }
  })

  it('leaves ordinary keys alone', () => {
    for (const key of ['table', 'name', 'status', 'user', 'username', 'host', 'requestId', 'path', 'key', 'keys']) {
      expect(isSecretKey(key), key).toBe(false)
    }
  })
})

describe('a quoted key with a short dotted suffix is a key, not a file name', () => {
  // The promise checked here: the value of a key named like a secret is hidden in any text. An unquoted
  // `password.txt: denied` is a file name followed by a message, and stays; but a quoted key followed by its separator
  // (`"session.id": "…"`, `'secret.key': '…'`) is a key of JSON, YAML or a Python repr, whatever its suffix looks like:
  // a server that echoes such an object in its message, or a raw body kept as `details.raw`, kept the value.
  const CANARY = 'Zq9DottedKeyCanary'
  for (const text of [
    `{"session.id":"${CANARY}"}`,
    `{"secret.key": "${CANARY}"}`,
    `{'token.raw': '${CANARY}'}`,
    `{\\"password.old\\":\\"${CANARY}\\"}`,
  ]) {
    it(`hides the value in ${JSON.stringify(text)}`, () => {
      expect(redactString(text)).not.toContain(CANARY)
      expect(redactString(text)).toContain(REDACTED)
    })
  }
  it('keeps an unquoted file name followed by a message', () => {
    expect(redactString('open password.txt: permission denied')).toBe('open password.txt: permission denied')
  })
})

describe('secret key names with any separator, and the storage credentials of object stores', () => {
  // The promise checked here: values of keys named like secrets are hidden, in any case and with any separator
  // (`api.key` as Java-style properties write it, `fs.s3a.access.key` of Hadoop's S3A), and credentials in URLs.
  // Lance reaches object stores through the `object_store` crate, whose Azure options name the storage account key
  // `azure_storage_account_key` / `account_key` / `master_key` and the SAS key `azure_storage_sas_key` / `sas_key`
  // (https://docs.rs/object_store/0.11.0/object_store/azure/enum.AzureConfigKey.html); an Azure connection string
  // carries `AccountKey=…` and a SAS URL its signature as the `sig` query parameter
  // (https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas, "Specify the signature").
  const CANARY = 'Zq9StorageKeyCanary'
  it('knows the names', () => {
    for (const key of [
      'api.key',
      'API KEY',
      'x-api.key',
      'fs.s3a.access.key',
      'private.key',
      'azure_storage_account_key',
      'AccountKey',
      'account_key',
      'azure_storage_sas_key',
      'sas_key',
      'sig',
    ]) {
      expect(isSecretKey(key), key).toBe(true)
    }
    for (const key of ['signal', 'design', 'account', 'accountName', 'account_name', 'keys', 'assignee', 'monkey']) {
      expect(isSecretKey(key), key).toBe(false)
    }
  })
  for (const text of [
    `bad config fs.s3a.access.key=${CANARY}`,
    `{"api.key":"${CANARY}"}`,
    `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${CANARY}==;EndpointSuffix=core.windows.net`,
    `https://acct.blob.core.windows.net/c/t.lance?sv=2022-11-02&sr=c&sig=${CANARY}%2Fabc%3D&se=2026`,
  ]) {
    it(`hides the value in ${JSON.stringify(text)}`, () => {
      expect(redactString(text)).not.toContain(CANARY)
    })
  }
  it('keeps the rest of a SAS URL and a connection string', () => {
    expect(redactString(`https://a.blob.core.windows.net/c?sv=2022-11-02&sig=${CANARY}&se=2026`)).toBe(
      `https://a.blob.core.windows.net/c?sv=2022-11-02&sig=${REDACTED}&se=2026`,
    )
    expect(redactString(`AccountName=acct;AccountKey=${CANARY};EndpointSuffix=x`)).toBe(
      `AccountName=acct;AccountKey=${REDACTED};EndpointSuffix=x`,
    )
  })
})
