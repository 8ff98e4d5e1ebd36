import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Adapter, ErrsError } from '@errs/core'
import type { ModuleFiles, Target, VectorFile } from './types.js'

/** The run cannot start: a module is missing, exports no adapter, or a vector file is invalid (exit code 2). */
export class SetupError extends Error {
  override name = 'SetupError'
}

/** Whether an `--adapter` value is a file path (relative, absolute, or ending in a script extension). */
export function isPath(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /\.[cm]?[jt]s$/.test(spec)
}

/** `@scope/name/sub/path` → [`@scope/name`, `./sub/path`]. */
function splitSpecifier(spec: string): [string, string] {
  const parts = spec.split('/')
  const n = spec.startsWith('@') ? 2 : 1
  const name = parts.slice(0, n).join('/')
  const rest = parts.slice(n).join('/')
  return [name, rest ? `./${rest}` : '.']
}

/** The directory of an installed package, found the way Node does: `node_modules` of `from` and its ancestors. */
export function findPackageDir(name: string, from: string): string | undefined {
  let dir = resolve(from)
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

type ExportsValue = string | null | ExportsValue[] | { [key: string]: ExportsValue }

/** Resolves an `exports` target under the given conditions (Node's PACKAGE_TARGET_RESOLVE, without URL checks). */
function resolveTarget(
  target: ExportsValue | undefined,
  conditions: readonly string[],
  star?: string,
): string | undefined {
  if (typeof target === 'string') return star === undefined ? target : target.replaceAll('*', star)
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveTarget(t, conditions, star)
      if (r !== undefined) return r
    }
    return undefined
  }
  if (target === null || target === undefined || typeof target !== 'object') return undefined
  for (const [key, value] of Object.entries(target)) {
    if (key === 'default' || conditions.includes(key)) {
      const r = resolveTarget(value, conditions, star)
      if (r !== undefined) return r
    }
  }
  return undefined
}

/** The file a subpath of a package resolves to under the given conditions, from its `package.json`. */
export function resolveExports(pkgDir: string, subpath: string, conditions: readonly string[]): string | undefined {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    exports?: ExportsValue
    main?: string
  }
  const exp = pkg.exports
  if (exp === undefined || exp === null) {
    if (subpath !== '.') {
      const file = join(pkgDir, subpath)
      for (const f of [file, `${file}.js`, join(file, 'index.js')]) if (existsSync(f) && statSync(f).isFile()) return f
      return undefined
    }
    const main = join(pkgDir, pkg.main ?? 'index.js')
    for (const f of [main, `${main}.js`, join(main, 'index.js')]) if (existsSync(f) && statSync(f).isFile()) return f
    return undefined
  }
  const map: Record<string, ExportsValue> =
    typeof exp === 'string' || Array.isArray(exp) || Object.keys(exp).every((k) => !k.startsWith('.'))
      ? { '.': exp }
      : (exp as Record<string, ExportsValue>)
  let target: string | undefined
  if (Object.hasOwn(map, subpath)) target = resolveTarget(map[subpath], conditions)
  else {
    for (const key of Object.keys(map)) {
      const star = key.indexOf('*')
      if (star < 0) continue
      const [pre, post] = [key.slice(0, star), key.slice(star + 1)]
      if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
        target = resolveTarget(map[key], conditions, subpath.slice(pre.length, subpath.length - post.length))
        if (target !== undefined) break
      }
    }
  }
  return target === undefined ? undefined : join(pkgDir, target)
}

/**
 * The ESM (`import` condition) and CJS (`require` condition) files of a module specifier or a path, resolved from
 * `bases` in order (the user's project first). Throws `SetupError` when nothing resolves.
 */
export function resolveModule(spec: string, bases: readonly string[] = [process.cwd()]): ModuleFiles {
  if (isPath(spec)) {
    const file = resolve(bases[0] ?? process.cwd(), spec)
    if (!existsSync(file)) throw new SetupError(`adapter module not found: no such file ${file}`)
    const files: ModuleFiles = {}
    if (file.endsWith('.cjs')) files.cjs = file
    else files.esm = file
    // A sibling build of the other format (dist/index.js ⇄ dist/index.cjs), when it exists.
    const sibling = file.endsWith('.cjs') ? file.replace(/\.cjs$/, '.js') : file.replace(/\.m?js$/, '.cjs')
    if (sibling !== file && existsSync(sibling)) {
      if (file.endsWith('.cjs')) files.esm = sibling
      else files.cjs = sibling
    }
    return files
  }
  const [name, subpath] = splitSpecifier(spec)
  for (const base of bases) {
    const dir = findPackageDir(name, base)
    if (!dir) continue
    const files: ModuleFiles = {}
    const esm = resolveExports(dir, subpath, ['import', 'node'])
    const cjs = resolveExports(dir, subpath, ['require', 'node'])
    if (esm && existsSync(esm)) files.esm = esm
    if (cjs && existsSync(cjs)) files.cjs = cjs
    else if (cjs && cjs !== esm) files.missingCjs = cjs
    if (files.esm && files.esm === files.cjs) {
      // One file for both conditions: its format decides (a `.cjs` file, or `.js` without "type": "module").
      if (files.esm.endsWith('.cjs')) files.esm = undefined
      else files.cjs = undefined
    }
    if (files.esm || files.cjs) return files
  }
  throw new SetupError(
    `adapter module not found: cannot resolve "${spec}" from ${bases[0] ?? process.cwd()} — install it in this project (npm install ${name})`,
  )
}

