import type { VectorFile } from '../types.js'

/** What the parent asks the harness's child process to run. */
export interface WorkerRequest {
  spec: string
  bases: string[]
  exportName: string
  vectors?: VectorFile
  fuzzRuns: number
  seed: number
  groups: string[]
  decoders?: string[]
  /** Case ids already done (after a restart). */
  skip: number[]
}

/** What the child reports. */
export type WorkerMessage =
  | { type: 'cases'; count: number }
  | { type: 'start'; id: number; group: string; name: string; timeoutMs: number }
  | {
      type: 'result'
      id: number
      group: string
      name: string
      passed: boolean
      ms: number
      message?: string
      expected?: unknown
      actual?: unknown
    }
  | { type: 'done' }
  | { type: 'fatal'; message: string }
