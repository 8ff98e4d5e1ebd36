import type { CodeInfo, ErrorKind } from '@errs/core'
import { type ClientCodes, codeIndex, KIND_HTTP_STATUS, UNKNOWN_CODE } from '@errs/core/kit'

/**
 * Fluss error codes: every server code of the Java `Errors` enum (`org.apache.fluss.rpc.protocol.Errors`,
 * -1 through 73, Java names exactly, typos included) plus the client-only `CLIENT_ERROR = -2` of the Python
 * and C++ clients. Compare `e.error_code` against these, as the Python client does.
 *
 * Not exhaustive by design: a newer server may send a code this table does not know, and `error_code` keeps
 * it as a raw number.
 */
export const ErrorCode = Object.freeze({
  /**
   * Code -2, no Java exception. Client-side error.
   *
   * Kind `unknown`, HTTP status 500, not retriable. Why: catch-all of the Rust-based clients (config, conversion,
   * I/O, writer closed…): no single meaning; connection failures and schema mismatches get a sharper kind.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rust/website/docs/user-guide/python/error-handling.md | Python client error handling} (apache/fluss @ 545c553)
   */
  CLIENT_ERROR: -2,
  /**
   * Code -1, Java `UnknownServerException`: "The server experienced an unexpected error when processing the request."
   *
   * Kind `internal`, HTTP status 500, not retriable. Why: unexpected server failure; message may hold a Java stack
   * trace (public problems show only the kind's title).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.UNKNOWN_SERVER_ERROR} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/UnknownServerException.java | UnknownServerException}
   */
  UNKNOWN_SERVER_ERROR: -1,
  /**
   * Code 0, no Java exception. No error.
   *
   * Kind `unknown`, HTTP status 500, not retriable. Why: success code: an error carrying it says nothing.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NONE} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rust/crates/fluss/src/rpc/fluss_api_error.rs | fluss-rust FlussError::None} (its message)
   */
  NONE: 0,
  /**
   * Code 1, Java `NetworkException`: "The server disconnected before a response was received."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: network (invalid-metadata
   * class).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NETWORK_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NetworkException.java | NetworkException}
   */
  NETWORK_EXCEPTION: 1,
  /**
   * Code 2, Java `UnsupportedVersionException`: "The version of API is not supported."
   *
   * Kind `unimplemented`, HTTP status 501, not retriable. Why: API version not implemented by this server.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.UNSUPPORTED_VERSION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/UnsupportedVersionException.java | UnsupportedVersionException}
   */
  UNSUPPORTED_VERSION: 2,
  /**
   * Code 3, Java `CorruptMessageException`: "This message has failed its CRC checksum, exceeds the valid size, has a
   * null key for a primary key table, or is otherwise corrupt."
   *
   * Kind `data_loss`, HTTP status 500, retriable (extends `RetriableException`). Why: corrupt payload; retriable in
   * Java (corruption in transit).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.CORRUPT_MESSAGE} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/CorruptMessageException.java | CorruptMessageException}
   */
  CORRUPT_MESSAGE: 3,
  /**
   * Code 4, Java `DatabaseNotExistException`: "The database does not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DATABASE_NOT_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DatabaseNotExistException.java | DatabaseNotExistException}
   */
  DATABASE_NOT_EXIST: 4,
  /**
   * Code 5, Java `DatabaseNotEmptyException`: "The database is not empty."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: state forbids the drop (gateway:
   * database_not_empty, 409).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DATABASE_NOT_EMPTY} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DatabaseNotEmptyException.java | DatabaseNotEmptyException}
   */
  DATABASE_NOT_EMPTY: 5,
  /**
   * Code 6, Java `DatabaseAlreadyExistException`: "The database already exists."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: already exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DATABASE_ALREADY_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DatabaseAlreadyExistException.java | DatabaseAlreadyExistException}
   */
  DATABASE_ALREADY_EXIST: 6,
  /**
   * Code 7, Java `TableNotExistException`: "The table does not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.TABLE_NOT_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TableNotExistException.java | TableNotExistException}
   */
  TABLE_NOT_EXIST: 7,
  /**
   * Code 8, Java `TableAlreadyExistException`: "The table already exists."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: already exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.TABLE_ALREADY_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TableAlreadyExistException.java | TableAlreadyExistException}
   */
  TABLE_ALREADY_EXIST: 8,
  /**
   * Code 9, Java `SchemaNotExistException`: "The schema does not exist."
   *
   * Kind `not_found`, HTTP status 404, retriable (extends `RetriableException`). Why: not exist (yet): retriable
   * since 0.9, the server may not have synced a new schema.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SCHEMA_NOT_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/SchemaNotExistException.java | SchemaNotExistException}
   */
  SCHEMA_NOT_EXIST: 9,
  /**
   * Code 10, Java `LogStorageException`: "Exception occur while storage data for log in server."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: transient storage failure
   * (StorageException).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LOG_STORAGE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LogStorageException.java | LogStorageException}
   */
  LOG_STORAGE_EXCEPTION: 10,
  /**
   * Code 11, Java `KvStorageException`: "Exception occur while storage data for kv in server."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: transient storage failure
   * (StorageException).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.KV_STORAGE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/KvStorageException.java | KvStorageException}
   */
  KV_STORAGE_EXCEPTION: 11,
  /**
   * Code 12, Java `NotLeaderOrFollowerException`: "Not leader or follower."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: leader moved
   * (invalid-metadata class).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NOT_LEADER_OR_FOLLOWER} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NotLeaderOrFollowerException.java | NotLeaderOrFollowerException}
   */
  NOT_LEADER_OR_FOLLOWER: 12,
  /**
   * Code 13, Java `RecordTooLargeException`: "The record is too large."
   *
   * Kind `invalid_argument`, HTTP status 413, not retriable. Why: the record itself is rejected; 413 like the
   * gateway’s limit_exceeded.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.RECORD_TOO_LARGE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/RecordTooLargeException.java | RecordTooLargeException}
   */
  RECORD_TOO_LARGE_EXCEPTION: 13,
  /**
   * Code 14, Java `CorruptRecordException`: "The record is corrupt."
   *
   * Kind `data_loss`, HTTP status 500, retriable (extends `RetriableException`). Why: corrupt payload; retriable in
   * Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.CORRUPT_RECORD_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/CorruptRecordException.java | CorruptRecordException}
   */
  CORRUPT_RECORD_EXCEPTION: 14,
  /**
   * Code 15, Java `InvalidTableException`: "The client has attempted to perform an operation on an invalid table."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_TABLE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidTableException.java | InvalidTableException}
   */
  INVALID_TABLE_EXCEPTION: 15,
  /**
   * Code 16, Java `InvalidDatabaseException`: "The client has attempted to perform an operation on an invalid
   * database."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_DATABASE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidDatabaseException.java | InvalidDatabaseException}
   */
  INVALID_DATABASE_EXCEPTION: 16,
  /**
   * Code 17, Java `InvalidReplicationFactorException`: "The replication factor is larger then the number of available
   * tablet servers."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_REPLICATION_FACTOR} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidReplicationFactorException.java | InvalidReplicationFactorException}
   */
  INVALID_REPLICATION_FACTOR: 17,
  /**
   * Code 18, Java `InvalidRequiredAcksException`: "Produce request specified an invalid value for required acks."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_REQUIRED_ACKS} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidRequiredAcksException.java | InvalidRequiredAcksException}
   */
  INVALID_REQUIRED_ACKS: 18,
  /**
   * Code 19, Java `LogOffsetOutOfRangeException`: "The log offset is out of range."
   *
   * Kind `out_of_range`, HTTP status 400, not retriable. Why: offset past the valid range.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LogOffsetOutOfRangeException.java | LogOffsetOutOfRangeException}
   */
  LOG_OFFSET_OUT_OF_RANGE_EXCEPTION: 19,
  /**
   * Code 20, Java `NonPrimaryKeyTableException`: "The table is not primary key table."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: the table’s type forbids the operation.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NON_PRIMARY_KEY_TABLE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NonPrimaryKeyTableException.java | NonPrimaryKeyTableException}
   */
  NON_PRIMARY_KEY_TABLE_EXCEPTION: 20,
  /**
   * Code 21, Java `UnknownTableOrBucketException`: "The table or bucket does not exist."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: metadata: stale client
   * metadata (invalid-metadata class), retried after a refresh.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.UNKNOWN_TABLE_OR_BUCKET_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/UnknownTableOrBucketException.java | UnknownTableOrBucketException}
   */
  UNKNOWN_TABLE_OR_BUCKET_EXCEPTION: 21,
  /**
   * Code 22, Java `InvalidUpdateVersionException`: "The update version is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_UPDATE_VERSION_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidUpdateVersionException.java | InvalidUpdateVersionException}
   */
  INVALID_UPDATE_VERSION_EXCEPTION: 22,
  /**
   * Code 23, Java `InvalidCoordinatorException`: "The coordinator is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_COORDINATOR_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidCoordinatorException.java | InvalidCoordinatorException}
   */
  INVALID_COORDINATOR_EXCEPTION: 23,
  /**
   * Code 24, Java `FencedLeaderEpochException`: "The leader epoch is invalid."
   *
   * Kind `aborted`, HTTP status 409, not retriable. Why: fenced by a newer epoch (sequencer check, code.proto
   * ABORTED); not retriable in Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.FENCED_LEADER_EPOCH_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/FencedLeaderEpochException.java | FencedLeaderEpochException}
   */
  FENCED_LEADER_EPOCH_EXCEPTION: 24,
  /**
   * Code 25, Java `TimeoutException`: "The request time out."
   *
   * Kind `deadline_exceeded`, HTTP status 504, retriable (extends `RetriableException`). Why: timeout; retriable in
   * Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.REQUEST_TIME_OUT} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TimeoutException.java | TimeoutException}
   */
  REQUEST_TIME_OUT: 25,
  /**
   * Code 26, Java `StorageException`: "The general storage exception."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: transient storage failure.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.STORAGE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/StorageException.java | StorageException}
   */
  STORAGE_EXCEPTION: 26,
  /**
   * Code 27, Java `OperationNotAttemptedException`: "The server did not attempt to execute this operation."
   *
   * Kind `aborted`, HTTP status 409, not retriable. Why: not attempted because another part of the request failed.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.OPERATION_NOT_ATTEMPTED_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/OperationNotAttemptedException.java | OperationNotAttemptedException}
   */
  OPERATION_NOT_ATTEMPTED_EXCEPTION: 27,
  /**
   * Code 28, Java `NotEnoughReplicasAfterAppendException`: "Records are written to the server already, but to fewer
   * in-sync replicas than required."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: replicas missing (transient).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NotEnoughReplicasAfterAppendException.java | NotEnoughReplicasAfterAppendException}
   */
  NOT_ENOUGH_REPLICAS_AFTER_APPEND_EXCEPTION: 28,
  /**
   * Code 29, Java `NotEnoughReplicasException`: "Messages are rejected since there are fewer in-sync replicas than
   * required."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: replicas missing (transient).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NOT_ENOUGH_REPLICAS_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NotEnoughReplicasException.java | NotEnoughReplicasException}
   */
  NOT_ENOUGH_REPLICAS_EXCEPTION: 29,
  /**
   * Code 30, Java `SecurityTokenException`: "Get file access security token exception."
   *
   * Kind `internal`, HTTP status 500, not retriable. Why: server failed to obtain a remote-storage token.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SECURITY_TOKEN_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/SecurityTokenException.java | SecurityTokenException}
   */
  SECURITY_TOKEN_EXCEPTION: 30,
  /**
   * Code 31, Java `OutOfOrderSequenceException`: "The tablet server received an out of order sequence batch."
   *
   * Kind `aborted`, HTTP status 409, not retriable. Why: sequence check failure (code.proto ABORTED).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.OUT_OF_ORDER_SEQUENCE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/OutOfOrderSequenceException.java | OutOfOrderSequenceException}
   */
  OUT_OF_ORDER_SEQUENCE_EXCEPTION: 31,
  /**
   * Code 32, Java `DuplicateSequenceException`: "The tablet server received a duplicate sequence batch."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: the batch was already written.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DUPLICATE_SEQUENCE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DuplicateSequenceException.java | DuplicateSequenceException}
   */
  DUPLICATE_SEQUENCE_EXCEPTION: 32,
  /**
   * Code 33, Java `UnknownWriterIdException`: "This exception is raised by the tablet server if it could not locate
   * the writer metadata."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: writer state expired on the server; the writer
   * must re-register.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.UNKNOWN_WRITER_ID_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/UnknownWriterIdException.java | UnknownWriterIdException}
   */
  UNKNOWN_WRITER_ID_EXCEPTION: 33,
  /**
   * Code 34, Java `InvalidColumnProjectionException`: "The requested column projection is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_COLUMN_PROJECTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidColumnProjectionException.java | InvalidColumnProjectionException}
   */
  INVALID_COLUMN_PROJECTION: 34,
  /**
   * Code 35, Java `InvalidTargetColumnException`: "The requested target column to write is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_TARGET_COLUMN} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidTargetColumnException.java | InvalidTargetColumnException}
   */
  INVALID_TARGET_COLUMN: 35,
  /**
   * Code 36, Java `PartitionNotExistException`: "The partition does not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.PARTITION_NOT_EXISTS} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/PartitionNotExistException.java | PartitionNotExistException}
   */
  PARTITION_NOT_EXISTS: 36,
  /**
   * Code 37, Java `TableNotPartitionedException`: "The table is not partitioned."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: the table’s layout forbids the operation.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.TABLE_NOT_PARTITIONED_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TableNotPartitionedException.java | TableNotPartitionedException}
   */
  TABLE_NOT_PARTITIONED_EXCEPTION: 37,
  /**
   * Code 38, Java `InvalidTimestampException`: "The timestamp is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_TIMESTAMP_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidTimestampException.java | InvalidTimestampException}
   */
  INVALID_TIMESTAMP_EXCEPTION: 38,
  /**
   * Code 39, Java `InvalidConfigException`: "The config is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_CONFIG_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidConfigException.java | InvalidConfigException}
   */
  INVALID_CONFIG_EXCEPTION: 39,
  /**
   * Code 40, Java `LakeStorageNotConfiguredException`: "The lake storage is not configured."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: cluster configuration forbids the operation.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LAKE_STORAGE_NOT_CONFIGURED_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LakeStorageNotConfiguredException.java | LakeStorageNotConfiguredException}
   */
  LAKE_STORAGE_NOT_CONFIGURED_EXCEPTION: 40,
  /**
   * Code 41, Java `KvSnapshotNotExistException`: "The kv snapshot is not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.KV_SNAPSHOT_NOT_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/KvSnapshotNotExistException.java | KvSnapshotNotExistException}
   */
  KV_SNAPSHOT_NOT_EXIST: 41,
  /**
   * Code 42, Java `PartitionAlreadyExistsException`: "The partition already exists."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: already exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.PARTITION_ALREADY_EXISTS} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/PartitionAlreadyExistsException.java | PartitionAlreadyExistsException}
   */
  PARTITION_ALREADY_EXISTS: 42,
  /**
   * Code 43, Java `InvalidPartitionException`: "The partition spec is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: invalid spec.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.PARTITION_SPEC_INVALID_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidPartitionException.java | InvalidPartitionException}
   */
  PARTITION_SPEC_INVALID_EXCEPTION: 43,
  /**
   * Code 44, Java `LeaderNotAvailableException`: "There is no currently available leader for the given partition."
   *
   * Kind `unavailable`, HTTP status 503, retriable (extends `RetriableException`). Why: leader (invalid-metadata
   * class).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LEADER_NOT_AVAILABLE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LeaderNotAvailableException.java | LeaderNotAvailableException}
   */
  LEADER_NOT_AVAILABLE_EXCEPTION: 44,
  /**
   * Code 45, Java `TooManyPartitionsException`: "Exceed the maximum number of partitions."
   *
   * Kind `resource_exhausted`, HTTP status 429, not retriable. Why: max-number limit; not retriable in Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.PARTITION_MAX_NUM_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TooManyPartitionsException.java | TooManyPartitionsException}
   */
  PARTITION_MAX_NUM_EXCEPTION: 45,
  /**
   * Code 46, Java `AuthenticationException`: "Authentication failed."
   *
   * Kind `unauthenticated`, HTTP status 401, not retriable. Why: authentication.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.AUTHENTICATE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/AuthenticationException.java | AuthenticationException}
   */
  AUTHENTICATE_EXCEPTION: 46,
  /**
   * Code 47, Java `SecurityDisabledException`: "Security is disabled."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: cluster configuration forbids security
   * operations (ACLs).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SECURITY_DISABLED_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/SecurityDisabledException.java | SecurityDisabledException}
   */
  SECURITY_DISABLED_EXCEPTION: 47,
  /**
   * Code 48, Java `AuthorizationException`: "Authorization failed"
   *
   * Kind `permission_denied`, HTTP status 403, not retriable. Why: authorization.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.AUTHORIZATION_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/AuthorizationException.java | AuthorizationException}
   */
  AUTHORIZATION_EXCEPTION: 48,
  /**
   * Code 49, Java `TooManyBucketsException`: "Exceed the maximum number of buckets"
   *
   * Kind `resource_exhausted`, HTTP status 429, not retriable. Why: max-number limit; not retriable in Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.BUCKET_MAX_NUM_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TooManyBucketsException.java | TooManyBucketsException}
   */
  BUCKET_MAX_NUM_EXCEPTION: 49,
  /**
   * Code 50, Java `FencedTieringEpochException`: "The tiering epoch is invalid."
   *
   * Kind `aborted`, HTTP status 409, not retriable. Why: fenced by a newer epoch.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.FENCED_TIERING_EPOCH_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/FencedTieringEpochException.java | FencedTieringEpochException}
   */
  FENCED_TIERING_EPOCH_EXCEPTION: 50,
  /**
   * Code 51, Java `RetriableAuthenticationException`: "Authentication failed with retriable exception."
   *
   * Kind `unauthenticated`, HTTP status 401, not retriable. Why: authentication; NOT retriable despite its name
   * (extends AuthenticationException).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.RETRIABLE_AUTHENTICATE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/RetriableAuthenticationException.java | RetriableAuthenticationException}
   */
  RETRIABLE_AUTHENTICATE_EXCEPTION: 51,
  /**
   * Code 52, Java `InvalidServerRackInfoException`: "The server rack info is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_SERVER_RACK_INFO_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidServerRackInfoException.java | InvalidServerRackInfoException}
   */
  INVALID_SERVER_RACK_INFO_EXCEPTION: 52,
  /**
   * Code 53, Java `LakeTableSnapshotNotExistException`: "The lake snapshot is not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LAKE_SNAPSHOT_NOT_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LakeTableSnapshotNotExistException.java | LakeTableSnapshotNotExistException}
   */
  LAKE_SNAPSHOT_NOT_EXIST: 53,
  /**
   * Code 54, Java `LakeTableAlreadyExistException`: "The lake table already exists."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: already exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.LAKE_TABLE_ALREADY_EXIST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/LakeTableAlreadyExistException.java | LakeTableAlreadyExistException}
   */
  LAKE_TABLE_ALREADY_EXIST: 54,
  /**
   * Code 55, Java `IneligibleReplicaException`: "The new ISR contains at least one ineligible replica."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: replica state forbids the ISR change.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INELIGIBLE_REPLICA_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/IneligibleReplicaException.java | IneligibleReplicaException}
   */
  INELIGIBLE_REPLICA_EXCEPTION: 55,
  /**
   * Code 56, Java `InvalidAlterTableException`: "The alter table is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_ALTER_TABLE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidAlterTableException.java | InvalidAlterTableException}
   */
  INVALID_ALTER_TABLE_EXCEPTION: 56,
  /**
   * Code 57, Java `DeletionDisabledException`: "Deletion operations are disabled on this table."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: table configuration forbids deletes.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DELETION_DISABLED_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DeletionDisabledException.java | DeletionDisabledException}
   */
  DELETION_DISABLED_EXCEPTION: 57,
  /**
   * Code 58, Java `ServerNotExistException`: "The server is not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SERVER_NOT_EXIST_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/ServerNotExistException.java | ServerNotExistException}
   */
  SERVER_NOT_EXIST_EXCEPTION: 58,
  /**
   * Code 59, Java `ServerTagAlreadyExistException`: "The server tag already exist."
   *
   * Kind `already_exists`, HTTP status 409, not retriable. Why: already exist.
   *
   * Sic: the Java enum spells it `SEVER_…`, and names are part of the protocol.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SEVER_TAG_ALREADY_EXIST_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/ServerTagAlreadyExistException.java | ServerTagAlreadyExistException}
   */
  SEVER_TAG_ALREADY_EXIST_EXCEPTION: 59,
  /**
   * Code 60, Java `ServerTagNotExistException`: "The server tag not exist."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: not exist.
   *
   * Sic: the Java enum spells it `SEVER_…`, and names are part of the protocol.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SEVER_TAG_NOT_EXIST_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/ServerTagNotExistException.java | ServerTagNotExistException}
   */
  SEVER_TAG_NOT_EXIST_EXCEPTION: 60,
  /**
   * Code 61, Java `RebalanceFailureException`: "The rebalance task failure."
   *
   * Kind `internal`, HTTP status 500, not retriable. Why: server-side task failed.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.REBALANCE_FAILURE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/RebalanceFailureException.java | RebalanceFailureException}
   */
  REBALANCE_FAILURE_EXCEPTION: 61,
  /**
   * Code 62, Java `NoRebalanceInProgressException`: "No rebalance task in progress."
   *
   * Kind `failed_precondition`, HTTP status 409, not retriable. Why: nothing to act on in the current state.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NO_REBALANCE_IN_PROGRESS_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NoRebalanceInProgressException.java | NoRebalanceInProgressException}
   */
  NO_REBALANCE_IN_PROGRESS_EXCEPTION: 62,
  /**
   * Code 63, Java `InvalidProducerIdException`: "The client has attempted to perform an operation with an invalid
   * producer ID."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_PRODUCER_ID_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidProducerIdException.java | InvalidProducerIdException}
   */
  INVALID_PRODUCER_ID_EXCEPTION: 63,
  /**
   * Code 64, Java `ConfigException`: "A configuration error occurred."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: bad configuration value.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.CONFIG_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/ConfigException.java | ConfigException}
   */
  CONFIG_EXCEPTION: 64,
  /**
   * Code 65, Java `NotCoordinatorLeaderException`: "The coordinator is not a leader and cannot process request."
   *
   * Kind `unavailable`, HTTP status 503, not retriable. Why: leader; not retriable in Java (kept).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.NOT_COORDINATOR_LEADER_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/NotCoordinatorLeaderException.java | NotCoordinatorLeaderException}
   */
  NOT_COORDINATOR_LEADER_EXCEPTION: 65,
  /**
   * Code 66, Java `ScannerExpiredException`: "The scanner session has expired due to inactivity."
   *
   * Kind `aborted`, HTTP status 409, not retriable. Why: restart the scan at a higher level (code.proto ABORTED).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.SCANNER_EXPIRED} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/ScannerExpiredException.java | ScannerExpiredException}
   */
  SCANNER_EXPIRED: 66,
  /**
   * Code 67, Java `UnknownScannerIdException`: "The scanner id is not recognized by the server."
   *
   * Kind `not_found`, HTTP status 404, not retriable. Why: no such scanner.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.UNKNOWN_SCANNER_ID} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/UnknownScannerIdException.java | UnknownScannerIdException}
   */
  UNKNOWN_SCANNER_ID: 67,
  /**
   * Code 68, Java `InvalidScanRequestException`: "The scan request is invalid."
   *
   * Kind `invalid_argument`, HTTP status 400, not retriable. Why: INVALID_*.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INVALID_SCAN_REQUEST} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InvalidScanRequestException.java | InvalidScanRequestException}
   */
  INVALID_SCAN_REQUEST: 68,
  /**
   * Code 69, Java `TooManyScannersException`: "The per-bucket or per-server scanner session limit has been reached."
   *
   * Kind `resource_exhausted`, HTTP status 429, not retriable. Why: max-number limit; not retriable in Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.TOO_MANY_SCANNERS} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/TooManyScannersException.java | TooManyScannersException}
   */
  TOO_MANY_SCANNERS: 69,
  /**
   * Code 70, Java `DiskWriteLockedException`: "The tablet server has rejected writes because its data disk usage
   * reached the configured write-limit ratio."
   *
   * Kind `resource_exhausted`, HTTP status 429, retriable (extends `RetriableException`). Why: disk usage limit
   * (back-pressure).
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.DISK_WRITE_LOCKED} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/DiskWriteLockedException.java | DiskWriteLockedException}
   */
  DISK_WRITE_LOCKED: 70,
  /**
   * Code 71, Java `InsufficientKvLeaderReplicaCapacityException`: "The cluster does not have enough KV leader replica
   * capacity."
   *
   * Kind `resource_exhausted`, HTTP status 429, not retriable. Why: capacity limit; not retriable in Java.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.INSUFFICIENT_KV_LEADER_REPLICA_CAPACITY} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/InsufficientKvLeaderReplicaCapacityException.java | InsufficientKvLeaderReplicaCapacityException}
   */
  INSUFFICIENT_KV_LEADER_REPLICA_CAPACITY: 71,
  /**
   * Code 72, Java `StorageBackpressureException`: "The tablet server has rejected the write because the KV storage
   * engine has reached its write-pressure threshold."
   *
   * Kind `resource_exhausted`, HTTP status 429, retriable (extends `RetriableException`). Why: back-pressure.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.STORAGE_BACKPRESSURE_EXCEPTION} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/StorageBackpressureException.java | StorageBackpressureException}
   */
  STORAGE_BACKPRESSURE_EXCEPTION: 72,
  /**
   * Code 73, Java `HistoricalPartitionThrottledException`: "Historical partition request is throttled because too
   * many historical requests are in flight."
   *
   * Kind `resource_exhausted`, HTTP status 429, retriable (extends `RetriableException`). Why: throttling.
   *
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-rpc/src/main/java/org/apache/fluss/rpc/protocol/Errors.java | Errors.HISTORICAL_PARTITION_THROTTLED} (apache/fluss @ 545c553)
   * @see {@link https://github.com/apache/fluss/blob/545c553/fluss-common/src/main/java/org/apache/fluss/exception/HistoricalPartitionThrottledException.java | HistoricalPartitionThrottledException}
   */
  HISTORICAL_PARTITION_THROTTLED: 73,
} as const)

