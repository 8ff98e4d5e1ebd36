import { ErrsError, fromProblem, isRetryable, kindOf, redactString, toProblem } from '@errs/core'
import { deserializeError, serializeError } from 'serialize-error'
import type { Group } from '../harness.js'
import { emptyChain, refLabel, stackAtCaller } from './shared.js'

/** A typical message: a table name, no secret, so the redaction scan runs to the end without a match. */
export const MESSAGE = "Table 'fluss.orders' does not exist."

/** A plain Error carrying the same facts as our errors, as code without @errs would throw it. */
export function plainErrorLike(message = MESSAGE): Error {
  return Object.assign(new Error(message), {
    code: 'TABLE_NOT_EXIST',
    status: 404,
    retryable: false,
    details: { database: 'fluss', table: 'orders' },
  })
}

const coreInit = {
  system: 'fluss',
  code: 7,
  reason: 'TABLE_NOT_EXIST',
  kind: 'not_found',
  status: 404,
  retryable: false,
  message: MESSAGE,
} as const

/**
 * Messages no error repeats within 4,096 constructions: more than redaction remembers (1,024 texts it left
 * unchanged), so each one pays the full scan, as a message with a fresh table name does.
 */
export function freshMessages(make: (i: number) => string): () => string {
  const all = Array.from({ length: 4096 }, (_, i) => make(i))
  let i = 0
  return () => all[i++ & 4095] as string
}

export function groups(): Group[] {
  const Chain1 = emptyChain(1)
  const fresh = freshMessages((i) => `Table 'fluss.orders_${i}' does not exist.`)
  const StackAtCaller = stackAtCaller()
  const ours = new ErrsError({ ...coreInit, details: { database: 'fluss', table: 'orders' } })
  const plain = plainErrorLike()
  const problemText = JSON.stringify(toProblem(ours))
  const serializedText = JSON.stringify(serializeError(plain))

  // Foreign values as they reach a retry loop: a socket error, undici's fetch failure, a generic Error.
  const econnreset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' })
  const fetchFailed = new TypeError('fetch failed', { cause: econnreset })
  const generic = new Error('something broke')
  const foreign: unknown[] = [econnreset, fetchFailed, generic]
  const ourErrors = [
    ours,
    new ErrsError({ ...coreInit, code: 26, reason: 'LEADER_NOT_AVAILABLE', kind: 'unavailable' }),
  ]

  return [
    {
      id: 'core.construct',
      section: 'construction',
      title: 'Construct one error for a code (@errs/core)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(MESSAGE) },
        { id: 'ref', label: refLabel(1), role: 'ref', fn: () => new Chain1(MESSAGE) },
        {
          id: 'ref-capture',
          label:
            'the same 1-deep subclass calling `Error.captureStackTrace(this, new.target)` in its constructor (a second capture)',
          role: 'ref',
          fn: () => new StackAtCaller(MESSAGE),
        },
        {
          id: 'errs',
          label: '`new ErrsError({ system, code, reason, kind, status, retryable, message })`',
          role: 'ours',
          fn: () => new ErrsError(coreInit),
        },
        {
          id: 'errs-fresh',
          label: 'the same with a message never seen before (`orders_<n>`: redaction scans it in full)',
          role: 'ours',
          fn: () => new ErrsError({ ...coreInit, message: fresh() }),
        },
      ],
    },
    {
      id: 'core.serialize',
      section: 'serialization',
      title: 'Serialize an error to JSON text (ErrsError with details)',
      noStack: false,
      cases: [
        {
          id: 'floor',
          label: '`JSON.stringify({ name, message, code })` of a hand-picked literal',
          role: 'floor',
          fn: () => JSON.stringify({ name: plain.name, message: plain.message, code: 'TABLE_NOT_EXIST' }),
        },
        {
          id: 'ours',
          label: '`JSON.stringify(toProblem(err))`',
          role: 'ours',
          fn: () => JSON.stringify(toProblem(ours)),
        },
        {
          id: 'peer',
          label: '`JSON.stringify(serializeError(err))` (serialize-error 13, plain Error with the same fields)',
          role: 'peer',
          fn: () => JSON.stringify(serializeError(plain)),
        },
      ],
    },
    {
      id: 'core.deserialize',
      section: 'rebuild',
      title: 'Rebuild an error from JSON text (ErrsError)',
      cases: [
        {
          id: 'floor',
          label: '`new Error(JSON.parse(text).message)`',
          role: 'floor',
          fn: () => new Error((JSON.parse(serializedText) as { message: string }).message),
        },
        {
          id: 'ours',
          label: '`fromProblem(JSON.parse(text))`',
          role: 'ours',
          fn: () => fromProblem(JSON.parse(problemText)),
        },
        {
          id: 'peer',
          label: '`deserializeError(JSON.parse(text))` (serialize-error 13)',
          role: 'peer',
          fn: () => deserializeError(JSON.parse(serializedText)),
        },
      ],
    },
    {
      id: 'core.classify',
      section: 'classification',
      title: 'Classify our errors (two ErrsErrors, alternating)',
      cases: [
        {
          id: 'floor-kind',
          label: '`err.kind` (plain property read)',
          role: 'floor',
          fn: (i) => ourErrors[i & 1]?.kind,
        },
        { id: 'kindOf', label: '`kindOf(err)`', role: 'ours', fn: (i) => kindOf(ourErrors[i & 1]) },
        { id: 'isRetryable', label: '`isRetryable(err)`', role: 'ours', fn: (i) => isRetryable(ourErrors[i & 1]) },
        {
          id: 'ref-instanceof',
          label: '`err instanceof Error` (native prototype-chain check, no brand)',
          role: 'ref',
          fn: (i) => ourErrors[i & 1] instanceof Error,
        },
        {
          id: 'instanceof',
          label: '`err instanceof ErrsError` (branded `Symbol.hasInstance`)',
          role: 'ours',
          fn: (i) => ourErrors[i & 1] instanceof ErrsError,
        },
      ],
    },
    {
      id: 'core.classify-foreign',
      section: 'classification',
      title: 'Classify foreign values (socket error, fetch TypeError, generic Error, alternating)',
      cases: [
        {
          id: 'floor-code',
          label: '`err.code` (plain property read)',
          role: 'floor',
          fn: (i) => (foreign[i % 3] as { code?: unknown }).code,
        },
        { id: 'kindOf', label: '`kindOf(value)`', role: 'ours', fn: (i) => kindOf(foreign[i % 3]) },
        { id: 'isRetryable', label: '`isRetryable(value)`', role: 'ours', fn: (i) => isRetryable(foreign[i % 3]) },
      ],
    },
    redactionGroup(),
  ]
}

