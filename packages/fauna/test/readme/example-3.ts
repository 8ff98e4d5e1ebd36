import { AbortError, fromHttp, getServiceError, normalize, ThrottlingError } from '@errs/fauna/v10'

const err = fromHttp({
  status: 400,
  body: { error: { code: 'abort', message: 'Query aborted.', abort: { '@int': '42' } }, summary: '…', txn_ts: 1 },
})
if (err instanceof AbortError) console.log(err.code, err.abort, err.httpStatus, err.queryInfo?.txn_ts) // abort 42 400 1

const throttled = getServiceError({ error: { code: 'limit_exceeded', message: 'Rate limit exceeded' } }, 429)
console.log(throttled instanceof ThrottlingError, throttled.retryable) // true true

declare const thrown: unknown
console.log(normalize(thrown).kind)
