import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ErrorCode,
  fromLanceDbMessage,
  InternalError,
  InvalidInputError,
  InvalidTableStateError,
  LANCEDB_ERRORS,
  type LanceNamespaceError,
  lanceDbFamily,
  NamespaceAlreadyExistsError,
  NamespaceNotFoundError,
  normalize,
  TableAlreadyExistsError,
  TableColumnNotFoundError,
  TableNotFoundError,
} from '../src/index.js'
import { type Connection, caught, lancedb, lancedbError, type Table } from './support/lancedb.js'

// The `lancedb::Error` variants of lancedb/lancedb rust/lancedb/src/error.rs @ 45cd05347 (0.38.0-beta.4) that the
// family table had no row for, each with its `#[snafu(display(…))]` text:
//   TableCorrupted        "Table '{name}' exists but could not be loaded (it may be corrupt or incomplete): {source}"
//   DatabaseNotFound      "Database '{name}' was not found"
//   DatabaseAlreadyExists "Database '{name}' already exists."
//   ColumnAlreadyExists   "Column '{name}' already exists"
//   NotAComputedColumn    "Column '{name}' is not a computed column"
//   NotAMaterializedView  "Table '{name}' is not a materialized view"
//   InvalidExpression     "Invalid expression for column '{column}': {message}"
//   JobFailed             "Job{ id} failed{failure}", JobFailure: ": {message} (in {phase})" | ": {message}" | " in {phase}" | ""
//   JobCancelled          "Job{ id} was cancelled"
// The Node binding (lancedb/lancedb nodejs/src/error.rs @ 45cd05347, convert_error) throws an Error with
// code 'GenericFailure' whose message is that Display, then "  Caused by: <source>" for each source (no newline).

/** What @lancedb/lancedb throws: a plain Error whose only own property is code 'GenericFailure'. */

type ErrorClass = abstract new (...args: never[]) => LanceNamespaceError

/** The normalized error of a raw value: class, code, kind, retryable, no Rust build path, cause kept. */
function expectTyped(raw: unknown, Class: ErrorClass, code: number, kind: string, retryable = false) {
  const e = normalize(raw)
  expect(e).toBeInstanceOf(Class)
  expect(e).toMatchObject({ code, kind, retryable })
  expect(e.cause).toBe(raw)
  expect(e.message).not.toMatch(/\.rs:\d+/)
  expect(e.message).not.toContain('Caused by:')
  return e
}

// The source of a TableCorrupted: the lance DatasetNotFound of the table's directory, as @lancedb/lancedb 0.39.0
// prints it for a table directory without `_versions` (recorded; see the live test below).
const LOC = '/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-table-12.0.0/src/io/commit.rs:670:26'
const DATASET_NOT_FOUND = `Dataset at path tmp/db/test.lance was not found: Not found: tmp/db/test.lance/_versions, ${LOC}`