/** Name of a known Fluss code, e.g. `'TABLE_NOT_EXIST'`. */
export type ErrorCodeName = keyof typeof ErrorCode
/** A known Fluss code, e.g. `7`. `FlussError.error_code` is a plain `number`: newer servers send more codes. */
export type ErrorCode = (typeof ErrorCode)[ErrorCodeName]

/** What the table says about a code besides its number and name. */
interface CodeMeta {
  /** Java exception class (simple name in `org.apache.fluss.exception`); none for -2 and 0. */
  readonly cls: string | undefined
  /** Java rule: the class extends `RetriableException`. */
  readonly retriable: boolean
  readonly kind: ErrorKind
  /**
   * Java's default message, verbatim (punctuation quirks included). Java has none for 0 (`NONE(0, null, …)`): the
   * text of fluss-rust's `FlussError::None` (fluss-rust/crates/fluss/src/rpc/fluss_api_error.rs @ 545c553); nor for
   * -2, which only the Rust-based clients have: the Python error-handling guide's description of `CLIENT_ERROR`.
   */
  readonly message: string
  /** HTTP status when it is not the kind's usual one. */
  readonly status?: number
}

// Fluss's own REST gateway (FIP-49) answers failed_precondition with 409, not code.proto's 400: follow Fluss.
const FAILED_PRECONDITION_STATUS = 409

