// The API reference of `@errs/core` builds with TypeDoc with no warning at all (every exported symbol documented,
// no broken link, no accidental tag), and no doc comment of core says "@errs" where TSDoc would read a tag.
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const typedoc = join(dirname(createRequire(join(root, 'package.json')).resolve('typedoc/package.json')), 'bin/typedoc')

/** Words starting with "@errs" inside doc comments, outside backticks: TSDoc reads them as block tags. */
function accidentalTags(source: string): string[] {
  const found: string[] = []
  for (const comment of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const prose = comment.replace(/`[^`\n]*`/g, '``')
    for (const m of prose.matchAll(/(?:^|[\s(])(@errs\S*)/g)) found.push(m[1] as string)
  }
  return found
}

describe('doc comments', () => {
  it('the scanner finds a tag-like "@errs" and ignores backticked ones (not vacuous)', () => {
    expect(accidentalTags('/** Base of every @errs error, see `@errs/core`. */')).toEqual(['@errs'])
    expect(accidentalTags('/** see `@errs/core` and `@errs/core/kit` */')).toEqual([])
  })

  it('no doc comment in packages/core/src says "@errs" outside backticks', () => {
    const dir = join(root, 'packages/core/src')
    const hits = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => accidentalTags(readFileSync(join(dir, f), 'utf8')).map((t) => `${f}: ${t}`))
    expect(hits).toEqual([])
  })

  it('the API reference of @errs/core, /kit and /retry builds with treatWarningsAsErrors', async () => {
    const entries = ['core', 'core-kit', 'core-retry'].flatMap((e) => ['--entryPoints', `typedoc/entries/${e}.ts`])
    const { stdout, stderr } = await run(
      process.execPath,
      [typedoc, '--options', 'typedoc/typedoc.json', ...entries, '--emit', 'none'],
      { cwd: root, timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    ).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: `${e.stderr}\nFAILED` }))
    expect(`${stdout}${stderr}`).not.toMatch(/warning|error|FAILED/i)
  }, 120_000)
})
