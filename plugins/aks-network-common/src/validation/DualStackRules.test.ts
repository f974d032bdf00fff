import fc from 'fast-check';
import {
  AZURE_RULES,
  DEFAULT_POD_CIDR_IPV6,
  DEFAULT_SERVICE_CIDR_IPV6,
} from '../facts';
import { validateNetworkRequest } from './validateNetworkRequest';
import { rulesOf, variant } from './__testUtils__/networkRequests';

const dualStack = (change: Parameters<typeof variant>[0] = () => {}) =>
  variant(r => {
    r.network.ipFamilies = ['IPv4', 'IPv6'];
    change(r);
  });

describe('dual-stack rules', () => {
  it('has the IPv6 defaults AKS documents', () => {
    expect(DEFAULT_POD_CIDR_IPV6).toBe('fd12:3456:789a::/64');
    expect(DEFAULT_SERVICE_CIDR_IPV6).toBe('fd12:3456:789a:1::/108');
  });

  it.each([[['IPv4']], [['IPv4', 'IPv6']]])(
    'accepts ipFamilies %j',
    ipFamilies => {
      const { findings, request } = validateNetworkRequest(
        variant(r => (r.network.ipFamilies = ipFamilies)),
      );
      expect(findings).toEqual([]);
      expect(request?.network.ipFamilies).toEqual(ipFamilies);
    },
  );

  it.each([
    [['IPv6']],
    [['IPv6', 'IPv4']],
    [['IPv4', 'IPv4']],
    [['IPv4', 'IPv6', 'IPv6']],
    [[]],
  ])('refuses ipFamilies %j, naming network.ipFamilies', ipFamilies => {
    const { findings, request } = validateNetworkRequest(
      variant(r => (r.network.ipFamilies = ipFamilies)),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        field: 'network.ipFamilies',
        rule: 'ip-families-invalid',
        severity: 'error',
        message: expect.stringMatching(
          new RegExp(
            `^network\\.ipFamilies \\[${ipFamilies.join(
              ', ',
            )}\\] is not valid: `,
          ),
        ),
        fact: AZURE_RULES.ipFamilies,
      }),
    ]);
    expect(request).toBeUndefined();
  });

  it('says IPv6 alone is not supported, and the order otherwise', () => {
    const messageOf = (ipFamilies: string[]) =>
      validateNetworkRequest(variant(r => (r.network.ipFamilies = ipFamilies)))
        .findings[0].message;
    expect(messageOf(['IPv6'])).toBe(
      'network.ipFamilies [IPv6] is not valid: AKS runs IPv4 or IPv4 + IPv6 ([IPv4] or [IPv4, IPv6]), not IPv6 alone.',
    );
    expect(messageOf(['IPv6', 'IPv4'])).toBe(
      'network.ipFamilies [IPv6, IPv4] is not valid: AKS takes [IPv4] or [IPv4, IPv6], in that order, each family once.',
    );
  });

  it('leaves an unreadable family to its own finding', () => {
    expect(
      rulesOf(variant(r => (r.network.ipFamilies = ['IPv6', 'IPv5']))),
    ).toEqual(['network.ipFamilies.1 input-type error']);
  });

  it("fills in AKS's IPv6 ranges for dual-stack without them", () => {
    const { findings, request } = validateNetworkRequest(dualStack());
    expect(findings).toEqual([]);
    expect(request?.network).toMatchObject({
      ipFamilies: ['IPv4', 'IPv6'],
      podCidr: '10.244.0.0/16',
      podCidrIpv6: 'fd12:3456:789a::/64',
      serviceCidr: '10.0.0.0/16',
      serviceCidrIpv6: 'fd12:3456:789a:1::/108',
    });
  });

  it('keeps the IPv6 ranges a request gives, and defaults only the missing one', () => {
    const { request } = validateNetworkRequest(
      dualStack(r => (r.network.podCidrIpv6 = 'fd00:10::/64')),
    );
    expect(request?.network).toMatchObject({
      podCidrIpv6: 'fd00:10::/64',
      serviceCidrIpv6: 'fd12:3456:789a:1::/108',
    });
  });

  it('gives no IPv6 pod range to a model whose pods take VNet IPs', () => {
    const { findings, request } = validateNetworkRequest(
      dualStack(r => {
        r.network.model = 'azure-cni-node-subnet';
        r.network.nodeSubnet.cidr = '10.240.0.0/24';
      }),
    );
    expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    expect(request?.network.podCidrIpv6).toBeUndefined();
    expect(request?.network.serviceCidrIpv6).toBe('fd12:3456:789a:1::/108');
  });

  it('checks the default IPv6 ranges like given ones, and says they are the defaults', () => {
    const { findings } = validateNetworkRequest(
      dualStack(r => (r.network.peeredRanges = ['fd12:3456:789a::/48'])),
    );
    expect(findings.map(f => `${f.field} ${f.rule}`)).toEqual(
      expect.arrayContaining([
        'network.podCidrIpv6 pod-cidr-overlaps-peered-range',
        'network.serviceCidrIpv6 service-cidr-overlaps-network',
      ]),
    );
    expect(
      findings.find(f => f.field === 'network.podCidrIpv6')?.message,
    ).toContain('fd12:3456:789a::/64 (the default)');
  });

  it('does not default a range that was given but unreadable', () => {
    expect(rulesOf(dualStack(r => (r.network.serviceCidrIpv6 = 6)))).toEqual([
      'network.serviceCidrIpv6 input-type error',
    ]);
  });

  it.each<[string | undefined, boolean, boolean]>([
    // [kubernetesVersion, dual-stack, accepted]
    ['1.26.2', true, false],
    ['1.26.3', true, true],
    ['1.26', true, true],
    ['1.25.16', true, false],
    ['1.25', true, false],
    ['1.33', true, true],
    [undefined, true, true],
    ['1.25.16', false, true],
    // Not a version this rule can compare; the backend's policy says which it allows.
    ['latest', true, true],
  ])(
    'Kubernetes %p with dual-stack %p is accepted: %p',
    (version, dual, accepted) => {
      const input = variant(r => {
        if (version !== undefined) {
          r.cluster.kubernetesVersion = version;
        }
        if (dual) {
          r.network.ipFamilies = ['IPv4', 'IPv6'];
        }
      });
      const rules = rulesOf(input);
      expect(rules).toEqual(
        accepted
          ? []
          : ['cluster.kubernetesVersion dual-stack-kubernetes-version error'],
      );
    },
  );

  it('names the version and the floor', () => {
    const { findings } = validateNetworkRequest(
      dualStack(r => (r.cluster.kubernetesVersion = '1.26.2')),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        field: 'cluster.kubernetesVersion',
        message:
          'cluster.kubernetesVersion 1.26.2 is too old for dual-stack (network.ipFamilies [IPv4, IPv6]): it needs Kubernetes 1.26.3 or later.',
        fact: AZURE_RULES.dualStackKubernetesVersion,
      }),
    ]);
  });

  it('accepts dual-stack on any 1.x version iff it is 1.26.3 or later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        (minor, patch) => {
          const version =
            patch === undefined ? `1.${minor}` : `1.${minor}.${patch}`;
          const late =
            minor > 26 || (minor === 26 && (patch === undefined || patch >= 3));
          expect(
            rulesOf(dualStack(r => (r.cluster.kubernetesVersion = version))),
          ).toEqual(
            late
              ? []
              : [
                  'cluster.kubernetesVersion dual-stack-kubernetes-version error',
                ],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses any ipFamilies list but the two AKS takes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('IPv4', 'IPv6'), { maxLength: 4 }),
        families => {
          const accepted =
            families.join(',') === 'IPv4' || families.join(',') === 'IPv4,IPv6';
          expect(
            rulesOf(variant(r => (r.network.ipFamilies = families))),
          ).toEqual(
            accepted ? [] : ['network.ipFamilies ip-families-invalid error'],
          );
        },
      ),
    );
  });
});
