import fc from 'fast-check';
import { NetworkRequestInput } from './NetworkRequest';
import { validateNetworkRequest } from './validateNetworkRequest';

/** The request as tests change it: loose enough to put garbage anywhere. */
interface Mutable {
  cluster: Record<string, unknown>;
  network: {
    vnet: Record<string, unknown>;
    nodeSubnet: Record<string, unknown>;
    [key: string]: unknown;
  };
  nodePools: Array<Record<string, unknown>>;
}

/** The same request seen as plain JSON, for changes no schema allows. */
function loose(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** A request every rule accepts: overlay on the defaults, a /27 node subnet. */
function validRequest(): NetworkRequestInput {
  return {
    cluster: { name: 'payments-prod', resourceGroup: 'rg-payments' },
    network: {
      vnet: { name: 'vnet-spoke', addressSpace: ['10.240.0.0/16'] },
      nodeSubnet: { name: 'aks-sn', cidr: '10.240.0.0/27' },
    },
    nodePools: [{ name: 'system', count: 3 }],
  };
}

function variant(change: (request: Mutable) => void): unknown {
  // The valid request is typed input; the copy is changed as loose JSON.
  const request: unknown = structuredClone(validRequest());
  change(request as Mutable);
  return request;
}

function rulesOf(input: unknown) {
  return validateNetworkRequest(input).findings.map(
    f => `${f.field} ${f.rule} ${f.severity}`,
  );
}

describe('validateNetworkRequest', () => {
  it('accepts a valid overlay request and fills in the AKS defaults', () => {
    const result = validateNetworkRequest(validRequest());
    expect(result.findings).toEqual([]);
    expect(result.request).toEqual({
      cluster: { name: 'payments-prod', resourceGroup: 'rg-payments' },
      network: {
        model: 'azure-cni-overlay',
        dataplane: 'azure',
        ipFamilies: ['IPv4'],
        podCidr: '10.244.0.0/16',
        serviceCidr: '10.0.0.0/16',
        dnsServiceIp: '10.0.0.10',
        vnet: { name: 'vnet-spoke', addressSpace: ['10.240.0.0/16'] },
        nodeSubnet: { name: 'aks-sn', cidr: '10.240.0.0/27', extraIps: 0 },
        peeredRanges: [],
      },
      nodePools: [
        {
          name: 'system',
          mode: 'System',
          osType: 'Linux',
          count: 3,
          maxPods: 30,
          maxSurge: 1,
        },
      ],
    });
    expect(result.plan).toMatchObject({
      nodeSubnet: {
        ipsNeeded: 4,
        smallestPrefix: 28,
        subnet: { fits: true, usableIps: 27 },
      },
      podCidr: { nodes: 256 },
    });
  });

  it.each<[string, (request: Mutable) => void, string]>([
    // docs/domain.md#reserved-ranges: pod, service and VNet ranges must not touch 172.30.0.0/16 — a /12 covers it.
    [
      '172.16.0.0/12 as pod CIDR',
      r => (r.network.podCidr = '172.16.0.0/12'),
      'network.podCidr pod-cidr-reserved-range error',
    ],
    [
      'a pod CIDR in 169.254/16',
      r => (r.network.podCidr = '169.254.0.0/16'),
      'network.podCidr pod-cidr-reserved-range error',
    ],
    [
      'a service CIDR in 192.0.2.0/24',
      r =>
        Object.assign(r.network, {
          serviceCidr: '192.0.2.0/24',
          dnsServiceIp: '192.0.2.10',
        }),
      'network.serviceCidr service-cidr-reserved-range error',
    ],
    [
      'a VNet range over 172.31/16',
      r => (r.network.vnet.addressSpace = ['10.240.0.0/16', '172.31.0.0/16']),
      'network.vnet.addressSpace.1 vnet-reserved-range error',
    ],
    // The AKS error example: NetworkProfileCIDROverlapVNET.
    [
      'a pod CIDR inside the VNet',
      r => (r.network.podCidr = '10.240.100.0/24'),
      'network.podCidr pod-cidr-overlaps-vnet error',
    ],
    [
      'a pod CIDR over the node subnet',
      r => {
        r.network.vnet.addressSpace = ['10.240.0.0/16', '10.244.0.0/24'];
        r.network.nodeSubnet.cidr = '10.244.0.0/27';
      },
      'network.podCidr pod-cidr-overlaps-node-subnet error',
    ],
    [
      'a pod CIDR over a peered range',
      r => (r.network.peeredRanges = ['192.168.0.0/16', '10.244.128.0/17']),
      'network.podCidr pod-cidr-overlaps-peered-range error',
    ],
    [
      'a pod CIDR over the service CIDR',
      r =>
        Object.assign(r.network, {
          serviceCidr: '10.244.0.0/20',
          dnsServiceIp: '10.244.0.10',
        }),
      'network.podCidr pod-cidr-overlaps-service-cidr error',
    ],
    [
      'a public pod CIDR',
      r => (r.network.podCidr = '8.8.0.0/16'),
      'network.podCidr pod-cidr-private-range error',
    ],
    [
      'a service CIDR /11',
      r => Object.assign(r.network, { serviceCidr: '10.0.0.0/11' }),
      'network.serviceCidr service-cidr-too-large error',
    ],
    [
      'a service CIDR /12',
      r => Object.assign(r.network, { serviceCidr: '10.0.0.0/12' }),
      'network.serviceCidr service-cidr-too-large error',
    ],
    [
      'a service CIDR over the VNet',
      r => (r.network.vnet.addressSpace = ['10.0.0.0/16', '10.240.0.0/16']),
      'network.serviceCidr service-cidr-overlaps-network error',
    ],
    [
      'the DNS IP at the network address of the service CIDR',
      r => (r.network.dnsServiceIp = '10.0.0.0'),
      'network.dnsServiceIp dns-ip-network-address error',
    ],
    [
      'the DNS IP at the kubernetes service address',
      r => (r.network.dnsServiceIp = '10.0.0.1'),
      'network.dnsServiceIp dns-ip-kubernetes-service error',
    ],
    [
      'the DNS IP outside the service CIDR',
      r => (r.network.dnsServiceIp = '10.1.0.10'),
      'network.dnsServiceIp dns-ip-outside-service-cidr error',
    ],
    [
      'the default DNS IP with another service CIDR',
      r => (r.network.serviceCidr = '10.1.0.0/16'),
      'network.dnsServiceIp dns-ip-outside-service-cidr error',
    ],
    [
      'a malformed DNS IP',
      r => (r.network.dnsServiceIp = '10.0.0.300'),
      'network.dnsServiceIp ip-syntax error',
    ],
    [
      'a prefix beyond /32',
      r => (r.network.podCidr = '10.244.0.0/33'),
      'network.podCidr cidr-syntax error',
    ],
    [
      'host bits set',
      r => (r.network.nodeSubnet.cidr = '10.240.0.1/27'),
      'network.nodeSubnet.cidr cidr-syntax error',
    ],
    [
      'an IPv6 range as the pod CIDR',
      r => (r.network.podCidr = 'fd00::/64'),
      'network.podCidr cidr-family error',
    ],
    [
      'a node subnet outside the VNet',
      r => (r.network.nodeSubnet.cidr = '10.241.0.0/27'),
      'network.nodeSubnet.cidr node-subnet-outside-vnet error',
    ],
    [
      'a /29 too small for 1 flat node and its surge',
      r => {
        r.network.model = 'azure-cni-node-subnet';
        r.network.nodeSubnet.cidr = '10.240.0.0/29';
        r.nodePools = [{ name: 'system', count: 1 }];
      },
      'network.nodeSubnet.cidr node-subnet-too-small error',
    ],
    [
      'a /27 with 27 overlay nodes and surge 1',
      r => (r.nodePools = [{ name: 'system', count: 27 }]),
      'network.nodeSubnet.cidr node-subnet-too-small error',
    ],
    [
      'extra IPs that no longer fit',
      r => {
        r.network.nodeSubnet.extraIps = 24;
      },
      'network.nodeSubnet.cidr node-subnet-too-small error',
    ],
    [
      'maxPods 5',
      r => (r.nodePools[0].maxPods = 5),
      'nodePools.0.maxPods max-pods-range error',
    ],
    [
      'maxPods 300',
      r => (r.nodePools[0].maxPods = 300),
      'nodePools.0.maxPods max-pods-range error',
    ],
    [
      'maxPods 10 on a pool that then holds fewer than 30 pods',
      r => (r.nodePools = [{ name: 'system', count: 2, maxPods: 10 }]),
      'nodePools.0.maxPods max-pods-pool-minimum error',
    ],
    [
      'a 64-character cluster name',
      r => (r.cluster.name = 'a'.repeat(64)),
      'cluster.name name-too-long error',
    ],
    [
      'a 64-character resource group',
      r => (r.cluster.resourceGroup = 'r'.repeat(64)),
      'cluster.resourceGroup name-too-long error',
    ],
    [
      'a 64-character VNet name',
      r => (r.network.vnet.name = 'v'.repeat(64)),
      'network.vnet.name name-too-long error',
    ],
    [
      'a 64-character subnet name',
      r => (r.network.nodeSubnet.name = 's'.repeat(64)),
      'network.nodeSubnet.name name-too-long error',
    ],
    [
      'a cluster name with a space',
      r => (r.cluster.name = 'payments prod'),
      'cluster.name name-invalid-characters error',
    ],
    [
      'a cluster name ending in -',
      r => (r.cluster.name = 'payments-'),
      'cluster.name name-invalid-characters error',
    ],
    [
      'a resource group ending in .',
      r => (r.cluster.resourceGroup = 'rg.'),
      'cluster.resourceGroup name-invalid-characters error',
    ],
    [
      'an empty cluster name',
      r => (r.cluster.name = ' '),
      'cluster.name name-required error',
    ],
    [
      'no nodes',
      r => (r.nodePools[0].count = 0),
      'nodePools node-count-range error',
    ],
    [
      '5,001 nodes',
      r => (r.nodePools[0].count = 5001),
      'nodePools node-count-range error',
    ],
    [
      'a negative node count',
      r => (r.nodePools[0].count = -1),
      'nodePools.0.count node-count-range error',
    ],
    [
      'more nodes than the pod CIDR holds',
      r => {
        r.network.podCidr = '10.244.0.0/24';
        r.nodePools[0].count = 2;
      },
      'network.podCidr pod-cidr-capacity error',
    ],
    [
      'no System pool',
      r => (r.nodePools[0].mode = 'User'),
      'nodePools system-pool-required error',
    ],
    [
      'an empty pool name',
      r => (r.nodePools[0].name = ''),
      'nodePools.0.name name-required error',
    ],
    [
      'an empty pool list',
      r => (r.nodePools = []),
      'nodePools node-pools-required error',
    ],
    [
      'two pools of one name',
      r => r.nodePools.push({ name: 'System', count: 1 }),
      'nodePools.1.name node-pool-name-duplicate error',
    ],
    [
      'an unreadable maxSurge',
      r => (r.nodePools[0].maxSurge = '1 node'),
      'nodePools.0.maxSurge max-surge-format error',
    ],
    [
      'negative extra IPs',
      r => (r.network.nodeSubnet.extraIps = -2),
      'network.nodeSubnet.extraIps extra-ips-range error',
    ],
    [
      'IPv6 only',
      r => (r.network.ipFamilies = ['IPv6']),
      'network.ipFamilies ip-families-invalid error',
    ],
    [
      'an IPv6 range without dual-stack',
      r => (r.network.serviceCidrIpv6 = 'fd12:3456:789a:1::/108'),
      'network.serviceCidrIpv6 dual-stack-not-enabled error',
    ],
    [
      'an IPv6 service CIDR larger than /108',
      r =>
        Object.assign(r.network, {
          ipFamilies: ['IPv4', 'IPv6'],
          podCidrIpv6: 'fd12:3456:789a::/64',
          serviceCidrIpv6: 'fd12:3456:789a:1::/64',
        }),
      'network.serviceCidrIpv6 ipv6-service-cidr-too-large error',
    ],
    [
      'kubenet',
      r => (r.network.model = 'kubenet'),
      'network.model kubenet-retiring warning',
    ],
    [
      'cilium on kubenet',
      r => Object.assign(r.network, { model: 'kubenet', dataplane: 'cilium' }),
      'network.dataplane cilium-requires-azure-cni error',
    ],
    [
      'a pod CIDR on flat Azure CNI',
      r =>
        Object.assign(r.network, {
          model: 'azure-cni-node-subnet',
          podCidr: '10.244.0.0/16',
        }),
      'network.podCidr pod-cidr-unused warning',
    ],
    [
      'no VNet ranges',
      r => delete loose(r.network).vnet,
      'network.vnet.addressSpace vnet-address-space-missing warning',
    ],
    [
      'a misspelt field',
      r => (r.network.podCIDR = '10.244.0.0/16'),
      'network.podCIDR input-unknown-field warning',
    ],
  ])('reports %s', (_, change, expected) => {
    expect(rulesOf(variant(change))).toContain(expected);
  });

  it.each<[string, (request: Mutable) => void]>([
    ['a 63-character cluster name', r => (r.cluster.name = 'a'.repeat(63))],
    [
      'maxPods 10 on a pool that holds 30 pods',
      r => (r.nodePools = [{ name: 'system', count: 3, maxPods: 10 }]),
    ],
    ['maxPods 250', r => (r.nodePools[0].maxPods = 250)],
    [
      'an RFC 6598 pod CIDR (as after an in-place migration)',
      r => (r.network.podCidr = '100.64.0.0/10'),
    ],
    [
      'a service CIDR /13',
      r =>
        Object.assign(r.network, {
          serviceCidr: '10.8.0.0/13',
          dnsServiceIp: '10.8.0.10',
        }),
    ],
    [
      '26 overlay nodes and surge 1 in a /27',
      r => (r.nodePools = [{ name: 'system', count: 26 }]),
    ],
    ['a percentage surge', r => (r.nodePools[0].maxSurge = '33%')],
    ['spaces around a CIDR', r => (r.network.podCidr = ' 10.244.0.0/16 ')],
    [
      'a resource group with parentheses and dots',
      r => (r.cluster.resourceGroup = 'rg.payments(prod)'),
    ],
    [
      'dual-stack',
      r =>
        Object.assign(r.network, {
          ipFamilies: ['IPv4', 'IPv6'],
          podCidrIpv6: 'fd12:3456:789a::/64',
          serviceCidrIpv6: 'fd12:3456:789a:1::/108',
        }),
    ],
    [
      "dual-stack on AKS's default IPv6 ranges",
      r => (r.network.ipFamilies = ['IPv4', 'IPv6']),
    ],
    ['overlay with cilium', r => (r.network.dataplane = 'cilium')],
  ])('accepts %s', (_, change) => {
    const result = validateNetworkRequest(variant(change));
    expect(result.findings).toEqual([]);
    expect(result.request).toBeDefined();
  });

  it('speaks AKS words for the pod CIDR over the VNet', () => {
    const { findings, request } = validateNetworkRequest(
      variant(r => (r.network.podCidr = '10.240.100.0/24')),
    );
    expect(request).toBeUndefined();
    expect(
      findings.find(f => f.rule === 'pod-cidr-overlaps-vnet')?.message,
    ).toContain(
      'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
    );
  });

  it('names the reserved range 172.16.0.0/12 touches', () => {
    const { findings } = validateNetworkRequest(
      variant(r => (r.network.podCidr = '172.16.0.0/12')),
    );
    expect(
      findings.find(f => f.rule === 'pod-cidr-reserved-range')?.message,
    ).toContain('172.30.0.0/16');
  });

  it('passes on the CIDR parser reason', () => {
    const { findings } = validateNetworkRequest(
      variant(r => (r.network.nodeSubnet.cidr = '10.240.0.1/27')),
    );
    expect(findings.find(f => f.rule === 'cidr-syntax')?.message).toContain(
      'did you mean 10.240.0.0/27',
    );
  });

  it.each<[string, unknown, string]>([
    ['null', null, '(input) input-type error'],
    ['a number', 42, '(input) input-type error'],
    ['a list', [], '(input) input-type error'],
    ['an empty object', {}, 'cluster input-required error'],
    [
      'a number as pod CIDR',
      variant(r => (r.network.podCidr = 42)),
      'network.podCidr input-type error',
    ],
    [
      'NaN nodes',
      variant(r => (r.nodePools[0].count = NaN)),
      'nodePools.0.count input-type error',
    ],
    [
      'fractional maxPods',
      variant(r => (r.nodePools[0].maxPods = 2.5)),
      'nodePools.0.maxPods input-type error',
    ],
    [
      'a string node pool list',
      variant(r => (loose(r).nodePools = 'system')),
      'nodePools input-type error',
    ],
    [
      'a null pool',
      variant(r => (loose(r).nodePools = [null])),
      'nodePools.0 input-type error',
    ],
    [
      'an unknown model',
      variant(r => (r.network.model = 'calico')),
      'network.model input-type error',
    ],
    [
      'a number in the VNet ranges',
      variant(r => (r.network.vnet.addressSpace = ['10.240.0.0/16', 7])),
      'network.vnet.addressSpace.1 input-type error',
    ],
    [
      'a missing cluster name',
      variant(r => delete r.cluster.name),
      'cluster.name input-required error',
    ],
    [
      'a boolean surge',
      variant(r => (r.nodePools[0].maxSurge = true)),
      'nodePools.0.maxSurge input-type error',
    ],
  ])('turns %s into a finding that names the field', (_, input, expected) => {
    const result = validateNetworkRequest(input);
    expect(
      result.findings.map(f => `${f.field} ${f.rule} ${f.severity}`),
    ).toContain(expected);
    expect(result.request).toBeUndefined();
  });

  it('still checks the other fields when one is garbage', () => {
    const rules = rulesOf(
      variant(r => {
        r.network.podCidr = null;
        r.nodePools[0].count = 'three';
        r.cluster.name = 'x'.repeat(70);
      }),
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'nodePools.0.count input-type error',
        'cluster.name name-too-long error',
      ]),
    );
  });

  it('never throws, and every finding names a field and says why', () => {
    const check = (input: unknown) => {
      const result = validateNetworkRequest(input);
      for (const finding of result.findings) {
        expect(typeof finding.field).toBe('string');
        expect(finding.field.length).toBeGreaterThan(0);
        expect(finding.message.length).toBeGreaterThan(0);
        expect(finding.rule.length).toBeGreaterThan(0);
        expect(finding.fact.length).toBeGreaterThan(0);
        expect(['error', 'warning']).toContain(finding.severity);
      }
      // A normalised request comes only with no error.
      expect(
        result.request === undefined ||
          !result.findings.some(f => f.severity === 'error'),
      ).toBe(true);
    };
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true }),
        check,
      ),
      { numRuns: 500 },
    );

    // Near-valid shapes reach the deeper rules.
    const leaf = fc.oneof(
      fc.anything(),
      fc.constantFrom(
        '10.244.0.0/16',
        '172.16.0.0/12',
        '10.240.0.0/27',
        'fd00::/64',
        '10.0.0.10',
        '33%',
        'azure-cni-overlay',
        'kubenet',
        'IPv6',
      ),
      fc.integer({ min: -10, max: 6000 }),
      fc.double(),
    );
    const nearValid = fc.record(
      {
        cluster: fc.record(
          { name: leaf, resourceGroup: leaf },
          { requiredKeys: [] },
        ),
        network: fc.record(
          {
            model: leaf,
            dataplane: leaf,
            ipFamilies: fc.oneof(leaf, fc.array(leaf)),
            podCidr: leaf,
            podCidrIpv6: leaf,
            serviceCidr: leaf,
            serviceCidrIpv6: leaf,
            dnsServiceIp: leaf,
            vnet: fc.record(
              { name: leaf, addressSpace: fc.oneof(leaf, fc.array(leaf)) },
              { requiredKeys: [] },
            ),
            nodeSubnet: fc.record(
              { name: leaf, cidr: leaf, extraIps: leaf },
              { requiredKeys: [] },
            ),
            peeredRanges: fc.oneof(leaf, fc.array(leaf)),
          },
          { requiredKeys: [] },
        ),
        nodePools: fc.oneof(
          leaf,
          fc.array(
            fc.record(
              {
                name: leaf,
                mode: leaf,
                count: leaf,
                maxPods: leaf,
                maxSurge: leaf,
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(nearValid, check), { numRuns: 500 });
  });

  it('turns a throwing getter into a finding', () => {
    const input = {
      get cluster(): unknown {
        throw new Error('boom');
      },
    };
    expect(validateNetworkRequest(input).findings).toEqual([
      expect.objectContaining({ field: '(input)', rule: 'input-unreadable' }),
    ]);
  });
});