const requireHere = createRequire(import.meta.url)

/** Where this package's own dependencies are (the repository's adapters, when run from a clone). */
export const HERE = dirname(fileURLToPath(import.meta.url))

/** The object holding the adapter: the named export, or the same name on a CommonJS module's default export. */
function pickAdapter(mod: Record<string, unknown>, exportName: string): unknown {
  if (mod[exportName] !== undefined) return mod[exportName]
  const d = mod.default as Record<string, unknown> | undefined
  return d && typeof d === 'object' ? d[exportName] : undefined
}

/** The nearest directory at or above `dir` holding a `package.json`, if any. */
function packageDirOf(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d
    if (dirname(d) === d) return undefined
  }
}

/** The nearest directory at or above `dir` holding `pnpm-workspace.yaml`, if any. */
function workspaceRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'pnpm-workspace.yaml'))) return d
    if (dirname(d) === d) return undefined
  }
}

/**
 * What to do when the adapter file imports a package Node cannot find from where the file is (`ERR_MODULE_NOT_FOUND`
 * / `MODULE_NOT_FOUND` for a bare specifier), e.g. an adapter file outside any project that depends on `@errs/core`.
 */
export function missingImportHint(e: unknown, file: string): string | undefined {
  const code = (e as { code?: unknown } | null)?.code
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined
  const m = /Cannot find (?:package|module) '([^']+)'/.exec(e instanceof Error ? e.message : '')
  const wanted = m?.[1]
  if (!wanted || wanted.startsWith('.') || isAbsolute(wanted) || wanted.startsWith('file:')) return undefined
  const [name] = splitSpecifier(wanted)
  const dir = dirname(file)
  const lines = [
    `The adapter file imports "${name}", which Node cannot find from ${dir}: Node resolves an import from the importing file's own folder (its node_modules and those of the folders above), not from the current directory or from errs-conformance.`,
  ]
  if (name.startsWith('@errs/')) {
    lines.push(
      `An adapter must be able to import ${name} itself: keep the adapter file in a project or package that depends on ${name} (npm install ${name} there), and pass its path to --adapter.`,
    )
  } else lines.push(`Install ${name} in the project the adapter file belongs to (npm install ${name}).`)
  const ws = workspaceRoot(dir)
  if (ws) {
    const owner = packageDirOf(dir) ?? ws
    const inRepo = existsSync(join(ws, 'apps', 'conformance', 'vectors.schema.json'))
    lines.push(
      `Under pnpm a package imports only what its own package.json depends on, and the package this file belongs to (${owner === ws ? `the workspace root, ${ws}` : owner}) does not depend on ${name}: put the file in a workspace package that lists "${name}" in its dependencies${inRepo ? `, e.g. under ${join(ws, 'apps', 'conformance')}/, whose package depends on it` : ''}, and run pnpm install after adding a dependency.`,
    )
  }
  return lines.join('\n')
}

/** Loads a module's `adapter` export (ESM build when there is one). Throws `SetupError` when it cannot. */
export async function loadTarget(
  spec: string,
  options: { vectors?: VectorFile; name?: string; exportName?: string; bases?: readonly string[] } = {},
): Promise<Target> {
  const files = resolveModule(spec, options.bases)
  const exportName = options.exportName ?? 'adapter'
  let mod: Record<string, unknown>
  try {
    mod = (files.esm ? await import(pathToFileURL(files.esm).href) : requireHere(files.cjs as string)) as Record<
      string,
      unknown
    >
  } catch (e) {
    const file = (files.esm ?? files.cjs) as string
    const hint = missingImportHint(e, file)
    let message = e instanceof Error ? e.message : String(e)
    // Node's guess ("Did you mean to import file:///…/dist/index.cjs?") points at a file path: the hint says better.
    if (hint) message = message.replace(/\n?Did you mean to import [^\n]*/, '')
    throw new SetupError(`adapter module "${spec}" failed to load (${file}): ${message}${hint ? `\n${hint}` : ''}`)
  }
  const adapter = pickAdapter(mod, exportName) as Adapter<ErrsError> | undefined
  if (!adapter || typeof adapter !== 'object') {
    const names = Object.keys(mod).filter((k) => k !== 'default')
    throw new SetupError(
      `module "${spec}" exports no adapter: no "${exportName}" export (exports: ${names.length ? names.join(', ') : 'none'}; use --export <name> if it has another name)`,
    )
  }
  if (typeof adapter.system !== 'string' || typeof adapter.create !== 'function') {
    throw new SetupError(
      `module "${spec}" exports no adapter: "${exportName}" has no system and create() (not an errs adapter)`,
    )
  }
  return {
    name: options.name ?? spec,
    spec,
    adapter,
    files,
    exportName,
    ...(options.vectors ? { vectors: options.vectors } : {}),
  }
}