/** 1 MiB (2^20 UTF-16 code units) of one repeated unit, or of seeded random text when `unit` is undefined. */
export function mebibyte(unit?: string): string {
  const size = 1 << 20
  if (unit !== undefined) return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  // Random words of letters, digits and punctuation (xorshift32, fixed seed: every run redacts the same text).
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;=-_/\'"()[]{}'
  let x = 0x2545f491
  const next = (): number => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const n = 1 + (next() % 12)
    let word = ''
    for (let i = 0; i < n; i++) word += alphabet[next() % alphabet.length]
    const sep = next() % 16 === 0 ? '\n' : ' '
    parts.push(word, sep)
    length += n + 1
  }
  return parts.join('').slice(0, size)
}

function redactionGroup(): Group {
  const random = mebibyte()
  const password = mebibyte('password')
  const bearer = mebibyte('Bearer ')
  return {
    id: 'core.redact-1mib',
    section: 'redaction',
    title: 'Redact 1 MiB of text (`redactString`)',
    noStack: false,
    options: { sampleMs: 200, samples: 9, warmupMs: 600 },
    cases: [
      {
        id: 'floor',
        label: '`text.toLowerCase()` of the random text (one linear pass that builds a new string)',
        role: 'floor',
        fn: () => random.toLowerCase(),
      },
      { id: 'random', label: 'random text (words, digits, punctuation)', role: 'ours', fn: () => redactString(random) },
      {
        id: 'password',
        label: "`'password'` repeated (a secret word at every 8th character)",
        role: 'ours',
        fn: () => redactString(password),
      },
      {
        id: 'bearer',
        label: "`'Bearer '` repeated (a scheme with no credential after it, at every 7th character)",
        role: 'ours',
        fn: () => redactString(bearer),
      },
    ],
  }
}
