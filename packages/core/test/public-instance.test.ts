import { describe, expect, it } from 'vitest'
import { ErrsError, toProblem } from '../src/index.js'

// The promise checked here: internals (hosts, paths) leave a service only in the trusted form. A problem's `instance`
// names the occurrence; the public form already drops URLs from it, and must drop file-system paths too (a table's
// location on disk, `/data/lance/t.lance`, `C:\Users\…`), as the public `detail` does, while a route such as
// `/v1/table/t` (the Lance spec's example of `instance`) stays.

function withInstance(instance: string): ErrsError {
  return new ErrsError({ system: 's', code: 4, reason: 'TABLE_NOT_FOUND', kind: 'not_found', message: 'm', instance })
}

describe('the public instance of a problem', () => {
  it('holds no file-system path', () => {
    for (const instance of ['/home/runner/app/t.lance', '/data/lance/db/t.lance', 'C:\\Users\\me\\t.lance']) {
      const shown = toProblem(withInstance(instance)).instance ?? ''
      expect(shown).not.toContain('runner')
      expect(shown).not.toContain('lance/db')
      expect(shown).not.toContain('Users')
      // The trusted form keeps it.
      expect(toProblem(withInstance(instance), { exposeInternal: true }).instance).toBe(instance)
    }
  })

  it('keeps a route', () => {
    expect(toProblem(withInstance('/v1/table/t')).instance).toBe('/v1/table/t')
    expect(toProblem(withInstance('/account/12345/msgs/abc')).instance).toBe('/account/12345/msgs/abc')
  })
})
