import type { ErrorKind } from '@errs/core'
import { httpStatusToKind, isHttpErrorStatus, KIND_DEFAULT_RETRYABLE, parseRetryAfter } from '@errs/core'
import { type FaunaErrorOptions, headerMap, isRecord, read } from './shared.js'

/** An HTTP reply: status, headers and the body as text, bytes or an already parsed value. */
export interface HttpReply {
  status: number
  headers?: Readonly<Record<string, string>>
  body: unknown
}

/** The subset of a fetch `Response` that `fromResponse` reads. */
export interface ResponseLike {
  readonly status: number
  readonly headers: { get(name: string): string | null; forEach?(fn: (value: string, key: string) => void): void }
  text(): Promise<string>
}

/** faunadb 4.8.2 and fauna 2.5.0's text for an empty 200 reply. */
export const EMPTY_RESPONSE_MESSAGE =
  'There was an issue communicating with Fauna. Response is empty. Please try again.'

/** Status of a reply, when it is an integer HTTP status. */
export function replyStatus(reply: unknown): number | undefined {
  const s = read(reply, 'status')
  return typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599 ? s : undefined
}

/** Core options common to every error made from a reply (Retry-After). */
export function replyOptions(reply: unknown): FaunaErrorOptions & { headers: Record<string, string> } {
  const headers = headerMap(read(reply, 'headers'))
  const retryAfterMs = parseRetryAfter(headers['retry-after'])
  return retryAfterMs === undefined ? { headers } : { headers, retryAfterMs }
}

/** Kind of a reply that could not be read: the status's kind when it is an error status, else unavailable. */
export function unreadableKind(status: number | undefined): { kind: ErrorKind; status: number; retryable: boolean } {
  if (isHttpErrorStatus(status)) {
    const kind = httpStatusToKind(status)
    return { kind, status, retryable: KIND_DEFAULT_RETRYABLE[kind] }
  }
  return { kind: 'unavailable', status: 503, retryable: true }
}

/** Why a parsed body is not an error reply, as message text. */
export function unknownFormatMessage(value: unknown, status: number | undefined): string {
  const at = status === undefined ? '' : ` (HTTP ${status})`
  if (isRecord(value) && ('data' in value || 'resource' in value)) return `Response carries no error${at}`
  return `Response is in an unknown format${at}`
}

/** Reads a fetch Response into an HttpReply. Never rejects: an unreadable body gives `{ error }`. */
export async function readResponse(res: ResponseLike): Promise<{ reply: HttpReply; error?: unknown }> {
  let status = 0
  const headers: Record<string, string> = {}
  try {
    status = res.status
    res.headers.forEach?.((value, key) => {
      headers[key.toLowerCase()] = value
    })
    const retryAfter = res.headers.get('retry-after')
    if (retryAfter !== null) headers['retry-after'] = retryAfter
  } catch {
    // Hostile headers: read without them.
  }
  try {
    const body = await res.text()
    return { reply: { status, headers, body } }
  } catch (error) {
    return { reply: { status, headers, body: undefined }, error }
  }
}
