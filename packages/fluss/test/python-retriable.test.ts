import { describe, expect, it } from 'vitest'
import { CODES, ErrorCode, FlussError } from '../src/index.js'

// The Python client's `FlussError.is_retriable` is a property: a `#[getter]` in apache/fluss
// fluss-rust/bindings/python/src/error.rs @ 545c553, `@property def is_retriable(self) -> bool` in
// fluss-rust/bindings/python/fluss/__init__.pyi, and `if e.is_retriable:` in the Python guide
// (website/docs/apis/python/error-handling.md). Code ported from Python reads it without calling it.
describe('FlussError.is_retriable, as in the Python client', () => {
  it('is a boolean property, so `if (e.is_retriable)` is false for a permanent error', () => {
    const permanent = new FlussError('gone', ErrorCode.TABLE_NOT_EXIST)
    const transient = new FlussError('moved', ErrorCode.NOT_LEADER_OR_FOLLOWER)
    expect(typeof permanent.is_retriable).toBe('boolean')
    expect(Boolean(permanent.is_retriable)).toBe(false)
    expect(Boolean(transient.is_retriable)).toBe(true)
    expect(Object.keys(permanent)).not.toContain('is_retriable')
    expect(typeof Object.getOwnPropertyDescriptor(FlussError.prototype, 'is_retriable')?.get).toBe('function')
    // Client-side errors always return False (error.rs: `if self.error_code == CLIENT_ERROR_CODE { return false }`).
    expect(new FlussError('client').is_retriable).toBe(false)
  })

  it("answers by Java's RetriableException rule, which differs from the Python client's only on 70 and 73", () => {
    // `FlussError::is_retriable` in apache/fluss fluss-rust/crates/fluss/src/rpc/fluss_api_error.rs @ 545c553, which
    // the Python binding calls: NetworkException 1, CorruptMessage 3, SchemaNotExist 9, LogStorageException 10,
    // KvStorageException 11, NotLeaderOrFollower 12, CorruptRecordException 14, UnknownTableOrBucketException 21,
    // RequestTimeOut 25, StorageException 26, NotEnoughReplicasAfterAppendException 28, NotEnoughReplicasException 29,
    // LeaderNotAvailableException 44, StorageBackpressureException 72. Its enum has no 58-71 or 73 (`for_code` reads
    // them as UnknownServerError, not retriable).
    const python = new Set([1, 3, 9, 10, 11, 12, 14, 21, 25, 26, 28, 29, 44, 72])
    const differ = CODES.filter((r) => new FlussError('x', r.code).is_retriable !== python.has(r.code)).map(
      (r) => r.code,
    )
    expect(differ).toEqual([70, 73])
    for (const code of differ) expect(new FlussError('x', code).exceptionClass).toMatch(/Exception$/)
  })
})
