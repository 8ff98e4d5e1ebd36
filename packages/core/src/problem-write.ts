/**
 * Writing problems: the one exposure policy. This module constructs no error (so `ErrsError.toJSON` can use it
 * without an import cycle); foreign values are described from their classification.
 */
import { MAX_CAUSE_DEPTH, MAX_WRITTEN_CAUSE_DEPTH, redactBoundedText, toPlainData } from './bounds.js'
import { type CoreView, coreView, foreignFields } from './classify.js'
import { isArray, read, requestIdOf } from './guard.js'
import { type ErrorKind, KIND_TITLE } from './kinds.js'
import { redactString } from './redact.js'

/** Media type of the problem wire form (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** An RFC 9457 problem as `@errs/core` writes it: the standard members plus the core fields as extensions. */
export interface Problem {
  /** `urn:errs:<system>:<reason>`: identifies the problem type without pretending to be a URL we own. */
  type: string
  /** Short summary of the code (the same for every occurrence). */
  title: string
  /** HTTP status. */
  status: number
  /**
   * This occurrence's message, redacted. Public form: the error's public message with hosts, addresses, file
   * paths and stack frames removed, or the kind's generic title for an unexpected error.
   */
  detail: string
  /** URI of this occurrence, when known. Public form: hosts, addresses, URLs, file paths and stack frames removed. */
  instance?: string
  /** The system that raised the error: `'fluss'`, `'lance'`, `'fauna'`, … (public form: `unknown` for an address). */
  system: string
  /**
   * The native code, as the system sent it (a string one redacted; public form: hosts, addresses, URLs, file paths
   * and stack frames removed, as from `detail`).
   */
  code: number | string
  /** The native symbolic name of the code, e.g. `'TABLE_NOT_EXIST'` (public form: `UNKNOWN` for an address). */
  reason: string
  /** The canonical kind. */
  kind: ErrorKind
  /** Whether retrying the same call may succeed (the native system's rule). */
  retryable: boolean
  /** Class name of the native error, so the receiving adapter can rebuild the same class. */
  name: string
  /** How long to wait before retrying, in milliseconds (also sent as `Retry-After`). */
  retryAfterMs?: number
  /**
   * The request id the server gave, when known. Public form: only an id that shows no host, address, URL, file path or
   * stack frame (`publicRequestId`); another is left out, not cut (a cut id would name another request).
   */
  requestId?: string
  /**
   * Structured native context, plain data, redacted. The public form leaves out `raw` (the unreadable input a
   * decoder kept: another system's payload), and writes every string, and every key, as `detail` is written: hosts,
   * addresses, URLs, file paths and stack frames `[internal]` (a key that becomes one already there is left out). The public form of an unexpected error has no details.
   */
  details?: Record<string, unknown>
  /**
   * Only with `exposeInternal`, when the error has one: its public message (redacted), which `fromProblem` gives back
   * to the error it rebuilds, so that the rebuilt error's public problem shows it as the sender's did, not `detail`.
   */
  publicMessage?: string
  /** Only with `exposeInternal`: the cause, as a nested problem (depth bounded). */
  cause?: Problem
  /** Only with `exposeInternal`: the stack (redacted). */
  stack?: string
  /** Only with `exposeInternal`: internal context (redacted). */
  internal?: Record<string, unknown>
}

/** Options of `toProblem` (and `toResponse`): which form to write. */
export interface ToProblemOptions {
  /**
   * The trusted form, for hops between your own services: the full message, details, internal context, stack
   * and the cause chain (depth bounded), all redacted. Default false: the public form, which carries no cause,
   * stack, internal context, foreign message, host, address or path.
   */
  exposeInternal?: boolean
  /** Deepest cause chain written in the trusted form. Default 8, at most 64 (a cyclic chain ends there). */
  maxCauseDepth?: number
}

/** A token usable in a problem `type` URN and as a `reason`: letters, digits, `_ . -`, at most 128. */
const TOKEN = /^[A-Za-z0-9_.-]{1,128}$/

/** The token itself, or `fallback` when it is free text (never build an identifier from free text). */
export function tokenOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && TOKEN.test(value) ? value : fallback
}

/**
 * `tokenOr` for a name that leaves in an output (a problem's `name`, OpenTelemetry's `exception.type`, an error's own
 * `name`): a token that redaction would change — a registered secret, a token's shape such as `ghp_…` — is
 * `fallback` as free text is.
 */
export function nameOr(value: unknown, fallback: string): string {
  const token = tokenOr(value, fallback)
  return token === fallback || redactString(token) === token ? token : fallback
}