describe('lancedb::Error variants missing from the family table, by their upstream Display', () => {
  const cases: [family: string, message: string, Class: ErrorClass, code: number, kind: string, shown: string][] = [
    [
      // Raised by lancedb v0.37.1 rust/lancedb/src/table.rs (map_dataset_not_found) when `<name>.lance` is listed but
      // no dataset loads from it; 19 InvalidTableState: the table exists (not 4), its state does not let it open.
      'lancedb::Error::TableCorrupted',
      `Table 'test' exists but could not be loaded (it may be corrupt or incomplete): ${DATASET_NOT_FOUND}  Caused by: ${DATASET_NOT_FOUND}    Caused by: Not found: tmp/db/test.lance/_versions, ${LOC}`,
      InvalidTableStateError,
      19,
      'failed_precondition',
      "Table 'test' exists but could not be loaded (it may be corrupt or incomplete): Dataset at path tmp/db/test.lance was not found: Not found: tmp/db/test.lance/_versions",
    ],
    [
      // A lancedb Catalog's database is what a namespace is now (lancedb/lancedb 1d4b92e0): 1 / 2.
      'lancedb::Error::DatabaseNotFound',
      "Database 'analytics' was not found",
      NamespaceNotFoundError,
      1,
      'not_found',
      "Database 'analytics' was not found",
    ],
    [
      'lancedb::Error::DatabaseAlreadyExists',
      "Database 'analytics' already exists.",
      NamespaceAlreadyExistsError,
      2,
      'already_exists',
      "Database 'analytics' already exists.",
    ],
    [
      'lancedb::Error::ColumnAlreadyExists',
      "Column 'id' already exists",
      InvalidInputError,
      13,
      'invalid_argument',
      "Column 'id' already exists",
    ],
    [
      'lancedb::Error::NotAComputedColumn',
      "Column 'id' is not a computed column",
      InvalidInputError,
      13,
      'invalid_argument',
      "Column 'id' is not a computed column",
    ],
    [
      'lancedb::Error::NotAMaterializedView',
      "Table 'people' is not a materialized view",
      InvalidInputError,
      13,
      'invalid_argument',
      "Table 'people' is not a materialized view",
    ],
    [
      // bind() of rust/lancedb/src/table/computed_columns.rs: an input the schema lacks.
      'lancedb::Error::InvalidExpression (unknown column)',
      "Invalid expression for column 'bad': unknown column 'nope'",
      TableColumnNotFoundError,
      12,
      'not_found',
      "Invalid expression for column 'bad': unknown column 'nope'",
    ],
    [
      'lancedb::Error::InvalidExpression',
      "Invalid expression for column 'bad2': 'random' is not deterministic; a computed column's expression must yield the same value every time it is evaluated",
      InvalidInputError,
      13,
      'invalid_argument',
      "Invalid expression for column 'bad2': 'random' is not deterministic; a computed column's expression must yield the same value every time it is evaluated",
    ],
    [
      // An in-process job (rust/lancedb/src/job.rs, JobFailure::from_source): no id, the source's Display.
      'lancedb::Error::JobFailed',
      'Job failed: lance error: Unprocessable: KMeans cannot train 2000 centroids with 300 vectors; choose a smaller K (< 300), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-index-12.0.0/src/vector/kmeans.rs:1905:20',
      InternalError,
      18,
      'internal',
      'Job failed: lance error: Unprocessable: KMeans cannot train 2000 centroids with 300 vectors; choose a smaller K (< 300)',
    ],
    [
      // A server job (rust/lancedb/src/remote/job.rs): its id, the server's message and phase.
      'lancedb::Error::JobFailed',
      'Job job-2 failed: worker died (in execute)',
      InternalError,
      18,
      'internal',
      'Job job-2 failed: worker died (in execute)',
    ],
    [
      'lancedb::Error::JobFailed',
      'Job job-2 failed in commit',
      InternalError,
      18,
      'internal',
      'Job job-2 failed in commit',
    ],
    ['lancedb::Error::JobFailed', 'Job job-2 failed', InternalError, 18, 'internal', 'Job job-2 failed'],
    ['lancedb::Error::JobCancelled', 'Job was cancelled', InternalError, 18, 'internal', 'Job was cancelled'],
    [
      'lancedb::Error::JobCancelled',
      'Job job-7 was cancelled',
      InternalError,
      18,
      'internal',
      'Job job-7 was cancelled',
    ],
  ]

  for (const [family, message, Class, code, kind, shown] of cases) {
    it(`${family}: ${message.slice(0, 60)} → ${Class.name} ${code}`, () => {
      expect(lanceDbFamily(message)?.family).toBe(family)
      const e = expectTyped(lancedbError(message), Class, code, kind)
      expect(e.message).toBe(shown)
    })
  }

  it('TableCorrupted keeps the database directory out of publicMessage', () => {
    const e = normalize(lancedbError(cases[0]?.[1] as string))
    expect(e.publicMessage).toBe(
      "Table 'test' exists but could not be loaded (it may be corrupt or incomplete): Dataset at path [path] was not found: Not found: [path]",
    )
  })

  it('was Internal (or not Lance at all) before: TableCorrupted fell to the Rust-location fallback', () => {
    // Without its row, the head matches no family, and only a Lance crate's source location made it 18.
    const bare = "Table 'test' exists but could not be loaded (it may be corrupt or incomplete): Not found: x"
    expect(normalize(lancedbError(bare))).toBeInstanceOf(InvalidTableStateError)
    expect(fromLanceDbMessage(bare)?.code).toBe(ErrorCode.INVALID_TABLE_STATE)
  })

  it('each new row cites error.rs at 45cd0534 and is not retryable (JobFailure.retryable is not in the message)', () => {
    const families = new Set(cases.map(([family]) => family))
    const rows = LANCEDB_ERRORS.filter((row) => families.has(row.family))
    expect(rows.map((row) => row.family).sort()).toEqual([...families].sort())
    for (const row of rows) {
      expect(row.layer).toBe('lancedb')
      expect(row.source).toContain('lancedb/lancedb rust/lancedb/src/error.rs @ 45cd0534')
      expect(row.retryable).toBeUndefined()
    }
  })
})

