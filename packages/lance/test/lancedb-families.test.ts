import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CODES,
  ConcurrentModificationError,
  InternalError,
  InvalidInputError,
  LANCEDB_ERRORS,
  type LanceNamespaceError,
  lanceDbFamily,
  normalize,
  TableAlreadyExistsError,
  TableColumnNotFoundError,
  TableIndexAlreadyExistsError,
  TableIndexNotFoundError,
  TableNotFoundError,
  TableSchemaValidationError,
  TableTagAlreadyExistsError,
  TableTagNotFoundError,
  TableVersionNotFoundError,
  ThrottlingError,
  UnsupportedOperationError,
} from '../src/index.js'
import { type Connection, caught, lancedb, lancedbError, type Table } from './support/lancedb.js'

// Sources of the expected codes (each row of LANCEDB_ERRORS names its own):
// - lance-core error enum: lance-format/lance rust/lance-core/src/error.rs @ 49b6a03a
// - LanceDB error and its From<lance::Error>: lancedb/lancedb rust/lancedb/src/error.rs @ 45cd0534
// - commit errors: lance-format/lance rust/lance-namespace-impls/src/dir/manifest.rs @ 81f52ae4
//   (convert_lance_commit_error); retryability: lance-format/lance python/src/error.rs @ 054aa1a0
// - per-operation codes: lance-format/lance-namespace docs/src/namespace/operations/errors.md @ v0.11.1

/** Checks the normalized error and that its message keeps no Rust build path. */
function expectTyped(raw: unknown, Class: abstract new (...args: never[]) => LanceNamespaceError, code: number) {
  const e = normalize(raw)
  expect(e).toBeInstanceOf(Class)
  expect(e.code).toBe(code)
  expect(e.cause).toBe(raw)
  expect(e.message).not.toMatch(/\.rs:\d+/)
  expect(e.message).not.toContain('Caused by:')
  return e
}

