import type { Group } from '../harness.js'

/** A suite module: one per package, loaded lazily so that a package not built yet is reported, not fatal. */
interface SuiteModule {
  groups(): Group[] | Promise<Group[]>
}

export const SUITES: Record<string, () => Promise<SuiteModule>> = {
  core: () => import('./core.js'),
  fluss: () => import('./fluss.js'),
  lance: () => import('./lance.js'),
  fauna: () => import('./fauna.js'),
}

export interface LoadedSuites {
  groups: Group[]
  /** Suites that could not be loaded (package not built, API missing), with the reason. */
  missing: Record<string, string>
}

export async function loadSuites(only?: readonly string[]): Promise<LoadedSuites> {
  const groups: Group[] = []
  const missing: Record<string, string> = {}
  for (const [name, load] of Object.entries(SUITES)) {
    if (only && !only.includes(name)) continue
    try {
      groups.push(...(await (await load()).groups()))
    } catch (error) {
      missing[name] = error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error)
    }
  }
  return { groups, missing }
}