/** `token` itself, or `fallback` when it shows an internal (`scrubInternals` changes it: an IPv4 address). */
function publicToken(token: string, fallback: string): string {
  return scrubInternals(token) === token ? token : fallback
}

/**
 * A request id the public form writes (a problem's `requestId`, an adapter's `x-request-id` or `request_id`): a
 * correlation token, echoed as given (a proxy or mesh passes one id through every hop, so a peer's is often the
 * caller's own), unless it shows an internal (`scrubInternals` changes it: `db-7.internal.example-17`,
 * `10.1.2.3:5432/42`) or could not be sent back in `x-request-id` (`requestIdOf`); then `undefined`. Never throws.
 */
export function publicRequestId(value: unknown): string | undefined {
  const id = requestIdOf(value)
  return id !== undefined && scrubInternals(id) === id ? id : undefined
}

/**
 * URN of a problem type: `urn:errs:fluss:TABLE_NOT_EXIST`. Free text is never part of it, nor a token that redaction
 * would change (`nameOr`: an ErrsError's system and reason are redacted when it is made, a forged brand's are not).
 */
export function problemType(system: string, reason: string): string {
  return `urn:errs:${nameOr(system, 'unknown')}:${nameOr(reason, 'UNKNOWN')}`
}

/** Stack frames and what follows them (Java `at …`, `Caused by:`, Node `    at …`). */
const STACK_TAIL = /\r?\n[\t ]*(?:at |Caused by:|\.\.\. \d+ more)/
/**
 * URLs (`scheme://…`), and file URIs without an authority (`file:/tmp/x`, as Java's `File.toURI()` and Hadoop's `Path`
 * write a local file: https://www.rfc-editor.org/rfc/rfc8089#appendix-B; Hadoop's file systems alike: `hdfs:/…`,
 * `s3a:/…`), removed; `GET:/v1/…` or `ns:/a/b` is no URL.
 */
