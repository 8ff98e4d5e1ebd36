// The one checker of every README's examples (test/readme.test.ts drives it).
//
// Every ```ts and ```js fenced block of a README is an example. Each becomes a module of its own, type-checked with
// the TypeScript compiler API (strict, noUncheckedIndexedAccess, bundler resolution) against the built packages, as
// an application that installed them would see them (`@errs/*` resolve through apps/interop's node_modules to each
// package's `exports` and its `dist`). What an example uses without defining it is declared in the README itself,
// in HTML comments GitHub and npm do not show:
//
//   <!-- examples: global                   declarations every example of this README may use (a global script)
//   declare const client: import('fauna').Client
//   -->
//
//   <!-- example                             declarations of the next example only (put in its module), written
//   declare const app: import('hono').Hono    immediately before its fence
//   -->
//
// An example whose top level has a `return` is checked (and run) as the body of `export async function example()`.
// Info-string words after the language mark what else happens to an example: `run` (the test executes it, against
// a server on 127.0.0.1 where it needs one) and `recipe` (its code is verbatim in src/recipes.ts, which the HTTP and
// retry tests run against the real libraries).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const interopRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Every README of the repository (relative to its root), in the order the report lists them. */
export const READMES = [
  'README.md',
  'packages/core/README.md',
  'packages/fluss/README.md',
  'packages/lance/README.md',
  'packages/fauna/README.md',
  'apps/conformance/README.md',
  'apps/interop/README.md',
  'apps/bench/README.md',
] as const

export interface Example {
  /** `README.md#3`: the README and the example's 1-based position in it. */
  readonly id: string
  readonly readme: string
  /** 1-based line of the opening fence. */
  readonly line: number
  readonly lang: 'ts' | 'js'
  /** Info-string words after the language: `run`, `recipe`, `name=<x>`. */
  readonly flags: readonly string[]
  /** `name=<x>` of the info string, else undefined. */
  readonly name: string | undefined
  readonly code: string
  /** The `<!-- example … -->` declarations written right before the fence. */
  readonly context: string
}

export interface Readme {
  readonly path: string
  readonly text: string
  /** The `<!-- examples: global … -->` declarations. */
  readonly global: string
  readonly examples: readonly Example[]
}

const FENCE = /^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm
const GLOBAL = /<!-- examples: global\n([\s\S]*?)-->/g
const LOCAL = /^<!-- example\n([\s\S]*?)-->\s*$/

/** The examples and declarations of a README's text. */
export function parseReadme(path: string, text: string): Readme {
  const examples: Example[] = []
  for (const m of text.matchAll(FENCE)) {
    const lang = m[1]
    if (lang !== 'ts' && lang !== 'js') continue
    const flags = (m[2] ?? '').trim().split(/\s+/).filter(Boolean)
    const before = text.slice(0, m.index)
    const local = LOCAL.exec(before.slice(before.lastIndexOf('<!-- example\n')))
    examples.push({
      id: `${path}#${examples.length + 1}`,
      readme: path,
      line: before.split('\n').length,
      lang,
      flags,
      name: flags.find((f) => f.startsWith('name='))?.slice(5),
      code: m[3] ?? '',
      context: local?.[1] ?? '',
    })
  }
  const global = [...text.matchAll(GLOBAL)].map((m) => m[1]).join('\n')
  return { path, text, global, examples }
}

export function readReadme(path: string): Readme {
  return parseReadme(path, readFileSync(join(repoRoot, path), 'utf8'))
}

/** Whether a statement list has a `return` outside any function (a top-level return of an example). */
function hasTopLevelReturn(node: ts.Node): boolean {
  let found = false
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return
    if (ts.isReturnStatement(n)) found = true
    else ts.forEachChild(n, visit)
  }
  ts.forEachChild(node, visit)
  return found
}

/**
 * The module an example is checked and run as: its imports, its block's declarations, then its code — as the body
 * of `export async function example()` when its top level returns, and ending `export {}` so that every example is a
 * module of its own. Line numbers of diagnostics are mapped back by `lineOffset`.
 */
