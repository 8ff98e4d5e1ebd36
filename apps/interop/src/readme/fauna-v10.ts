// The root README's FQL v10 example, verbatim (test/readme.test.ts checks it and runs it against fauna).
import { normalize, QueryRuntimeError, ThrottlingError } from '@errs/fauna/v10'
import { type Client, fql } from 'fauna'

export async function example(client: Client) {
  try {
    await client.query(fql`Author.byId("1")!.name`) // a fauna Client
  } catch (e) {
    const err = normalize(e)
    if (err instanceof QueryRuntimeError) console.log(err.code, err.httpStatus, err.message)
    else if (err instanceof ThrottlingError) console.log(`retry in ${err.retryAfterMs ?? 1000} ms`)
  }
}