describe('look-alikes: a name holding another family’s words selects the right family', () => {
  // Column names are free text (Arrow field names); table names are checked locally (validate_table_name) but not
  // by every server. A variant without a source ends at its Display, so its row is anchored at the end.
  const expectFamily = (message: string, family: string, Class: ErrorClass) => {
    expect(lanceDbFamily(message)?.family).toBe(family)
    expect(normalize(lancedbError(message))).toBeInstanceOf(Class)
  }

  it('Table names', () => {
    expectFamily(
      "Table 'a' was not found' is not a materialized view",
      'lancedb::Error::NotAMaterializedView',
      InvalidInputError,
    )
    expectFamily(
      "Table 'a' is not a materialized view' was not found",
      'lancedb::Error::TableNotFound',
      TableNotFoundError,
    )
    expectFamily(
      "Table 'a' was not found' exists but could not be loaded (it may be corrupt or incomplete): x",
      'lancedb::Error::TableCorrupted',
      InvalidTableStateError,
    )
    expectFamily(
      "Table 'a' already exists' exists but could not be loaded (it may be corrupt or incomplete): x",
      'lancedb::Error::TableCorrupted',
      InvalidTableStateError,
    )
    // The source of a TableCorrupted may itself name a table that was not found or exists.
    expectFamily(
      "Table 'a' exists but could not be loaded (it may be corrupt or incomplete): Table 'b' was not found",
      'lancedb::Error::TableCorrupted',
      InvalidTableStateError,
    )
    expectFamily("Table 'a' already exists", 'lancedb::Error::TableAlreadyExists', TableAlreadyExistsError)
    // TableAlreadyExists has no source: its row ends at its text and comes before TableNotFound's.
    expectFamily(
      "Table 'a' was not found' already exists",
      'lancedb::Error::TableAlreadyExists',
      TableAlreadyExistsError,
    )
    expectFamily("Table 'a' already exists' was not found", 'lancedb::Error::TableNotFound', TableNotFoundError)
    expectFamily(
      "Table 'is not a materialized view' was not found",
      'lancedb::Error::TableNotFound',
      TableNotFoundError,
    )
  })

  it('Column names', () => {
    expectFamily("Column 'a' was not found' already exists", 'lancedb::Error::ColumnAlreadyExists', InvalidInputError)
    expectFamily("Column 'a' already exists' was not found", 'lancedb::Error::ColumnNotFound', TableColumnNotFoundError)
    expectFamily(
      "Column 'a' was not found' is not a computed column",
      'lancedb::Error::NotAComputedColumn',
      InvalidInputError,
    )
    expectFamily(
      "Column 'a' is not a computed column' was not found",
      'lancedb::Error::ColumnNotFound',
      TableColumnNotFoundError,
    )
    expectFamily("Column 'it's' already exists", 'lancedb::Error::ColumnAlreadyExists', InvalidInputError)
    expectFamily(
      "Invalid expression for column 'a': 'random' is not deterministic; unknown column 'x'",
      'lancedb::Error::InvalidExpression',
      InvalidInputError,
    )
  })

  it('Database names', () => {
    expectFamily(
      "Database 'a' already exists.' was not found",
      'lancedb::Error::DatabaseNotFound',
      NamespaceNotFoundError,
    )
    expectFamily(
      "Database 'a' was not found' already exists.",
      'lancedb::Error::DatabaseAlreadyExists',
      NamespaceAlreadyExistsError,
    )
  })

  it('Job messages', () => {
    // A failed job whose source says "cancelled" is a failed job.
    expect(lanceDbFamily('Job failed: Serialization task panicked or was cancelled')?.family).toBe(
      'lancedb::Error::JobFailed',
    )
    expect(lanceDbFamily('Job job-1 failed: Job was cancelled')?.family).toBe('lancedb::Error::JobFailed')
    // An id is one token (opaque, from the server); the name "failed" is an id like any other.
    expect(lanceDbFamily('Job failed was cancelled')?.family).toBe('lancedb::Error::JobCancelled')
  })

  it('texts that are none of these families', () => {
    for (const message of [
      "Database 'a' already exists", // the Display ends in a period
      "Column 'a' already exists in the dataset", // lance's form, without `Invalid input, ` (never printed so)
      'Job a b was cancelled',
      'Jobs were cancelled',
      'Job failedness',
      'Job  failed',
      "Databases 'a' was not found",
      'Invalid expression for column a: x',
    ]) {
      expect(lanceDbFamily(message), message).toBeUndefined()
      expect(fromLanceDbMessage(message), message).toBeUndefined()
    }
  })

  it('stays fast on 16 KiB of look-alike text (anchored rows, bounded quantifiers)', () => {
    const bodies = ["'", "' was not found", "' already exists", ' x', "': unknown column "]
    const heads = ["Table '", "Column '", "Database '", "Invalid expression for column '", 'Job ', 'Job x']
    const messages = heads.flatMap((head) => bodies.map((body) => head + body.repeat(Math.ceil(16384 / body.length))))
    for (const message of messages) expect(normalize(lancedbError(message))).toBeDefined()
    // The family table over all 30 texts (about 1 ms when measured); a super-linear row would take seconds.
    const started = performance.now()
    for (const message of messages) lanceDbFamily(message)
    expect(performance.now() - started).toBeLessThan(200)
  })
})

