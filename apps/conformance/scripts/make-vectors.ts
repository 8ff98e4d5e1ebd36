/**
 * Writes vectors/{fluss,lance,fauna}.json from the reference documents (../shared/reference/*.md) and the
 * decisions fixed in the adapter issues — never from the adapters' own code tables, so a wrong table fails.
 *
 * Run: `npx tsx scripts/make-vectors.ts [referenceDir]` (default: ../../../shared/reference from this app).
 * The JSON files are committed; this script only documents how they were written.
 *
 * Rule: an expectation member is written only where the reference or the issue fixes it. Where the issue leaves a
 * row's kind (or status, or retry rule) to the adapter's author, the member is left out and not compared.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ExampleVector, Expect, MalformedVector, VectorFile, WireVector } from '../src/types.js'

const here = dirname(fileURLToPath(import.meta.url))
const refDir = resolve(process.argv[2] ?? join(here, '../../../../shared/reference'))
const outDir = join(here, '../vectors')

/** google/rpc/code.proto HTTP mapping (models.md §1): used where the issue fixes a kind but not a status. */
const KIND_STATUS: Record<string, number> = {
  cancelled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
}

// ---------------------------------------------------------------------------------------------------------------
// Protobuf helpers (proto2 ErrorResponse: field 1 int32 varint, tag 0x08; field 2 string, tag 0x12). fluss.md §7.3
// ---------------------------------------------------------------------------------------------------------------
function varint(n: bigint): number[] {
  // int32 negatives are sign-extended to 64 bits on the wire (10 bytes).
  let v = n < 0n ? n + (1n << 64n) : n
  const out: number[] = []
  do {
    let b = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) b |= 0x80
    out.push(b)
  } while (v > 0n)
  return out
}
function errorResponseHex(code: number, message?: string, extra: number[] = []): string {
  const bytes = [0x08, ...varint(BigInt(code))]
  if (message !== undefined) {
    const utf8 = [...Buffer.from(message, 'utf8')]
    bytes.push(0x12, ...varint(BigInt(utf8.length)), ...utf8)
  }
  bytes.push(...extra)
  return Buffer.from(bytes).toString('hex')
}

// ---------------------------------------------------------------------------------------------------------------
// Fluss
// ---------------------------------------------------------------------------------------------------------------
interface FlussRow {
  code: number
  name: string
  javaClass: string
  javaRetriable: boolean
  message: string | undefined
}
function flussRows(): FlussRow[] {
  const md = readFileSync(join(refDir, 'fluss.md'), 'utf8')
  const section = md.slice(md.indexOf('## 2. Server error code table'), md.indexOf('## 3. Client-only'))
  const rows: FlussRow[] = []
  for (const line of section.split('\n')) {
    if (!/^\| -?\d+ \|/.test(line)) continue
    const cells = line.split('|').slice(1, -1)
    const cell = (i: number) => (cells[i] as string).trim()
    const code = Number(cell(0))
    let message: string | undefined = cell(8)
    // §5: code 51's default message ends with one space, which a markdown cell cannot show; code 0 has none (null).
    if (code === 51) message = 'Authentication failed with retriable exception. '
    if (code === 0) message = undefined
    rows.push({ code, name: cell(1), javaClass: cell(2), javaRetriable: cell(4) === 'yes', message })
  }
  if (rows.length !== 75) throw new Error(`expected 75 Fluss rows, got ${rows.length}`)
  return rows
}

/** Java retriable set, fluss.md §4 and issue 3. */
const FLUSS_RETRIABLE = new Set([1, 3, 9, 10, 11, 12, 14, 21, 25, 26, 28, 29, 44, 70, 72, 73])

/** Kinds the issue fixes (issue 3 §2); rows not listed are left to the adapter. */
function flussKind(code: number, name: string): string | undefined {
  if ([4, 7, 9, 36, 41, 53, 58, 60].includes(code)) return 'not_found' // *_NOT_EXIST(S)
  if ([6, 8, 42, 54, 59].includes(code)) return 'already_exists' // *_ALREADY_EXIST(S)
  if (code === 46 || code === 51) return 'unauthenticated'
  if (code === 48) return 'permission_denied'
  if (code === 25) return 'deadline_exceeded'
  if ([1, 12, 44].includes(code)) return 'unavailable' // network, leader
  if ([45, 49, 72, 73].includes(code)) return 'resource_exhausted' // max-number, backpressure, throttled
  if (name.startsWith('INVALID_')) return 'invalid_argument'
  if (code === 5) return 'failed_precondition'
  if (code === 19) return 'out_of_range'
  if (code === 2) return 'unimplemented'
  return undefined
}
/** Status: 404/409 fixed by the issue; the kind's HTTP mapping otherwise, except DATABASE_NOT_EMPTY (the gateway uses 409). */
function flussStatus(code: number, kind: string | undefined): number | undefined {
  if (kind === undefined || code === 5) return undefined
  return KIND_STATUS[kind]
}

function flussExpect(row: FlussRow, message: string | undefined): Expect {
  const kind = flussKind(row.code, row.name)
  const status = flussStatus(row.code, kind)
  const e: Expect = { className: 'FlussError', code: row.code, reason: row.name }
  if (kind) e.kind = kind
  if (status !== undefined) e.status = status
  e.retryable = FLUSS_RETRIABLE.has(row.code)
  if (message !== undefined) {
    e.message = message
    e.string = `FlussError(code=${row.code}): ${message}`
  }
  e.fields = { error_code: row.code, is_retriable: FLUSS_RETRIABLE.has(row.code) }
  return e
}

