import { afterEach, describe, expect, it } from 'vitest'
import { addSecret, REDACTED, redactString } from '../src/kit.js'
import { batch, cpuMs } from './support/growth.js'
import { cloneRegistry, registry, setRegistry } from './support/reference-plain-data.js'

// `addSecret` looked each form of a new secret up among all those registered before (`Array.prototype.includes`):
// registering n secrets took time in n², 10,000 of them 15 s. Redacting a text searches it once per registered form
// (`String.prototype.includes`, then `split`): linear in the text's length for a given registry, and in the number
// of secrets for a given text (the README says so, and what it costs).

const original = cloneRegistry(registry())
afterEach(() => setRegistry(cloneRegistry(original)))

/** CPU milliseconds to register `n` new secrets in an empty registry (the fastest of three rounds). */
function registering(n: number): number {
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < 3; round++) {
    setRegistry({ keys: [], values: [], secrets: [] })
    const t0 = cpuMs()
    for (let i = 0; i < n; i++) addSecret(`s3cret-${round}-${i}-Zq`)
    best = Math.min(best, cpuMs() - t0)
  }
  return best
}

describe('registering many secrets', () => {
  it('takes time linear in their number (8x the secrets, about 8x the time; 64x when quadratic)', () => {
    registering(500)
    let ratio = Number.POSITIVE_INFINITY
    for (let attempt = 0; attempt < 3 && ratio >= 16; attempt++) ratio = registering(8000) / registering(1000)
    expect(ratio).toBeLessThan(16)
  })

  it('still registers each form once, and hides every one', () => {
    setRegistry({ keys: [], values: [], secrets: [] })
    for (let i = 0; i < 3; i++) addSecret('p@ss"w0rd-Zq')
    const secrets = registry().secrets
    expect(new Set(secrets).size).toBe(secrets.length)
    expect(secrets).toContain('p@ss\\"w0rd-Zq')
    expect(secrets).toContain('p%40ss%22w0rd-Zq')
    expect(redactString('a p@ss"w0rd-Zq b p%40ss%22w0rd-Zq')).toBe(`a ${REDACTED} b ${REDACTED}`)
  })

  it('registers a secret again when another copy of this package changed the registry', () => {
    setRegistry({ keys: [], values: [], secrets: [] })
    addSecret('alpha-9f9f9f9f')
    // Another copy replaces the registry with one holding what it holds, minus that secret.
    setRegistry({ keys: [], values: [], secrets: [] })
    addSecret('alpha-9f9f9f9f')
    expect(registry().secrets).toEqual(['alpha-9f9f9f9f'])
    // Another copy pushes one, then this copy registers it: not twice.
    registry().secrets.push('beta-8e8e8e8e')
    addSecret('beta-8e8e8e8e')
    expect(registry().secrets).toEqual(['alpha-9f9f9f9f', 'beta-8e8e8e8e'])
    // Another copy overwrites an entry in place: this copy registers the lost one again.
    registry().secrets[0] = 'gamma-7d7d7d7d'
    addSecret('alpha-9f9f9f9f')
    expect(registry().secrets).toEqual(['gamma-7d7d7d7d', 'beta-8e8e8e8e', 'alpha-9f9f9f9f'])
    expect(redactString('alpha-9f9f9f9f beta-8e8e8e8e gamma-7d7d7d7d')).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`)
  })
})

describe('redacting a text under many registered secrets', () => {
  const text = 'lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(8)

  function redacting(n: number): number {
    setRegistry({ keys: [], values: [], secrets: [] })
    for (let i = 0; i < n; i++) addSecret(`s3cret-${i}-Zq`)
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 5; round++)
      best = Math.min(
        best,
        batch(() => redactString(`${text}${round}`)),
      )
    return best
  }

  it('costs time linear in their number (the README says how much)', () => {
    let ratio = Number.POSITIVE_INFINITY
    for (let attempt = 0; attempt < 3 && ratio >= 16; attempt++) ratio = redacting(8000) / redacting(1000)
    expect(ratio).toBeLessThan(16)
  })
})
