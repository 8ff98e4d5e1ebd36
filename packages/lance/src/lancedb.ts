import { MAX_STRING, read, truncate } from '@errs/core/kit'
import { CODES, ErrorCode } from './codes.js'
import { fromErrorCode } from './from-error-code.js'
import type { LanceNamespaceError } from './lance-namespace-error.js'
import type { Operation } from './operations.js'
import { decodeErrorResponse } from './rest.js'

/** Where an `@lancedb/lancedb` error message comes from. */
export type LanceDbLayer =
  /** lance-core's `Error` (`rust/lance-core/src/error.rs`), printed by LanceDB as `lance error: <Display>`. */
  | 'lance'
  /** LanceDB's own `lancedb::Error` Display (`rust/lancedb/src/error.rs`). */
  | 'lancedb'
  /** Plain `Error`s thrown by the SDK's TypeScript before reaching Rust (no `code` property). */
  | 'typescript'

/**
 * One family of `@lancedb/lancedb` errors: how its message starts and the Lance Namespace code it stands for.
 * `pattern` is anchored at the start of the message's head (the text before the first `Caused by:`, after the
 * Node binding's wrapper such as `Failed to execute query stream: GenericFailure, `); for the `lance` layer, after
 * LanceDB's `lance error: ` prefix as well.
 */
export interface LanceDbErrorFamily {
  /** Upstream variant(s), e.g. `'lance_core::Error::CommitConflict'`. */
  readonly family: string
  /** Which layer's Display text the family matches: LanceDB's own errors or the Lance core's. */
  readonly layer: LanceDbLayer
  /** Matched against the message after the layer's prefixes (linear-time, anchored at the start). */
  readonly pattern: RegExp
  /** Lance Namespace code (0–23). */
  readonly code: ErrorCode
  /** Retry rule of this family where the Lance client's differs from the code's row (pylance's `retryable`). */
  readonly retryable?: boolean
  /** The upstream source that backs the mapping (repository, path, version). */
  readonly source: string
}

// Upstream sources, by the version read.
const LANCE_CORE = 'lance-format/lance rust/lance-core/src/error.rs @ 49b6a03a'
const COMMIT_CONVERTER =
  'lance-format/lance rust/lance-namespace-impls/src/dir/manifest.rs @ 81f52ae4, convert_lance_commit_error'
const PYLANCE = 'lance-format/lance python/src/error.rs @ 054aa1a0'
const LANCEDB_ERROR = 'lancedb/lancedb rust/lancedb/src/error.rs @ 45cd0534'
const LANCEDB_TABLE = 'lancedb/lancedb rust/lancedb/src/table.rs @ 45cd0534'
const LANCE_RETRY = 'lance-format/lance rust/lance/src/dataset/write/retry.rs @ d2039d75, execute_with_retry'
const ERRORS_MD = 'lance-format/lance-namespace docs/src/namespace/operations/errors.md @ v0.11.1'
const LANCEDB_JOB = 'lancedb/lancedb rust/lancedb/src/job.rs, remote/job.rs, python/src/error.rs @ 45cd0534'
const REST_CLIENT = 'lance-format/lance rust/lance-namespace-impls/src/rest.rs (timeouts → ServiceUnavailable)'

const fam = (
  family: string,
  layer: LanceDbLayer,
  pattern: RegExp,
  code: ErrorCode,
  source: string,
  retryable?: boolean,
): LanceDbErrorFamily =>
  Object.freeze(
    retryable === undefined
      ? { family, layer, pattern, code, source }
      : { family, layer, pattern, code, retryable, source },
  )

/** Unknown-column texts (DataFusion's `Schema error: No field named`, lance's column checks). */
const NO_COLUMN =
  '(?:Schema error: No field named |Column .{0,1024}? does not exist in the dataset|Merge insert key column .{0,1024}? does not exist)'

