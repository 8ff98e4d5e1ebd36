import { ErrsError } from '@errs/core/kit'
import { ErrorCode } from './codes.js'

// The codes of the tables below, as literals (typed against `ErrorCode`, so a wrong number does not compile): a
// module-level read of `ErrorCode.X` is a property read a bundler must keep.
const NS_NF: typeof ErrorCode.NAMESPACE_NOT_FOUND = 1
const NS_AE: typeof ErrorCode.NAMESPACE_ALREADY_EXISTS = 2
const NS_NE: typeof ErrorCode.NAMESPACE_NOT_EMPTY = 3
const T_NF: typeof ErrorCode.TABLE_NOT_FOUND = 4
const T_AE: typeof ErrorCode.TABLE_ALREADY_EXISTS = 5
const IDX_NF: typeof ErrorCode.TABLE_INDEX_NOT_FOUND = 6
const IDX_AE: typeof ErrorCode.TABLE_INDEX_ALREADY_EXISTS = 7
const TAG_NF: typeof ErrorCode.TABLE_TAG_NOT_FOUND = 8
const TAG_AE: typeof ErrorCode.TABLE_TAG_ALREADY_EXISTS = 9
const TX_NF: typeof ErrorCode.TRANSACTION_NOT_FOUND = 10
const VER_NF: typeof ErrorCode.TABLE_VERSION_NOT_FOUND = 11
const COL_NF: typeof ErrorCode.TABLE_COLUMN_NOT_FOUND = 12
const CONC: typeof ErrorCode.CONCURRENT_MODIFICATION = 14
const STATE: typeof ErrorCode.INVALID_TABLE_STATE = 19
const SCHEMA: typeof ErrorCode.TABLE_SCHEMA_VALIDATION_ERROR = 20

/**
 * Errors every operation may return (spec `errors.md`, "Common Errors"): 0 Unsupported, 13 InvalidInput,
 * 15 PermissionDenied, 16 Unauthenticated, 17 ServiceUnavailable, 18 Internal, 21 Throttling.
 */
export const COMMON_ERRORS: readonly ErrorCode[] = /* @__PURE__ */ commonErrors()

/** `COMMON_ERRORS`, built in a function (a bundler drops the call when `COMMON_ERRORS` is unused). */
function commonErrors(): readonly ErrorCode[] {
  return Object.freeze([
    ErrorCode.UNSUPPORTED,
    ErrorCode.INVALID_INPUT,
    ErrorCode.PERMISSION_DENIED,
    ErrorCode.UNAUTHENTICATED,
    ErrorCode.SERVICE_UNAVAILABLE,
    ErrorCode.INTERNAL,
    ErrorCode.THROTTLING,
  ])
}

/** Operation groups of the spec's per-operation tables; `'unlisted'` = an operation `errors.md` has no row for. */
export type OperationCategory =
  | 'namespace metadata'
  | 'table metadata'
  | 'table data'
  | 'index metadata'
  | 'tag metadata'
  | 'table version metadata'
  | 'transaction metadata'
  | 'unlisted'

/** One operation of the spec: its group, REST route and the codes it may return besides `COMMON_ERRORS`. */
export interface OperationErrors {
  /** The operation's group in `errors.md` (`'unlisted'`: no row there, only the common codes apply). */
  readonly category: OperationCategory
  /** HTTP method of the REST route. */
  readonly method: 'GET' | 'POST'
  /** REST route, `{id}` = object id with levels joined by `$`. */
  readonly path: string
  /** Operation-specific codes (`errors.md` "Additional Errors"), added to `COMMON_ERRORS`. */
  readonly codes: readonly ErrorCode[]
}

/** One row of `OPERATION_ERRORS`, frozen. Declared free of side effects, so the table is dropped when unused. */
/* @__NO_SIDE_EFFECTS__ */
function op(
  category: OperationCategory,
  method: 'GET' | 'POST',
  path: string,
  codes: readonly ErrorCode[],
): OperationErrors {
  return Object.freeze({ category, method, path, codes: Object.freeze(codes) })
}

/**
 * Per-operation error sets: every operation of `spec.yaml` with its `errors.md` row (lance-format/lance-namespace,
 * release 0.11.1): 54 operations. The whole table, as data; `isExpectedError` and the HTTP-status fallback read it.
 *
 * `CreateEmptyTable` is not an operation any more: deprecated for `DeclareTable` by lance-namespace PR #284
 * (v0.4.0), removed from `spec.yaml`, `errors.md` and the clients by PR #330 (commit 76be1326, first in v0.7.0).
 * LanceDB's own `createEmptyTable()` calls `DeclareTable` on namespace connections.
 */
