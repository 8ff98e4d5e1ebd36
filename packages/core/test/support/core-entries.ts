import { readdirSync, readFileSync } from 'node:fs'

/**
 * The entries of `@errs/core` a package's built files load (`import … from`, `import(…)`, `require(…)`), over every
 * `.js` and `.cjs` file of its `dist`, sorted. Each entry is a package resolution more for Node's loaders (apps/bench,
 * cold import): an adapter loads `@errs/core/kit` alone, which exports everything `@errs/core` does (one module).
 */
export function coreEntriesLoaded(dist: string): string[] {
  return packagesLoaded(dist).filter((p) => p === '@errs/core' || p.startsWith('@errs/core/'))
}

/**
 * Every package (bare specifier, `node:` ones included) that the built `.js`/`.cjs` files in `dist` import or require,
 * sorted: what a user's install must provide besides the package itself.
 */
export function packagesLoaded(dist: string): string[] {
  const found = new Set<string>()
  for (const file of readdirSync(dist)) {
    if (!/\.c?js$/.test(file)) continue
    const text = readFileSync(`${dist}${file}`, 'utf8')
    for (const m of text.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'.][^"']*)["']/g,
    )) {
      found.add(m[1] as string)
    }
  }
  return [...found].sort()
}