describe('live: @lancedb/lancedb 0.39 on a local database, every family it produces', () => {
  let dir = ''
  let db: Connection
  let t: Table

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'errs-lance-'))
    db = await lancedb.connect(dir)
    t = await db.createTable('t', [
      { id: 1, name: 'a', vector: [1, 2] },
      { id: 2, name: 'b', vector: [3, 4] },
    ])
  })
  afterAll(() => {
    t?.close()
    db?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('add() with a field not in the schema → TableSchemaValidationError 20 (SDK TypeScript layer, no code)', async () => {
    // @lancedb/lancedb 0.39.0 dist/schema.js throws a plain Error; errors.md lists 20 for InsertIntoTable.
    const raw = await caught(() => t.add([{ id: 'x', wrong_column: true }]))
    expect(raw).toMatchObject({ message: 'Found field not in schema: wrong_column at row 0' })
    expect(Object.keys(raw as object)).toEqual([])
    const e = expectTyped(raw, TableSchemaValidationError, 20)
    expect(e).toMatchObject({ kind: 'invalid_argument', status: 400, retryable: false })
  })

  it('query().where(unknown column) → TableColumnNotFoundError 12, through the query-stream wrapper', async () => {
    // nodejs/src/query.rs wraps with `Failed to execute query stream: GenericFailure, `; errors.md QueryTable → 12.
    const raw = await caught(() => t.query().where('no_such_col > 1').toArray())
    expect((raw as Error).message).toMatch(
      /^Failed to execute query stream: GenericFailure, Invalid input, Schema error: No field named no_such_col/,
    )
    const e = expectTyped(raw, TableColumnNotFoundError, 12)
    expect(e).toMatchObject({ kind: 'not_found', status: 404, retryable: false })
  })

  it('unknown column in countRows / update / mergeInsert / alterColumns / explainPlan / createIndex → 12', async () => {
    for (const work of [
      () => t.countRows('nope = 1'),
      () => t.update({ where: 'nope = 1', values: { id: 3 } }),
      () =>
        t
          .mergeInsert('nope')
          .whenMatchedUpdateAll()
          .execute([{ id: 1, name: 'z', vector: [1, 1] }]),
      () => t.alterColumns([{ path: 'nope', rename: 'x' }]),
      () => t.query().where('nope > 1').explainPlan(),
      () => t.createIndex('nope'),
    ]) {
      expectTyped(await caught(work), TableColumnNotFoundError, 12)
    }
  })

  it("createTable('bad name!') → InvalidInputError 13 (lancedb InvalidTableName)", async () => {
    const raw = await caught(() => db.createTable('bad name!', [{ a: 1 }]))
    expect((raw as Error).message).toMatch(/^Invalid table name \("bad name!"\): /)
    expectTyped(raw, InvalidInputError, 13)
  })

  it("createTable('empty', []) → InvalidInputError 13 (SDK TypeScript layer)", async () => {
    const raw = await caught(() => db.createTable('empty', []))
    expect(raw).toMatchObject({ message: 'At least one record or a schema needs to be provided' })
    expectTyped(raw, InvalidInputError, 13)
  })

  it("dropIndex('vector_idx') → TableIndexNotFoundError 6 (lance IndexNotFound)", async () => {
    const raw = await caught(() => t.dropIndex('vector_idx'))
    expect((raw as Error).message).toMatch(/^lance error: Lance index not found: name=vector_idx, /)
    const e = expectTyped(raw, TableIndexNotFoundError, 6)
    expect(e.message).toBe('lance error: Lance index not found: name=vector_idx')
  })

  it('createIndex twice without replace → TableIndexAlreadyExistsError 7', async () => {
    await t.createIndex('id')
    expectTyped(await caught(() => t.createIndex('id', { replace: false })), TableIndexAlreadyExistsError, 7)
  })

  it('checkout(999) → TableVersionNotFoundError 11; the database path stays out of publicMessage', async () => {
    const raw = await caught(() => t.checkout(999))
    const e = expectTyped(raw, TableVersionNotFoundError, 11)
    expect(e.publicMessage).toBeDefined()
    expect(e.publicMessage).not.toContain(dir.slice(1))
    expect(e.publicMessage).toContain('[path]')
  })

  it('openTable / dropTable of a missing table → TableNotFoundError 4; duplicate create → 5', async () => {
    const open = expectTyped(await caught(() => db.openTable('missing')), TableNotFoundError, 4)
    expect(open.message).toBe("Table 'missing' was not found")
    expectTyped(await caught(() => db.dropTable('missing')), TableNotFoundError, 4)
    expectTyped(await caught(() => db.createTable('t', [{ id: 1 }])), TableAlreadyExistsError, 5)
  })

  it('renameTable → UnsupportedOperationError 0; restore without checkout → InvalidInputError 13', async () => {
    expectTyped(await caught(() => db.renameTable('t', 't2')), UnsupportedOperationError, 0)
    expectTyped(await caught(() => t.restore()), InvalidInputError, 13)
  })

  it('tags: missing tag → TableTagNotFoundError 8, duplicate tag → TableTagAlreadyExistsError 9', async () => {
    const tags = await t.tags()
    expectTyped(await caught(() => tags.delete('nope')), TableTagNotFoundError, 8)
    await tags.create('v1', 1)
    expectTyped(await caught(() => tags.create('v1', 1)), TableTagAlreadyExistsError, 9)
  })

  it('delete on a handle whose table was overwritten → ConcurrentModificationError 14, not retryable', async () => {
    // convert_lance_commit_error: IncompatibleTransaction → ConcurrentModification; pylance: retryable=False.
    const rows = [{ id: 1, name: 'a', vector: [1, 2] }]
    await db.createTable('inc', rows)
    const a = await db.openTable('inc')
    const b = await db.openTable('inc')
    await a.add(rows, { mode: 'overwrite' })
    const raw = await caught(() => b.delete('id = 1'))
    expect((raw as Error).message).toMatch(/^lance error: Incompatible transaction: /)
    const e = expectTyped(raw, ConcurrentModificationError, 14)
    expect(e.retryable).toBe(false)
    a.close()
    b.close()
  })

  it('concurrent overwrites → Retryable commit conflict → ConcurrentModificationError 14, retryable', async () => {
    // lance RetryableCommitConflict (`… Please retry.`); pylance marks it retryable.
    const rows = Array.from({ length: 20 }, (_, i) => ({ id: i, v: i }))
    await db.createTable('conc', rows)
    const seen: unknown[] = []
    for (let round = 0; round < 8 && !seen.some(isRetryableConflict); round++) {
      const handles = await Promise.all(Array.from({ length: 6 }, () => db.openTable('conc')))
      await Promise.all(
        handles.map((h, i) =>
          (i % 2 ? h.add(rows, { mode: 'overwrite' }) : h.update({ where: 'id >= 0', values: { v: String(i) } })).catch(
            (e: unknown) => seen.push(e),
          ),
        ),
      )
      for (const h of handles) h.close()
    }
    const raw = seen.find(isRetryableConflict)
    expect(raw).toBeDefined()
    const e = expectTyped(raw, ConcurrentModificationError, 14)
    expect(e.retryable).toBe(true)
    // Whatever else the race produced is a concurrency error too, never Internal.
    for (const other of seen) expect(normalize(other)).toBeInstanceOf(ConcurrentModificationError)
  })
})

