import { describe, expect, it } from 'vitest'
import { ErrsError, redactString, toProblem } from '../src/index.js'

// Rust's derived `Debug` writes a struct as `Name { field: value, … }`, an `Option<String>` as `Some("…")` or `None`
// (https://doc.rust-lang.org/std/fmt/trait.Debug.html), and a newtype as `Name("…")`. object_store's credential is
// `AwsCredential { key_id: String, secret_key: String, token: Option<String> }`
// (https://docs.rs/object_store/0.11.0/object_store/aws/struct.AwsCredential.html), and LanceDB errors quote what
// object_store and lance format: a value wrapped so showed the secret after the hidden `Some(`.
describe("secret-named fields in Rust's Debug output", () => {
  it.each([
    [
      'an Option<String> field',
      'AwsCredential { key_id: "AKID", secret_key: "wJalrCANARY1", token: Some("FwoGCANARY2") }',
      'AwsCredential { key_id: "AKID", secret_key: "[REDACTED]", token: Some("[REDACTED]") }',
    ],
    [
      'a builder of Option<String> fields',
      'AmazonS3Builder { secret_access_key: Some("wJalrCANARY3"), session_token: None, bucket_name: Some("b") }',
      'AmazonS3Builder { secret_access_key: Some("[REDACTED]"), session_token: [REDACTED], bucket_name: Some("b") }',
    ],
    ['a newtype', 'Config { password: Secret("hunter2CANARY4") }', 'Config { password: Secret("[REDACTED]") }'],
    [
      'an escaped Some inside JSON text',
      '{"error":"bad config: password: Some(\\"hunter2CANARY5\\")"}',
      '{"error":"bad config: password: Some(\\"[REDACTED]\\")"}',
    ],
  ])('hides the value of %s and keeps the wrapper', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it('reaches no output of an error made from such a message', () => {
    const e = new ErrsError({
      system: 'lance',
      code: 18,
      reason: 'INTERNAL',
      kind: 'invalid_argument',
      message: 'Generic S3 error: AwsCredential { key_id: "AKID", secret_key: "k", token: Some("FwoGCANARY6") }',
    })
    for (const text of [e.message, String(e.stack), JSON.stringify(toProblem(e, { exposeInternal: true }))]) {
      expect(text).not.toContain('FwoGCANARY6')
    }
  })

  it('a wrapper is no part of the pair where no quote follows it, and other fields stay', () => {
    expect(redactString('password: Hunter2(x)')).toBe('password: [REDACTED]')
    expect(redactString('Some("not a secret"), region: Some("us-east-1")')).toBe(
      'Some("not a secret"), region: Some("us-east-1")',
    )
  })
})
