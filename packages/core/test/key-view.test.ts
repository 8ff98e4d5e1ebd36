import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { addRedactionPatterns, addSecret, isSecretKey, REDACTED, redactString, toPlainData } from '../src/kit.js'
import {
  cloneRegistry,
  referenceIsSecretKey,
  referenceToPlainData,
  registry,
  setRegistry,
} from './support/reference-plain-data.js'

// A redacted copy remembers, for a short key, its redacted text and whether it names a secret (`keyView`). These
// tests attack that memory: it must answer as a fresh look-up would under the registry as it is now, including
// after a registration that happens while a key is being looked up, and a copy must give what it gave before.

const test = RegExp.prototype.test
const replace = RegExp.prototype[Symbol.replace]
/** `replace` with a text replacement (its overloads do not type `call`). */
const replaceText = replace as unknown as (this: RegExp, text: string, replacement: string) => string
afterEach(() => {
  RegExp.prototype.test = test
  RegExp.prototype[Symbol.replace] = replace
})

/**
 * Patches `RegExp.prototype[Symbol.replace]` so that `register` runs the first time a text containing `marker` is
 * replaced in: that is inside the scan of the text (after the registered secrets were looked for), as another part of
 * a program that registers lazily could do.
 */
function registerDuringScanOf(marker: string, register: () => void): () => boolean {
  addRedactionPatterns({ values: [/\u0000never\u0000/] }) // one value pattern, so a scan calls `replace`
  let fired = false
  RegExp.prototype[Symbol.replace] = function (this: RegExp, s: string, r: string) {
    if (!fired && typeof s === 'string' && s.includes(marker)) {
      fired = true
      register()
    }
    return replaceText.call(this, s, r)
  } as typeof replace
  return () => fired
}

describe('a key looked up while a registration happens is not remembered with the old answer', () => {
  it('a secret registered while a key is scanned is hidden from the next copy on (no secret kept in a key)', () => {
    const secret = 'kappa-5d1e7f90'
    const data = { [secret]: 1, other: 2 }
    const fired = registerDuringScanOf(secret, () => addSecret(secret))
    // This copy scanned the key before the secret existed: what it writes is what it wrote before.
    toPlainData(data, { redact: true })
    RegExp.prototype[Symbol.replace] = replace
    expect(fired()).toBe(true)
    expect(toPlainData(data, { redact: true })).toEqual({ [REDACTED]: 1, other: 2 })
    expect(JSON.stringify(toPlainData({ deep: [data] }, { redact: true }))).not.toContain(secret)
  })

  it('a key pattern registered while the key is scanned applies to that key at once, and afterwards', () => {
    const key = 'x-lambda-ticket-9'
    const fired = registerDuringScanOf(key, () => addRedactionPatterns({ keys: [/^x-lambda-ticket-\d$/] }))
    // The key's text is scanned first, then its words and patterns (as a copy always did): the pattern counts.
    expect(toPlainData({ [key]: 'hidden-value' }, { redact: true })).toEqual({ [key]: REDACTED })
    RegExp.prototype[Symbol.replace] = replace
    expect(fired()).toBe(true)
    expect(isSecretKey(key)).toBe(true)
    expect(toPlainData({ [key]: 'hidden-value' }, { redact: true })).toEqual({ [key]: REDACTED })
  })

  it('the same through isSecretKey alone', () => {
    const key = 'x-mu-voucher'
    const fired = registerDuringScanOf(key, () => addRedactionPatterns({ keys: [/^x-mu-voucher$/] }))
    isSecretKey(key) // this implementation scans the key's text too (a copy writes both): the pattern comes then
    RegExp.prototype[Symbol.replace] = replace
    // Whether or not the look-up scanned the text, the answer afterwards is the registry's.
    expect(isSecretKey(key)).toBe(fired())
    expect(isSecretKey(key)).toBe(referenceIsSecretKey(key))
  })

  it('a getter of the copied object that registers: keys after it at once, keys before it from the next copy on', () => {
    const secret = 'nu-0c4f2a11'
    let registered = false
    const data = {
      [`before ${secret}`]: 1,
      get trigger() {
        addSecret(secret)
        registered = true
        return 't'
      },
      [`after ${secret}`]: 2,
    }
    expect(toPlainData(data, { redact: true })).toEqual({
      [`before ${secret}`]: 1,
      trigger: 't',
      [`after ${REDACTED}`]: 2,
    })
    expect(registered).toBe(true)
    expect(toPlainData(data, { redact: true })).toEqual({
      [`before ${REDACTED}`]: 1,
      trigger: 't',
      [`after ${REDACTED}`]: 2,
    })
  })
})

describe('a text scanned while a registration happens is not remembered clean', () => {
  it('when the registering code redacts something else meanwhile (a nested scan makes the memory current again)', () => {
    const secret = 'chi-6b6b6b6b'
    const text = `replica ${secret} lagging`
    const fired = registerDuringScanOf(secret, () => {
      addSecret(secret)
      redactString('an unrelated text, redacted by the registering code')
    })
    redactString(text)
    RegExp.prototype[Symbol.replace] = replace
    expect(fired()).toBe(true)
    expect(redactString(text)).toBe(`replica ${REDACTED} lagging`)
    expect(toPlainData({ [text]: text }, { redact: true })).toEqual({
      [`replica ${REDACTED} lagging`]: `replica ${REDACTED} lagging`,
    })
  })
})