/** The table, keyed by code: the compiler rejects a code of `ErrorCode` without a row, or a row without a code. */
const META: { readonly [C in ErrorCode]: CodeMeta } = {
  [-2]: {
    cls: undefined,
    retriable: false,
    kind: 'unknown',
    message: 'Client-side error.',
  },
  [-1]: {
    cls: 'UnknownServerException',
    retriable: false,
    kind: 'internal',
    message: 'The server experienced an unexpected error when processing the request.',
  },
  0: {
    cls: undefined,
    retriable: false,
    kind: 'unknown',
    message: 'No error',
  },
  1: {
    cls: 'NetworkException',
    retriable: true,
    kind: 'unavailable',
    message: 'The server disconnected before a response was received.',
  },
  2: {
    cls: 'UnsupportedVersionException',
    retriable: false,
    kind: 'unimplemented',
    message: 'The version of API is not supported.',
  },
  3: {
    cls: 'CorruptMessageException',
    retriable: true,
    kind: 'data_loss',
    message:
      'This message has failed its CRC checksum, exceeds the valid size, has a null key for a primary key table, or is otherwise corrupt.',
  },
  4: {
    cls: 'DatabaseNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The database does not exist.',
  },
  5: {
    cls: 'DatabaseNotEmptyException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'The database is not empty.',
  },
  6: {
    cls: 'DatabaseAlreadyExistException',
    retriable: false,
    kind: 'already_exists',
    message: 'The database already exists.',
  },
  7: {
    cls: 'TableNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The table does not exist.',
  },
  8: {
    cls: 'TableAlreadyExistException',
    retriable: false,
    kind: 'already_exists',
    message: 'The table already exists.',
  },
  9: {
    cls: 'SchemaNotExistException',
    retriable: true,
    kind: 'not_found',
    message: 'The schema does not exist.',
  },
  10: {
    cls: 'LogStorageException',
    retriable: true,
    kind: 'unavailable',
    message: 'Exception occur while storage data for log in server.',
  },
  11: {
    cls: 'KvStorageException',
    retriable: true,
    kind: 'unavailable',
    message: 'Exception occur while storage data for kv in server.',
  },
  12: {
    cls: 'NotLeaderOrFollowerException',
    retriable: true,
    kind: 'unavailable',
    message: 'Not leader or follower.',
  },
  13: {
    cls: 'RecordTooLargeException',
    retriable: false,
    kind: 'invalid_argument',
    status: 413,
    message: 'The record is too large.',
  },
  14: {
    cls: 'CorruptRecordException',
    retriable: true,
    kind: 'data_loss',
    message: 'The record is corrupt.',
  },
  15: {
    cls: 'InvalidTableException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The client has attempted to perform an operation on an invalid table.',
  },
  16: {
    cls: 'InvalidDatabaseException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The client has attempted to perform an operation on an invalid database.',
  },
  17: {
    cls: 'InvalidReplicationFactorException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The replication factor is larger then the number of available tablet servers.',
  },
  18: {
    cls: 'InvalidRequiredAcksException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'Produce request specified an invalid value for required acks.',
  },
  19: {
    cls: 'LogOffsetOutOfRangeException',
    retriable: false,
    kind: 'out_of_range',
    message: 'The log offset is out of range.',
  },
  20: {
    cls: 'NonPrimaryKeyTableException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'The table is not primary key table.',
  },
  21: {
    cls: 'UnknownTableOrBucketException',
    retriable: true,
    kind: 'unavailable',
    message: 'The table or bucket does not exist.',
  },
  22: {
    cls: 'InvalidUpdateVersionException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The update version is invalid.',
  },
  23: {
    cls: 'InvalidCoordinatorException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The coordinator is invalid.',
  },
  24: {
    cls: 'FencedLeaderEpochException',
    retriable: false,
    kind: 'aborted',
    message: 'The leader epoch is invalid.',
  },
  25: {
    cls: 'TimeoutException',
    retriable: true,
    kind: 'deadline_exceeded',
    message: 'The request time out.',
  },
  26: {
    cls: 'StorageException',
    retriable: true,
    kind: 'unavailable',
    message: 'The general storage exception.',
  },
  27: {
    cls: 'OperationNotAttemptedException',
    retriable: false,
    kind: 'aborted',
    message: 'The server did not attempt to execute this operation.',
  },
  28: {
    cls: 'NotEnoughReplicasAfterAppendException',
    retriable: true,
    kind: 'unavailable',
    message: 'Records are written to the server already, but to fewer in-sync replicas than required.',
  },
  29: {
    cls: 'NotEnoughReplicasException',
    retriable: true,
    kind: 'unavailable',
    message: 'Messages are rejected since there are fewer in-sync replicas than required.',
  },
  30: {
    cls: 'SecurityTokenException',
    retriable: false,
    kind: 'internal',
    message: 'Get file access security token exception.',
  },
  31: {
    cls: 'OutOfOrderSequenceException',
    retriable: false,
    kind: 'aborted',
    message: 'The tablet server received an out of order sequence batch.',
  },
  32: {
    cls: 'DuplicateSequenceException',
    retriable: false,
    kind: 'already_exists',
    message: 'The tablet server received a duplicate sequence batch.',
  },
  33: {
    cls: 'UnknownWriterIdException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'This exception is raised by the tablet server if it could not locate the writer metadata.',
  },
  34: {
    cls: 'InvalidColumnProjectionException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The requested column projection is invalid.',
  },
  35: {
    cls: 'InvalidTargetColumnException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The requested target column to write is invalid.',
  },
  36: {
    cls: 'PartitionNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The partition does not exist.',
  },
  37: {
    cls: 'TableNotPartitionedException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'The table is not partitioned.',
  },
  38: {
    cls: 'InvalidTimestampException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The timestamp is invalid.',
  },
  39: {
    cls: 'InvalidConfigException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The config is invalid.',
  },
  40: {
    cls: 'LakeStorageNotConfiguredException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'The lake storage is not configured.',
  },
  41: {
    cls: 'KvSnapshotNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The kv snapshot is not exist.',
  },
  42: {
    cls: 'PartitionAlreadyExistsException',
    retriable: false,
    kind: 'already_exists',
    message: 'The partition already exists.',
  },
  43: {
    cls: 'InvalidPartitionException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The partition spec is invalid.',
  },
  44: {
    cls: 'LeaderNotAvailableException',
    retriable: true,
    kind: 'unavailable',
    message: 'There is no currently available leader for the given partition.',
  },
  45: {
    cls: 'TooManyPartitionsException',
    retriable: false,
    kind: 'resource_exhausted',
    message: 'Exceed the maximum number of partitions.',
  },
  46: {
    cls: 'AuthenticationException',
    retriable: false,
    kind: 'unauthenticated',
    message: 'Authentication failed.',
  },
  47: {
    cls: 'SecurityDisabledException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'Security is disabled.',
  },
  48: {
    cls: 'AuthorizationException',
    retriable: false,
    kind: 'permission_denied',
    message: 'Authorization failed',
  },
  49: {
    cls: 'TooManyBucketsException',
    retriable: false,
    kind: 'resource_exhausted',
    message: 'Exceed the maximum number of buckets',
  },
  50: {
    cls: 'FencedTieringEpochException',
    retriable: false,
    kind: 'aborted',
    message: 'The tiering epoch is invalid.',
  },
  51: {
    cls: 'RetriableAuthenticationException',
    retriable: false,
    kind: 'unauthenticated',
    message: 'Authentication failed with retriable exception. ',
  },
  52: {
    cls: 'InvalidServerRackInfoException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The server rack info is invalid.',
  },
  53: {
    cls: 'LakeTableSnapshotNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The lake snapshot is not exist.',
  },
  54: {
    cls: 'LakeTableAlreadyExistException',
    retriable: false,
    kind: 'already_exists',
    message: 'The lake table already exists.',
  },
  55: {
    cls: 'IneligibleReplicaException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'The new ISR contains at least one ineligible replica.',
  },
  56: {
    cls: 'InvalidAlterTableException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The alter table is invalid.',
  },
  57: {
    cls: 'DeletionDisabledException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'Deletion operations are disabled on this table.',
  },
  58: {
    cls: 'ServerNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The server is not exist.',
  },
  59: {
    cls: 'ServerTagAlreadyExistException',
    retriable: false,
    kind: 'already_exists',
    message: 'The server tag already exist.',
  },
  60: {
    cls: 'ServerTagNotExistException',
    retriable: false,
    kind: 'not_found',
    message: 'The server tag not exist.',
  },
  61: {
    cls: 'RebalanceFailureException',
    retriable: false,
    kind: 'internal',
    message: 'The rebalance task failure.',
  },
  62: {
    cls: 'NoRebalanceInProgressException',
    retriable: false,
    kind: 'failed_precondition',
    status: FAILED_PRECONDITION_STATUS,
    message: 'No rebalance task in progress.',
  },
  63: {
    cls: 'InvalidProducerIdException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The client has attempted to perform an operation with an invalid producer ID.',
  },
  64: {
    cls: 'ConfigException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'A configuration error occurred.',
  },
  65: {
    cls: 'NotCoordinatorLeaderException',
    retriable: false,
    kind: 'unavailable',
    message: 'The coordinator is not a leader and cannot process request.',
  },
  66: {
    cls: 'ScannerExpiredException',
    retriable: false,
    kind: 'aborted',
    message: 'The scanner session has expired due to inactivity.',
  },
  67: {
    cls: 'UnknownScannerIdException',
    retriable: false,
    kind: 'not_found',
    message: 'The scanner id is not recognized by the server.',
  },
  68: {
    cls: 'InvalidScanRequestException',
    retriable: false,
    kind: 'invalid_argument',
    message: 'The scan request is invalid.',
  },
  69: {
    cls: 'TooManyScannersException',
    retriable: false,
    kind: 'resource_exhausted',
    message: 'The per-bucket or per-server scanner session limit has been reached.',
  },
  70: {
    cls: 'DiskWriteLockedException',
    retriable: true,
    kind: 'resource_exhausted',
    message:
      'The tablet server has rejected writes because its data disk usage reached the configured write-limit ratio.',
  },
  71: {
    cls: 'InsufficientKvLeaderReplicaCapacityException',
    retriable: false,
    kind: 'resource_exhausted',
    message: 'The cluster does not have enough KV leader replica capacity.',
  },
  72: {
    cls: 'StorageBackpressureException',
    retriable: true,
    kind: 'resource_exhausted',
    message:
      'The tablet server has rejected the write because the KV storage engine has reached its write-pressure threshold.',
  },
  73: {
    cls: 'HistoricalPartitionThrottledException',
    retriable: true,
    kind: 'resource_exhausted',
    message: 'Historical partition request is throttled because too many historical requests are in flight.',
  },
}