function fluss(): VectorFile {
  const rows = flussRows()
  const codes: WireVector[] = []
  for (const row of rows) {
    if (row.javaRetriable !== FLUSS_RETRIABLE.has(row.code)) throw new Error(`retriable mismatch at ${row.code}`)
    const base = { code: row.code, source: 'fluss.md §2, §4; issue 3' }
    const custom = `custom ${row.name.toLowerCase()} message`
    // 1. ErrorResponse without error_message: "use the default message for the code" (fluss.md §6, §7.3).
    codes.push({
      ...base,
      name: `${row.name} bytes, default message`,
      wire: { hex: errorResponseHex(row.code) },
      expect: flussExpect(row, row.message),
      ...(row.message !== undefined ? { defaultMessage: row.message } : {}),
    })
    // 2. ErrorResponse with a server message.
    codes.push({
      ...base,
      name: `${row.name} bytes, server message`,
      wire: { hex: errorResponseHex(row.code, custom) },
      expect: flussExpect(row, custom),
    })
    // 3. JSON sent by another service (issue 3 §4c), as the main entry's wire form.
    const exp = flussExpect(row, custom)
    codes.push({
      ...base,
      name: `${row.name} JSON`,
      wire: { status: exp.status ?? 500, body: { error_code: row.code, error_message: custom } },
      expect: exp,
    })
  }
  // CLIENT_ERROR (-2), fluss.md §3: client-only, not retriable; message and kind are the adapter's.
  codes.push({
    code: -2,
    name: 'CLIENT_ERROR JSON',
    source: 'fluss.md §3; issue 3 §2',
    wire: { status: 500, body: { error_code: -2, error_message: 'writer closed' } },
    expect: {
      className: 'FlussError',
      code: -2,
      reason: 'CLIENT_ERROR',
      retryable: false,
      message: 'writer closed',
      string: 'FlussError: writer closed',
      fields: { error_code: -2, is_retriable: false },
    },
  })
  const unknownCodes: WireVector[] = []
  for (const code of [74, 120]) {
    const e: Expect = { className: 'FlussError', code, kind: 'unknown', retryable: false }
    unknownCodes.push({
      code,
      name: `unknown code ${code} bytes`,
      source: 'issue 3 §3; fluss.md §9.2 (apache/fluss-rust#509)',
      wire: { hex: errorResponseHex(code, `future error ${code}`) },
      expect: { ...e, message: `future error ${code}`, fields: { error_code: code, is_retriable: false } },
      createExpect: e,
    })
    unknownCodes.push({
      code,
      name: `unknown code ${code} JSON`,
      source: 'issue 3 §3',
      wire: { status: 500, body: { error_code: code, error_message: `future error ${code}` } },
      expect: { ...e, message: `future error ${code}` },
      createExpect: e,
    })
  }
  const clientError: Expect = { className: 'FlussError', code: -2, reason: 'CLIENT_ERROR', retryable: false }
  const malformed: MalformedVector[] = [
    { name: 'empty bytes (required error_code missing)', wire: { hex: '' } },
    { name: 'truncated varint', wire: { hex: '08ff' }, expect: clientError },
    { name: 'tag without value', wire: { hex: '08' }, expect: clientError },
    { name: 'varint longer than 10 bytes', wire: { hex: 'ffffffffffffffffffffffff' }, expect: clientError },
    { name: 'error_code with the wrong wire type (length-delimited)', wire: { hex: '0a020707' }, expect: clientError },
    { name: 'error_message length past the end', wire: { hex: '0807120a6162' }, expect: clientError },
    { name: 'negative error_message length', wire: { hex: '080712ffffffff0f' }, expect: clientError },
    { name: 'huge error_message length', wire: { hex: '080712ffffffff07' }, expect: clientError },
    { name: 'wire type 7 (invalid)', wire: { hex: '0807' + '0f' }, expect: clientError },
    { name: 'non-UTF-8 error_message', wire: { hex: '08071204fffe80c1' } },
    { name: 'JSON: body is null', wire: { status: 500, body: null }, expect: clientError },
    { name: 'JSON: body is a string', wire: { status: 500, body: 'table not found' }, expect: clientError },
    { name: 'JSON: body is an array', wire: { status: 500, body: [7, 'x'] }, expect: clientError },
    { name: 'JSON: error_code is a string', wire: { status: 500, body: { error_code: 'seven' } }, expect: clientError },
    { name: 'JSON: error_code is fractional', wire: { status: 500, body: { error_code: 7.5 } }, expect: clientError },
    {
      name: 'JSON: error_message is an object',
      wire: { status: 500, body: { error_code: 7, error_message: { a: 1 } } },
    },
    {
      name: 'JSON: __proto__ and constructor keys',
      wire: {
        status: 500,
        body: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
      },
      expect: clientError,
    },
    { name: 'not JSON', wire: { status: 500, bodyText: '<html>502 Bad Gateway</html>' }, expect: clientError },
  ]
  const examples: ExampleVector[] = [
    {
      name: 'seed: drop table → TABLE_NOT_EXIST',
      code: 7,
      source: 'issue 3 seed; fluss.md §9.3',
      wire: { hex: errorResponseHex(7, "Table 'fluss.orders' does not exist.") },
      expect: {
        className: 'FlussError',
        code: 7,
        reason: 'TABLE_NOT_EXIST',
        kind: 'not_found',
        status: 404,
        retryable: false,
        message: "Table 'fluss.orders' does not exist.",
        string: "FlussError(code=7): Table 'fluss.orders' does not exist.",
        fields: { error_code: 7, is_retriable: false },
      },
    },
    {
      name: 'seed: create table → TABLE_ALREADY_EXIST',
      code: 8,
      source: 'issue 3 seed',
      wire: { hex: errorResponseHex(8) },
      expect: {
        className: 'FlussError',
        code: 8,
        reason: 'TABLE_ALREADY_EXIST',
        kind: 'already_exists',
        status: 409,
        retryable: false,
        message: 'The table already exists.',
      },
    },
    {
      name: 'seed: drop partition → PARTITION_NOT_EXISTS',
      code: 36,
      source: 'issue 3 seed',
      wire: { hex: errorResponseHex(36) },
      expect: { className: 'FlussError', code: 36, reason: 'PARTITION_NOT_EXISTS', kind: 'not_found', status: 404 },
    },
    {
      name: 'seed: authentication failed → AUTHENTICATE_EXCEPTION',
      code: 46,
      source: 'issue 3 seed; fluss.md §9.3 (test_sasl_auth.py)',
      wire: { hex: errorResponseHex(46, 'Authentication failed: Invalid username or password') },
      expect: {
        className: 'FlussError',
        code: 46,
        reason: 'AUTHENTICATE_EXCEPTION',
        kind: 'unauthenticated',
        status: 401,
        retryable: false,
      },
    },
    {
      name: 'storage backpressure is retriable (test_storage_backpressure_error_is_retriable)',
      code: 72,
      source: 'fluss.md §9.3',
      wire: { hex: errorResponseHex(72) },
      expect: { code: 72, retryable: true, fields: { is_retriable: true } },
    },
    {
      name: 'unknown protobuf fields are skipped',
      code: 12,
      source: 'issue 3 §4a',
      // field 3 varint (tag 0x18) and field 4 bytes (tag 0x22) after the known fields
      wire: { hex: errorResponseHex(12, 'not leader', [0x18, 0x2a, 0x22, 0x02, 0x01, 0x02]) },
      expect: { code: 12, reason: 'NOT_LEADER_OR_FOLLOWER', message: 'not leader', retryable: true },
    },
    {
      name: 'camelCase JSON { errorCode, errorMessage }',
      code: 7,
      source: 'issue 3 §4c',
      wire: { status: 404, body: { errorCode: 7, errorMessage: 'no such table' } },
      expect: { className: 'FlussError', code: 7, reason: 'TABLE_NOT_EXIST', message: 'no such table' },
    },
  ]
  return {
    system: 'fluss',
    modules: ['@errs/fluss', '@errs/fluss/wire'],
    description:
      'Apache Fluss: every Errors code (-1..73) and CLIENT_ERROR (-2). Byte wires are ErrorResponse protobufs ' +
      '(@errs/fluss/wire); HTTP wires are { status, body: { error_code, error_message } } (@errs/fluss).',
    sources: ['../shared/reference/fluss.md §2–§7, §9.3', 'issue 3 (@errs/fluss)'],
    codes,
    unknownCodes,
    malformed,
    examples,
    foreign: [
      {
        name: 'seed: connection refused → CLIENT_ERROR, unavailable, retryable, cause kept',
        source: 'issue 3 §4e',
        value: { name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:9123', code: 'ECONNREFUSED' },
        expect: { className: 'FlussError', code: -2, kind: 'unavailable', retryable: true },
      },
    ],
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lance (lance.md §2, §3; issue 4 §1, §2, §4, §5)
// ---------------------------------------------------------------------------------------------------------------
const LANCE: [number, string, string, number, string, boolean][] = [
  [0, 'UNSUPPORTED', 'UnsupportedOperationError', 406, 'unimplemented', false],
  [1, 'NAMESPACE_NOT_FOUND', 'NamespaceNotFoundError', 404, 'not_found', false],
  [2, 'NAMESPACE_ALREADY_EXISTS', 'NamespaceAlreadyExistsError', 409, 'already_exists', false],
  [3, 'NAMESPACE_NOT_EMPTY', 'NamespaceNotEmptyError', 409, 'failed_precondition', false],
  [4, 'TABLE_NOT_FOUND', 'TableNotFoundError', 404, 'not_found', false],
  [5, 'TABLE_ALREADY_EXISTS', 'TableAlreadyExistsError', 409, 'already_exists', false],
  [6, 'TABLE_INDEX_NOT_FOUND', 'TableIndexNotFoundError', 404, 'not_found', false],
  [7, 'TABLE_INDEX_ALREADY_EXISTS', 'TableIndexAlreadyExistsError', 409, 'already_exists', false],
  [8, 'TABLE_TAG_NOT_FOUND', 'TableTagNotFoundError', 404, 'not_found', false],
  [9, 'TABLE_TAG_ALREADY_EXISTS', 'TableTagAlreadyExistsError', 409, 'already_exists', false],
  [10, 'TRANSACTION_NOT_FOUND', 'TransactionNotFoundError', 404, 'not_found', false],
  [11, 'TABLE_VERSION_NOT_FOUND', 'TableVersionNotFoundError', 404, 'not_found', false],
  [12, 'TABLE_COLUMN_NOT_FOUND', 'TableColumnNotFoundError', 404, 'not_found', false],
  [13, 'INVALID_INPUT', 'InvalidInputError', 400, 'invalid_argument', false],
  [14, 'CONCURRENT_MODIFICATION', 'ConcurrentModificationError', 409, 'aborted', true],
  [15, 'PERMISSION_DENIED', 'PermissionDeniedError', 403, 'permission_denied', false],
  [16, 'UNAUTHENTICATED', 'UnauthenticatedError', 401, 'unauthenticated', false],
  [17, 'SERVICE_UNAVAILABLE', 'ServiceUnavailableError', 503, 'unavailable', true],
  [18, 'INTERNAL', 'InternalError', 500, 'internal', false],
  [19, 'INVALID_TABLE_STATE', 'InvalidTableStateError', 409, 'failed_precondition', false],
  [20, 'TABLE_SCHEMA_VALIDATION_ERROR', 'TableSchemaValidationError', 400, 'invalid_argument', false],
  [21, 'THROTTLING', 'ThrottlingError', 429, 'resource_exhausted', true],
  [22, 'TABLE_BRANCH_NOT_FOUND', 'TableBranchNotFoundError', 404, 'not_found', false],
  [23, 'TABLE_BRANCH_ALREADY_EXISTS', 'TableBranchAlreadyExistsError', 409, 'already_exists', false],
]
/** Retryable is fixed by issue 4 §5 for 14, 17, 21; the other kinds are not retried by any Lance client (lance.md §2). */
function lance(): VectorFile {
  const codes: WireVector[] = []
  for (const [code, reason, className, status, kind, retryable] of LANCE) {
    const message = `${className} raised by the conformance server`
    const expect: Expect = { className, code, reason, kind, status, retryable, message }
    codes.push({
      code,
      name: `${reason} ErrorResponse`,
      source: 'lance.md §2, §3, §5.1; issue 4',
      wire: {
        status,
        headers: { 'content-type': 'application/json' },
        body: { error: message, code, detail: `detail of ${code}`, instance: `/v1/table/t${code}/describe` },
      },
      expect: { ...expect, fields: { detail: `detail of ${code}`, instance: `/v1/table/t${code}/describe` } },
    })
    // `code` is the only required member (lance.md §5.1).
    const { message: _m, ...noMessage } = expect
    codes.push({
      code,
      name: `${reason} ErrorResponse with only code`,
      source: 'lance.md §5.1',
      wire: { status, body: { code } },
      expect: noMessage,
    })
  }
  const unknownCodes: WireVector[] = [
    {
      code: 99,
      name: 'unknown code 99 → InternalError, number kept',
      source: 'lance.md §2 (unknown → Internal); issue 4 §2',
      wire: { status: 500, body: { code: 99, error: 'from the future' } },
      expect: { className: 'InternalError', code: 99, message: 'from the future' },
      createExpect: { className: 'InternalError', code: 99 },
    },
    {
      code: 24,
      name: 'unknown code 24 → InternalError, number kept',
      source: 'lance.md §2; issue 4 §2',
      wire: { status: 500, body: { code: 24, error: 'next code' } },
      expect: { className: 'InternalError', code: 24, message: 'next code' },
      createExpect: { className: 'InternalError', code: 24 },
    },
  ]
  const typed = ['InternalError', 'InvalidInputError']
  const malformed: MalformedVector[] = [
    {
      name: 'not JSON (text/plain 400 from middleware)',
      wire: { status: 400, bodyText: 'Malformed request' },
      expect: { className: typed },
    },
    // No usable code: issue 4 §4 lets the status choose (502 → ServiceUnavailable is as valid as Internal).
    { name: 'HTML 502', wire: { status: 502, bodyText: '<html><body>Bad Gateway</body></html>' } },
    { name: 'array body', wire: { status: 500, body: [{ code: 4 }] }, expect: { className: typed } },
    { name: 'null body', wire: { status: 500, body: null }, expect: { className: typed } },
    { name: 'code is a string', wire: { status: 500, body: { code: '4', error: 'x' } }, expect: { className: typed } },
    { name: 'negative code', wire: { status: 500, body: { code: -1, error: 'x' } }, expect: { className: typed } },
    { name: 'fractional code', wire: { status: 500, body: { code: 4.5, error: 'x' } }, expect: { className: typed } },
    { name: 'error is an object', wire: { status: 500, body: { code: 18, error: { nested: true } } } },
    { name: 'context with non-string values', wire: { status: 500, body: { code: 18, context: { a: { b: 1 } } } } },
    {
      name: '__proto__ and constructor keys',
      wire: {
        status: 500,
        body: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
      },
      expect: { className: typed },
    },
  ]
  const examples: ExampleVector[] = [
    {
      name: 'lance-rest.md canonical ErrorResponse',
      code: 4,
      source: 'lance.md §5.1',
      wire: {
        status: 404,
        body: {
          error: "Table 'users' not found in namespace 'production'",
          code: 4,
          detail:
            'java.lang.RuntimeException: Table not found\n\tat com.example.TableService.describe(TableService.java:42)\n\tat ...',
          instance: '/v1/table/production$users/describe',
        },
      },
      expect: {
        className: 'TableNotFoundError',
        code: 4,
        reason: 'TABLE_NOT_FOUND',
        kind: 'not_found',
        status: 404,
        message: "Table 'users' not found in namespace 'production'",
        fields: { instance: '/v1/table/production$users/describe' },
      },
    },
    {
      name: 'python docstring: from_error_code(4, "Table not found")',
      code: 4,
      source: 'lance.md §7.1',
      wire: { status: 404, body: { code: 4, error: 'Table not found' } },
      expect: { className: 'TableNotFoundError', code: 4, message: 'Table not found' },
    },
    {
      name: 'the body code is the truth, not the HTTP status',
      code: 1,
      source: 'lance.md §6; issue 4 §4',
      wire: { status: 500, body: { code: 1, error: "Namespace 'gone' not found" } },
      expect: { className: 'NamespaceNotFoundError', code: 1, kind: 'not_found' },
    },
    {
      name: 'Throttling with Retry-After: 7 → retryAfterMs 7000',
      code: 21,
      source: 'issue 4 §4 (lance-namespace#364)',
      wire: { status: 429, headers: { 'retry-after': '7' }, body: { code: 21, error: 'slow down' } },
      expect: { className: 'ThrottlingError', code: 21, retryable: true, retryAfterMs: 7000, message: 'slow down' },
    },
  ]
  return {
    system: 'lance',
    modules: ['@errs/lance'],
    description: 'Lance Namespace ErrorResponse codes 0–23 over REST: { status, headers?, body: ErrorResponse }.',
    sources: ['../shared/reference/lance.md §2, §3, §5, §7', 'issue 4 (@errs/lance)'],
    codes,
    unknownCodes,
    malformed,
    examples,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fauna (fauna.md §2–§6; issue 5 §1, §5)
// ---------------------------------------------------------------------------------------------------------------
const V4_CLASS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'UnavailableError',
}
const UNAUTHORIZED_HINT = '. Check that endpoint, schema, port and secret are correct during client’s instantiation'

/** v4 code strings (fauna.md §2.1): [code, status seen (400 when none is pinned), kind fixed by issue 5 §5]. */
const V4: [string, number | undefined, string | undefined][] = [
  ['invalid expression', 400, undefined],
  ['invalid url parameter', undefined, undefined],
  ['schema not found', undefined, undefined],
  ['transaction aborted', 400, 'aborted'],
  ['invalid write time', undefined, undefined],
  ['invalid argument', 400, 'invalid_argument'],
  ['invalid ref', 400, undefined],
  ['call error', 400, undefined], // kind = the inner error's kind (issue 5 §5): see the examples
  ['missing identity', undefined, undefined],
  ['invalid scope', undefined, undefined],
  ['invalid token', undefined, undefined],
  ['stack overflow', undefined, undefined],
  ['permission denied', 403, 'permission_denied'],
  ['authentication failed', undefined, undefined],
  ['value not found', 404, undefined],
  ['instance not found', 404, 'not_found'],
  ['instance already exists', 400, 'already_exists'],
  ['validation failed', 400, 'invalid_argument'],
  ['instance not unique', 400, undefined],
  ['invalid object in container', undefined, undefined],
  ['move database error', undefined, undefined],
  ['recovery failed', undefined, undefined],
  ['feature not available', undefined, undefined],
  ['unknown code', undefined, undefined],
  ['unauthorized', 401, 'unauthenticated'],
]
/** Kinds of v4 classes fixed by issue 5 §5 (class wins for these statuses). */
const _V4_CLASS_KIND: Record<string, [string, boolean]> = {
  TooManyRequests: ['resource_exhausted', true],
  UnavailableError: ['unavailable', true],
  InternalError: ['internal', false],
}

/** v10 codes (fauna.md §2.2): [code, fauna class, status seen (400 when "—"), kind fixed by issue 5 §5, retryable]. */
const V10: [string, string, number, string | undefined, boolean | undefined][] = [
  ['abort', 'QueryRuntimeError', 400, 'aborted', undefined],
  ['conflict', 'QueryRuntimeError', 409, undefined, undefined],
  ['constraint_failure', 'QueryRuntimeError', 400, 'failed_precondition', false],
  ['contended_transaction', 'ContendedTransactionError', 409, 'aborted', true],
  ['disabled_feature', 'QueryRuntimeError', 400, undefined, undefined],
  ['divide_by_zero', 'QueryRuntimeError', 400, undefined, undefined],
  ['document_deleted', 'QueryRuntimeError', 400, undefined, undefined],
  ['document_id_exists', 'QueryRuntimeError', 400, 'already_exists', false],
  ['document_not_found', 'QueryRuntimeError', 400, 'not_found', false],
  ['eval_error', 'QueryRuntimeError', 400, undefined, undefined],
  ['forbidden', 'AuthorizationError', 403, 'permission_denied', false],
  ['index_out_of_bounds', 'QueryRuntimeError', 400, undefined, undefined],
  ['internal_error', 'ServiceInternalError', 500, 'internal', false],
  ['internal_failure', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_argument', 'QueryRuntimeError', 400, 'invalid_argument', false],
  ['invalid_bounds', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_computed_field_access', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_cursor', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_date', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_document_id', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_effect', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_function_invocation', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_id', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_index_invocation', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_null_access', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_query', 'QueryCheckError', 400, 'invalid_argument', false],
  ['invalid_receiver', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_regex', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_request', 'InvalidRequestError', 400, undefined, undefined],
  ['invalid_schema', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_secret', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_time', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_timestamp_field_access', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_type', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_unit', 'QueryRuntimeError', 400, undefined, undefined],
  ['invalid_write', 'QueryRuntimeError', 400, undefined, undefined],
  ['limit_exceeded', 'ThrottlingError', 429, 'resource_exhausted', true],
  ['method_not_allowed', 'QueryRuntimeError', 405, undefined, undefined],
  ['not_found', 'QueryRuntimeError', 404, 'not_found', false],
  ['null_value', 'QueryRuntimeError', 400, undefined, undefined],
  ['permission_denied', 'QueryRuntimeError', 400, undefined, undefined],
  ['request_size_exceeded', 'QueryRuntimeError', 413, undefined, undefined],
  ['stack_overflow', 'QueryRuntimeError', 400, undefined, undefined],
  ['time_out', 'QueryTimeoutError', 440, 'deadline_exceeded', undefined],
  ['tmp_write_failed', 'QueryRuntimeError', 400, undefined, undefined],
  ['type_mismatch', 'QueryRuntimeError', 400, undefined, undefined],
  ['unauthorized', 'AuthenticationError', 401, 'unauthenticated', false],
]
const STATS = {
  compute_ops: 1,
  read_ops: 0,
  write_ops: 0,
  query_time_ms: 1,
  contention_retries: 0,
  storage_bytes_read: 0,
  storage_bytes_write: 0,
  rate_limits_hit: [],
}
function v10Body(code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    error: { code, message, ...extra },
    summary: `error: ${message}\nat *query*:1:1`,
    txn_ts: 1689785459623670,
    stats: STATS,
    schema_version: 0,
  }
}

function fauna(): VectorFile {
  const codes: WireVector[] = []
  for (const [code, seen, kind] of V4) {
    const status = seen ?? 400
    const className = V4_CLASS[status] as string
    const description = `Description of ${code}.`
    const message = status === 401 ? code + UNAUTHORIZED_HINT : code
    const e: Expect = { className, code, message }
    if (kind) {
      e.kind = kind
      if (KIND_STATUS[kind] === status) e.status = status
      // faunadb has no retry logic (fauna.md §11 of models.md); an abort is not fixed either way.
      if (kind !== 'aborted') e.retryable = false
    }
    e.fields = { description, httpStatusCode: status }
    const { message: _m, fields: _f, ...create } = e
    codes.push({
      code,
      variant: 'v4',
      name: `v4 ${code} (${status})`,
      source: `fauna.md §2.1, §3.1, §4.1${seen ? '' : ' (no status pinned: 400)'}; issue 5`,
      wire: { status, body: { errors: [{ position: ['create'], code, description }] } },
      expect: e,
      // The class is chosen by the status the server sent, which create(code) does not have unless pinned.
      createExpect: seen ? create : { code, ...(kind ? { kind } : {}) },
    })
  }
  for (const [code, className, status, kind, retryable] of V10) {
    const message = `v10 ${code} message`
    const e: Expect = { className, code, message }
    if (kind) {
      e.kind = kind
      if (KIND_STATUS[kind] === status) e.status = status
    }
    if (retryable !== undefined) e.retryable = retryable
    e.fields = { code, httpStatus: status }
    const { message: _m, fields: _f, ...create } = e
    codes.push({
      code,
      variant: 'v10',
      name: `v10 ${code} (${status})`,
      source: 'fauna.md §2.2, §3.2, §4.2; issue 5',
      wire: { status, body: v10Body(code, message) },
      expect: e,
      // abort / constraint_failure: the class depends on a member create(code) does not have (fauna.md §4.2).
      createExpect: code === 'abort' || code === 'constraint_failure' ? { code, ...(kind ? { kind } : {}) } : create,
    })
  }
  // Client-side classes (fauna.md §3.1, §3.2): never on the wire, so create expectations only. The code of such a row
  // is the class name (no Fauna code exists); default messages where the drivers have one.
  const client: [string, 'v4' | 'v10', string | undefined][] = [
    ['ClientClosed', 'v4', undefined],
    ['ProtocolError', 'v4', undefined],
    ['InvalidValue', 'v4', undefined],
    ['StreamsNotSupported', 'v4', undefined],
    ['TimeoutError', 'v4', 'Request aborted due to timeout'],
    ['AbortError', 'v4', 'Request aborted'],
    ['ClientError', 'v10', undefined],
    ['ClientClosedError', 'v10', undefined],
    ['NetworkError', 'v10', undefined],
    ['ProtocolError', 'v10', undefined],
  ]
  for (const [cls, variant, message] of client) {
    codes.push({
      code: cls,
      variant,
      name: `${variant} client-side ${cls}`,
      source: `fauna.md §3.${variant === 'v4' ? 1 : 2}`,
      expect: { className: cls, code: cls },
      ...(message ? { defaultMessage: message } : {}),
    })
  }
  // v10 conditional classes (fauna.md §4.2, §7 item 10).
  const examples: ExampleVector[] = [
    {
      name: 'v10 abort with an abort value → AbortError, decoded tagged value',
      code: 'abort',
      variant: 'v10',
      source: 'fauna.md §3.2, §6.2',
      wire: { status: 400, body: v10Body('abort', 'Query aborted.', { abort: { '@int': '42' } }) },
      expect: {
        className: 'AbortError',
        code: 'abort',
        kind: 'aborted',
        message: 'Query aborted.',
        fields: { abort: 42 },
      },
    },
    {
      name: 'v10 constraint_failure with constraint_failures → ConstraintFailureError',
      code: 'constraint_failure',
      variant: 'v10',
      source: 'fauna.md §6.2',
      wire: {
        status: 400,
        body: v10Body('constraint_failure', 'Failed unique constraint.', {
          constraint_failures: [{ paths: [['email']], message: 'Failed unique constraint', name: 'unique_email' }],
        }),
      },
      expect: {
        className: 'ConstraintFailureError',
        code: 'constraint_failure',
        kind: 'failed_precondition',
        retryable: false,
        fields: {
          constraint_failures: [{ paths: [['email']], message: 'Failed unique constraint', name: 'unique_email' }],
        },
      },
    },
    {
      name: 'v10 docs example: invalid_function_invocation',
      code: 'invalid_function_invocation',
      variant: 'v10',
      source: 'fauna.md §5.2',
      wire: {
        status: 400,
        body: {
          error: { code: 'invalid_function_invocation', message: "The function `al` doesn't exist on `Collection`" },
          summary: 'error: ...\nat *query*:1:12\n ...',
          txn_ts: 1689785459623670,
          stats: STATS,
          schema_version: 0,
        },
      },
      expect: {
        className: 'QueryRuntimeError',
        code: 'invalid_function_invocation',
        message: "The function `al` doesn't exist on `Collection`",
      },
    },
    {
      name: 'v10 time_out at 503 → QueryTimeoutError',
      code: 'time_out',
      variant: 'v10',
      source: 'fauna.md §2.2, §4.3',
      wire: { status: 503, body: v10Body('time_out', 'Query timed out.') },
      expect: {
        className: 'QueryTimeoutError',
        code: 'time_out',
        kind: 'deadline_exceeded',
        fields: { httpStatus: 503 },
      },
    },
    {
      name: 'seed: v4 unauthorized (401) with the driver hint',
      code: 'unauthorized',
      variant: 'v4',
      source: 'fauna.md §5.1, §6.1',
      wire: { status: 401, body: { errors: [{ code: 'unauthorized', description: 'Unauthorized' }] } },
      expect: {
        className: 'Unauthorized',
        code: 'unauthorized',
        kind: 'unauthenticated',
        status: 401,
        message: 'unauthorized' + UNAUTHORIZED_HINT,
        string: 'Unauthorized: unauthorized' + UNAUTHORIZED_HINT,
        fields: { description: 'Unauthorized', httpStatusCode: 401 },
      },
    },
    {
      name: 'seed: v4 invalid ref with position',
      code: 'invalid ref',
      variant: 'v4',
      source: 'fauna.md §5.1',
      wire: {
        status: 400,
        body: {
          errors: [
            {
              position: ['collection', 'paginate', 'documents'],
              code: 'invalid ref',
              description: "Ref refers to undefined collection 'does_not_exist'",
            },
          ],
        },
      },
      expect: {
        className: 'BadRequest',
        code: 'invalid ref',
        message: 'invalid ref',
        string: 'BadRequest: invalid ref',
        fields: {
          description: "Ref refers to undefined collection 'does_not_exist'",
          httpStatusCode: 400,
          position: ['collection', 'paginate', 'documents'],
        },
      },
    },
    {
      name: 'seed: v4 validation failed with failures',
      code: 'validation failed',
      variant: 'v4',
      source: 'fauna.md §5.1, §6.1',
      wire: {
        status: 400,
        body: {
          errors: [
            {
              position: ['create_collection'],
              code: 'validation failed',
              description: 'document data is not valid.',
              failures: [
                { field: ['name'], code: 'invalid type', description: 'Invalid type String, expected Number.' },
              ],
            },
          ],
        },
      },
      expect: {
        className: 'BadRequest',
        code: 'validation failed',
        kind: 'invalid_argument',
        message: 'validation failed',
        fields: { description: 'document data is not valid.', httpStatusCode: 400 },
      },
    },
    {
      name: 'v4 call error takes the inner error’s kind (transaction aborted → aborted)',
      code: 'call error',
      variant: 'v4',
      source: 'fauna.md §5.1; issue 5 §5',
      wire: {
        status: 400,
        body: {
          errors: [
            {
              position: [],
              code: 'call error',
              description: 'Calling the function resulted in an error.',
              cause: [{ position: ['expr'], code: 'transaction aborted', description: 'custom error here' }],
            },
          ],
        },
      },
      expect: { className: 'BadRequest', code: 'call error', kind: 'aborted', message: 'call error' },
    },
    {
      name: 'v4 empty errors array',
      code: '(empty "errors")',
      variant: 'v4',
      source: 'fauna.md §3.1, §6.1',
      wire: { status: 400, body: { errors: [] } },
      expect: { className: 'BadRequest', message: '(empty "errors")', fields: { description: '(empty "errors")' } },
    },
    {
      name: 'v4 429 → TooManyRequests, resource_exhausted, retryable',
      code: 'too many requests',
      variant: 'v4',
      source: 'fauna.md §4.1; issue 5 §5',
      wire: { status: 429, body: { errors: [{ code: 'too many requests', description: 'Rate limit exceeded' }] } },
      expect: {
        className: 'TooManyRequests',
        code: 'too many requests',
        kind: 'resource_exhausted',
        status: 429,
        retryable: true,
        message: 'too many requests',
      },
    },
    {
      name: 'v4 503 → UnavailableError, unavailable, retryable (driver test mock)',
      code: 'unavailable',
      variant: 'v4',
      source: 'fauna.md §2.1, §4.1; issue 5 §5',
      wire: { status: 503, body: { errors: [{ code: 'unavailable', description: 'on vacation' }] } },
      expect: {
        className: 'UnavailableError',
        code: 'unavailable',
        kind: 'unavailable',
        status: 503,
        retryable: true,
        message: 'unavailable',
        fields: { description: 'on vacation', httpStatusCode: 503 },
      },
    },
    {
      name: 'v4 500 → InternalError, internal (driver test mock)',
      code: 'internal server error',
      variant: 'v4',
      source: 'fauna.md §2.1, §4.1; issue 5 §5',
      wire: {
        status: 500,
        body: { errors: [{ code: 'internal server error', description: 'sorry', stacktrace: ['a', 'b'] }] },
      },
      expect: {
        className: 'InternalError',
        code: 'internal server error',
        kind: 'internal',
        status: 500,
        message: 'internal server error',
      },
    },
    {
      name: 'v4 405 → MethodNotAllowed',
      code: 'method not allowed',
      variant: 'v4',
      source: 'fauna.md §4.1',
      wire: { status: 405, body: { errors: [{ code: 'method not allowed', description: 'no' }] } },
      expect: { className: 'MethodNotAllowed', code: 'method not allowed', message: 'method not allowed' },
    },
    {
      name: 'v4 409 → name UnknownError',
      code: 'instance not unique',
      variant: 'v4',
      source: 'fauna.md §4.1, §7 item 4',
      wire: { status: 409, body: { errors: [{ code: 'instance not unique', description: 'dup' }] } },
      expect: { className: 'UnknownError', code: 'instance not unique', message: 'instance not unique' },
    },
  ]
  const unknownCodes: WireVector[] = [
    {
      code: 'future v4 code',
      variant: 'v4',
      name: 'unknown v4 code at 400 → BadRequest, code kept',
      source: 'fauna.md §4.1 (class by status)',
      wire: { status: 400, body: { errors: [{ code: 'future v4 code', description: 'new' }] } },
      expect: { className: 'BadRequest', code: 'future v4 code', message: 'future v4 code' },
      createExpect: { code: 'future v4 code' },
    },
    {
      code: 'future_v10_code',
      variant: 'v10',
      name: 'unknown v10 code → QueryRuntimeError, code kept',
      source: 'fauna.md §4.2 (anything else → QueryRuntimeError)',
      wire: { status: 400, body: v10Body('future_v10_code', 'new') },
      expect: { className: 'QueryRuntimeError', code: 'future_v10_code', message: 'new' },
      createExpect: { code: 'future_v10_code' },
    },
  ]
  const malformed: MalformedVector[] = [
    {
      name: 'non-JSON body (faunadb: raw SyntaxError)',
      wire: { status: 502, bodyText: '<html>Bad Gateway</html>' },
      expect: { className: 'ProtocolError' },
    },
    {
      name: 'JSON without errors or error (faunadb: raw TypeError)',
      wire: { status: 500, body: { message: 'nope' } },
      expect: { className: 'ProtocolError' },
    },
    { name: 'null body', wire: { status: 500, body: null } },
    { name: 'errors is a string', wire: { status: 400, body: { errors: 'bad' } } },
    { name: 'errors contains null and numbers', wire: { status: 400, body: { errors: [null, 1, 'x'] } } },
    { name: 'error code is a number', wire: { status: 400, body: { errors: [{ code: 42, description: 7 }] } } },
    { name: 'v10 error is a string', wire: { status: 400, body: { error: 'oops' } } },
    { name: 'v10 error without code', wire: { status: 400, body: { error: { message: 'no code' } } } },
    {
      name: '__proto__ and constructor keys',
      wire: {
        status: 400,
        body: JSON.parse(
          '{"__proto__":{"polluted":true},"errors":[{"code":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}',
        ),
      },
    },
  ]
  return {
    system: 'fauna',
    modules: ['@errs/fauna'],
    description:
      'Fauna FQL v4 (faunadb 4.8.2: class by HTTP status, message = first error code) and FQL v10 (fauna 2.5.0: ' +
      'class by code). Wire: { status, body } with { errors: [...] } (v4) or { error: { code, message }, ... } (v10).',
    sources: ['../shared/reference/fauna.md §2–§7', 'issue 5 (@errs/fauna)'],
    codes,
    unknownCodes,
    malformed,
    examples,
  }
}

for (const v of [fluss(), lance(), fauna()]) {
  writeFileSync(join(outDir, `${v.system}.json`), `${JSON.stringify(v, null, 1)}\n`)
  console.log(`vectors/${v.system}.json: ${v.codes.length} code rows, ${v.examples?.length ?? 0} examples`)
}
