/**
 * Bundle size: esbuild (bundle, minify, tree-shake, ESM, browser platform: what an edge or browser bundle gets),
 * then gzip level 9 (the level size-limit uses). One entry per row, written as the import a user would write.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export interface SizeEntry {
  id: string
  /** What is imported, as shown in the table. */
  label: string
  /** Entry source: `export … from …` keeps exactly what is imported alive. */
  source: string
  /** Which package the row belongs to (for grouping), or `peer`. */
  owner: string
}

export interface SizeResult extends SizeEntry {
  minBytes: number
  gzipBytes: number
  error?: string
}

export const SIZE_ENTRIES: SizeEntry[] = [
  { id: 'core.full', owner: 'core', label: '`@errs/core` (whole entry)', source: "export * from '@errs/core'" },
  {
    id: 'core.typical',
    owner: 'core',
    label: '`import { ErrsError, isRetryable, kindOf } from "@errs/core"`',
    source: "export { ErrsError, isRetryable, kindOf } from '@errs/core'",
  },
  {
    id: 'core.class',
    owner: 'core',
    label: '`import { ErrsError } from "@errs/core"`',
    source: "export { ErrsError } from '@errs/core'",
  },
  {
    id: 'fluss.full',
    owner: 'fluss',
    label: '`@errs/fluss` (whole entry, with core)',
    source: "export * from '@errs/fluss'",
  },
  {
    id: 'fluss.typical',
    owner: 'fluss',
    label: '`import { FlussError, ErrorCode } from "@errs/fluss"`',
    source: "export { FlussError, ErrorCode } from '@errs/fluss'",
  },
  {
    id: 'fluss.wire',
    owner: 'fluss',
    label: '`@errs/fluss/wire` (whole subpath, with core and @bufbuild/protobuf/wire)',
    source: "export * from '@errs/fluss/wire'",
  },
  {
    id: 'lance.full',
    owner: 'lance',
    label: '`@errs/lance` (whole entry, with core)',
    source: "export * from '@errs/lance'",
  },
  {
    id: 'lance.typical',
    owner: 'lance',
    label: '`import { TableNotFoundError, ErrorCode } from "@errs/lance"`',
    source: "export { TableNotFoundError, ErrorCode } from '@errs/lance'",
  },
  {
    id: 'fauna.full',
    owner: 'fauna',
    label: '`@errs/fauna` (whole entry, with core)',
    source: "export * from '@errs/fauna'",
  },
  {
    id: 'fauna.typical',
    owner: 'fauna',
    label: '`import { FaunaHTTPError, fromHttp } from "@errs/fauna"`',
    source: "export { FaunaHTTPError, fromHttp } from '@errs/fauna'",
  },
  {
    id: 'fauna.v10',
    owner: 'fauna',
    label: '`@errs/fauna/v10` (whole subpath, with core)',
    source: "export * from '@errs/fauna/v10'",
  },
  {
    id: 'fauna.v10-typical',
    owner: 'fauna',
    label: '`import { ServiceError, fromHttp } from "@errs/fauna/v10"`',
    source: "export { ServiceError, fromHttp } from '@errs/fauna/v10'",
  },
  {
    id: 'peer.fauna-errors',
    owner: 'peer',
    label: '`fauna` 2.5.0 error module (`src/errors.ts`: every class + `getServiceError`)',
    source: "export * from 'fauna/src/errors.ts'",
  },
  {
    id: 'peer.faunadb-errors',
    owner: 'peer',
    label: '`faunadb` 4.8.2 error module (`src/errors.js`, pulls `_util.js` → chalk, package.json)',
    source: "export * from 'faunadb/src/errors.js'",
  },
  {
    id: 'peer.fauna-driver',
    owner: 'peer',
    label:
      '`fauna` 2.5.0 browser build, errors imported from the root (what `import { ServiceError } from "fauna"` costs)',
    source: "export { ServiceError, QueryRuntimeError } from 'fauna'",
  },
  {
    id: 'peer.serialize-error',
    owner: 'peer',
    label: '`serialize-error` 13 (`serializeError`, `deserializeError`)',
    source: "export { serializeError, deserializeError } from 'serialize-error'",
  },
]

export async function measureSize(entry: SizeEntry, resolveDir: string): Promise<SizeResult> {
  try {
    const result = await build({
      stdin: { contents: entry.source, resolveDir, sourcefile: `${entry.id}.js`, loader: 'js' },
      bundle: true,
      minify: true,
      treeShaking: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    })
    const code = result.outputFiles[0]?.contents ?? new Uint8Array()
    return { ...entry, minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error)
    return { ...entry, minBytes: Number.NaN, gzipBytes: Number.NaN, error: message }
  }
}

export async function measureSizes(resolveDir: string): Promise<SizeResult[]> {
  const out: SizeResult[] = []
  for (const entry of SIZE_ENTRIES) out.push(await measureSize(entry, resolveDir))
  return out
}