/**
 * The taxonomy of `@lancedb/lancedb` 0.39 errors as data, first match wins: lance-core's error enum and LanceDB's
 * error conversion (`From<lance::Error>`: lance `InvalidInput` becomes LanceDB `InvalidInput`, every other lance error
 * `lance error: …`), each family with the Lance Namespace code upstream's converters give it. Where upstream has no
 * converter the row cites the spec's definition of the code it uses.
 *
 * Commit errors follow Lance's own namespace implementation (`convert_lance_commit_error`): `CommitConflict` (the
 * commit loop ran out of retries) → Throttling, `TooMuchWriteContention` and `IncompatibleTransaction` →
 * ConcurrentModification. `RetryableCommitConflict` has no arm there (it would fall to Internal); Lance's write loop
 * retries it and, when the retries run out, raises `TooMuchWriteContention` (`execute_with_retry`), which the
 * converter maps to ConcurrentModification, and pylance marks it retryable: so it is ConcurrentModification here.
 * `IncompatibleTransaction` is not retryable (pylance `retryable=False`).
 */
export const LANCEDB_ERRORS: readonly LanceDbErrorFamily[] = /* @__PURE__ */ buildFamilies()

/** The rows of `LANCEDB_ERRORS`, built in a function so that a bundler drops them with an unused `LANCEDB_ERRORS`. */
// biome-ignore format: one line per family reads as a table
function buildFamilies(): readonly LanceDbErrorFamily[] {
  const {
    UNSUPPORTED,
    TABLE_NOT_FOUND,
    TABLE_ALREADY_EXISTS,
    TABLE_INDEX_NOT_FOUND,
    TABLE_INDEX_ALREADY_EXISTS,
    TABLE_TAG_NOT_FOUND,
    TABLE_TAG_ALREADY_EXISTS,
    TABLE_VERSION_NOT_FOUND,
    TABLE_COLUMN_NOT_FOUND,
    INVALID_INPUT,
    CONCURRENT_MODIFICATION,
    SERVICE_UNAVAILABLE,
    INTERNAL,
    TABLE_SCHEMA_VALIDATION_ERROR,
    THROTTLING,
    TABLE_BRANCH_NOT_FOUND,
    TABLE_BRANCH_ALREADY_EXISTS,
    INVALID_TABLE_STATE,
    NAMESPACE_NOT_FOUND,
    NAMESPACE_ALREADY_EXISTS,
  } = ErrorCode
  return Object.freeze([
    // lance-core errors (after `lance error: `)
    fam('lance_core::Error::CommitConflict', 'lance', /^Commit conflict for version \d{1,20}: /, THROTTLING, `${COMMIT_CONVERTER}; ${PYLANCE} (retryable)`),
    fam('lance_core::Error::RetryableCommitConflict', 'lance', /^Retryable commit conflict for version \d{1,20}: /, CONCURRENT_MODIFICATION, `${COMMIT_CONVERTER} (no arm for it: it would fall to Internal); ${LANCE_RETRY} (it ends as TooMuchWriteContention → 14 when its retries run out); ${PYLANCE} (retryable)`),
    fam('lance_core::Error::TooMuchWriteContention', 'lance', /^Too many concurrent writers\. /, CONCURRENT_MODIFICATION, COMMIT_CONVERTER),
    fam('lance_core::Error::IncompatibleTransaction', 'lance', /^Incompatible transaction: /, CONCURRENT_MODIFICATION, `${COMMIT_CONVERTER}; ${PYLANCE} (retryable=False)`, false),
    fam('lance_core::Error::IndexNotFound', 'lance', /^Lance index not found: /, TABLE_INDEX_NOT_FOUND, `${LANCE_CORE}; ${ERRORS_MD} (DropTableIndex → 6)`),
    fam('lance_core::Error::Index (name exists)', 'lance', /^LanceError\(Index\): Index name .{0,1024}? already exists/, TABLE_INDEX_ALREADY_EXISTS, `${LANCE_CORE}; ${ERRORS_MD} (CreateTableIndex → 7)`),
    fam('lance_core::Error::DatasetNotFound (version manifest)', 'lance', /^Dataset at path [^\s]{0,4096}?\/_versions\/\d{1,20}\.manifest was not found/, TABLE_VERSION_NOT_FOUND, `${LANCE_CORE}; ${ERRORS_MD} (DescribeTable → 11)`),
    fam('lance_core::Error::VersionNotFound', 'lance', /^Version not found error: /, TABLE_VERSION_NOT_FOUND, `${LANCE_CORE}; ${ERRORS_MD}`),
    fam('lance_core::Error::DatasetAlreadyExists', 'lance', /^Dataset already exists: /, TABLE_ALREADY_EXISTS, `${LANCE_CORE}; ${LANCEDB_TABLE} (→ TableAlreadyExists)`),
    fam('lance_core::Error::SchemaMismatch', 'lance', /^Append with different schema: /, TABLE_SCHEMA_VALIDATION_ERROR, `${LANCE_CORE}; ${ERRORS_MD} (InsertIntoTable → 20)`),
    fam('lance_core::Error::RefNotFound (tag)', 'lance', /^Ref not found error: tag /, TABLE_TAG_NOT_FOUND, `${LANCE_CORE}; ${ERRORS_MD} (GetTableTagVersion → 8)`),
    fam('lance_core::Error::RefNotFound (branch)', 'lance', /^Ref not found error: branch /, TABLE_BRANCH_NOT_FOUND, `${LANCE_CORE}; lance-namespace docs/src/spec.yaml @ v0.11.1 (22)`),
    fam('lance_core::Error::RefConflict (tag)', 'lance', /^Ref conflict error: tag /, TABLE_TAG_ALREADY_EXISTS, `${LANCE_CORE}; ${ERRORS_MD} (CreateTableTag → 9)`),
    fam('lance_core::Error::RefConflict (branch)', 'lance', /^Ref conflict error: branch /, TABLE_BRANCH_ALREADY_EXISTS, `${LANCE_CORE}; lance-namespace docs/src/spec.yaml @ v0.11.1 (23)`),
    fam('lance_core::Error::InvalidInput (unknown column)', 'lance', new RegExp(`^Invalid user input: ${NO_COLUMN}`), TABLE_COLUMN_NOT_FOUND, `${LANCE_CORE}; ${ERRORS_MD} (QueryTable, UpdateTable → 12)`),
    fam('lance_core::Error::InvalidInput', 'lance', /^Invalid user input: /, INVALID_INPUT, `${LANCE_CORE}; ${PYLANCE} (ValueError); ${ERRORS_MD} (13)`),
    fam('lance_core::Error::NotSupported', 'lance', /^Not supported: /, UNSUPPORTED, `${LANCE_CORE}; ${PYLANCE} (NotImplementedError); ${ERRORS_MD} (0)`),
    fam('lance_core::Error::Timeout', 'lance', /^Operation timed out: /, SERVICE_UNAVAILABLE, `${LANCE_CORE}; ${REST_CLIENT}`),
    fam('lance_core::Error::Backpressure', 'lance', /^Write rejected by backpressure: /, SERVICE_UNAVAILABLE, `${LANCE_CORE} (doc comment: retryable busy, HTTP 503)`),
    // lancedb::Error. A variant without a source ends at its Display: such rows end in `$`, so that a name holding
    // another row's words (a column named `a' was not found`) does not select that row.
    fam('lancedb::Error::TableCorrupted', 'lancedb', /^Table '.{0,1024}?' exists but could not be loaded \(it may be corrupt or incomplete\): /s, INVALID_TABLE_STATE, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/table.rs @ v0.37.1 (listed, yet no dataset loads; not raised since 1d75638d); ${ERRORS_MD} (19)`),
    fam('lancedb::Error::NotAMaterializedView', 'lancedb', /^Table '.{0,1024}?' is not a materialized view$/s, INVALID_INPUT, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/materialized_view.rs @ 45cd0534; ${ERRORS_MD} (13)`),
    fam('lancedb::Error::TableAlreadyExists', 'lancedb', /^Table '.{0,1024}?' already exists\s*$/s, TABLE_ALREADY_EXISTS, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/table.rs @ 45cd0534 (code 5 ⇄ TableAlreadyExists)`),
    fam('lancedb::Error::TableNotFound', 'lancedb', /^Table '.{0,1024}?' was not found/s, TABLE_NOT_FOUND, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/table.rs @ 45cd0534 (code 4 ⇄ TableNotFound)`),
    fam('lancedb::Error::DatabaseNotFound', 'lancedb', /^Database '.{0,1024}?' was not found$/s, NAMESPACE_NOT_FOUND, `${LANCEDB_ERROR}; lancedb/lancedb 1d4b92e0 (Catalog databases → namespaces) (1)`),
    fam('lancedb::Error::DatabaseAlreadyExists', 'lancedb', /^Database '.{0,1024}?' already exists\.$/s, NAMESPACE_ALREADY_EXISTS, `${LANCEDB_ERROR}; lancedb/lancedb 1d4b92e0 (Catalog databases → namespaces) (2)`),
    fam('lancedb::Error::InvalidTableName', 'lancedb', /^Invalid table name \(/, INVALID_INPUT, `${LANCEDB_ERROR}; ${ERRORS_MD} (13: invalid parameters)`),
    fam('lancedb::Error::IndexNotFound', 'lancedb', /^Index '.{0,1024}?' was not found\s*$/s, TABLE_INDEX_NOT_FOUND, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/remote/table.rs @ 45cd0534 (404 on drop_index)`),
    fam('lancedb::Error::ColumnAlreadyExists', 'lancedb', /^Column '.{0,1024}?' already exists$/s, INVALID_INPUT, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/table/computed_columns.rs @ 45cd0534; 13 as lance's \`Invalid input, Column … already exists\``),
    fam('lancedb::Error::NotAComputedColumn', 'lancedb', /^Column '.{0,1024}?' is not a computed column$/s, INVALID_INPUT, `${LANCEDB_ERROR}; lancedb/lancedb nodejs/lancedb/table.ts @ 45cd0534 (refreshColumnAsync: "Invalid input")`),
    fam('lancedb::Error::ColumnNotFound', 'lancedb', /^Column '.{0,1024}?' was not found\s*$/s, TABLE_COLUMN_NOT_FOUND, `${LANCEDB_ERROR}; ${ERRORS_MD} (12)`),
    fam('lancedb::Error::InvalidExpression (unknown column)', 'lancedb', /^Invalid expression for column '.{0,1024}?': unknown column '/s, TABLE_COLUMN_NOT_FOUND, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/table/computed_columns.rs @ 45cd0534 (bind); ${ERRORS_MD} (12)`),
    fam('lancedb::Error::InvalidExpression', 'lancedb', /^Invalid expression for column '/, INVALID_INPUT, `${LANCEDB_ERROR}; ${ERRORS_MD} (13)`),
    fam('lancedb::Error::InvalidInput (unknown column)', 'lancedb', new RegExp(`^Invalid input, (?:Invalid user input: )?${NO_COLUMN}`), TABLE_COLUMN_NOT_FOUND, `${LANCEDB_ERROR}; ${ERRORS_MD} (QueryTable, MergeInsertIntoTable, AlterTableAlterColumns → 12)`),
    fam('lancedb::Error::InvalidInput', 'lancedb', /^Invalid input, /, INVALID_INPUT, `${LANCEDB_ERROR}; ${ERRORS_MD} (13)`),
    fam('lancedb::Error::Schema (unknown field path)', 'lancedb', /^Schema Error: Field path .{0,1024}? not found in schema/, TABLE_COLUMN_NOT_FOUND, `${LANCEDB_ERROR}; ${ERRORS_MD} (CreateTableIndex → 12)`),
    fam('lancedb::Error::Schema', 'lancedb', /^Schema Error: /, INVALID_INPUT, `${LANCEDB_ERROR}; ${ERRORS_MD} (13)`),
    fam('lancedb::Error::NotSupported', 'lancedb', /^LanceDBError: not supported: /, UNSUPPORTED, `${LANCEDB_ERROR}; ${ERRORS_MD} (0)`),
    fam('lancedb::Error::Timeout', 'lancedb', /^Timeout error: /, SERVICE_UNAVAILABLE, `${LANCEDB_ERROR}; ${REST_CLIENT}`),
    fam('lancedb::Error::Retry', 'lancedb', /^Hit retry limit for request_id=/, SERVICE_UNAVAILABLE, `${LANCEDB_ERROR}; lancedb/lancedb rust/lancedb/src/remote/client.rs @ 45cd0534`),
    // Jobs: the Display holds neither a code nor JobFailure's `retryable`; lancedb's Python raises both as RuntimeError.
    fam('lancedb::Error::JobCancelled', 'lancedb', /^Job(?: \S{1,1024})? was cancelled$/, INTERNAL, `${LANCEDB_ERROR}; ${LANCEDB_JOB} (JobCancelledError)`),
    fam('lancedb::Error::JobFailed', 'lancedb', /^Job(?: \S{1,1024})? failed(?:: | in |$)/, INTERNAL, `${LANCEDB_ERROR}; ${LANCEDB_JOB} (JobFailedError)`),
    fam('lancedb::Error::Runtime', 'lancedb', /^Runtime error: /, INTERNAL, `${LANCEDB_ERROR}; lance-format/lance rust/lance-namespace-impls/src/rest_adapter.rs @ 0bd2ff24 (non-namespace → 18)`),
    fam('lancedb::Error::Lance (other lance errors)', 'lancedb', /^lance error: /, INTERNAL, `${LANCEDB_ERROR}; lance-format/lance rust/lance-namespace-impls/src/rest_adapter.rs @ 0bd2ff24 (non-namespace → 18)`),
    // The SDK's TypeScript layer (plain Errors without `code`)
    fam('schema.js sanitizeRecords', 'typescript', /^Found field not in schema: /, TABLE_SCHEMA_VALIDATION_ERROR, `@lancedb/lancedb 0.39.0 dist/schema.js; ${ERRORS_MD} (InsertIntoTable → 20)`),
    fam('arrow.js makeArrowTable', 'typescript', /^At least one record or a schema needs to be provided$/, INVALID_INPUT, `@lancedb/lancedb 0.39.0 dist/arrow.js; ${ERRORS_MD} (13)`),
    fam('arrow.js makeEmptyTable', 'typescript', /^A schema must be provided if data is empty$/, INVALID_INPUT, `@lancedb/lancedb 0.39.0 dist/arrow.js; ${ERRORS_MD} (13)`),
  ] satisfies LanceDbErrorFamily[])
}

/** Wrappers the Node binding puts before a converted error (lancedb/lancedb nodejs/src/query.rs, merge.rs, iterator.rs). */
const BINDING_WRAPPERS: readonly string[] = [
  'Failed to execute query stream: ',
  'Failed to retrieve the query plan: ',
  'Failed to execute analyze plan: ',
  'Failed to execute merge insert: ',
  'Failed to get next batch from stream: ',
]
const NAPI_STATUS = 'GenericFailure, '
const LANCE_ERROR = 'lance error: '
const CAUSED_BY = 'Caused by:'
const MAX_SEGMENTS = 64

const isDigit = (c: number) => c >= 48 && c <= 57

/** True when the token ends in a Rust source location `….rs:<line>` or `….rs:<line>:<col>` (no regex). */
function isRustLocation(token: string): boolean {
  const digitsStart = (end: number) => {
    let j = end
    while (j > 0 && isDigit(token.charCodeAt(j - 1))) j--
    return j
  }
  const j = digitsStart(token.length)
  if (j === token.length || j === 0 || token[j - 1] !== ':') return false
  if (token.endsWith('.rs', j - 1)) return true
  const k = digitsStart(j - 1)
  if (k === j - 1 || k === 0 || token[k - 1] !== ':') return false
  return token.endsWith('.rs', k - 1)
}

/** A Lance or LanceDB crate's source directory as Cargo names it (`/lance-12.0.0/`, `/lance-io-12.0.0/`, `/lancedb-…`). */
const LANCE_CRATE = /\/lance(?:db)?(?:-[a-z]{1,32}){0,3}-\d/

/** True when the text holds a Rust source location inside a Lance crate; one token scan, linear. */
function hasLanceLocation(text: string): boolean {
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c) || c === 44) {
      i++
      continue
    }
    const start = i
    while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 44) i++
    const token = text.slice(start, i)
    if (isRustLocation(token) && LANCE_CRATE.test(token)) return true
  }
  return false
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11

