import { toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { fromHttp } from '../src/index.js'
import { fromHttp as fromHttpV10 } from '../src/v10.js'

// A 400 keeps the reply's native fields in `details` (faunadb's `errors()`, the v10 `queryInfo.summary`), and the
// public problem of a 4xx carries its details. Their text is Fauna's, which can name a host or a file of the service:
// the public problem leaves those out, as it does from `detail`; the trusted form keeps them.
// Shapes: FQL v4 `{ errors: [{ code, description, position }] }` (https://docs.fauna.com/fauna/v4/api/fql/errors),
// FQL v10 `{ error: { code, message }, summary }` (https://docs.fauna.com/fauna/current/reference/http/reference/errors/).
describe('public details of a decoded Fauna error', () => {
  it('v4: an `errors[].description` naming an address and a file', () => {
    const e = fromHttp({
      status: 400,
      body: { errors: [{ code: 'invalid ref', description: 'no ref at 10.1.2.3 in /srv/app/x.js', position: [] }] },
    })
    const shown = JSON.stringify(toProblem(e).details)
    expect(shown).not.toContain('10.1.2.3')
    expect(shown).not.toContain('/srv/app/x.js')
    expect(shown).toContain('no ref at [internal] in [internal]')
    expect(JSON.stringify(toProblem(e, { exposeInternal: true }).details)).toContain('10.1.2.3 in /srv/app/x.js')
  })

  it('v10: a `summary` naming a host', () => {
    const e = fromHttpV10({
      status: 400,
      body: { error: { code: 'invalid_query', message: 'bad' }, summary: 'error: refused by db-7.corp.internal:8443' },
    })
    const shown = JSON.stringify(toProblem(e).details)
    expect(shown).not.toContain('db-7.corp.internal')
    expect(JSON.stringify(toProblem(e, { exposeInternal: true }).details)).toContain('db-7.corp.internal:8443')
  })
})
