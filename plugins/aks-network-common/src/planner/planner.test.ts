import { parseCidrOrThrow } from '../cidr';
import { acnsMonthlyCostUsd } from './AcnsCost';
import { resolveMaxSurge } from './MaxSurge';
import { planNetwork } from './NetworkPlan';
import {
  maxNodesInSubnet,
  nodeSubnetIpsNeeded,
  planNodeSubnet,
} from './NodeSubnetPlan';
import { overlayVnetSavings } from './OverlayVnetSavings';
import { podCapacity } from './PodCapacity';
import {
  describePodCidrCapacity,
  podCidrNodeCapacity,
} from './PodCidrCapacity';

const fifty = [{ nodeCount: 50, maxSurge: 1, maxPods: 30 }];

describe('node subnet sizing', () => {
  it.each([
    // docs/domain.md#flat-node-subnet: 50 nodes, surge 1, maxPods 30 flat → 1,581 → /21
    ['azure-cni-node-subnet', fifty, 0, 1581, 21],
    ['azure-cni-overlay', fifty, 0, 51, 26],
    ['azure-cni-pod-subnet', fifty, 0, 51, 26],
    ['kubenet', fifty, 0, 51, 26],
    ['byo-cni', fifty, 0, 51, 26],
    // a /27 holds 27 usable: 26 overlay nodes + 1 surge
    [
      'azure-cni-overlay',
      [{ nodeCount: 26, maxSurge: 1, maxPods: 30 }],
      0,
      27,
      27,
    ],
    [
      'azure-cni-overlay',
      [{ nodeCount: 27, maxSurge: 1, maxPods: 30 }],
      0,
      28,
      26,
    ],
    [
      'azure-cni-overlay',
      [{ nodeCount: 3, maxSurge: 1, maxPods: 30 }],
      5,
      9,
      28,
    ],
    [
      'azure-cni-node-subnet',
      [
        { nodeCount: 3, maxSurge: 1, maxPods: 30 },
        { nodeCount: 10, maxSurge: 2, maxPods: 50 },
      ],
      0,
      4 * 31 + 12 * 51,
      22,
    ],
  ] as const)(
    '%s with %j and %i extra IPs needs %i IPs, a /%i',
    (model, pools, extra, ips, prefix) => {
      expect(nodeSubnetIpsNeeded(model, pools, extra)).toBe(ips);
      expect(planNodeSubnet(model, pools, extra).smallestPrefix).toBe(prefix);
    },
  );

  it.each([
    ['azure-cni-overlay', '10.240.0.0/27', 1, 30, 0, 26],
    ['azure-cni-overlay', '10.240.0.0/27', 1, 30, 2, 24],
    ['azure-cni-overlay', '10.240.0.0/29', 1, 30, 0, 2],
    ['azure-cni-node-subnet', '10.240.0.0/24', 1, 30, 0, 7],
    ['azure-cni-node-subnet', '10.240.0.0/21', 1, 30, 0, 64],
    ['azure-cni-node-subnet', '10.240.0.0/29', 1, 30, 0, 0],
  ] as const)(
    '%s subnet %s with surge %i, maxPods %i, %i extra holds %i nodes',
    (model, text, maxSurge, maxPods, extraIps, nodes) => {
      expect(
        maxNodesInSubnet(model, parseCidrOrThrow(text), {
          maxSurge,
          maxPods,
          extraIps,
        }),
      ).toBe(nodes);
    },
  );

  it('says whether a given subnet fits', () => {
    expect(
      planNodeSubnet(
        'azure-cni-node-subnet',
        fifty,
        0,
        parseCidrOrThrow('10.240.0.0/21'),
      ).subnet,
    ).toEqual({
      cidr: '10.240.0.0/21',
      usableIps: 2043,
      fits: true,
    });
    expect(
      planNodeSubnet(
        'azure-cni-node-subnet',
        fifty,
        0,
        parseCidrOrThrow('10.240.0.0/22'),
      ).subnet?.fits,
    ).toBe(false);
  });
});

describe('pod CIDR capacity', () => {
  it.each([
    ['10.244.0.0/16', 256],
    ['10.244.0.0/24', 1],
    ['10.244.0.0/25', 0],
    ['10.240.0.0/12', 4096],
    ['10.0.0.0/11', 5000],
    ['10.0.0.0/8', 5000],
    ['100.64.0.0/10', 5000],
  ])('%s holds %i nodes', (text, nodes) => {
    expect(podCidrNodeCapacity(parseCidrOrThrow(text))).toBe(nodes);
  });

  it('says when the cluster limit caps it, and skips IPv6', () => {
    expect(describePodCidrCapacity(parseCidrOrThrow('10.0.0.0/8'))).toEqual({
      cidr: '10.0.0.0/8',
      nodes: 5000,
      cappedByClusterLimit: true,
    });
    expect(
      describePodCidrCapacity(parseCidrOrThrow('10.244.0.0/16'))
        ?.cappedByClusterLimit,
    ).toBe(false);
    expect(
      podCidrNodeCapacity(parseCidrOrThrow('fd12:3456:789a::/64')),
    ).toBeUndefined();
  });

  it('counts pods as nodes × maxPods', () => {
    expect(podCapacity([{ nodeCount: 256, maxSurge: 1, maxPods: 30 }])).toBe(
      7680,
    );
    expect(
      podCapacity([...fifty, { nodeCount: 2, maxSurge: 1, maxPods: 250 }]),
    ).toBe(2000);
  });
});