function isRetryableConflict(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('lance error: Retryable commit conflict for version ')
}

describe('families the local SDK does not produce on demand (recorded messages)', () => {
  it('Commit conflict for version 8 → ThrottlingError 21, retryable', () => {
    // lancedb/lancedb issue #725 (LanceDB 2023); convert_lance_commit_error: CommitConflict → Throttling.
    const e = normalize(
      lancedbError('lance error: Commit conflict for version 8: Failed to commit the transaction after 5 retries.'),
    )
    expect(e).toBeInstanceOf(ThrottlingError)
    expect(e).toMatchObject({ code: 21, kind: 'resource_exhausted', status: 429, retryable: true })
  })

  it('Retryable commit conflict / Too many concurrent writers → ConcurrentModificationError 14, retryable', () => {
    // convert_lance_commit_error: TooMuchWriteContention → ConcurrentModification.
    for (const message of [
      'lance error: Retryable commit conflict for version 12: This Merge transaction was preempted by concurrent transaction Update at version 12. Please retry., /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-12.0.0/src/io/commit/conflict_resolver.rs:1144:30',
      'lance error: Too many concurrent writers. Attempted 20 times, but failed on retry_timeout of 30 seconds., /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-12.0.0/src/dataset/write/retry.rs:95:24',
    ]) {
      const e = normalize(lancedbError(message))
      expect(e).toBeInstanceOf(ConcurrentModificationError)
      expect(e).toMatchObject({ code: 14, retryable: true })
      expect(e.message).not.toContain('cargo')
    }
  })

  it("Index 'vector_idx' was not found (remote drop_index 404) and Lance index not found: name=x → 6", () => {
    // lancedb/lancedb rust/lancedb/src/remote/table.rs @ 45cd0534 (IndexNotFound); lance-core IndexNotFound.
    expect(normalize(lancedbError("Index 'vector_idx' was not found"))).toBeInstanceOf(TableIndexNotFoundError)
    expect(normalize(lancedbError('lance error: Lance index not found: name=x'))).toBeInstanceOf(
      TableIndexNotFoundError,
    )
  })

  it('other lance errors stay InternalError 18 (rest_adapter.rs sends every non-namespace error as 18)', () => {
    const e = normalize(lancedbError('lance error: Unprocessable: Not enough rows to train PQ. Requires 256 rows'))
    expect(e).toBeInstanceOf(InternalError)
    expect(e.code).toBe(18)
  })

  it('a plain Error (no napi code) is taken only for the SDK TypeScript layer messages', () => {
    expect(normalize(new Error('Invalid input, x'))).toBeInstanceOf(InternalError)
    expect(normalize(new Error('Found field not in schema: a at row 0'))).toBeInstanceOf(TableSchemaValidationError)
  })
})

