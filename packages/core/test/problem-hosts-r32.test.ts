import { describe, expect, it } from 'vitest'
import { ErrsError, toProblem } from '../src/index.js'
import { scrubInternals } from '../src/kit.js'
import { growth } from './support/growth.js'

// Round 32: private host names and hardware addresses written without a port, which the public problem still showed
// (a name with a port, an address or a name under `.internal` was already hidden).

function error(message: string): ErrsError {
  return new ErrsError({
    system: 'fluss',
    code: 'X',
    reason: 'X',
    kind: 'invalid_argument',
    status: 400,
    retryable: false,
    message,
  })
}

/** The public problem's `detail`, as a client reads it from `JSON.stringify(err)`. */
function publicDetail(message: string): string {
  return JSON.parse(JSON.stringify(error(message))).detail
}

describe('private host names and hardware addresses the public form showed', () => {
  it.each([
    // Amazon EC2 instance hostname types (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html):
    // the guest OS hostname of an IP name is `ip-<private IPv4 with dashes>` (its private DNS name adds `.ec2.internal`
    // in us-east-1, `.<region>.compute.internal` elsewhere), of a resource name the instance id `i-<17 hex>` (17
    // characters since 2016: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html). `hostname` and
    // Java's `InetAddress.getLocalHost()` give the bare label.
    ['connect to ip-10-0-0-1 refused', 'connect to [internal] refused'],
    ['broker ip-172-31-18-203 is not the leader', 'broker [internal] is not the leader'],
    ['ip-192-168-1-20 unreachable', '[internal] unreachable'],
    // RFC 6598 shared address space (100.64.0.0/10) and RFC 3927 link-local (169.254.0.0/16).
    ['ip-100-64-0-7 and ip-100-127-255-255 down', '[internal] and [internal] down'],
    ['ip-169-254-169-254 timed out', '[internal] timed out'],
    ['host i-0123456789abcdef0 lost', 'host [internal] lost'],
    // The same labels with any name after them (already hidden under `.internal`; a public zone too).
    ['ip-10-0-0-1.us-west-2.compute.internal refused', '[internal] refused'],
    ['ip-10-0-0-1.eu.acme.com refused', '[internal] refused'],
    ['i-0123456789abcdef0.us-west-2.compute.internal refused', '[internal] refused'],
    // A MAC address, an IEEE 802 EUI-48, in the three forms Go's `net.ParseMAC` reads (golang/go src/net/mac.go,
    // https://pkg.go.dev/net#ParseMAC): six groups of two hex digits joined by `:` or `-` (the form RFC 9542 writes
    // IEEE 802 identifiers in, its documentation address 00-00-5E-00-53-00: https://www.rfc-editor.org/rfc/rfc9542),
    // with a hex letter among them. Not Go's third form, three groups of four joined by `.` (Cisco's): versions look so.
    ['nic 00:1a:2b:3c:4d:5e down', 'nic [internal] down'],
    ['nic 00-1A-2B-3C-4D-5E down', 'nic [internal] down'],
    ['arp 00-00-5E-00-53-00', 'arp [internal]'],
    ['from AA:BB:CC:DD:EE:FF.', 'from [internal].'],
    // Consul DNS (https://developer.hashicorp.com/consul/docs/services/discovery/dns-static-lookups):
    // `[<tag>.]<service>.service[.<datacenter>].consul`, `<node>.node[.<datacenter>].consul`, `<query>.query[.<dc>]
    // .consul`, RFC 2782 `_<service>._<protocol>.service[.<datacenter>].consul`, and `.connect`, `.ingress`, `.virtual`
    // and `<hex address>.addr.<datacenter>.consul` names; Enterprise adds `.<namespace>.ns.<partition>.ap` before the
    // datacenter.
    ['web.service.consul refused', '[internal] refused'],
    ['redis.service.dc1.consul refused', '[internal] refused'],
    ['v1.web.service.consul refused', '[internal] refused'],
    ['_web._tcp.service.consul has no answer', '[internal] has no answer'],
    ['node-7.node.consul down', '[internal] down'],
    ['geo-db.query.consul failed', '[internal] failed'],
    ['web.connect.consul and web.virtual.peer1.consul', '[internal] and [internal]'],
    ['0a000001.addr.dc1.consul', '[internal]'],
    ['web.service.ns1.ns.default.ap.dc1.dc.consul refused', '[internal] refused'],
  ])('%s', (message, expected) => {
    expect(publicDetail(message)).toBe(expected)
    expect(toProblem(error(message)).detail).toBe(expected)
    // Every string of `details` and every key goes the same way.
    const details = toProblem(
      new ErrsError({
        system: 'x',
        code: 'C',
        reason: 'R',
        kind: 'not_found',
        message: 'm',
        details: { [message]: message },
      }),
    ).details
    expect(details).toEqual({ [expected]: expected })
    // The trusted form keeps them.
    expect(toProblem(error(message), { exposeInternal: true }).detail).toBe(message)
  })

  it('a request id that is one of them is left out', () => {
    const e = new ErrsError({
      system: 'x',
      code: 'C',
      reason: 'R',
      kind: 'not_found',
      message: 'm',
      requestId: 'ip-10-0-0-1',
    })
    expect(toProblem(e).requestId).toBeUndefined()
  })
})

