/**
 * Generated README sections, one mechanism for every package: a section is the text between
 * `<!-- <name>:start -->` and `<!-- <name>:end -->`, rendered from the package's data (its code table), and the
 * package's README test fails when the file disagrees. `UPDATE_README=1` before that test rewrites the file first:
 *
 * ```sh
 * UPDATE_README=1 npx vitest run --project <package> test/readme
 * ```
 *
 * Dev tooling only: no package imports it at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** `readme` with the text between the markers of `name` replaced by `body`; throws when a marker is missing. */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const i = readme.indexOf(start)
  const j = readme.indexOf(end)
  if (i < 0 || j < i) throw new Error(`README has no ${name} markers`)
  return `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`
}

/** A table cell's text: `|` escaped and line breaks as spaces, so the cell stays one cell of one row. */
export function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/**
 * Reads the README at `url` and what `render` makes of it (every generated section up to date). With
 * `UPDATE_README=1` in the environment it first writes the rendered text to the file, so the two are then equal.
 */
export function generatedReadme(url: URL, render: (readme: string) => string): { readme: string; expected: string } {
  if (process.env.UPDATE_README === '1') writeFileSync(url, render(readFileSync(url, 'utf8')))
  const readme = readFileSync(url, 'utf8')
  return { readme, expected: render(readme) }
}