describe('LANCEDB_ERRORS (the family table)', () => {
  // One message per family, in table order: the table is data, each row must be reachable.
  const samples: Record<string, string> = {
    'lance_core::Error::CommitConflict': 'lance error: Commit conflict for version 8: Failed to commit',
    'lance_core::Error::RetryableCommitConflict': 'lance error: Retryable commit conflict for version 3: x',
    'lance_core::Error::TooMuchWriteContention': 'lance error: Too many concurrent writers. Attempted 5 times',
    'lance_core::Error::IncompatibleTransaction': 'lance error: Incompatible transaction: This Delete transaction',
    'lance_core::Error::IndexNotFound': 'lance error: Lance index not found: name=x',
    'lance_core::Error::Index (name exists)': "lance error: LanceError(Index): Index name 'id_idx' already exists",
    'lance_core::Error::DatasetNotFound (version manifest)':
      'lance error: Dataset at path db/t.lance/_versions/999.manifest was not found: Not found',
    'lance_core::Error::VersionNotFound': 'lance error: Version not found error: 7',
    'lance_core::Error::DatasetAlreadyExists': 'lance error: Dataset already exists: db/t.lance',
    'lance_core::Error::SchemaMismatch': 'lance error: Append with different schema: x, location: y',
    'lance_core::Error::RefNotFound (tag)': 'lance error: Ref not found error: tag nope does not exist',
    'lance_core::Error::RefNotFound (branch)': 'lance error: Ref not found error: branch nope does not exist',
    'lance_core::Error::RefConflict (tag)': 'lance error: Ref conflict error: tag v1 already exists',
    'lance_core::Error::RefConflict (branch)': 'lance error: Ref conflict error: branch b already exists',
    'lance_core::Error::InvalidInput (unknown column)':
      'lance error: Invalid user input: Schema error: No field named x',
    'lance_core::Error::InvalidInput': 'lance error: Invalid user input: bad',
    'lance_core::Error::NotSupported': 'lance error: Not supported: x',
    'lance_core::Error::Timeout': 'lance error: Operation timed out: x',
    'lance_core::Error::Backpressure': 'lance error: Write rejected by backpressure: x',
    'lancedb::Error::TableCorrupted': "Table 'x' exists but could not be loaded (it may be corrupt or incomplete): y",
    'lancedb::Error::NotAMaterializedView': "Table 'x' is not a materialized view",
    'lancedb::Error::TableAlreadyExists': "Table 'x' already exists",
    'lancedb::Error::TableNotFound': "Table 'x' was not found",
    'lancedb::Error::DatabaseNotFound': "Database 'd' was not found",
    'lancedb::Error::DatabaseAlreadyExists': "Database 'd' already exists.",
    'lancedb::Error::InvalidTableName': 'Invalid table name (""): Table names cannot be empty strings',
    'lancedb::Error::IndexNotFound': "Index 'vector_idx' was not found",
    'lancedb::Error::ColumnAlreadyExists': "Column 'c' already exists",
    'lancedb::Error::NotAComputedColumn': "Column 'c' is not a computed column",
    'lancedb::Error::ColumnNotFound': "Column 'c' was not found",
    'lancedb::Error::InvalidExpression (unknown column)': "Invalid expression for column 'c': unknown column 'x'",
    'lancedb::Error::InvalidExpression': "Invalid expression for column 'c': bad",
    'lancedb::Error::InvalidInput (unknown column)': 'Invalid input, Column "nope" does not exist in the dataset',
    'lancedb::Error::InvalidInput': 'Invalid input, you must run checkout before running restore',
    'lancedb::Error::Schema (unknown field path)': 'Schema Error: Field path `nope` not found in schema.',
    'lancedb::Error::Schema': 'Schema Error: something else',
    'lancedb::Error::NotSupported': 'LanceDBError: not supported: x',
    'lancedb::Error::Timeout': 'Timeout error: x',
    'lancedb::Error::Retry': 'Hit retry limit for request_id=r (request_failures=1/1)',
    'lancedb::Error::JobCancelled': 'Job j was cancelled',
    'lancedb::Error::JobFailed': 'Job j failed: x',
    'lancedb::Error::Runtime': 'Runtime error: x',
    'lancedb::Error::Lance (other lance errors)': 'lance error: Unprocessable: x',
    'schema.js sanitizeRecords': 'Found field not in schema: a at row 0',
    'arrow.js makeArrowTable': 'At least one record or a schema needs to be provided',
    'arrow.js makeEmptyTable': 'A schema must be provided if data is empty',
  }

  it('every row has a known code, an upstream source and a sample that selects it', () => {
    expect(Object.keys(samples)).toEqual(LANCEDB_ERRORS.map((r) => r.family))
    for (const row of LANCEDB_ERRORS) {
      expect(CODES[row.code]?.code).toBe(row.code)
      expect(row.source).toMatch(/lance|lancedb/)
      expect(lanceDbFamily(samples[row.family] as string)).toBe(row)
    }
  })
})