describe('what overlay saves and ACNS costs', () => {
  it('compares flat and overlay for the same cluster', () => {
    expect(overlayVnetSavings(fifty)).toEqual({
      flat: { ipsNeeded: 1581, prefix: 21, addresses: 2048 },
      overlay: { ipsNeeded: 51, prefix: 26, addresses: 64 },
      ipsSaved: 1530,
      addressesSaved: 1984,
    });
  });

  it('leaves the address difference out when flat fits no subnet', () => {
    const savings = overlayVnetSavings([
      { nodeCount: 5000, maxSurge: 10, maxPods: 250 },
    ]);
    expect(savings.flat.prefix).toBeDefined();
    // Beyond any Azure subnet (the largest is a /2): not a real cluster, but the branch must hold.
    const huge = overlayVnetSavings([
      { nodeCount: 5_000_000, maxSurge: 0, maxPods: 250 },
    ]);
    expect(huge.flat.prefix).toBeUndefined();
    expect(huge.addressesSaved).toBeUndefined();
    expect(huge.ipsSaved).toBe(5_000_000 * 250);
  });

  it.each([
    [0, 0],
    [1, 18.25],
    [3, 54.75],
    [50, 912.5],
    [5000, 91250],
  ])('ACNS for %i nodes costs $%d a month', (nodes, usd) => {
    expect(acnsMonthlyCostUsd(nodes)).toBe(usd);
  });
});

describe('resolveMaxSurge', () => {
  it.each([
    [undefined, 10, 1],
    ['', 10, 1],
    [2, 10, 2],
    ['3', 10, 3],
    ['0', 10, 0],
    ['33%', 10, 4],
    ['100%', 3, 3],
    ['10%', 0, 0],
    ['150%', 10, undefined],
    ['x', 10, undefined],
    [-1, 10, undefined],
    [1.5, 10, undefined],
  ])('%p of %i nodes is %p surge nodes', (maxSurge, count, nodes) => {
    expect(resolveMaxSurge(maxSurge, count)).toBe(nodes);
  });
});

describe('planNetwork', () => {
  it('plans an overlay cluster on the defaults', () => {
    const plan = planNetwork({
      model: 'azure-cni-overlay',
      nodePools: fifty,
      nodeSubnetCidr: '10.240.0.0/26',
    });
    expect(plan).toMatchObject({
      nodeCount: 50,
      surgeNodes: 1,
      nodeSubnet: {
        ipsNeeded: 51,
        smallestPrefix: 26,
        subnet: { fits: true, usableIps: 59 },
      },
      podCidr: { cidr: '10.244.0.0/16', nodes: 256 },
      podCapacity: 1500,
      acnsMonthlyCostUsd: 912.5,
      findings: [],
    });
    expect(plan.overlaySavings.ipsSaved).toBe(1530);
  });

  it('reports a /29 too small for 1 flat node and its surge, in AKS words', () => {
    const plan = planNetwork({
      model: 'azure-cni-node-subnet',
      nodePools: [{ nodeCount: 1, maxSurge: 1, maxPods: 30 }],
      nodeSubnetCidr: '10.240.0.0/29',
      nodeSubnetName: 'aks-sn',
    });
    expect(plan.podCidr).toBeUndefined();
    expect(plan.findings).toEqual([
      expect.objectContaining({
        field: 'network.nodeSubnet.cidr',
        rule: 'node-subnet-too-small',
        severity: 'error',
        message: expect.stringContaining(
          'Subnet aks-sn with address prefix 10.240.0.0/29 does not have enough capacity for 62 IP addresses',
        ),
      }),
    ]);
    expect(plan.findings[0].message).toContain('use a /25 or larger');
  });

  it('reports nodes and surge beyond the pod CIDR', () => {
    const plan = planNetwork({
      model: 'azure-cni-overlay',
      nodePools: [{ nodeCount: 256, maxSurge: 1, maxPods: 30 }],
    });
    expect(plan.findings.map(f => f.rule)).toEqual(['pod-cidr-capacity']);
    expect(plan.findings[0].message).toContain('holds 256 nodes');
    expect(
      planNetwork({
        model: 'azure-cni-overlay',
        nodePools: [{ nodeCount: 255, maxSurge: 1, maxPods: 30 }],
      }).findings,
    ).toEqual([]);
  });

  it('turns unreadable ranges into findings', () => {
    const plan = planNetwork({
      model: 'kubenet',
      nodePools: fifty,
      podCidr: '10.244.0.0/33',
      nodeSubnetCidr: 'fd00::/64',
    });
    expect(plan.findings.map(f => [f.field, f.rule])).toEqual([
      ['network.nodeSubnet.cidr', 'cidr-family'],
      ['network.podCidr', 'cidr-syntax'],
    ]);
  });
});