const URL_RE = /\b(?:[a-z][a-z\d+.-]{1,15}:\/\/|(?:file|hdfs|viewfs|s3[an]?|gs|abfss?|wasbs?|oss):\/)[^\s"'<>()]+/gi
/**
 * IPv4 addresses with an optional port, bracketed IPv6 (a `:` inside: `[ff]` is no address), `host.name:port`, and IPv6 without brackets in its text forms
 * (RFC 4291 §2.2: eight groups, or `::` for the zeros, a zone after `%` as in `fe80::1%eth0`; Node's `connect
 * ECONNREFUSED ::1:9123` puts the port after it), not a time (`12:30:45`: no `::`, fewer than eight groups) nor a
 * Rust or C++ path (`de::Error`: a name follows). IPv4 written inside IPv6 (`::ffff:10.0.0.1`) goes with it. A
 * `host:port` is no time either: not all digits (`09:15`), no `:` and digits after it (`…T12:30:45`), not after a
 * `:`, `+` or `-` (`+01:00`). Without a port: an EC2 host name (its guest OS hostname, bare or with any labels after
 * it), `ip-` and a private IPv4 address with dashes (RFC 1918, 100.64/10, 169.254/16: `ip-10-0-0-1`; `ip-8-8-8-8`,
 * `ip-10-0-0-256` and `ip-address` stay) or `i-` and an instance id of 17 hex digits; and a MAC address (EUI-48) in
 * exactly six groups of two hex digits joined by one of `:` or `-`, with a letter among them (`00:1a:2b:3c:4d:5e`,
 * `00-1A-2B-3C-4D-5E`), not part of a longer run (`00-1a-2b-3c-4d-5e-6f`): so not a time (`12:30:45`), a timestamp
 * (`24-01-02-12-30-45`), a version (`2024.0612.1530`: Cisco's dotted form is not read), a hex id or a UUID.
 */
const ADDRESS_RE =
  /(?<![\w:.])(?:[\dA-Fa-f]{1,4}(?::[\dA-Fa-f]{1,4}){7}|(?:[\dA-Fa-f]{1,4}(?::[\dA-Fa-f]{1,4}){0,6})?::(?:[\dA-Fa-f]{1,4}:){0,6}(?:\d{1,3}(?:\.\d{1,3}){3}|[\dA-Fa-f]{1,4})|[\dA-Fa-f]{1,4}(?::[\dA-Fa-f]{1,4}){0,6}::)(?:%[\w.-]{1,32})?(?![\w:]|\.\d)|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b|\[(?=[\dA-Fa-f.]{0,44}:)[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?|\b(?<![:+-])(?!\d+:)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}:\d{2,5}\b(?!:\d)|\b(?:ip-(?:10-(?:25[0-5]|2[0-4]\d|1?\d?\d)|172-(?:1[6-9]|2\d|3[01])|192-168|169-254|100-(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7]))-(?:25[0-5]|2[0-4]\d|1?\d?\d)-(?:25[0-5]|2[0-4]\d|1?\d?\d)|i-[\da-f]{17})(?:\.[\w-]{1,63})*(?![\w-])|(?<![\w:.-])(?=[\d:-]{0,16}[A-Fa-f])[\dA-Fa-f]{2}([:-])[\dA-Fa-f]{2}(?:\1[\dA-Fa-f]{2}){4}(?![\w:-]|\.\w)/g
/**
 * Host names without a port that name a private network: a label `internal` (ICANN's reserved private-use TLD, AWS's
 * `ip-10-0-0-1.ec2.internal`, GCP's `*.c.project.internal`), `local` (RFC 6762, Kubernetes' `svc.cluster.local`),
 * `localhost` (RFC 6761 §6.3: every name under it is the loopback), `localdomain`, `lan`, `corp`, `intranet` or
 * `home.arpa` (RFC 8375) after at least one other label; Kubernetes' `svc` after two (`redis.default.svc`, `<service>.
 * <ns>.svc.<zone>` whatever the cluster domain) and `pod` after a pod's IPv4 address written with dashes and its
 * namespace (`10-1-2-3.default.pod`: kubernetes/dns docs/specification.md); Consul's `service`, `node`, `query`,
 * `addr`, `connect`, `ingress` or `virtual` followed by at most six labels and a last `consul` (`web.service.consul`,
 * `redis.service.dc1.consul`: its DNS interface; nothing after `consul`, so `spring.cloud.consul.enabled` and
 * `web.service.consul.io` stay); and any labels after another private label:
 * `db-7.internal.example`, `redis.default.svc.prod.eu-west-1.k8s.acme.com`. Labels may hold `_`, as SRV and DNS-SD names do
 * (`_postgres._tcp.db.internal`: RFC 2782, RFC 6763 §7). Matched in any case, then kept unless written in one: the
 * private label and those after it in lower case, or the whole name in capitals with a digit or `-` as a host name has
 * (`DB-7.INTERNAL.EXAMPLE`: DNS ignores case, RFC 4343; `privateOrKeep`). So Java class names
 * (`io.netty.util.internal.PlatformDependent`, `com.google.protobuf.Internal`), constants (`Status.INTERNAL`,
 * `GRPC_STATUS.INTERNAL`, `ENV.LOCAL`) and SQL names in capitals (`ANALYTICS.INTERNAL.EVENTS`) stay, as do public names (`db.example.com`,
 * `_ldap._tcp.example.com`), dotted identifiers (`db1.t1`, `acme.svc`) and a bare `localhost`. Any lower-case name
 * ending so is hidden even when it names no host: `settings.local` is written exactly as an mDNS host name
 * (`printer.local`, RFC 6762 §3), `org.junit.internal.runners`, `google.protobuf.internal.python_message` and
 * `my_module.internal` as private ones, `app.services.svc` and `Company.Orders.svc` (a WCF endpoint) as Kubernetes
 * services, and a file name such as
 * `config.local.json` as a name in a private zone (the labels after a private one are any: a cluster domain is
 * configured). The public form errs toward hiding: a hidden key or file name costs the reader a word, a shown host
 * name shows the network.
 */
const PRIVATE_HOST_RE =
  /(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,7}(\.(?:internal|local|localdomain|localhost|lan|corp|intranet|home\.arpa|(?<=[\w-]\.[\w-]{1,63}\.)svc|(?<=(?<![\w-])\d{1,3}(?:-\d{1,3}){3}\.[\w-]{1,63}\.)pod|(?:service|node|query|addr|connect|ingress|virtual)(?:\.[\w-]{1,63}){0,6}\.consul(?!\.[\w-]))(?:\.[\w-]{1,63})*)(?!\.?[\w-])/gi

/** A private host name (`PRIVATE_HOST_RE`'s match) written in one case: its private label and after, or all of it. */
function privateOrKeep(name: string, tail: string): string {
  return tail === tail.toLowerCase() || (name === name.toUpperCase() && /[-\d]/.test(name)) ? '[internal]' : name
}

/**
 * Path-like tokens: two or more `/`- or `\\`-separated segments, optionally after `~`, a drive letter or the `\\` of a
 * UNC path (`\\server\share\dir`: https://learn.microsoft.com/en-us/dotnet/standard/io/file-path-formats#unc-paths).
 */
const PATH_RE = /(?<![\w.:/\\-])(?:~|[A-Za-z]:|\\(?=\\))?(?:[\\/][\w.@+-]{1,255}){2,64}(?::\d+){0,2}/g
/** Roots under which a path is a file-system path. */
const FILE_ROOT =
  /^(?:~|[A-Za-z]:|\\\\|\/(?:home|Users|var|tmp|opt|usr|etc|root|srv|mnt|data|app|build|workspace|private|proc|nix)\/)/
/** A last segment with a file extension or a `:line` suffix. */
const FILE_END = /\.[A-Za-z0-9]{1,10}(?::\d+){0,2}$|:\d+$/

/** A path token that names a file or a directory of the file system (a route like `/v1/table/t` does not). */
function fileOrKeep(token: string): string {
  return FILE_ROOT.test(token) || FILE_END.test(token) ? '[internal]' : token
}

/** A character every pattern of `scrubInternals` needs. */
const INTERNAL_MARK = /[.:/\\\n-]/

/**
 * Removes internals from a message that leaves the service: stack frames, URLs, addresses, private host names and
 * absolute file paths become `[internal]`. Linear: each pattern is a bounded scan of text already cut to its bound.
 */
export function scrubInternals(text: string): string {
  // Each pattern needs one of these (a stack tail a line break; a URL, an address, a host name or a host:port a `:` or
  // a `.`, a bracketed IPv6 literal its `:`s; a path a `/` or a `\\`; an EC2 host name or a MAC address with `-` a
  // `-`): most names, codes and keys have none.
  if (!INTERNAL_MARK.test(text)) return text
  const cut = STACK_TAIL.exec(text)
  let out = cut ? text.slice(0, cut.index) : text
  out = out
    .replace(URL_RE, '[internal]')
    .replace(PATH_RE, fileOrKeep)
    .replace(ADDRESS_RE, '[internal]')
    .replace(PRIVATE_HOST_RE, privateOrKeep)
  return out
}

/**
 * Plain data (`toPlainData`'s copy: a tree, bounded) with every string `scrubInternals`'d: the public problem's
 * `details` hold the native fields a reply brought (Fauna's `description` and `errors`, a Lance `context`, a Fluss
 * bucket's path), whose text leaves the service under the same rule as `detail`.
 */
function scrubbed(data: unknown): unknown {
  if (typeof data === 'string') return scrubInternals(data)
  if (data === null || typeof data !== 'object') return data
  if (isArray(data)) return data.map(scrubbed)
  const record = data as Record<string, unknown>
  const keys = Object.keys(record)
  // A key is a peer's text as much as a value is (a problem's `details`, a Lance `context` keyed by host or path): it
  // goes under its scrubbed name, unless that name is taken. When a key moves, each key is taken out and put back, so
  // the order stays; defined, not assigned: a key cut at a stack frame may be `__proto__`. Otherwise values are set in
  // place (an own data property is set, `__proto__` too).
  const moved = keys.some((key) => scrubInternals(key) !== key)
  for (const key of keys) {
    const value = scrubbed(record[key])
    if (!moved) {
      record[key] = value
      continue
    }
    const name = scrubInternals(key)
    delete record[key]
    if (!Object.hasOwn(record, name))
      Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true })
  }
  return data
}

