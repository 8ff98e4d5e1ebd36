import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readCodeSection, renderCodeTable, replaceCodeSection } from '../scripts/readme-table.js'
import { CODES } from '../src/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')

describe('README', () => {
  it('has the code table generated from CODES (run scripts/update-readme.ts after changing the table)', () => {
    expect(readCodeSection(readme)).toBe(renderCodeTable())
    expect(replaceCodeSection(readme)).toBe(readme)
  })

  it('lists every code once', () => {
    const rows = renderCodeTable().split('\n').slice(2)
    expect(rows).toHaveLength(CODES.length)
    for (const [i, row] of CODES.entries()) expect(rows[i]).toContain(`| ${row.code} | \`${row.reason}\` |`)
  })

  it('has TypeScript examples that type-check against the sources', () => {
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
    expect(blocks.length).toBeGreaterThanOrEqual(7)
    const files = new Map(blocks.map((code, i) => [`${root}__readme_example_${i}.ts`, code]))
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      baseUrl: root,
      paths: { '@errs/fluss': ['./src/index.ts'], '@errs/fluss/wire': ['./src/wire.ts'] },
    }
    const host = ts.createCompilerHost(options)
    const { getSourceFile, fileExists, readFile } = host
    host.getSourceFile = (name, version, ...rest) =>
      files.has(name)
        ? ts.createSourceFile(name, files.get(name) as string, version)
        : getSourceFile(name, version, ...rest)
    host.fileExists = (name) => files.has(name) || fileExists(name)
    host.readFile = (name) => files.get(name) ?? readFile(name)
    const program = ts.createProgram([...files.keys()], options, host)
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || files.has(d.file.fileName))
      .map(
        (d) => `${d.file?.fileName.slice(root.length) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      )
    expect(diagnostics).toEqual([])
  }, 30_000)
})