/**
 * Why each code has its kind: documentation only (the README table and the `ErrorCode` doc comments), kept out of
 * the runtime rows so that no import pays for the prose. Read through this module's `CODES`.
 */
const WHY: { readonly [C in ErrorCode]: string } = {
  [-2]: 'catch-all of the Rust-based clients (config, conversion, I/O, writer closed…): no single meaning; connection failures and schema mismatches get a sharper kind',
  [-1]: "unexpected server failure; message may hold a Java stack trace (public problems show only the kind's title)",
  0: 'success code: an error carrying it says nothing',
  1: 'network (invalid-metadata class)',
  2: 'API version not implemented by this server',
  3: 'corrupt payload; retriable in Java (corruption in transit)',
  4: 'not exist',
  5: 'state forbids the drop (gateway: database_not_empty, 409)',
  6: 'already exist',
  7: 'not exist',
  8: 'already exist',
  9: 'not exist (yet): retriable since 0.9, the server may not have synced a new schema',
  10: 'transient storage failure (StorageException)',
  11: 'transient storage failure (StorageException)',
  12: 'leader moved (invalid-metadata class)',
  13: 'the record itself is rejected; 413 like the gateway’s limit_exceeded',
  14: 'corrupt payload; retriable in Java',
  15: 'INVALID_*',
  16: 'INVALID_*',
  17: 'INVALID_*',
  18: 'INVALID_*',
  19: 'offset past the valid range',
  20: 'the table’s type forbids the operation',
  21: 'metadata: stale client metadata (invalid-metadata class), retried after a refresh',
  22: 'INVALID_*',
  23: 'INVALID_*',
  24: 'fenced by a newer epoch (sequencer check, code.proto ABORTED); not retriable in Java',
  25: 'timeout; retriable in Java',
  26: 'transient storage failure',
  27: 'not attempted because another part of the request failed',
  28: 'replicas missing (transient)',
  29: 'replicas missing (transient)',
  30: 'server failed to obtain a remote-storage token',
  31: 'sequence check failure (code.proto ABORTED)',
  32: 'the batch was already written',
  33: 'writer state expired on the server; the writer must re-register',
  34: 'INVALID_*',
  35: 'INVALID_*',
  36: 'not exist',
  37: 'the table’s layout forbids the operation',
  38: 'INVALID_*',
  39: 'INVALID_*',
  40: 'cluster configuration forbids the operation',
  41: 'not exist',
  42: 'already exist',
  43: 'invalid spec',
  44: 'leader (invalid-metadata class)',
  45: 'max-number limit; not retriable in Java',
  46: 'authentication',
  47: 'cluster configuration forbids security operations (ACLs)',
  48: 'authorization',
  49: 'max-number limit; not retriable in Java',
  50: 'fenced by a newer epoch',
  51: 'authentication; NOT retriable despite its name (extends AuthenticationException)',
  52: 'INVALID_*',
  53: 'not exist',
  54: 'already exist',
  55: 'replica state forbids the ISR change',
  56: 'INVALID_*',
  57: 'table configuration forbids deletes',
  58: 'not exist',
  59: 'already exist',
  60: 'not exist',
  61: 'server-side task failed',
  62: 'nothing to act on in the current state',
  63: 'INVALID_*',
  64: 'bad configuration value',
  65: 'leader; not retriable in Java (kept)',
  66: 'restart the scan at a higher level (code.proto ABORTED)',
  67: 'no such scanner',
  68: 'INVALID_*',
  69: 'max-number limit; not retriable in Java',
  70: 'disk usage limit (back-pressure)',
  71: 'capacity limit; not retriable in Java',
  72: 'back-pressure',
  73: 'throttling',
}