/** True when an error's own text should not leave the service: foreign, unknown/internal kinds, 5xx. */
function isUnexpected(v: CoreView): boolean {
  return (
    v.system === 'runtime' || v.kind === 'unknown' || v.kind === 'internal' || v.kind === 'data_loss' || v.status >= 500
  )
}

function bounded(text: string): string {
  return redactBoundedText(text)
}

function plain(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined
  const data = toPlainData(value, { redact: true })
  return data !== null && typeof data === 'object' && Object.keys(data).length > 0
    ? (data as Record<string, unknown>)
    : undefined
}

/** The view of a foreign value, as `normalize` would wrap it (no error constructed). */
function foreignView(value: unknown): CoreView {
  const f = foreignFields(value)
  return {
    ...f,
    title: f.reason,
    name: 'ErrsError',
    publicMessage: undefined,
    retryAfterMs: undefined,
    requestId: undefined,
    instance: undefined,
    details: undefined,
    internal: undefined,
  }
}

/** The `detail` of a view's problem: the one rule for which message leaves a service (see `Problem.detail`). */
function detailOf(v: CoreView, trusted: boolean, unexpected: boolean): string {
  return trusted
    ? bounded(v.message)
    : unexpected
      ? KIND_TITLE[v.kind]
      : scrubInternals(bounded(v.publicMessage ?? v.message))
}

