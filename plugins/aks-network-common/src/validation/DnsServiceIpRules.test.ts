import fc from 'fast-check';
import { cidrContaining, cidrSize, formatCidr, formatIp } from '../cidr';
import { AZURE_RULES, DOMAIN_FACTS } from '../facts';
import { validateNetworkRequest } from './validateNetworkRequest';
import { rulesOf, variant } from './__testUtils__/networkRequests';

const withDns = (dnsServiceIp: string, serviceCidr?: string) =>
  variant(r =>
    Object.assign(r.network, {
      dnsServiceIp,
      ...(serviceCidr ? { serviceCidr } : {}),
    }),
  );

describe('DNS service IP rules', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    // The default service CIDR 10.0.0.0/16.
    ['its network address', '10.0.0.0', undefined, 'dns-ip-network-address'],
    [
      'its first address (the kubernetes service)',
      '10.0.0.1',
      undefined,
      'dns-ip-kubernetes-service',
    ],
    [
      'the second address, the lowest it may be',
      '10.0.0.2',
      undefined,
      undefined,
    ],
    ["AKS's pick, the tenth", '10.0.0.10', undefined, undefined],
    ['the last but one address', '10.0.255.254', undefined, undefined],
    [
      'the first address past the range',
      '10.1.0.0',
      undefined,
      'dns-ip-outside-service-cidr',
    ],
    [
      'the address before the range',
      '9.255.255.255',
      undefined,
      'dns-ip-outside-service-cidr',
    ],
    ['an IPv6 address', 'fd00::10', undefined, 'dns-ip-outside-service-cidr'],
    // Another service CIDR: the same rule at its own offsets.
    [
      '.0 of 172.20.0.0/16',
      '172.20.0.0',
      '172.20.0.0/16',
      'dns-ip-network-address',
    ],
    [
      '.1 of 172.20.0.0/16',
      '172.20.0.1',
      '172.20.0.0/16',
      'dns-ip-kubernetes-service',
    ],
    ['.10 of 172.20.0.0/16', '172.20.0.10', '172.20.0.0/16', undefined],
    ['.2 of a /29', '10.1.0.2', '10.1.0.0/29', undefined],
    ['.1 of a /29', '10.1.0.1', '10.1.0.0/29', 'dns-ip-kubernetes-service'],
  ])('%s: %s in %p → %p', (_, dns, service, rule) => {
    expect(rulesOf(withDns(dns, service))).toEqual(
      rule === undefined ? [] : [`network.dnsServiceIp ${rule} error`],
    );
  });

  it('says which address it is, with the value, the range and a way out', () => {
    const messageOf = (input: unknown) => {
      const { findings, request } = validateNetworkRequest(input);
      expect(request).toBeUndefined();
      return findings.find(f => f.field === 'network.dnsServiceIp');
    };
    expect(messageOf(withDns('10.0.0.0'))).toMatchObject({
      message:
        'DNS service IP 10.0.0.0 is the network address of service CIDR 10.0.0.0/16 (the default), not an address a service can have; use e.g. 10.0.0.10.',
      fact: DOMAIN_FACTS.dnsServiceIp,
    });
    expect(messageOf(withDns('10.0.0.1'))).toMatchObject({
      message:
        "DNS service IP 10.0.0.1 is the first address of service CIDR 10.0.0.0/16 (the default), taken by the kubernetes service (the API server's ClusterIP); use e.g. 10.0.0.10.",
      fact: AZURE_RULES.dnsServiceIpKubernetesService,
    });
    expect(messageOf(withDns('10.1.0.1', '10.1.0.0/29'))?.message).toContain(
      'use e.g. 10.1.0.2',
    );
    expect(messageOf(withDns('10.1.0.0', '10.1.0.0/31'))?.message).toContain(
      'the service CIDR has no other address for it',
    );
    // The default DNS IP against another service CIDR says it is the default.
    expect(
      messageOf(variant(r => (r.network.serviceCidr = '10.1.0.0/16')))?.message,
    ).toBe(
      'DNS service IP 10.0.0.10 (the default) is not inside service CIDR 10.1.0.0/16.',
    );
  });

  // Service CIDRs from /13 to /30 inside 10.0.0.0/12: clear of the default pod CIDR,
  // the VNet and the reserved ranges, so only the DNS rules can speak.
  const serviceCidrArb = fc
    .tuple(
      fc.bigInt({ min: 0x0a000000n, max: 0x0a0fffffn }),
      fc.integer({ min: 13, max: 30 }),
    )
    .map(([value, prefix]) => cidrContaining('ipv4', value, prefix));

  it('accepts any DNS IP inside the service CIDR but its network and first address', () => {
    fc.assert(
      fc.property(
        serviceCidrArb,
        fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }),
        (service, random) => {
          const size = cidrSize(service);
          // Strictly inside: from the second usable address to the last but one.
          const offset = 2n + (random % (size - 3n));
          const dns = formatIp('ipv4', service.network + offset);
          expect(rulesOf(withDns(dns, formatCidr(service)))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses the network and the first address of any service CIDR, each by its rule', () => {
    fc.assert(
      fc.property(
        serviceCidrArb,
        fc.constantFrom(0n, 1n),
        (service, offset) => {
          const dns = formatIp('ipv4', service.network + offset);
          expect(rulesOf(withDns(dns, formatCidr(service)))).toEqual([
            `network.dnsServiceIp ${
              offset === 0n
                ? 'dns-ip-network-address'
                : 'dns-ip-kubernetes-service'
            } error`,
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
