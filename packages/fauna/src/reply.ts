import { parseRetryAfter } from '@errs/core'
import { type FaunaErrorOptions, has, headerMap, isRecord, read } from './shared.js'

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

export { EMPTY_RESPONSE_MESSAGE } from './codes.js'

/**
 * Status of a reply, when it is an integer. Kept as the transport gave it, even outside 100–599: neither
 * driver checks the range (fauna-js records 999 as `httpStatus` 999; fauna/fauna-js src/client.ts @ v2.5.0).
 */
export function replyStatus(reply: unknown): number | undefined {
  const s = read(reply, 'status')
  return typeof s === 'number' && Number.isSafeInteger(s) ? s : undefined
}

/** Core options common to every error made from a reply (Retry-After). */
export function replyOptions(reply: unknown): FaunaErrorOptions & { headers: Record<string, string> } {
  const headers = headerMap(read(reply, 'headers'))
  const retryAfterMs = parseRetryAfter(headers['retry-after'])
  return retryAfterMs === undefined ? { headers } : { headers, retryAfterMs }
}

/** Why a parsed body is not an error reply, as message text. */
export function unknownFormatMessage(value: unknown, status: number | undefined): string {
  const at = status === undefined ? '' : ` (HTTP ${status})`
  if (isRecord(value) && (has(value, 'data') || has(value, 'resource'))) return `Response carries no error${at}`
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
