import { statusFacts } from '@errs/core/kit'
import { describe, expect, it } from 'vitest'
import { adapter } from '../src/adapter.js'
import { RETRYABLE_STATUSES } from '../src/codes.js'

const facts = (e: { kind: string; status: number; retryable: boolean }) => ({
  kind: e.kind,
  status: e.status,
  retryable: e.retryable,
})

describe("a reply Fauna's table cannot classify: core's one decision, with the statuses Fauna's clients retry", () => {
  it('an unknown code, an empty errors array or an unreadable body, for every HTTP error status', () => {
    for (let status = 400; status <= 599; status++) {
      const v10 = statusFacts(status, RETRYABLE_STATUSES.v10)
      const v4 = statusFacts(status, RETRYABLE_STATUSES.v4)
      expect(facts(adapter.decode({ status, body: { error: { code: 'brand_new', message: 'm' } } }))).toEqual(v10)
      expect(facts(adapter.decode({ status, body: '<html>x</html>' }))).toEqual(v10)
      // faunadb picks the class of a 429, 500 or 503 by status (V4_STATUS_KIND): those are not bare statuses.
      if (status === 429 || status === 500 || status === 503) continue
      expect(facts(adapter.decode({ status, body: { errors: [{ code: 'brand new', description: 'd' }] } }))).toEqual(v4)
      expect(facts(adapter.decode({ status, body: { errors: [] } }))).toEqual(v4)
    }
  })
})
