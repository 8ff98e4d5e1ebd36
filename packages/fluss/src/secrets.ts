import { addSecret, isSecretKey, ownEntries } from '@errs/core/kit'

/** A Fluss client configuration: flat (`{ 'client.security.sasl.password': … }`) or nested objects. */
export type ClientConfig = Readonly<Record<string, unknown>>

// JAAS text (`client.security.sasl.jaas.config`) carries the password inline: `password="…"`.
const JAAS_PASSWORD = /\bpassword\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/gi

/**
 * Registers every secret of a Fluss client configuration (`client.security.sasl.password`, any other key whose last
 * segment names a secret, whether its value is a string or a number as a YAML loader gives an all-digit one, the password inside
 * a JAAS config) with `@errs/core`, so that it is hidden in every message, problem
 * and inspect output of the process from now on.
 */
export function addConfigSecrets(config: ClientConfig): void {
  walk(config, 0)
}

/**
 * True when the last segment of a (dotted) configuration key names a secret: `client.security.sasl.password`, not
 * `auth.token.expiry-seconds` or `password.min-length`, whose values (3600, 8) are no secrets and, registered,
 * would be hidden in every text of the process.
 */
function namesSecret(key: string): boolean {
  return isSecretKey(key.slice(key.lastIndexOf('.') + 1))
}

function walk(value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 4) return
  for (const [key, item] of ownEntries(value)) {
    if (typeof item === 'number' || typeof item === 'bigint') {
      // A YAML or properties loader makes an all-digit password a number.
      if (namesSecret(key)) addSecret(String(item))
    } else if (typeof item === 'string') {
      if (namesSecret(key)) addSecret(item)
      JAAS_PASSWORD.lastIndex = 0
      for (const m of item.matchAll(JAAS_PASSWORD)) addSecret(m[1] ?? m[2] ?? m[3] ?? '')
    } else {
      walk(item, depth + 1)
    }
  }
}

/** `secrets` option of `FlussError.from`: literal secrets, or a client configuration to take them from. */
export type SecretsOption = readonly string[] | ClientConfig

/** Registers the secrets of a `secrets` option. */
export function registerSecrets(secrets: SecretsOption): void {
  if (Array.isArray(secrets)) {
    for (const s of secrets) if (typeof s === 'string') addSecret(s)
  } else {
    addConfigSecrets(secrets as ClientConfig)
  }
}