/**
 * Removes the source locations of the Rust build that LanceDB messages carry
 * (`…, /usr/local/cargo/registry/src/index.crates.io-…/lance-namespace-impls-12.0.0/src/rest.rs:567:74`) together
 * with the `,` and whitespace before each. Cut to 16 KiB first; one pass, linear in the length whatever the input.
 * Anything but a string gives `''`. Never throws.
 */
export function stripRustPaths(text: string): string {
  // A string only: `String(…)` of anything else runs its code (a revoked Proxy throws) and may build a huge text first.
  const s = truncate(typeof text === 'string' ? text : '', MAX_STRING)
  let out = ''
  let kept = 0 // s[kept..] has not been copied yet
  let i = 0
  const n = s.length
  while (i < n) {
    const c = s.charCodeAt(i)
    if (isSpace(c) || c === 44) {
      i++
      continue
    }
    const start = i
    while (i < n && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 44) i++
    if (isRustLocation(s.slice(start, i))) {
      // Drop the token with the whitespace before it and one comma before that whitespace.
      let cut = start
      while (cut > kept && isSpace(s.charCodeAt(cut - 1))) cut--
      if (cut > kept && s.charCodeAt(cut - 1) === 44) cut--
      out += s.slice(kept, cut)
      kept = i
    }
  }
  return out + s.slice(kept)
}

