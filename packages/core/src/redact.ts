/** What a redacted secret is replaced with. */
export const REDACTED = '[REDACTED]'

const SECRET_WORDS = 'secret|password|passwd|token|authorization|api[-_]?key|credentials?'

/** Object keys whose values are never shown (case-insensitive): secret, password, token, api key, … */
const DEFAULT_KEY = new RegExp(SECRET_WORDS, 'i')

/**
 * Secrets inside free text: `Bearer …` / `Basic …` credentials, and `key=value` / `key: value` / `"key":"value"`
 * pairs whose key names a secret (JAAS `password="…"`, query strings, JSON fragments, header dumps).
 */
const DEFAULT_VALUE_PATTERNS: readonly RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=:-]+/gi,
  new RegExp(
    `((?:[\\w.-]*?)(?:${SECRET_WORDS})["']?\\s*[:=]\\s*(?:(?:Bearer|Basic)\\s+)?)(?!\\[REDACTED\\]|(?:Bearer|Basic)\\s)(?:"[^"]*"|'[^']*'|[^\\s"',;&}\\]]+)`,
    'gi',
  ),
]

interface RedactionRegistry {
  keys: RegExp[]
  values: RegExp[]
  secrets: string[]
}

/**
 * Shared by every copy of `@errs/core` in the process (the global symbol registry is), so a pattern added
 * through one copy protects errors made by another.
 */
function registry(): RedactionRegistry {
  const key = Symbol.for('errs.redaction')
  const g = globalThis as unknown as Record<symbol, RedactionRegistry | undefined>
  let r = g[key]
  if (!r) {
    r = { keys: [], values: [], secrets: [] }
    Object.defineProperty(globalThis, key, { value: r, configurable: true })
  }
  return r
}

/** Extra patterns: `keys` match object keys to hide, `values` match text to hide inside strings. */
export interface RedactionPatterns {
  /** Object keys whose values are hidden (tested against the whole key). */
  keys?: readonly RegExp[]
  /** Text hidden inside strings (with the `g` flag). */
  values?: readonly RegExp[]
}

/** Adds redaction patterns for the whole process. Value patterns should carry the `g` flag. */
export function addRedactionPatterns(patterns: RedactionPatterns): void {
  const r = registry()
  for (const k of patterns.keys ?? []) r.keys.push(k)
  for (const v of patterns.values ?? []) r.values.push(v.global ? v : new RegExp(v.source, `${v.flags}g`))
}

/**
 * Registers a literal secret (a password from a client config, an API key) so that it is hidden wherever it
 * shows up in a message or detail. Strings shorter than 4 characters are ignored: hiding them would
 * shred ordinary text.
 */
export function addSecret(secret: string): void {
  if (typeof secret === 'string' && secret.length >= 4) {
    const r = registry()
    if (!r.secrets.includes(secret)) r.secrets.push(secret)
  }
}

/** True when an object key names a secret (default words or a registered key pattern). */
export function isSecretKey(key: string): boolean {
  if (DEFAULT_KEY.test(key)) return true
  for (const k of registry().keys) if (k.test(key)) return true
  return false
}

/** Any word the default value patterns start from: text without one skips them (most messages). */
const CANDIDATE = new RegExp(`${SECRET_WORDS}|bearer|basic`, 'i')

/** Hides secrets inside a string. Fast path: text without any candidate skips the default patterns. */
export function redactString(text: string): string {
  let out = text
  const r = registry()
  for (const s of r.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED)
  if (CANDIDATE.test(out)) {
    for (const p of DEFAULT_VALUE_PATTERNS) {
      p.lastIndex = 0
      out = out.replace(p, (_m, g1: string | undefined) =>
        g1 && /^(Bearer|Basic)$/i.test(g1) ? `${g1} ${REDACTED}` : `${g1 ?? ''}${REDACTED}`,
      )
    }
  }
  for (const p of r.values) {
    p.lastIndex = 0
    out = out.replace(p, REDACTED)
  }
  return out
}