/** One row of the Fluss code table. */
export interface FlussCodeInfo extends CodeInfo {
  /** The Fluss code. */
  readonly code: number
  /** Java `Errors` name, e.g. `'TABLE_NOT_EXIST'` (also the core `reason`). */
  readonly reason: string
  /** Native class this package creates for every code: `'FlussError'`. */
  readonly className: 'FlussError'
  /** Java exception class the server or Java client raises, e.g. `'TableNotExistException'` (none for -2, 0). */
  readonly exceptionClass: string | undefined
}

/** A row of the documentation table (this module's `CODES`): the runtime row and why it has its kind. */
export interface FlussCodeDoc extends FlussCodeInfo {
  /** Why the row has its kind. */
  readonly why: string
}

/** `reason` of a code this table does not know (a newer server's): its number is kept in `error_code`. */
export const UNKNOWN_CODE_REASON: typeof UNKNOWN_CODE = UNKNOWN_CODE

/**
 * The complete Fluss code table, ordered by code: -2 (client), -1..73 (server). The single source of truth for
 * names, Java classes, retry rules, kinds, statuses and default messages. The package exports it as `CODES`.
 */
export const TABLE: readonly FlussCodeInfo[] = /* @__PURE__ */ buildCodes()

/**
 * The documentation table: each row of `TABLE` with why it has its kind (`why`), read by the generators of the
 * README table and of the `ErrorCode` doc comments. Not exported by the package (the prose would weigh on every
 * import); a bundler drops it, since nothing at runtime reads it.
 */
