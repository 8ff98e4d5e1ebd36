/**
 * Secret canaries: one per format a secret scrubber is expected to know. `text` is how the secret appears in a
 * message or a payload; `marker` is the part that must never be found in any output (a leak of half a secret is a
 * leak). Markers are unique strings, so a hit is never a coincidence.
 */
export interface Canary {
  /** Short name of the format. */
  name: string
  /** The secret as it appears in text. */
  text: string
  /** What must not appear in any output. */
  marker: string
}

/** A literal secret registered with `addSecret` (a password from a client's configuration). */
export const REGISTERED_SECRET = 'cnry-Secret-7f3a9c21e5'

export const CANARIES: readonly Canary[] = [
  { name: 'registered literal (addSecret)', text: `client secret ${REGISTERED_SECRET}`, marker: REGISTERED_SECRET },
  { name: 'password=…', text: 'login with password=cnryPw4a8b2d9e failed', marker: 'cnryPw4a8b2d9e' },
  { name: 'Authorization: Bearer', text: 'Authorization: Bearer cnryBearer5c7e1f', marker: 'cnryBearer5c7e1f' },
  { name: 'Authorization: Basic', text: 'Authorization: Basic cnryBasicQ3VzZXI6cGFzcw', marker: 'cnryBasicQ3VzZXI6' },
  { name: 'Authorization: Token', text: 'Authorization: Token cnryTokScheme81f2', marker: 'cnryTokScheme81f2' },
  { name: 'Authorization: Digest', text: 'Authorization: Digest cnryDigest6b1e0a', marker: 'cnryDigest6b1e0a' },
  { name: 'Authorization: ApiKey', text: 'Authorization: ApiKey cnryApiKey92c4d1', marker: 'cnryApiKey92c4d1' },
  { name: 'token=…', text: 'refresh token=cnryTok3d9a7b rejected', marker: 'cnryTok3d9a7b' },
  {
    name: 'URL userinfo',
    text: 'connect to https://svc:cnryUserinfo3e8a@db.example.com/v1 failed',
    marker: 'cnryUserinfo3e8a',
  },
  {
    name: 'api_key in a URL query',
    text: 'GET https://db.example.com/v1?api_key=cnryQuery7d2c5b',
    marker: 'cnryQuery7d2c5b',
  },
  { name: 'sk-… API key', text: 'key sk-cnrySk4f1a9b2c7d8e0f3a6b5c4d3e2f1a0b9c8d', marker: 'cnrySk4f1a9b2c7d8e0f' },
  { name: 'AWS access key id', text: 'AWS key AKIACNRY7Q2W3E4R5T6Y denied', marker: 'CNRY7Q2W3E4R5T6Y' },
  {
    name: 'aws_secret_access_key=…',
    text: 'aws_secret_access_key=cnryAwsSecret0a1b2c3d4e5f6g7h8i9j0k1l2m3',
    marker: 'cnryAwsSecret0a1b2c3d',
  },
  {
    name: 'JWT',
    text: 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbnJ5In0.cnryJwtSig5f4e3d2c1b0a9f8e7d',
    marker: 'cnryJwtSig5f4e3d2c1b',
  },
  { name: 'GitHub token', text: 'token ghp_cnryGh0123456789abcdefghijklmnopqrst', marker: 'cnryGh0123456789abcd' },
  {
    name: 'Slack token',
    text: 'slack xoxb-123456789012-1234567890123-cnrySlackAbCdEfGhIjKlMnOp',
    marker: 'cnrySlackAbCdEfGhIj',
  },
  {
    name: 'PEM private key block',
    text: '-----BEGIN PRIVATE KEY-----\nMIIEcnryPemBody0a1b2c3d4e5f\n-----END PRIVATE KEY-----',
    marker: 'cnryPemBody0a1b2c3d',
  },
  { name: 'Set-Cookie', text: 'Set-Cookie: session=cnryCookie8e7d6c; Path=/; HttpOnly', marker: 'cnryCookie8e7d6c' },
  { name: 'Cookie', text: 'Cookie: sid=cnryCookie2a3b4c', marker: 'cnryCookie2a3b4c' },
  { name: '--password S', text: 'ran mysql --password cnryCliPw5e6f7a', marker: 'cnryCliPw5e6f7a' },
  { name: 'privateKey=…', text: 'privateKey=cnryPrivKey1c2d3e', marker: 'cnryPrivKey1c2d3e' },
  { name: 'private_key=…', text: 'private_key=cnryPrivKey4f5a6b', marker: 'cnryPrivKey4f5a6b' },
  { name: 'pwd=…', text: 'pwd=cnryPwd7c8d9e', marker: 'cnryPwd7c8d9e' },
  { name: 'passphrase=…', text: 'passphrase=cnryPass0f1a2b', marker: 'cnryPass0f1a2b' },
  // A secret name as a `name` member's value, the secret in its sibling `value` member: Kubernetes' EnvVar
  // (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables) and an SSM
  // parameter (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Parameter.html).
  {
    name: 'env name/value pair',
    text: 'env: [{"name":"DB_PASSWORD","value":"cnryEnvValue3b7d1f"}]',
    marker: 'cnryEnvValue3b7d1f',
  },
  {
    name: 'SSM parameter Name/Value',
    text: '{"Name":"/prod/db/password","Type":"SecureString","Value":"cnrySsmValue8e2a4c"}',
    marker: 'cnrySsmValue8e2a4c',
  },
]

/** Keys whose values are secrets whatever they hold (structured data). */
export const SECRET_KEYS: readonly string[] = [
  'password',
  'secret',
  'token',
  'apiKey',
  'api_key',
  'authorization',
  'privateKey',
  'private_key',
  'pwd',
  'passphrase',
  'cookie',
]

/** The value put under a secret key: a marker no pattern could recognise, only the key says it is secret. */
export function keyMarker(key: string): string {
  return `cnryKeyed${key.replace(/[^A-Za-z]/g, '')}9z8y`
}