describe('isSecretKey checks a name, it does not redact it', () => {
  it('a key longer than the memory keeps (64 characters) is not scanned for secrets: only its name is checked', () => {
    // Callers pass keys of untrusted input, uncut (a reply's context); scanning one is work no answer needs.
    addRedactionPatterns({ values: [/\u0000never\u0000/] }) // one value pattern, so a scan would call `replace`
    const long = `x-${'psi'.repeat(30_000)}`
    const scanned: string[] = []
    RegExp.prototype[Symbol.replace] = function (this: RegExp, s: string, r: string) {
      if (s === long) scanned.push(s)
      return replaceText.call(this, s, r)
    } as typeof replace
    expect(isSecretKey(long)).toBe(false)
    expect(isSecretKey(`${long}-token`)).toBe(true)
    RegExp.prototype[Symbol.replace] = replace
    expect(scanned).toEqual([])
  })
})

describe('a key remembered under one registry is looked up again under another', () => {
  it('after another copy of the package pushes a secret or a key pattern straight into the registry', () => {
    const data = { 'x-xi-grant': 'v', 'tenant xi-7a7a7a7a': 1 }
    expect(toPlainData(data, { redact: true })).toEqual(data)
    expect(toPlainData(data, { redact: true })).toEqual(data) // remembered
    registry().keys.push(/^x-xi-grant$/)
    expect(isSecretKey('x-xi-grant')).toBe(true)
    registry().secrets.push('xi-7a7a7a7a')
    expect(toPlainData(data, { redact: true })).toEqual({ 'x-xi-grant': REDACTED, [`tenant ${REDACTED}`]: 1 })
  })

  it('after the registry object is replaced, with more or with less in it', () => {
    const original = registry()
    const key = 'tenant omicron-3e3e3e3e'
    try {
      expect(toPlainData({ [key]: 1, 'x-omicron-pass': 2 }, { redact: true })).toEqual({
        [key]: 1,
        'x-omicron-pass': 2,
      })
      const more = cloneRegistry(original)
      more.secrets.push('omicron-3e3e3e3e')
      more.keys.push(/^x-omicron-pass$/)
      setRegistry(more)
      expect(toPlainData({ [key]: 1, 'x-omicron-pass': 2 }, { redact: true })).toEqual({
        [`tenant ${REDACTED}`]: 1,
        'x-omicron-pass': REDACTED,
      })
      // A registry without them (another copy's fresh one): the memory must not keep the answers of the last one.
      setRegistry(cloneRegistry(original))
      expect(toPlainData({ [key]: 1, 'x-omicron-pass': 2 }, { redact: true })).toEqual({
        [key]: 1,
        'x-omicron-pass': 2,
      })
      expect(isSecretKey('x-omicron-pass')).toBe(false)
    } finally {
      setRegistry(original)
    }
  })

  it('past the bound of the memory (more than 1,024 distinct keys), answers stay right', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}-pi-${i % 7}`)
    for (const k of keys) expect(isSecretKey(k)).toBe(false)
    addRedactionPatterns({ keys: [/-pi-3$/] })
    for (const k of keys) expect(isSecretKey(k)).toBe(k.endsWith('-pi-3'))
  })
})

const SECRETS = ['rho-91b2c3d4', 'sigma-tau-0099', 'upsi', `${'y'.repeat(66)}-phi`]
const KEY_PATTERNS = [/^code$/, /ticket/i, /^rho-/, /mess/g, /^a{60,}$/]
const SHAPED = [`ghp_${'a'.repeat(36)}`, `sk-${'b'.repeat(24)}`, `AKIA${'C'.repeat(16)}`, 'Bearer abc.def']
const keyArb = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'password',
    'token',
    'x-api-key',
    '__proto__',
    'constructor',
    'prototype',
    'code',
    'message',
    'Authorization',
    'ticket',
    'sessionId',
    '0',
    'length',
    ...SECRETS,
    ...SHAPED,
  ),
  fc
    .tuple(fc.constantFrom(...SECRETS, ...SHAPED, 'password'), fc.string({ maxLength: 4 }))
    .map(([s, pre]) => `${pre} ${s}`),
  fc.integer({ min: 58, max: 72 }).map((n) => 'a'.repeat(n)), // around the 64 characters a key is remembered under
  fc.string({ minLength: 60, maxLength: 70 }),
)
const leafArb = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(...SECRETS, ...SHAPED, 'password=hunter22'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.constant(Symbol('s')),
)
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leafArb, tie('record'), tie('array'), tie('error'), tie('bytes')),
  record: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 5 }).map((entries) => {
    const o: Record<string, unknown> = {}
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true })
    return o
  }),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  error: fc.tuple(fc.string({ maxLength: 6 }), tie('tree')).map(([m, code]) => Object.assign(new Error(m), { code })),
  bytes: fc.uint8Array({ maxLength: 6 }),
}))
type Link = [number, number, string, 'link' | 'getter' | 'proxy' | 'revoked']
const linksArb = fc.array(
  fc.tuple(fc.nat(), fc.nat(), keyArb, fc.constantFrom<Link[3]>('link', 'link', 'getter', 'proxy', 'revoked')),
  { maxLength: 8 },
)

/** A fresh copy of a generated tree (fast-check's values are reused while shrinking: never change them). */
function clone(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Uint8Array) return new Uint8Array(v)
  if (v instanceof Error) return Object.assign(new Error(v.message), { code: clone((v as { code?: unknown }).code) })
  const out: Record<string, unknown> = Array.isArray(v) ? ([] as unknown as Record<string, unknown>) : {}
  for (const k of Object.keys(v)) {
    const value = clone((v as Record<string, unknown>)[k])
    Object.defineProperty(out, k, { value, enumerable: true, configurable: true, writable: true })
  }
  return out
}

/** Adds cycles, shared references, proxies and throwing getters between the objects of a fresh copy of a tree. */
function link(tree: unknown, links: Link[]): unknown {
  const root = clone(tree)
  const objects: object[] = []
  const collect = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || objects.includes(v) || v instanceof Uint8Array) return
    objects.push(v)
    for (const k of Object.keys(v)) collect((v as Record<string, unknown>)[k])
    if (v instanceof Error) collect((v as { code?: unknown }).code)
  }
  collect(root)
  for (const [i, j, key, kind] of links) {
    if (objects.length === 0) break
    const a = objects[i % objects.length] as Record<string, unknown>
    const b = objects[j % objects.length] as object
    const k = Array.isArray(a) ? String(a.length) : key
    const value =
      kind === 'proxy'
        ? new Proxy(b, {})
        : kind === 'revoked'
          ? (() => {
              const r = Proxy.revocable(b, {})
              r.revoke()
              return r.proxy
            })()
          : b
    if (kind === 'getter')
      Object.defineProperty(a, k, {
        get() {
          throw new Error('no')
        },
        enumerable: true,
        configurable: true,
      })
    else Object.defineProperty(a, k, { value, enumerable: true, configurable: true, writable: true })
  }
  return root
}

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      copy: tree,
      links: linksArb,
      maxDepth: fc.constantFrom(0, 1, 3, 8, 20, 256),
      redact: fc.boolean(),
    }),
  },
  fc.record({ secret: fc.constantFrom(...SECRETS), direct: fc.boolean() }),
  fc.record({ keyPattern: fc.constantFrom(...KEY_PATTERNS), direct: fc.boolean() }),
  fc.record({ key: keyArb }),
)

describe('a copy gives what it gave before keys were remembered', () => {
  it('for arbitrary values with cycles, shared references, proxies and getters, between registrations', () => {
    const original = registry()
    setRegistry(cloneRegistry(original))
    try {
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 10 }), (steps) => {
          for (const step of steps) {
            if ('copy' in step) {
              const value = link(step.copy, step.links as Link[])
              const expected = referenceToPlainData(value, { maxDepth: step.maxDepth, redact: step.redact })
              const options = { maxDepth: step.maxDepth, redact: step.redact }
              expect(toPlainData(value, options)).toEqual(expected)
              expect(toPlainData(value, options)).toEqual(expected) // with the keys remembered
            } else if ('secret' in step) {
              if (step.direct) registry().secrets.push(step.secret)
              else addSecret(step.secret)
            } else if ('keyPattern' in step) {
              if (step.direct) registry().keys.push(new RegExp(step.keyPattern.source, step.keyPattern.flags))
              else addRedactionPatterns({ keys: [step.keyPattern] })
            } else {
              expect(isSecretKey(step.key)).toBe(referenceIsSecretKey(step.key))
              expect(isSecretKey(step.key)).toBe(referenceIsSecretKey(step.key))
            }
          }
          // Now and then a fresh registry (another copy's, or one replaced): what was remembered must go.
          if (registry().keys.length + registry().secrets.length > 24) setRegistry(cloneRegistry(original))
        }),
        { numRuns: 400 },
      )
    } finally {
      setRegistry(original)
    }
  })

  it('the cycle check at every depth up to 256: a back reference at the bottom, a shared object beside a deep branch', () => {
    for (const depth of [1, 2, 8, 64, 255, 256]) {
      const chain: Record<string, unknown>[] = Array.from({ length: depth }, () => ({}))
      for (let i = 0; i + 1 < depth; i++) (chain[i] as Record<string, unknown>).d = chain[i + 1]
      const shared = { s: 1 }
      const bottom = chain[depth - 1] as Record<string, unknown>
      bottom.back = chain[0]
      bottom.mid = chain[depth >> 1]
      bottom.shared = shared
      const root = { deep: chain[0], shared, again: shared, list: [shared, [shared]] }
      for (const maxDepth of [depth, depth + 1, 256]) {
        expect(toPlainData(root, { maxDepth, maxNodes: 1e6 })).toEqual(
          referenceToPlainData(root, { maxDepth: Math.min(maxDepth, 256), maxNodes: 1e6 }),
        )
      }
    }
  })
})