export const OPERATION_ERRORS = /* @__PURE__ */ Object.freeze({
  // Namespace metadata
  /** `POST /v1/namespace/{id}/create`; `errors.md` "namespace metadata": codes 2 besides `COMMON_ERRORS`. */
  CreateNamespace: op('namespace metadata', 'POST', '/v1/namespace/{id}/create', [NS_AE]),
  /** `GET /v1/namespace/{id}/list`; `errors.md` "namespace metadata": codes 1 besides `COMMON_ERRORS`. */
  ListNamespaces: op('namespace metadata', 'GET', '/v1/namespace/{id}/list', [NS_NF]),
  /** `POST /v1/namespace/{id}/describe`; `errors.md` "namespace metadata": codes 1 besides `COMMON_ERRORS`. */
  DescribeNamespace: op('namespace metadata', 'POST', '/v1/namespace/{id}/describe', [NS_NF]),
  /** `POST /v1/namespace/{id}/drop`; `errors.md` "namespace metadata": codes 1, 3 besides `COMMON_ERRORS`. */
  DropNamespace: op('namespace metadata', 'POST', '/v1/namespace/{id}/drop', [NS_NF, NS_NE]),
  /** `POST /v1/namespace/{id}/exists`; `errors.md` "namespace metadata": codes 1 besides `COMMON_ERRORS`. */
  NamespaceExists: op('namespace metadata', 'POST', '/v1/namespace/{id}/exists', [NS_NF]),
  /** `GET /v1/namespace/{id}/table/list`; `errors.md` "namespace metadata": codes 1 besides `COMMON_ERRORS`. */
  ListTables: op('namespace metadata', 'GET', '/v1/namespace/{id}/table/list', [NS_NF]),
  // Table metadata
  /** `GET /v1/table`; `errors.md` "table metadata": only `COMMON_ERRORS`. */
  ListAllTables: op('table metadata', 'GET', '/v1/table', []),
  /** `POST /v1/table/{id}/register`; `errors.md` "table metadata": codes 1, 5, 14 besides `COMMON_ERRORS`. */
  RegisterTable: op('table metadata', 'POST', '/v1/table/{id}/register', [NS_NF, T_AE, CONC]),
  /** `POST /v1/table/{id}/describe`; `errors.md` "table metadata": codes 1, 4, 11 besides `COMMON_ERRORS`. */
  DescribeTable: op('table metadata', 'POST', '/v1/table/{id}/describe', [NS_NF, T_NF, VER_NF]),
  /** `POST /v1/table/{id}/exists`; `errors.md` "table metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  TableExists: op('table metadata', 'POST', '/v1/table/{id}/exists', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/drop`; `errors.md` "table metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  DropTable: op('table metadata', 'POST', '/v1/table/{id}/drop', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/deregister`; `errors.md` "table metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  DeregisterTable: op('table metadata', 'POST', '/v1/table/{id}/deregister', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/restore`; `errors.md` "table metadata": codes 1, 4, 11, 14 besides `COMMON_ERRORS`. */
  RestoreTable: op('table metadata', 'POST', '/v1/table/{id}/restore', [NS_NF, T_NF, VER_NF, CONC]),
  /** `POST /v1/table/{id}/rename`; `errors.md` "table metadata": codes 1, 4, 5, 14 besides `COMMON_ERRORS`. */
  RenameTable: op('table metadata', 'POST', '/v1/table/{id}/rename', [NS_NF, T_NF, T_AE, CONC]),
  /** `POST /v1/table/{id}/stats`; `errors.md` "table metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  GetTableStats: op('table metadata', 'POST', '/v1/table/{id}/stats', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/alter_columns`; `errors.md` "table metadata": codes 1, 4, 12, 14, 20 besides `COMMON_ERRORS`. */
  AlterTableAlterColumns: op('table metadata', 'POST', '/v1/table/{id}/alter_columns', [
    NS_NF,
    T_NF,
    COL_NF,
    CONC,
    SCHEMA,
  ]),
  /** `POST /v1/table/{id}/drop_columns`; `errors.md` "table metadata": codes 1, 4, 12, 14 besides `COMMON_ERRORS`. */
  AlterTableDropColumns: op('table metadata', 'POST', '/v1/table/{id}/drop_columns', [NS_NF, T_NF, COL_NF, CONC]),
  /** `POST /v1/table/{id}/schema_metadata/update`; `errors.md` "table metadata": codes 1, 4, 14 besides `COMMON_ERRORS`. */
  UpdateTableSchemaMetadata: op('table metadata', 'POST', '/v1/table/{id}/schema_metadata/update', [NS_NF, T_NF, CONC]),
  // Table data
  /** `POST /v1/table/{id}/insert`; `errors.md` "table data": codes 1, 4, 14, 19, 20 besides `COMMON_ERRORS`. */
  InsertIntoTable: op('table data', 'POST', '/v1/table/{id}/insert', [NS_NF, T_NF, CONC, STATE, SCHEMA]),
  /** `POST /v1/table/{id}/merge_insert`; `errors.md` "table data": codes 1, 4, 12, 14, 19 besides `COMMON_ERRORS`. */
  MergeInsertIntoTable: op('table data', 'POST', '/v1/table/{id}/merge_insert', [NS_NF, T_NF, COL_NF, CONC, STATE]),
  /** `POST /v1/table/{id}/update`; `errors.md` "table data": codes 1, 4, 12, 14, 19 besides `COMMON_ERRORS`. */
  UpdateTable: op('table data', 'POST', '/v1/table/{id}/update', [NS_NF, T_NF, COL_NF, CONC, STATE]),
  /** `POST /v1/table/{id}/delete`; `errors.md` "table data": codes 1, 4, 14, 19 besides `COMMON_ERRORS`. */
  DeleteFromTable: op('table data', 'POST', '/v1/table/{id}/delete', [NS_NF, T_NF, CONC, STATE]),
  /** `POST /v1/table/{id}/query`; `errors.md` "table data": codes 1, 4, 11, 12 besides `COMMON_ERRORS`. */
  QueryTable: op('table data', 'POST', '/v1/table/{id}/query', [NS_NF, T_NF, VER_NF, COL_NF]),
  /** `POST /v1/table/{id}/count_rows`; `errors.md` "table data": codes 1, 4, 11 besides `COMMON_ERRORS`. */
  CountTableRows: op('table data', 'POST', '/v1/table/{id}/count_rows', [NS_NF, T_NF, VER_NF]),
  /** `POST /v1/table/{id}/create`; `errors.md` "table data": codes 1, 5, 14, 20 besides `COMMON_ERRORS`. */
  CreateTable: op('table data', 'POST', '/v1/table/{id}/create', [NS_NF, T_AE, CONC, SCHEMA]),
  /** `POST /v1/table/{id}/explain_plan`; `errors.md` "table data": codes 1, 4 besides `COMMON_ERRORS`. */
  ExplainTableQueryPlan: op('table data', 'POST', '/v1/table/{id}/explain_plan', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/analyze_plan`; `errors.md` "table data": codes 1, 4 besides `COMMON_ERRORS`. */
  AnalyzeTableQueryPlan: op('table data', 'POST', '/v1/table/{id}/analyze_plan', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/add_columns`; `errors.md` "table data": codes 1, 4, 14, 20 besides `COMMON_ERRORS`. */
  AlterTableAddColumns: op('table data', 'POST', '/v1/table/{id}/add_columns', [NS_NF, T_NF, CONC, SCHEMA]),
  // Index metadata
  /** `POST /v1/table/{id}/create_index`; `errors.md` "index metadata": codes 1, 4, 7, 12, 14 besides `COMMON_ERRORS`. */
  CreateTableIndex: op('index metadata', 'POST', '/v1/table/{id}/create_index', [NS_NF, T_NF, IDX_AE, COL_NF, CONC]),
  /** `POST /v1/table/{id}/create_scalar_index`; `errors.md` "index metadata": codes 1, 4, 7, 12, 14 besides `COMMON_ERRORS`. */
  CreateTableScalarIndex: op('index metadata', 'POST', '/v1/table/{id}/create_scalar_index', [
    NS_NF,
    T_NF,
    IDX_AE,
    COL_NF,
    CONC,
  ]),
  /** `POST /v1/table/{id}/index/list`; `errors.md` "index metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  ListTableIndices: op('index metadata', 'POST', '/v1/table/{id}/index/list', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/index/{index_name}/stats`; `errors.md` "index metadata": codes 1, 4, 6 besides `COMMON_ERRORS`. */
  DescribeTableIndexStats: op('index metadata', 'POST', '/v1/table/{id}/index/{index_name}/stats', [
    NS_NF,
    T_NF,
    IDX_NF,
  ]),
  /** `POST /v1/table/{id}/index/{index_name}/drop`; `errors.md` "index metadata": codes 1, 4, 6 besides `COMMON_ERRORS`. */
  DropTableIndex: op('index metadata', 'POST', '/v1/table/{id}/index/{index_name}/drop', [NS_NF, T_NF, IDX_NF]),
  // Tag metadata
  /** `POST /v1/table/{id}/tags/list`; `errors.md` "tag metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  ListTableTags: op('tag metadata', 'POST', '/v1/table/{id}/tags/list', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/tags/version`; `errors.md` "tag metadata": codes 1, 4, 8 besides `COMMON_ERRORS`. */
  GetTableTagVersion: op('tag metadata', 'POST', '/v1/table/{id}/tags/version', [NS_NF, T_NF, TAG_NF]),
  /** `POST /v1/table/{id}/tags/create`; `errors.md` "tag metadata": codes 1, 4, 9, 11, 14 besides `COMMON_ERRORS`. */
  CreateTableTag: op('tag metadata', 'POST', '/v1/table/{id}/tags/create', [NS_NF, T_NF, TAG_AE, VER_NF, CONC]),
  /** `POST /v1/table/{id}/tags/delete`; `errors.md` "tag metadata": codes 1, 4, 8 besides `COMMON_ERRORS`. */
  DeleteTableTag: op('tag metadata', 'POST', '/v1/table/{id}/tags/delete', [NS_NF, T_NF, TAG_NF]),
  /** `POST /v1/table/{id}/tags/update`; `errors.md` "tag metadata": codes 1, 4, 8, 11, 14 besides `COMMON_ERRORS`. */
  UpdateTableTag: op('tag metadata', 'POST', '/v1/table/{id}/tags/update', [NS_NF, T_NF, TAG_NF, VER_NF, CONC]),
  // Table version metadata
  /** `POST /v1/table/{id}/version/list`; `errors.md` "table version metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  ListTableVersions: op('table version metadata', 'POST', '/v1/table/{id}/version/list', [NS_NF, T_NF]),
  /** `POST /v1/table/{id}/version/describe`; `errors.md` "table version metadata": codes 1, 4, 11 besides `COMMON_ERRORS`. */
  DescribeTableVersion: op('table version metadata', 'POST', '/v1/table/{id}/version/describe', [NS_NF, T_NF, VER_NF]),
  /** `POST /v1/table/{id}/version/create`; `errors.md` "table version metadata": codes 1, 4, 14 besides `COMMON_ERRORS`. */
  CreateTableVersion: op('table version metadata', 'POST', '/v1/table/{id}/version/create', [NS_NF, T_NF, CONC]),
  /** `POST /v1/table/version/batch-create`; `errors.md` "table version metadata": codes 1, 4, 14 besides `COMMON_ERRORS`. */
  BatchCreateTableVersions: op('table version metadata', 'POST', '/v1/table/version/batch-create', [NS_NF, T_NF, CONC]),
  /** `POST /v1/table/{id}/version/delete`; `errors.md` "table version metadata": codes 1, 4 besides `COMMON_ERRORS`. */
  BatchDeleteTableVersions: op('table version metadata', 'POST', '/v1/table/{id}/version/delete', [NS_NF, T_NF]),
  // Transaction metadata
  /** `POST /v1/transaction/{id}/describe`; `errors.md` "transaction metadata": codes 10 besides `COMMON_ERRORS`. */
  DescribeTransaction: op('transaction metadata', 'POST', '/v1/transaction/{id}/describe', [TX_NF]),
  /** `POST /v1/transaction/{id}/alter`; `errors.md` "transaction metadata": codes 10, 14 besides `COMMON_ERRORS`. */
  AlterTransaction: op('transaction metadata', 'POST', '/v1/transaction/{id}/alter', [TX_NF, CONC]),
  // In spec.yaml but without an errors.md row (not even the branch operations list 22/23): only the common
  // set is documented for them, so only the common set is expected.
  /** `POST /v1/table/batch-commit`; no `errors.md` row: only `COMMON_ERRORS`. */
  BatchCommitTables: op('unlisted', 'POST', '/v1/table/batch-commit', []),
  /** `POST /v1/table/{id}/update_field_metadata`; no `errors.md` row: only `COMMON_ERRORS`. */
  UpdateFieldMetadata: op('unlisted', 'POST', '/v1/table/{id}/update_field_metadata', []),
  /** `POST /v1/table/{id}/backfill_column`; no `errors.md` row: only `COMMON_ERRORS`. */
  AlterTableBackfillColumns: op('unlisted', 'POST', '/v1/table/{id}/backfill_column', []),
  /** `POST /v1/materialized_view/{id}/refresh`; no `errors.md` row: only `COMMON_ERRORS`. */
  RefreshMaterializedView: op('unlisted', 'POST', '/v1/materialized_view/{id}/refresh', []),
  /** `POST /v1/materialized_view/{id}/create`; no `errors.md` row: only `COMMON_ERRORS`. */
  CreateMaterializedView: op('unlisted', 'POST', '/v1/materialized_view/{id}/create', []),
  /** `POST /v1/table/{id}/declare`; no `errors.md` row: only `COMMON_ERRORS`. */
  DeclareTable: op('unlisted', 'POST', '/v1/table/{id}/declare', []),
  /** `POST /v1/table/{id}/branches/list`; no `errors.md` row: only `COMMON_ERRORS`. */
  ListTableBranches: op('unlisted', 'POST', '/v1/table/{id}/branches/list', []),
  /** `POST /v1/table/{id}/branches/create`; no `errors.md` row: only `COMMON_ERRORS`. */
  CreateTableBranch: op('unlisted', 'POST', '/v1/table/{id}/branches/create', []),
  /** `POST /v1/table/{id}/branches/delete`; no `errors.md` row: only `COMMON_ERRORS`. */
  DeleteTableBranch: op('unlisted', 'POST', '/v1/table/{id}/branches/delete', []),
} as const satisfies Record<string, OperationErrors>)

/** A Lance Namespace operation, e.g. `'DescribeTable'`. */
export type Operation = keyof typeof OPERATION_ERRORS

/** All operation names, in table order. */
export const OPERATIONS: readonly Operation[] = /* @__PURE__ */ operationNames()

/** `OPERATIONS`, from the table. */
function operationNames(): readonly Operation[] {
  return Object.freeze(Object.keys(OPERATION_ERRORS) as Operation[])
}

/** True when `value` names an operation of the table. */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && Object.hasOwn(OPERATION_ERRORS, value)
}

