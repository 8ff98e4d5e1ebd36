import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collectBucketErrors,
  ErrorCode,
  FLUSS_CODES,
  FlussError,
  fromBucketError,
  toBucketError,
} from '../src/index.js'

fc.configureGlobal({ seed: 20260822 })

describe('per-bucket errors inside successful responses', () => {
  it('code 0 or absent means success', () => {
    expect(fromBucketError({ bucketId: 1, errorCode: 0 })).toBeUndefined()
    expect(fromBucketError({ bucket_id: 1 })).toBeUndefined()
    expect(fromBucketError(null)).toBeUndefined()
  })

  it('keeps the entry ids in details (produce: PbProduceLogRespForBucket)', () => {
    const e = fromBucketError(
      { partition_id: 5, bucket_id: 2, error_code: 12, error_message: 'Not leader' },
      { tableId: 9 },
    )
    expect(e).toBeInstanceOf(FlussError)
    expect([e?.error_code, e?.message, e?.retryable]).toEqual([12, 'Not leader', true])
    expect(e?.details).toEqual({ tableId: 9, partitionId: 5, bucketId: 2 })
  })

  it('collects every failed entry of a fetch response with its table id (protobuf-es camelCase, bigint ids)', () => {
    const response = {
      $typeName: 'proto.FetchLogResponse',
      tablesResp: [
        {
          tableId: 150001n,
          bucketsResp: [
            { bucketId: 0, errorCode: 0, highWatermark: 10n, records: new Uint8Array([1, 2]) },
            { partitionId: 7n, bucketId: 1, errorCode: ErrorCode.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION, errorMessage: '' },
            { bucketId: 2, errorCode: 74, errorMessage: 'from the future' },
          ],
        },
      ],
    }
    const errors = collectBucketErrors(response)
    expect(errors.map((e) => [e.error_code, e.kind, e.message])).toEqual([
      [19, 'out_of_range', 'The log offset is out of range.'],
      [74, 'unknown', 'from the future'],
    ])
    expect(errors[0]?.details).toEqual({
      tableId: 150001,
      partitionId: 7,
      bucketId: 1,
      path: 'tablesResp[0].bucketsResp[1]',
    })
    expect(errors[1]?.details).toEqual({ tableId: 150001, bucketId: 2, path: 'tablesResp[0].bucketsResp[2]' })
  })

  it('collects put-kv, lookup, list-offsets, ACL and top-level errors (snake_case JSON)', () => {
    const putKv = { buckets_resp: [{ bucket_id: 3, error_code: 72 }, { bucket_id: 4 }] }
    expect(collectBucketErrors(putKv).map((e) => [e.error_code, e.retryable, e.details.bucketId])).toEqual([
      [72, true, 3],
    ])
    const listOffsets = { buckets_resp: [{ bucket_id: 0, error_code: 44, error_message: 'no leader' }] }
    expect(collectBucketErrors(listOffsets)[0]?.kind).toBe('unavailable')
    const acls = { aclRes: [{ acl: { principal: 'User:bob' }, errorCode: 48 }] }
    expect(collectBucketErrors(acls)[0]?.details.path).toBe('aclRes[0]')
    const limitScan = { error_code: 7, is_log_table: true }
    expect(collectBucketErrors(limitScan).map((e) => e.error_code)).toEqual([7])
    const notify = { notify_buckets_leader_resp: [{ table_bucket: { table_id: 1, bucket_id: 2 }, error_code: 24 }] }
    expect(collectBucketErrors(notify)[0]?.details).toMatchObject({ tableId: 1, bucketId: 2 })
  })

  it('reads the nested ErrorResponse of a tiering heartbeat', () => {
    const heartbeat = { tables: [{ tableId: 3, error: { errorCode: 50, errorMessage: 'fenced' } }] }
    const [e] = collectBucketErrors(heartbeat)
    expect([e?.error_code, e?.message, e?.details.tableId, e?.details.path]).toEqual([
      50,
      'fenced',
      3,
      'tables[0].error',
    ])
  })

  it('a code that is not an int32 is CLIENT_ERROR keeping the entry', () => {
    const e = fromBucketError({ bucketId: 1, errorCode: 'seven' })
    expect([e?.error_code, e?.details.bucketId]).toEqual([ErrorCode.CLIENT_ERROR, 1])
    expect(e?.details.raw).toContain('seven')
  })

  it('round-trips every code through toBucketError', () => {
    for (const row of FLUSS_CODES.filter((r) => r.code !== 0)) {
      const e = new FlussError(undefined, row.code, { details: { tableId: 1, partitionId: 2, bucketId: 3 } })
      const back = fromBucketError(toBucketError(e)) as FlussError
      expect([back.error_code, back.reason, back.kind, back.message, back.details]).toEqual([
        row.code,
        row.reason,
        row.kind,
        row.message,
        { tableId: 1, partitionId: 2, bucketId: 3 },
      ])
    }
  })

  it('property: any value collects without throwing, each result a FlussError', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withTypedArray: true, withMap: true }), (value) => {
        for (const e of collectBucketErrors(value)) expect(e).toBeInstanceOf(FlussError)
      }),
      { numRuns: 300 },
    )
  })

  it('is bounded on deep or cyclic input', () => {
    const cyclic: Record<string, unknown> = { error_code: 7 }
    cyclic.self = cyclic
    expect(collectBucketErrors(cyclic).length).toBeLessThanOrEqual(17)
    let deep: Record<string, unknown> = { error_code: 7 }
    for (let i = 0; i < 10_000; i++) deep = { next: deep }
    expect(collectBucketErrors(deep)).toEqual([])
  })
})
