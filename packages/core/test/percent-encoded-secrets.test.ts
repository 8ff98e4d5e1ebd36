import { describe, expect, it } from 'vitest'
import { ErrsError, fromResponse, redactString, toProblem } from '../src/index.js'

// Shapes as in gitleaks config/gitleaks.toml (Stripe `sk_live_`, GitHub `ghp_`, JWT). A request line or a URL quoted
// in an error message carries them percent-encoded (RFC 3986 §2.1: a space is `%20`, a double quote `%22`, `=` is
// `%3D`): the escape's last hex digit then stands right before the token, which is no word boundary.
const STRIPE = `sk_live_${'CANARY'.repeat(4)}`
const GITHUB = `ghp_${'a'.repeat(36)}`
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

describe('shaped tokens and Bearer credentials in percent-encoded text', () => {
  it.each([
    ['a Stripe key after %20', `GET /search?q=key%20${STRIPE}&page=2`, STRIPE],
    ['a JWT in an encoded quoted value', `GET /cb?state=%22${JWT}%22`, JWT],
    ['a JWT after an encoded =', `GET /cb?next=%2Fhome%3Fid_token%3D${JWT}`, JWT],
    ['a GitHub token after an encoded comma', `GET /x?list=a%2C${GITHUB}`, GITHUB],
    ['a Bearer credential with an encoded blank', 'GET /x?auth=Bearer%20opaqueCANARY42', 'opaqueCANARY42'],
    ['a Basic credential with an encoded blank', 'GET /x?h=Basic%20dXNlcjpwYXNzQ0FOQVJZ', 'dXNlcjpwYXNzQ0FOQVJZ'],
    ['a Bearer credential holding percent-encoded characters', 'Bearer%20abc%2FCANARYtail%3D', 'CANARYtail'],
  ])('hides %s', (_name, text, secret) => {
    const out = redactString(text)
    expect(out).not.toContain(secret)
    expect(out).toContain('[REDACTED]')
  })

  it('keeps the scheme, the escape and the rest of the line', () => {
    expect(redactString('GET /x?auth=Bearer%20opaque42&page=2')).toBe('GET /x?auth=Bearer%20[REDACTED]&page=2')
    expect(redactString(`q=%22${JWT}%22`)).toBe('q=%22[REDACTED]%22')
  })

  it('reaches every output of an error: message, stack, problem', () => {
    const e = new ErrsError({
      system: 'x',
      code: 'C',
      reason: 'R',
      kind: 'invalid_argument',
      message: `upstream said 401 for GET /v1/t?token_hint=Bearer%20${STRIPE}`,
      details: { url: `/cb?id=%22${JWT}%22` },
    })
    for (const text of [
      e.message,
      String(e.stack),
      JSON.stringify(e),
      JSON.stringify(toProblem(e, { exposeInternal: true })),
    ]) {
      expect(text).not.toContain(STRIPE)
      expect(text).not.toContain(JWT)
    }
  })

  it('leaves percent-encoded text without a credential alone', () => {
    for (const text of ['GET /search?q=ask%20me%20anything', '100%25 done', 'a%2Cb%2Cc', 'Bearer%20']) {
      expect(redactString(text)).toBe(text)
    }
  })
})

// RFC 3986 §3.2.1: `userinfo = user [":" password]` before `@`. The same URL JSON-escaped: PHP's `json_encode` escapes
// `/` as `\/` unless JSON_UNESCAPED_SLASHES (https://www.php.net/manual/en/function.json-encode.php), and a raw body is
// kept as the JSON text it was.
describe('URL passwords in JSON-escaped URLs', () => {
  it('hides the password and keeps the user, the host and the path', () => {
    const body = '{"error":"cannot open https:\\/\\/reader:pa55CANARY@db.example\\/t"}'
    expect(redactString(body)).toBe('{"error":"cannot open https:\\/\\/reader:[REDACTED]@db.example\\/t"}')
    expect(redactString('postgres:\\/\\/u:pw1234@db\\/x and https://v:pw5678@h/')).toBe(
      'postgres:\\/\\/u:[REDACTED]@db\\/x and https://v:[REDACTED]@h/',
    )
  })

  it('a JSON-escaped URL in a raw reply body reaches no output', async () => {
    const body = '{"message":"upstream https:\\/\\/svc:pa55CANARY@10.0.0.1\\/v1 refused"}'
    const err = await fromResponse({ status: 502, headers: { 'content-type': 'text/plain' }, body })
    for (const text of [JSON.stringify(toProblem(err, { exposeInternal: true })), JSON.stringify(err.details)]) {
      expect(text).not.toContain('pa55CANARY')
    }
  })

  it('leaves JSON-escaped URLs without a password alone, and is idempotent', () => {
    for (const text of ['https:\\/\\/db.example\\/t', 'https:\\/\\/reader@db\\/t', 'a:\\/b']) {
      expect(redactString(text)).toBe(text)
    }
    const once = redactString('https:\\/\\/r:pw1234@db\\/t')
    expect(redactString(once)).toBe(once)
  })

  it('stays linear on many scheme separators without a blank', () => {
    for (const unit of [':\\/\\/a@', ':\\/\\/', '://a:']) {
      const text = unit.repeat(50000)
      expect(redactString(text)).toBe(text)
    }
  })
})

// A query string or JSON carried inside a query parameter is percent-encoded (`encodeURIComponent`, ECMA-262
// §19.2.6.5: `=` is `%3D`, `:` `%3A`, `"` `%22`): the pair's separator then is an escape, not a `=` or `:`.
describe('secret-named pairs with percent-encoded separators', () => {
  it.each([
    ['an encoded query', 'GET /login?next=%2Faccount%3Fapi_key%3DCANARYkey42', 'CANARYkey42'],
    ['an encoded query, lower-case escape', 'next=%2Fx%3Fpassword%3dCANARYpw42&y=1', 'CANARYpw42'],
    ['encoded JSON', 'state=%7B%22client_secret%22%3A%22CANARYsecret42%22%7D', 'CANARYsecret42'],
    ['an encoded header line', 'h=x-api-key%3A%20CANARYhdr42', 'CANARYhdr42'],
  ])('hides the value in %s', (_name, text, secret) => {
    const out = redactString(text)
    expect(out).not.toContain(secret)
    expect(out).toContain('[REDACTED]')
  })

  it('keeps the key and the parameters after it', () => {
    expect(redactString('next=%2Fx%3Fpassword%3Dhunter2&page=2')).toBe('next=%2Fx%3Fpassword%3D[REDACTED]&page=2')
  })

  it('leaves encoded pairs whose key names no secret alone', () => {
    for (const text of ['next=%2Fx%3Fuser%3Dbob', 'q=%7B%22name%22%3A%22bob%22%7D'])
      expect(redactString(text)).toBe(text)
  })
})