export function exampleModule(example: Example): { text: string; lineOffset: number } {
  const source = ts.createSourceFile('x.ts', example.code, ts.ScriptTarget.ES2022, true)
  const context = example.context === '' ? '' : `${example.context.trimEnd()}\n`
  if (!hasTopLevelReturn(source)) {
    return { text: `${context}${example.code}\nexport {}\n`, lineOffset: context.split('\n').length - 1 }
  }
  const head: string[] = []
  const body: string[] = []
  for (const s of source.statements) {
    const text = example.code.slice(s.getFullStart(), s.end)
    const ambient = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
    if (ts.isImportDeclaration(s) || ambient || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s))
      head.push(text)
    else body.push(text)
  }
  const text = `${context}${head.join('')}\nexport async function example() {${body.join('')}\n}\n`
  return { text, lineOffset: -1 }
}

/** A directory inside apps/interop, so that examples resolve packages as an application depending on them would. */
const workDir = (kind: string) => join(interopRoot, '.tmp', kind)
const slug = (readme: string) => readme.replace(/\/?README\.md$/, '').replace(/\//g, '-') || 'root'

export const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  allowJs: true,
  checkJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
}

/**
 * Type-checks every example of a README, each as its own module with the README's global declarations, and returns
 * the diagnostics as `README.md#2 (line 40): message` (line of the README).
 */
export function typeCheck(readme: Readme): string[] {
  const ts_ = readme.examples.filter((e) => e.lang === 'ts')
  const js = readme.examples.filter((e) => e.lang === 'js')
  // JavaScript examples are checked as JavaScript is: with the types of what they call, without annotations.
  return [
    ...checkProgram(readme, ts_, compilerOptions),
    ...(js.length === 0 ? [] : checkProgram(readme, js, { ...compilerOptions, noImplicitAny: false })),
  ]
}

function checkProgram(readme: Readme, examples: readonly Example[], options: ts.CompilerOptions): string[] {
  const dir = join(workDir('readme-check'), slug(readme.path))
  const files = new Map<string, string>()
  const origin = new Map<string, { example: Example; lineOffset: number }>()
  const globalFile = join(dir, 'global.d.ts')
  files.set(globalFile, `${readme.global}\n`)
  for (const example of examples) {
    const file = join(dir, `example-${example.id.split('#')[1]}.${example.lang}`)
    const { text, lineOffset } = exampleModule(example)
    files.set(file, text)
    origin.set(file, { example, lineOffset })
  }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (name, version, ...rest) => {
    const text = files.get(name)
    return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version, true)
  }
  host.fileExists = (name) => files.has(name) || fileExists(name)
  host.readFile = (name) => files.get(name) ?? readFile(name)
  const program = ts.createProgram([...files.keys()], options, host)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || files.has(d.file.fileName))
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
      if (d.file === undefined || d.start === undefined) return message
      const { line } = d.file.getLineAndCharacterOfPosition(d.start)
      const from = origin.get(d.file.fileName)
      if (from === undefined) return `${relative(repoRoot, d.file.fileName)}:${line + 1}: ${message}`
      const readmeLine = from.example.line + 1 + line - from.lineOffset
      return `${from.example.id} (${readme.path} line ${readmeLine}): ${message}`
    })
}

let runs = 0

/**
 * Runs an example: transpiles its module to JavaScript, writes it inside apps/interop (so its imports resolve to the
 * built packages) and imports it; a module with a top-level `return` is then called as `example()`. The names the
 * README declares for it are read from `globalThis`, so set those first. Returns the module's namespace.
 */
export async function runExample(example: Example): Promise<Record<string, unknown>> {
  const { text } = exampleModule(example)
  const js = ts.transpileModule(text, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    fileName: `example.${example.lang}`,
  }).outputText
  runs += 1
  const file = join(workDir('readme-run'), `${slug(example.readme)}-${example.id.split('#')[1]}-${runs}.mjs`)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, js)
  const namespace = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>
  if (typeof namespace.example === 'function') await (namespace.example as () => Promise<unknown>)()
  return namespace
}

/**
 * The code of a text without imports, comments or blank lines, each line trimmed and the lines joined: a comparison
 * free of indentation and of the formatter's line breaks (a call chain on one line or several).
 */
export const codeOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('import ') && !l.startsWith('//'))
    .join('')

/**
 * The `console.log(…) // expected` pairs of an example: the comment after a `console.log` call on one line is what
 * that line prints (its arguments as `String` joined by spaces), checked when the example runs.
 */
export function expectedLogs(example: Example): string[] {
  return [...example.code.matchAll(/^\s*console\.log\(.*\) \/\/ (.+)$/gm)].map((m) => (m[1] as string).trim())
}
