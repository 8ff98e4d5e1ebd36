import { pathToFileURL } from 'node:url'
import { resolveModule } from '../load.js'
import type { ReportRow } from '../run.js'
import type { Target } from '../types.js'
import { runFaunadbLive, runFaunaLive } from './fauna.js'
import { runLanceLive } from './lance.js'

/** A live group: the real client of a system against a local 127.0.0.1 server replaying the vectors. */
export interface LiveGroup {
  name: string
  /** The package (and version) that enables the group. */
  enable: string
  /** The client module, resolved from the user's project (the current directory); undefined when not installed. */
  resolveClient(): string | undefined
  run(target: Target, client: string): Promise<ReportRow[]>
}

/** The client module's entry, resolved from the current directory only (the user's project, never this package). */
function fromProject(name: string): string | undefined {
  try {
    const files = resolveModule(name, [process.cwd()])
    return files.esm ?? files.cjs
  } catch {
    return undefined
  }
}

export async function importClient<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(file).href)) as T
}

const LIVE: Readonly<Record<string, LiveGroup[]>> = {
  fauna: [
    {
      name: 'live faunadb',
      enable: 'faunadb@4.8.2',
      resolveClient: () => fromProject('faunadb'),
      run: runFaunadbLive,
    },
    { name: 'live fauna', enable: 'fauna@2.5.0', resolveClient: () => fromProject('fauna'), run: runFaunaLive },
  ],
  lance: [
    {
      name: 'live lancedb',
      enable: '@lancedb/lancedb@0.39.0',
      resolveClient: () => fromProject('@lancedb/lancedb'),
      run: runLanceLive,
    },
  ],
}

/** The live groups of an adapter's system (none for systems without a JavaScript client). */
export function liveGroupsFor(t: Target): LiveGroup[] {
  return t.vectors ? (LIVE[t.adapter.system] ?? []) : []
}