export const CODES: readonly FlussCodeDoc[] = /* @__PURE__ */ buildDocs()

function buildDocs(): readonly FlussCodeDoc[] {
  return Object.freeze(TABLE.map((row) => Object.freeze({ ...row, why: WHY[row.code as ErrorCode] })))
}

// Built in a function called once: calls at module level are side effects a bundler keeps.
function buildCodes(): readonly FlussCodeInfo[] {
  return Object.freeze(
    (Object.entries(ErrorCode) as [ErrorCodeName, ErrorCode][])
      .map(([name, code]): FlussCodeInfo => {
        const m = META[code]
        return Object.freeze({
          code,
          reason: name,
          kind: m.kind,
          status: m.status ?? KIND_HTTP_STATUS[m.kind],
          retryable: m.retriable,
          message: m.message,
          className: 'FlussError',
          exceptionClass: m.cls,
        })
      })
      .sort((a, b) => a.code - b.code),
  )
}

/** @deprecated Renamed `CODES` (every adapter names its table so). */
export const FLUSS_CODES: readonly FlussCodeInfo[] = TABLE

const lookup = /* @__PURE__ */ codeIndex(TABLE)

/** The table row of a code, or `undefined` for a code this table does not know (or anything not a code). */
export function codeInfo(code: unknown): FlussCodeInfo | undefined {
  return lookup(code)
}