describe('look-alikes that stay shown', () => {
  it('keeps an ip- label that is no private IPv4 address, and other dashed words', () => {
    for (const text of [
      'the ip-address field is required',
      'set ip-forwarding and ip-10 rules',
      // A public address, an octet over 255, three or five parts, outside the private ranges (172.16/12, 100.64/10).
      'ip-8-8-8-8 and ip-54-12-0-1 answered',
      'ip-10-0-0-256 and ip-10-0-0 and ip-10-0-0-1-2',
      'ip-172-32-0-1 and ip-172-15-0-1 and ip-100-128-0-1 and ip-100-63-0-1 and ip-192-169-0-1',
      // Only the whole label: another word before it.
      'skip-10-0-0-1 and zip-10-0-0-1',
      // A dashed version and a date.
      'release 1-2-3-4 on 2024-01-02',
      // Only an instance id of 17 hex digits is a resource name; not an 8-digit one, nor other resource ids.
      'i-1a2b3c4d and i-am-here and sg-0123456789abcdef0 and vol-0123456789abcdef0',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })

  it('keeps what only resembles a MAC address: times, hex ids, UUIDs, other group counts, mixed separators', () => {
    for (const text of [
      'retry after 12:30:45 utc',
      'id 001a2b3c4d5e and 0x001a2b3c4d5e',
      'request 123e4567-e89b-12d3-a456-426614174000',
      // Five and seven groups, one-digit and three-digit groups, separators mixed.
      '00:1a:2b:3c:4d and 00-1a-2b-3c-4d-5e-6f and 0:1a:2b:3c:4d:5e',
      '00:1a-2b:3c-4d:5e and 001:1a:2b:3c:4d:5e',
      // Cisco's dotted form is not read: versions and dates look so (`release 2024.0612.1530`).
      '001a.2b3c.4d5e and release 2024.0612.1530 and version 1234.5678.9abc',
      // Six groups of digits only: a timestamp (`snapshot 24-01-02-12-30-45`), not read as a MAC address.
      'snapshot 24-01-02-12-30-45 failed and 12:30:45:00:11:22',
      'score 12-34 and 12-30-45',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })

  it('keeps a name with `consul` that is no Consul DNS name', () => {
    for (const text of [
      'spring.cloud.consul.enabled is false',
      'com.ecwid.consul.v1.ConsulClient',
      'hashicorp.consul and service.consul',
      'web.service.consul.io',
      'web.services.consul',
    ]) {
      expect(publicDetail(text)).toBe(text)
    }
  })
})

describe('linear time on long hostile input', () => {
  it('grows linearly on long runs of each new shape', () => {
    for (const unit of [
      'ip-10-0-0-',
      'ip-10-0-0-1.',
      'ip-10-0-0-1-',
      '-10',
      'i-0123456789abcdef0',
      '00:1a:',
      '00-1a-',
      '001a.2b3c.',
      'a.service.',
      'web.service.dc1.',
      '_a.node.',
      'x.addr.' + 'b'.repeat(70) + '.',
    ]) {
      expect(growth(scrubInternals, unit, Math.ceil((64 * 1024) / unit.length), 16)).toBeLessThan(16)
    }
  })
})
