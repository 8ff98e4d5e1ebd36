// The root README's FQL v4 example, verbatim (test/readme.test.ts checks it and runs it against faunadb).
import { errors, normalize } from '@errs/fauna'
import type faunadb from 'faunadb'

export async function example(client: faunadb.Client, q: faunadb.ExprArg) {
  try {
    await client.query(q) // a faunadb Client
  } catch (e) {
    const err = normalize(e)
    if (err instanceof errors.BadRequest) {
      const [first] = err.errors()
      console.log(err.name, err.message, err.description, err.httpStatusCode, first?.code, first?.position)
    }
  }
}