/** Java's retry rule for a code (the class extends `RetriableException`); unknown codes are not retriable. */
export function isRetriableCode(code: number): boolean {
  return lookup(code)?.retryable ?? false
}

/** The code of a Java `Errors` name (`'TABLE_NOT_EXIST'` → 7), or `undefined`. */
export function codeOfName(name: unknown): ErrorCode | undefined {
  return typeof name === 'string' && Object.hasOwn(ErrorCode, name) ? ErrorCode[name as ErrorCodeName] : undefined
}

/**
 * Which Fluss code wraps a failure raised in the client, per kind (data, not code paths); `unknown` is the default.
 *
 * - `unavailable` (connection refused or reset, DNS failure, socket timeout, `fetch failed`) →
 *   `NETWORK_EXCEPTION` (1), retriable. This is what fluss-rust and its Python, C++ and Elixir bindings produce
 *   for every transport failure (`RpcError`, connect timeouts included) since apache/fluss-rust PR #519
 *   ("map RpcError to NetworkException for Java parity"): `bindings/python/src/error.rs` `from_core_error`,
 *   `crates/fluss/src/rpc/transport.rs` `connect_timeout`. Java raises `NetworkException` (same code, a
 *   `RetriableException`) when the server disconnects. Older bindings used CLIENT_ERROR (-2), not retriable —
 *   that hid that retrying can help, which is why upstream changed it.
 * - `deadline_exceeded` (a whole call that ran out of time, e.g. `AbortSignal.timeout`) → `REQUEST_TIME_OUT`
 *   (25), retriable: the code of Java's `TimeoutException`.
 * - anything else → `CLIENT_ERROR` (-2), the Rust-based clients' code for errors raised inside the client;
 *   the failure's own kind, status and retry rule are kept (a cancelled call stays `cancelled`).
 */
export const CLIENT_CODES: ClientCodes &
  Readonly<
    Partial<Record<ErrorKind, number>> & {
      /** Any other failure raised in the client: `CLIENT_ERROR` (-2). */
      unknown: number
    }
  > = /* @__PURE__ */ Object.freeze({
  /** Any other failure raised in the client: `CLIENT_ERROR` (-2). */
  unknown: -2 satisfies typeof ErrorCode.CLIENT_ERROR,
  unavailable: 1 satisfies typeof ErrorCode.NETWORK_EXCEPTION,
  deadline_exceeded: 25 satisfies typeof ErrorCode.REQUEST_TIME_OUT,
})

/** Smallest and largest int32: the range of `error_code` on the wire. */
export const INT32_MIN = -2147483648
export const INT32_MAX = 2147483647

/** True for an integer that fits the wire's `int32 error_code`. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
}