/**
 * The message a problem of `value` carries (its `detail`), without writing the rest: for adapters whose own wire
 * forms carry a message (an `ErrorResponse`'s `error`, a gateway's `message`), so that they expose exactly what
 * `toProblem` does. Public form (default): the error's public message, redacted, with hosts, addresses, file paths
 * and stack frames removed, or the kind's generic title for an unexpected error (a foreign value, an
 * `unknown`/`internal`/`data_loss` kind, a 5xx status). `exposeInternal`: the full message, redacted. Never throws.
 */
export function problemDetail(value: unknown, options?: ToProblemOptions): string {
  try {
    const v = coreView(value) ?? foreignView(value)
    return detailOf(v, read(options, 'exposeInternal') === true, isUnexpected(v))
  } catch {
    return KIND_TITLE.unknown
  }
}

/**
 * The problem of any value: an ErrsError (any copy) from its core fields, anything else (including a value
 * with a forged brand and ill-formed fields) from its classification. Never throws.
 */
export function writeProblem(value: unknown, options?: ToProblemOptions, depth = 0): Problem {
  const view = coreView(value)
  const v = view ?? foreignView(value)
  // Options are read guarded: `null`, a revoked Proxy or a throwing getter is the default (public) form.
  const trusted = read(options, 'exposeInternal') === true
  const unexpected = isUnexpected(v)
  // Public: a system or reason that shows an internal (a peer's problem naming its system `10.1.2.3`) is not written.
  const system = trusted ? v.system : publicToken(v.system, 'unknown')
  const reason = trusted ? v.reason : publicToken(v.reason, 'UNKNOWN')
  const problem: Problem = {
    type: problemType(system, reason),
    title: trusted ? bounded(v.title) : scrubInternals(bounded(v.title)),
    status: v.status,
    detail: detailOf(v, trusted, unexpected),
    system: bounded(system),
    // A string code is a peer's text as much as a title is (a problem's `code` is kept up to 256 chars, free text too):
    // public, its hosts, addresses, paths and stack frames go as the title's do.
    code: typeof v.code === 'string' ? (trusted ? bounded(v.code) : scrubInternals(bounded(v.code))) : v.code,
    reason: bounded(reason),
    kind: v.kind,
    retryable: v.retryable,
    name: trusted ? nameOr(v.name, 'ErrsError') : publicToken(nameOr(v.name, 'ErrsError'), 'ErrsError'),
  }
  if (v.instance !== undefined) {
    // Public: a route stays (`/v1/table/t`); URLs, addresses, file-system paths (a table's location on disk) and stack
    // frames do not, as in the title.
    problem.instance = trusted ? bounded(v.instance) : scrubInternals(bounded(v.instance))
  }
  if (v.retryAfterMs !== undefined) problem.retryAfterMs = v.retryAfterMs
  if (v.requestId !== undefined) {
    const id = trusted ? bounded(v.requestId) : publicRequestId(bounded(v.requestId))
    if (id !== undefined) problem.requestId = id
  }
  if (trusted || !unexpected) {
    const details = plain(v.details)
    // `raw` is the unreadable input a decoder kept (another system's payload, e.g. a proxy's HTML page): a foreign
    // text, so only the trusted form carries it.
    if (details !== undefined && !trusted) delete details.raw
    if (details !== undefined && Object.keys(details).length > 0)
      problem.details = trusted ? details : (scrubbed(details) as Record<string, unknown>)
  }
  if (trusted) {
    if (v.publicMessage !== undefined) problem.publicMessage = bounded(v.publicMessage)
    if (view !== undefined) {
      const stack = read(value, 'stack')
      if (typeof stack === 'string' && stack !== '') problem.stack = bounded(stack)
    }
    const internal = plain(v.internal)
    if (internal !== undefined) problem.internal = internal
    const cause = read(value, 'cause')
    const maxDepth = read(options, 'maxCauseDepth')
    // Capped: a cyclic chain (an error that is its cause's cause) with `maxCauseDepth: Infinity` overflowed the stack.
    if (
      cause !== undefined &&
      cause !== null &&
      depth + 1 <
        Math.min(
          typeof maxDepth === 'number' && !Number.isNaN(maxDepth) ? maxDepth : MAX_CAUSE_DEPTH,
          MAX_WRITTEN_CAUSE_DEPTH,
        )
    ) {
      problem.cause = writeProblem(cause, options, depth + 1)
    }
  }
  return problem
}