/** Replaces file-system paths (tokens holding `/` or `\`) by `[path]`: what a public message may show. */
function hidePaths(text: string): string {
  let out = ''
  let kept = 0
  let i = 0
  const n = text.length
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    let path = false
    while (i < n && !isSpace(text.charCodeAt(i))) {
      const c = text.charCodeAt(i)
      if (c === 47 || c === 92) path = true
      i++
    }
    if (path) {
      out += `${text.slice(kept, start)}[path]`
      kept = i
    }
  }
  return out + text.slice(kept)
}

/** The segments of a `Caused by:` chain (napi `convert_error` puts no newline before them), trimmed; linear. */
export function splitCauses(message: string): string[] {
  const out: string[] = []
  let from = 0
  while (out.length < MAX_SEGMENTS - 1) {
    const at = message.indexOf(CAUSED_BY, from)
    if (at < 0) break
    out.push(message.slice(from, at).trim())
    from = at + CAUSED_BY.length
  }
  out.push(message.slice(from).trim())
  return out
}

/** The head of a message without the binding's wrapper (`Failed to execute query stream: GenericFailure, `). */
function unwrapBinding(head: string): string {
  let text = head
  for (const w of BINDING_WRAPPERS) {
    if (text.startsWith(w)) {
      text = text.slice(w.length)
      if (text.startsWith(NAPI_STATUS)) text = text.slice(NAPI_STATUS.length)
      break
    }
  }
  return text
}

