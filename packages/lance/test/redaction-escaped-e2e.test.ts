import { inspect } from 'node:util'
import { REDACTED, toProblem } from '@errs/core'
import { describe, expect, it } from 'vitest'
import { fromErrorResponse } from '../src/index.js'

const S = 'CANARYs3cr3tVALUE'

// Secret keys spelt with escapes (RFC 8259 §7: https://www.rfc-editor.org/rfc/rfc8259#section-7, any character may be
// escaped; RFC 3986 §2.3: https://www.rfc-editor.org/rfc/rfc3986#section-2.3, `%77` is `w`) and Hadoop XML with the
// value before the name (Configuration reads a property's children by tag name:
// https://github.com/apache/hadoop/blob/017bbeade14df517e790e5f2f6feee7e31ae3140/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/conf/Configuration.java),
// through Lance's decoder: core's own tests cover the redaction itself.
// A reply whose body is not JSON (here cut short) is kept as its text in `details.raw` (`rawPreview`), redacted.
describe('a raw reply body, end to end (Lance)', () => {
  it.each([
    ['an escaped JSON key', `{"error":"x","\\u0070assword":"${S}"`],
    ['a percent-encoded query key', `upstream: GET /t?pass%77ord=${S} failed`],
    ['Hadoop XML, value before name', `<property><value>${S}</value><name>fs.s3a.secret.key</name></property>`],
  ])('keeps %s hidden in every output', (_name, body) => {
    const err = fromErrorResponse(body, { status: 500 })
    expect(JSON.stringify(err.details)).toContain(REDACTED)
    for (const text of [
      JSON.stringify(toProblem(err, { exposeInternal: true })),
      JSON.stringify(toProblem(err)),
      JSON.stringify(err),
      inspect(err, { depth: 10 }),
      String(err.stack),
      err.message,
    ]) {
      expect(text).not.toContain(S)
    }
  })
})
