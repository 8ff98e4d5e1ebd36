import { describe, expect, it } from 'vitest'
import { ErrsError, toProblem } from '../src/index.js'
import { scrubInternals } from '../src/kit.js'
import { growth } from './support/growth.js'

// Round 31: private host names the public problem still showed, each found with a canary first, and the dotted
// names that end in a private label but name no host.

function publicDetail(message: string): string {
  return toProblem(new ErrsError({ system: 'x', code: 'C', reason: 'R', kind: 'not_found', message })).detail
}

function trustedDetail(message: string): string {
  return toProblem(new ErrsError({ system: 'x', code: 'C', reason: 'R', kind: 'not_found', message }), {
    exposeInternal: true,
  }).detail
}

describe('private host names the public form hid not', () => {
  it.each([
    // SRV owner names are `_Service._Proto.Name` (RFC 2782, https://www.rfc-editor.org/rfc/rfc2782), DNS-SD service
    // names `_<service>._<proto>.<domain>` and instances `<Instance>.<Service>.<Domain>` (RFC 6763 §4.1, §7,
    // https://www.rfc-editor.org/rfc/rfc6763#section-7): their `_` labels stopped the match.
    ['srv lookup _postgres._tcp.db.internal failed', 'srv lookup [internal] failed'],
    ['no answer for _https._tcp.kubernetes.default.svc.cluster.local', 'no answer for [internal]'],
    ['browse _ipp._tcp.local', 'browse [internal]'],
    ['db_7.internal.example down', '[internal] down'],
    // Kubernetes DNS: a service is `<service>.<ns>.svc.<zone>`, `<zone>` the configured cluster domain (not always
    // `cluster.local`); a pod `<a>-<b>-<c>-<d>.<ns>.pod.<zone>` (kubernetes/dns docs/specification.md §2.3.1, §2.6 @
    // 00f97cb, https://github.com/kubernetes/dns/blob/master/docs/specification.md); a pod's resolv.conf searches
    // `<ns>.svc.<zone> svc.<zone> <zone>`, so `redis.default.svc` is a name clients use
    // (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/).
    ['redis.default.svc refused', '[internal] refused'],
    ['my-svc.my-namespace.svc.cluster-domain.example timed out', '[internal] timed out'],
    ['pod 10-1-2-3.default.pod answered', 'pod [internal] answered'],
    // RFC 6761 §6.3: "localhost." and any name falling within ".localhost." is the loopback
    // (https://www.rfc-editor.org/rfc/rfc6761#section-6.3).
    ['db.localhost down', '[internal] down'],
    ['tenant-a.api.localhost refused', '[internal] refused'],
    // DNS compares names without regard to case (RFC 4343, https://www.rfc-editor.org/rfc/rfc4343): a name written
    // all in capitals is the same host. One with a digit or a `-`, as host names have: an all-capitals name without
    // either reads as a constant or an SQL name (kept, below).
    ['connect DB-7.INTERNAL.EXAMPLE failed', 'connect [internal] failed'],
    ['REDIS-0.DEFAULT.SVC.CLUSTER.LOCAL refused', '[internal] refused'],
    ['NAS1.HOME.ARPA', '[internal]'],
    // Any number of labels after the private one (a cluster domain is configured).
    ['redis.default.svc.prod.eu-west-1.k8s.acme.com refused', '[internal] refused'],
    ['db.internal.eu-west-1.prod.acme.example.com down', '[internal] down'],
  ])('%s', (message, expected) => {
    expect(publicDetail(message)).toBe(expected)
    // The trusted form keeps them.
    expect(trustedDetail(message)).toBe(message)
  })

  it('keeps what names no private host: public SRV names, short dotted identifiers, constants, class names', () => {
    for (const text of [
      // An SRV name under a public domain is as public as `db.example.com`.
      'srv _ldap._tcp.example.com',
      // One label before `svc` is no Kubernetes service (a WCF endpoint `Service1.svc`, `acme.svc`).
      'acme.svc and Service1.svc',
      // `pod` only after a pod's dashed address and a namespace.
      'spec.template.pod',
      // A capitalised segment ends a lower-case name; an all-capitals name needs every label in capitals.
      'com.acme.svc.OrderService',
      'Status.INTERNAL: boom',
      'io.grpc.StatusRuntimeException: INTERNAL: x',
      'Code.LOCAL scope',
      'io.netty.util.internal.PlatformDependent',
      // All capitals without a digit or `-`: constants and SQL names (Snowflake and Oracle keep unquoted names in
      // capitals), not hosts.
      'GRPC_STATUS.INTERNAL and STATUS.INTERNAL',
      'unknown setting ENV.LOCAL; use ENV.PROD',
      "Table 'ANALYTICS.INTERNAL.EVENTS' does not exist",
      // `pod` after a label ending in digits that is no dashed IPv4 address.
      'replica-1.app.pod and step-2.build.pod',
      // A bare name has no label before it.
      'connect to localhost refused',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })

  it('is linear on long dotted runs of each new shape', () => {
    for (const unit of [
      '_a.',
      'A.',
      'a.svc.',
      'A.INTERNAL.',
      '1-2-3-4.n.pod.',
      '_x._y.localhost.',
      ' a-1.b.pod',
      ' x.internal.y.z',
      'a.internal.' + 'b'.repeat(70) + '.',
    ]) {
      expect(growth(scrubInternals, unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
    }
  })
})

describe('dotted names that end in a private label but name no host', () => {
  // A name of one label and `local` is exactly an mDNS host name (RFC 6762 §3, `<name>.local.`:
  // https://www.rfc-editor.org/rfc/rfc6762#section-3): `settings.local` cannot be told from `printer.local`. The labels
  // after a private one are any (a Kubernetes cluster domain is configured: `svc.cluster-domain.example`), so a file
  // name ending in an extension cannot be told from a name in a private zone either. The public form errs toward
  // hiding them: the reader loses a word, where a shown name would show the network.
  it('hides a config key, a module or a file name shaped as a private name', () => {
    for (const [text, expected] of [
      ['settings.local', '[internal]'],
      ['read app.local', 'read [internal]'],
      ['module myproject.settings.local', 'module [internal]'],
      ['org.junit.internal.runners', '[internal]'],
      ['bad config.local.json', 'bad [internal]'],
      ['settings.internal.yaml missing', '[internal] missing'],
      ['read /srv/app/config.local.json', 'read [internal]'],
    ] as const) {
      expect(publicDetail(text)).toBe(expected)
    }
  })

  it('keeps one that is not written in one case, or has no private label', () => {
    for (const text of [
      'Settings.Local',
      'config.Local.json',
      'bad core-site.xml in t.lance',
      'see .env.local',
      'app-local.json',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })
})