/** The family of a message head (binding wrapper removed), or `undefined`. `typescriptOnly`: only that layer. */
export function lanceDbFamily(head: string, typescriptOnly = false): LanceDbErrorFamily | undefined {
  const lance = head.startsWith(LANCE_ERROR) ? head.slice(LANCE_ERROR.length) : head
  for (const row of LANCEDB_ERRORS) {
    if (typescriptOnly && row.layer !== 'typescript') continue
    if (row.pattern.test(row.layer === 'lance' ? lance : head)) return row
  }
  return undefined
}

/** Rust `NamespaceError` Display prefixes, longest first so that no prefix shadows a longer one. */
const PREFIXES: readonly [string, ErrorCode][] = /* @__PURE__ */ buildPrefixes()

/** `PREFIXES`, from the code table. */
function buildPrefixes(): readonly [string, ErrorCode][] {
  return CODES.map((row): [string, ErrorCode] => [`${row.rustPrefix}: `, row.code]).sort(
    (a, b) => b[0].length - a[0].length,
  )
}
const NAMESPACE_WRAPPERS = ['lance error: ', 'Namespace error: ', 'Runtime error: ']

/** `Http error: (request_id=…) <status> <reason>: ` (lancedb/lancedb rust/lancedb/src/remote/client.rs). */
const HTTP_ERROR = /Http error: \(request_id=([^)\s]{0,256})\)\s{0,8}(?:(\d{3})(?: [^:{]{0,64})?:\s{0,8})?/
const REQUEST_ID = /request_id=([\w-]{1,128})/

/** The balanced JSON object starting at `start` (`{`), string-aware; `undefined` when unbalanced. */
function jsonObjectAt(text: string, start: number): string | undefined {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return undefined
}

/** Options of `fromLanceDbMessage`. */
export interface LanceDbMessageOptions {
  /** The thrown value, kept as `cause` (a redacted stand-in when its message or stack shows a secret). */
  cause?: unknown
  /** The operation called, for bare HTTP statuses echoed by `db://` connections. */
  operation?: Operation
  /**
   * Only the SDK's TypeScript-layer families: for plain `Error`s without napi's `code: 'GenericFailure'`, whose
   * message alone must not be taken for a Rust one.
   */
  typescriptOnly?: boolean
}

/**
 * The typed error for an `@lancedb/lancedb` message, or `undefined` when it is not a LanceDB/Lance message.
 * Tried in order: the `ErrorResponse` JSON that `db://` connections echo (its `code` is the truth), the Rust
 * `NamespaceError` prefix of namespace connections (innermost cause first), then the family table `LANCEDB_ERRORS`.
 * The message is cut to 16 KiB before anything else; every step is linear. The message kept is the head of the
 * chain without Rust source locations; `publicMessage` hides file-system paths. Never throws.
 */
export function fromLanceDbMessage(
  rawMessage: string,
  options: LanceDbMessageOptions = {},
): LanceNamespaceError | undefined {
  if (typeof rawMessage !== 'string') return undefined
  // The options, read once and guarded (`null`, a revoked Proxy or a throwing getter is none of them).
  const cause = read(options, 'cause')
  const operation = read(options, 'operation')
  const typescriptOnly = read(options, 'typescriptOnly') === true
  const message = truncate(rawMessage, MAX_STRING)
  const requestId = typescriptOnly ? undefined : REQUEST_ID.exec(message)?.[1]
  const extra = {
    ...(cause !== undefined ? { cause } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  }
  const segments = splitCauses(message)
  const head = unwrapBinding(segments[0] ?? '')
  if (!typescriptOnly) {
    const http = HTTP_ERROR.exec(message)
    if (http) {
      const start = http.index + http[0].length
      const status = http[2] === undefined ? undefined : Number(http[2])
      const json = message[start] === '{' ? jsonObjectAt(message, start) : undefined
      const body = json ?? splitCauses(message.slice(start))[0]
      // Without a status in the text (db:// table routes report 404s as "Table '…' was not found"), the outer
      // Display says what the reply was.
      const outer = status === undefined ? lanceDbFamily(head)?.code : undefined
      const httpStatus = status ?? (outer === undefined ? undefined : CODES[outer]?.status)
      return decodeErrorResponse(
        body,
        {
          ...(httpStatus !== undefined ? { status: httpStatus } : {}),
          ...(operation !== undefined ? { operation: operation as Operation } : {}),
        },
        extra,
      )
    }
    if (message.includes('Namespace error: ')) {
      for (let i = segments.length - 1; i >= 0; i--) {
        const segment = peel(segments[i] ?? '')
        const hit = PREFIXES.find(([prefix]) => segment.startsWith(prefix))
        if (hit) return fromErrorCode(hit[1], stripRustPaths(segment.slice(hit[0].length)).trim(), extra)
      }
    }
  }
  const row = lanceDbFamily(head, typescriptOnly)
  const shown = stripRustPaths(segments[0] ?? '').trim()
  const hidden = hidePaths(shown)
  if (row === undefined) {
    // No family, but a Rust source location of a Lance crate says where it came from: an internal error of Lance
    // (the reference REST server sends every non-namespace error as 18), not a foreign one.
    if (typescriptOnly || !hasLanceLocation(message)) return undefined
    return fromErrorCode(ErrorCode.INTERNAL, shown, {
      ...extra,
      ...(hidden !== shown ? { publicMessage: hidden } : {}),
    })
  }
  return fromErrorCode(row.code, shown, {
    ...extra,
    ...(hidden !== shown ? { publicMessage: hidden } : {}),
    ...(row.retryable !== undefined ? { retryable: row.retryable } : {}),
  })
}

/** A segment without the `lance error: ` / `Namespace error: ` / `Runtime error: ` wrappers before a Rust prefix. */
function peel(segment: string): string {
  let text = segment
  for (let changed = true; changed; ) {
    changed = false
    for (const w of NAMESPACE_WRAPPERS) {
      if (text.startsWith(w)) {
        text = text.slice(w.length)
        changed = true
      }
    }
  }
  return text
}