describe('live: @lancedb/lancedb 0.39.0 on a local database produces the new families', () => {
  let dir = ''
  let db: Connection
  let t: Table

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'errs-lance-r32-'))
    db = await lancedb.connect(dir)
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      vector: Array.from({ length: 16 }, (_, j) => Math.sin(i * 16 + j)),
    }))
    t = await db.createTable('t', rows)
  })
  afterAll(() => {
    t?.close()
    db?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('addColumns({ computed }) with an existing name, or one name twice → ColumnAlreadyExists → 13', async () => {
    const raw = await caught(() => t.addColumns({ computed: [{ name: 'id', valueSql: 'id * 2' }] }))
    expect((raw as Error).message).toBe("Column 'id' already exists")
    expectTyped(raw, InvalidInputError, 13, 'invalid_argument')
    const twice = await caught(() =>
      t.addColumns({
        computed: [
          { name: 'z', valueSql: 'id' },
          { name: 'z', valueSql: 'id + 1' },
        ],
      }),
    )
    expect((twice as Error).message).toBe("Column 'z' already exists")
    expectTyped(twice, InvalidInputError, 13, 'invalid_argument')
    // lance's own check of the same condition (a plain addColumns) is an InvalidInput: the same code.
    const plain = await caught(() => t.addColumns([{ name: 'id', valueSql: 'id * 2' }]))
    expect((plain as Error).message).toBe('Invalid input, Column id already exists in the dataset')
    expectTyped(plain, InvalidInputError, 13, 'invalid_argument')
  })

  it('addColumns({ computed }) with a bad expression → InvalidExpression → 13; an unknown input column → 12', async () => {
    const syntax = await caught(() => t.addColumns({ computed: [{ name: 'bad', valueSql: 'id +' }] }))
    expect((syntax as Error).message).toMatch(/^Invalid expression for column 'bad': Invalid user input: /)
    const e = expectTyped(syntax, InvalidInputError, 13, 'invalid_argument')
    expect(e.message).toBe("Invalid expression for column 'bad': Invalid user input: Expression is not valid: id +")
    const volatile = await caught(() => t.addColumns({ computed: [{ name: 'bad2', valueSql: 'random()' }] }))
    expect((volatile as Error).message).toMatch(/^Invalid expression for column 'bad2': 'random' is not deterministic/)
    expectTyped(volatile, InvalidInputError, 13, 'invalid_argument')
    const unknown = await caught(() => t.addColumns({ computed: [{ name: 'bad3', valueSql: 'nope * 2' }] }))
    expect((unknown as Error).message).toBe("Invalid expression for column 'bad3': unknown column 'nope'")
    expectTyped(unknown, TableColumnNotFoundError, 12, 'not_found')
  })

  it('refreshColumn / refreshColumnAsync of a plain column → NotAComputedColumn → 13; of no column → 12', async () => {
    for (const work of [() => t.refreshColumn('id'), () => t.refreshColumnAsync('id')]) {
      const raw = await caught(work)
      expect((raw as Error).message).toBe("Column 'id' is not a computed column")
      expectTyped(raw, InvalidInputError, 13, 'invalid_argument')
    }
    expectTyped(await caught(() => t.refreshColumn('nope')), TableColumnNotFoundError, 12, 'not_found')
  })

  it('openMaterializedView of a plain table → NotAMaterializedView → 13', async () => {
    const raw = await caught(() => db.openMaterializedView('t'))
    expect((raw as Error).message).toBe("Table 't' is not a materialized view")
    expectTyped(raw, InvalidInputError, 13, 'invalid_argument')
  })

  it('a failed index job → JobFailed → 18, its cause kept in the message without Rust paths', async () => {
    const job = await t.createIndexAsync('vector', {
      config: lancedb.Index.ivfPq({ numPartitions: 2000, numSubVectors: 2 }),
    })
    const raw = await caught(() => job.wait())
    expect((raw as Error).message).toMatch(
      /^Job failed: lance error: Unprocessable: KMeans cannot train 2000 centroids/,
    )
    const e = expectTyped(raw, InternalError, 18, 'internal')
    expect(e.message).toBe(
      'Job failed: lance error: Unprocessable: KMeans cannot train 2000 centroids with 300 vectors; choose a smaller K (< 300)',
    )
  })

  it('a cancelled index job → JobCancelled → 18', async () => {
    let raw: unknown
    for (let attempt = 0; attempt < 10 && raw === undefined; attempt++) {
      const job = await t.createIndexAsync('vector', {
        config: lancedb.Index.ivfPq({ numPartitions: 2, numSubVectors: 2 }),
        replace: true,
      })
      await job.cancel()
      raw = await job.wait().then(
        () => undefined, // finished before the cancel: try again
        (e: unknown) => e,
      )
    }
    expect(raw, 'every job finished before its cancel').toBeDefined()
    expect((raw as Error).message).toBe('Job was cancelled')
    expectTyped(raw, InternalError, 18, 'internal')
  })

  it('a table directory without manifests: 0.39 reports TableNotFound (not TableCorrupted) → 4', async () => {
    // lancedb/lancedb 1d75638d ("make table existence manifest-authoritative", 0.38.0-beta.0) stopped raising
    // TableCorrupted; the variant is only in lancedb 0.37.x, so its row is checked on recorded text above.
    await db.createTable('c', [{ id: 1 }])
    rmSync(join(dir, 'c.lance', '_versions'), { recursive: true })
    expect(await db.tableNames()).toContain('c')
    const raw = await caught(() => db.openTable('c'))
    expect((raw as Error).message).toMatch(/^Table 'c' was not found {2}Caused by: Dataset at path /)
    expectTyped(raw, TableNotFoundError, 4, 'not_found')
  })
})
