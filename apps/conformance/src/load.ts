import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Adapter, ErrsError } from '@errs/core'
import type { ModuleFiles, Target, VectorFile } from './types.js'

const requireHere = createRequire(import.meta.url)

function isPath(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /\.[cm]?[jt]s$/.test(spec)
}

/** The ESM and CJS files a module specifier (or a path) resolves to, seen from `cwd` and from this app. */
export function resolveModule(spec: string, cwd: string = process.cwd()): ModuleFiles {
  if (isPath(spec)) {
    const file = resolve(cwd, spec)
    if (!existsSync(file)) throw new Error(`no such file: ${file}`)
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
  const files: ModuleFiles = {}
  const requireCwd = createRequire(resolve(cwd, 'package.json'))
  try {
    files.esm = fileURLToPath(import.meta.resolve(spec))
  } catch {
    // not resolvable from this app: fall back to the caller's directory (CJS resolution only)
  }
  for (const req of [requireCwd, requireHere]) {
    try {
      files.cjs = req.resolve(spec)
      break
    } catch {
      // try the next base
    }
  }
  if (!files.esm && !files.cjs) throw new Error(`cannot resolve module "${spec}" from ${cwd}`)
  if (files.esm && files.esm === files.cjs && !files.esm.endsWith('.cjs')) files.cjs = undefined
  if (files.cjs && files.esm === undefined && !files.cjs.endsWith('.cjs')) {
    files.esm = files.cjs
    files.cjs = undefined
  }
  return files
}

/** Loads a module's `adapter` export (ESM build when there is one). */
export async function loadTarget(
  spec: string,
  options: { vectors?: VectorFile; name?: string; exportName?: string; cwd?: string } = {},
): Promise<Target> {
  const files = resolveModule(spec, options.cwd)
  const exportName = options.exportName ?? 'adapter'
  const mod = (files.esm ? await import(pathToFileURL(files.esm).href) : requireHere(files.cjs as string)) as Record<
    string,
    unknown
  >
  const adapter = mod[exportName] as Adapter<ErrsError> | undefined
  if (!adapter || typeof adapter !== 'object') throw new Error(`module "${spec}" has no "${exportName}" export`)
  return {
    name: options.name ?? spec,
    adapter,
    files,
    exportName,
    ...(options.vectors ? { vectors: options.vectors } : {}),
  }
}
