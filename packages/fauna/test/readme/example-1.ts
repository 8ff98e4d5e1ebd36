import { errors, fromHttp, normalize } from '@errs/fauna'

declare const client: { query(q: unknown): Promise<unknown> }
declare const q: unknown

try {
  await client.query(q)
} catch (thrown) {
  const e = normalize(thrown) // faunadb's error (or the raw SyntaxError/TypeError it leaks) → ours
  if (e instanceof errors.BadRequest) {
    console.log(e.name, e.message, e.description, e.httpStatusCode)
    const [first] = e.errors() // { code, description, position, cause?, failures? }
    console.log(first?.code, first?.position, first?.description, e.errors())
  }
}

// Or decode the HTTP reply yourself:
const e = fromHttp({
  status: 400,
  body: '{"errors":[{"position":["collection","paginate","documents"],"code":"invalid ref","description":"Ref refers to undefined collection \'does_not_exist\'"}]}',
})
console.log(e.name, e.message, e.kind, e.status) // BadRequest invalid ref invalid_argument 400
