import type { ErrsOptions } from '@errs/core'
import { classifyForeign, describeThrown, problemDetail, readString } from '@errs/core/kit'

/**
 * What a raw error that faunadb leaks (or a transport throws) stands for, by shape: a body that was not JSON
 * (`SyntaxError`), a JSON body without `errors` (faunadb's `TypeError`), a network failure (Node/fetch/HTTP/2
 * errors), or an abort/timeout named as such. Each dialect makes its own class from it.
 */
export type Leak =
  | { what: 'unreadable'; message: string }
  | { what: 'network'; message: string }
  | { what: 'abort'; message: string }
  | { what: 'timeout'; message: string }

/** Classifies a raw thrown value; undefined when it is none of the above. Never throws. */
export function leakOf(value: unknown): Leak | undefined {
  const name = readString(value, 'name')
  const message = describeThrown(value)
  if (name === 'SyntaxError') return { what: 'unreadable', message: `Error parsing response as JSON: ${message}` }
  if (name === 'TypeError' && /Cannot read propert(y|ies) of (undefined|null)/.test(message)) {
    return { what: 'unreadable', message: `Response is in an unknown format: ${message}` }
  }
  const code = readString(value, 'code')
  const network =
    classifyForeign(value).kind === 'unavailable' ||
    code?.startsWith('ERR_HTTP2') === true ||
    (name === 'TypeError' && message === 'network error')
  if (network) return { what: 'network', message: `The network connection encountered a problem: ${message}` }
  if (name === 'AbortError') return { what: 'abort', message }
  if (name === 'TimeoutError') return { what: 'timeout', message }
  return undefined
}

/**
 * The options of the error a leak becomes: the caller's, and as its public message what a problem of the leaked value
 * shows, its kind's title. The leaked text is another library's (a foreign message, e.g. a `DOMException`'s or the
 * reason given to `controller.abort`): only the trusted form carries it, as when core's `normalizeWith` wraps a value.
 */
export function leakOptions(value: unknown, options: ErrsOptions): ErrsOptions {
  return { ...options, publicMessage: problemDetail(value) }
}