/** Every code `operation` may return: its own codes plus `COMMON_ERRORS`, sorted. Unknown names: the common set. */
export function expectedErrors(operation: Operation): readonly ErrorCode[] {
  const own = isOperation(operation) ? OPERATION_ERRORS[operation].codes : []
  return [...new Set([...own, ...COMMON_ERRORS])].sort((a, b) => a - b)
}

/**
 * True when `err` is a Lance error whose code the spec lists for `operation` (its own codes or the common set).
 * False for anything else, including unknown codes and errors of other systems: those are worth reporting.
 */
export function isExpectedError(operation: Operation, err: unknown): boolean {
  if (!ErrsError.is(err) || err.system !== 'lance' || typeof err.code !== 'number') return false
  const code = err.code
  return (
    (COMMON_ERRORS as readonly number[]).includes(code) ||
    (isOperation(operation) && (OPERATION_ERRORS[operation].codes as readonly number[]).includes(code))
  )
}

type Route = readonly [RegExp, 'GET' | 'POST', Operation]

/** The route patterns, built on the first `operationOfPath` call. */
let routes: readonly Route[] | undefined

/** A pattern per operation, from its path template (`{id}` → one path segment). */
function buildRoutes(): readonly Route[] {
  return OPERATIONS.map((name): Route => {
    const { method, path } = OPERATION_ERRORS[name]
    const pattern = path
      .split(/\{[a-z_]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')
    return [new RegExp(`^${pattern}/?$`), method, name]
  })
}

/**
 * The operation a REST route belongs to (`'/v1/table/db$t/describe'` → `'DescribeTable'`), or `undefined`.
 * Accepts a full URL; the query string is ignored. With no method given, the first route matching the path wins.
 */
export function operationOfPath(pathOrUrl: string, method?: string): Operation | undefined {
  let path = pathOrUrl
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)
  if (scheme) path = path.slice(scheme[0].length)
  path = path.split(/[?#]/, 1)[0] ?? ''
  const m = method?.toUpperCase()
  routes ??= buildRoutes()
  for (const [re, routeMethod, name] of routes) {
    if (re.test(path) && (m === undefined || m === routeMethod)) return name
  }
  return undefined
}
