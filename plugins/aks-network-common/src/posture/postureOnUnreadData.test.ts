import fc from 'fast-check';
import { ClusterRecord, UnreadClusterPart } from '../cluster';
import { assessClusterPosture } from './assessClusterPosture';
import { clusterFleetFigures } from './ClusterFleetFigures';
import { nodeSubnetUse, podSubnetUse } from './NetworkUse';
import { PostureFinding, PostureStatus } from './PostureFinding';
import {
  NSG_ID,
  SUBNET_ID,
  VNET_ID,
  flatCluster,
  overlayCluster,
  rule,
  vnetFlowLog,
} from './__fixtures__/clusters';

const NOW = new Date('2026-01-15T12:00:00Z');
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const LAST_READ = '2026-01-14T08:00:00.000Z';

const TRAFFIC = 'egress-ingress-monitored';
const SAME_NODE = 'same-node-pod-to-pod-visible';
const HISTORY = 'communication-history-kept';
const NSG = 'nsg-overlay-allow-rules';
const SUBNET_USE = 'node-subnet-exhaustion';

/** A part unread since `LAST_READ`, or never read when `lastReadAt` is null. */
function unread(
  part: UnreadClusterPart['part'],
  resourceId: string,
  lastReadAt: string | null = LAST_READ,
): UnreadClusterPart {
  return {
    part,
    resourceId,
    error:
      'AuthorizationFailed, HTTP 403: the client does not have authorization',
    ...(lastReadAt ? { lastReadAt } : {}),
  };
}

function findings(cluster: ClusterRecord, id: string): PostureFinding[] {
  return assessClusterPosture(cluster, { now: NOW }).findings.filter(
    finding => finding.id === id,
  );
}

function the(cluster: ClusterRecord, id: string): PostureFinding {
  const found = findings(cluster, id);
  if (found.length !== 1) {
    throw new Error(`${found.length} findings ${id}`);
  }
  return found[0];
}

/**
 * Each part unread as the inventory reader leaves it: the data left out of the record
 * and the part named in `unread`. The overlay fixture has no flow logs and an empty
 * NSG, so with everything read the checks give a definite fail or pass.
 */
const UNREAD_RECORDS: Array<{
  name: string;
  part: UnreadClusterPart['part'];
  record: () => ClusterRecord;
  /** The checks that need the part, and those that do not (status as read). */
  expected: Record<string, PostureStatus>;
  /** The resource whose name the unknown findings say. */
  names: string;
}> = [
  {
    name: 'the flow logs (Network Watcher denied)',
    part: 'flowLogs',
    record: () => ({
      ...overlayCluster(),
      unread: [unread('flowLogs', SUB)],
    }),
    expected: {
      [TRAFFIC]: 'unknown',
      [HISTORY]: 'unknown',
      [SAME_NODE]: 'fail',
      [NSG]: 'pass',
      [SUBNET_USE]: 'pass',
    },
    names: 'flow logs of subscription 00000000-0000-0000-0000-000000000001',
  },
  {
    name: "an NSG's rules (its GET denied)",
    part: 'nsg',
    record: () => {
      const cluster = overlayCluster();
      cluster.nodeSubnets[0].nsg = { id: NSG_ID };
      cluster.unread = [unread('nsg', NSG_ID)];
      return cluster;
    },
    expected: {
      [NSG]: 'unknown',
      // Flow logs were read: none watches the subnet, whatever its NSG's rules.
      [TRAFFIC]: 'fail',
      [HISTORY]: 'fail',
      [SUBNET_USE]: 'pass',
    },
    names: 'NSG nsg-aks',
  },
  {
    name: 'the VNet and the node subnet (both GETs failed)',
    part: 'subnet',
    record: () => ({
      ...overlayCluster(),
      nodeSubnets: [],
      vnet: undefined,
      unread: [unread('vnet', VNET_ID), unread('subnet', SUBNET_ID, null)],
    }),
    expected: {
      // An NSG flow log on the subnet's unknown NSG could watch it.
      [TRAFFIC]: 'unknown',
      [HISTORY]: 'unknown',
      [NSG]: 'unknown',
      [SUBNET_USE]: 'unknown',
      [SAME_NODE]: 'fail',
    },
    names: 'subnet aks-sn',
  },
  {
    name: 'the IP use of the VNet (usages failed)',
    part: 'subnetUsage',
    record: () => {
      const cluster = overlayCluster();
      delete cluster.nodeSubnets[0].ipUsed;
      delete cluster.nodeSubnets[0].ipLimit;
      cluster.unread = [unread('subnetUsage', VNET_ID)];
      return cluster;
    },
    expected: {
      [SUBNET_USE]: 'unknown',
      [TRAFFIC]: 'fail',
      [NSG]: 'pass',
    },
    names: 'IP use (VNet usages) of vnet-spoke',
  },
  {
    name: 'the VNet, with an NSG rule on the VirtualNetwork tag',
    part: 'vnet',
    record: () => {
      const cluster = overlayCluster();
      cluster.vnet = undefined;
      cluster.nodeSubnets[0].nsg = {
        id: NSG_ID,
        rules: [
          rule({
            name: 'allow-vnet',
            priority: 100,
            sourceAddressPrefixes: ['VirtualNetwork'],
            destinationAddressPrefixes: ['VirtualNetwork'],
          }),
          rule({ name: 'deny-all', priority: 4000, access: 'Deny' }),
        ],
      };
      cluster.unread = [unread('vnet', VNET_ID)];
      return cluster;
    },
    expected: {
      [NSG]: 'unknown',
      [TRAFFIC]: 'fail',
      [SUBNET_USE]: 'pass',
    },
    names: 'VNet vnet-spoke',
  },
  {
    name: 'an AKS-managed VNet (the pools name no subnet)',
    part: 'vnet',
    record: () => {
      const cluster = overlayCluster();
      delete cluster.nodePools[0].vnetSubnetId;
      cluster.nodeSubnets = [];
      cluster.vnet = undefined;
      cluster.unread = [
        {
          part: 'vnet',
          resourceId: `${SUB}/resourceGroups/MC_rg-payments_payments_westeurope`,
          error:
            'The node pools name no subnet: the cluster runs on a VNet AKS manages in its node resource group, which the inventory does not read.',
        },
      ];
      return cluster;
    },
    expected: {
      [TRAFFIC]: 'unknown',
      [HISTORY]: 'unknown',
      [NSG]: 'unknown',
      [SUBNET_USE]: 'unknown',
    },
    names: 'VNet MC_rg-payments_payments_westeurope',
  },
];

describe('posture on data that was not read', () => {
  const cases = UNREAD_RECORDS.flatMap(row =>
    Object.entries(row.expected).map(([id, status]) => ({
      ...row,
      id,
      status,
    })),
  );

  it.each(cases.filter(c => c.status === 'unknown'))(
    'with $name unread, $id is unknown and names what was not read',
    ({ record, id, part, names }) => {
      const finding = the(record(), id);
      expect(finding.status).toBe('unknown');
      // What was not read, why, and when it last was: never pass or fail.
      expect(finding.unread).toEqual(
        expect.arrayContaining([expect.objectContaining({ part })]),
      );
      expect(finding.detail).toContain(names);
      expect(finding.detail).toMatch(
        /AuthorizationFailed|AKS manages|last read|never read/,
      );
      expect(finding.fact).toContain('A verdict needs data');
      expect(finding.remediation).not.toBe('');
    },
  );

  it.each(cases.filter(c => c.status !== 'unknown'))(
    'with $name unread, $id does not need it and is $status as read',
    ({ record, id, status }) => {
      const finding = the(record(), id);
      expect(finding.status).toBe(status);
      expect(finding.unread).toBeUndefined();
    },
  );

  it.each(UNREAD_RECORDS)(
    'with $name unread, the summary says null, not false, where a check is unknown',
    ({ record }) => {
      const posture = assessClusterPosture(record(), { now: NOW });
      const status = (id: string) =>
        posture.findings.find(finding => finding.id === id)?.status;
      expect(posture.summary.egressIngressMonitored === null).toBe(
        status(TRAFFIC) === 'unknown',
      );
      expect(posture.summary.historyKept === null).toBe(
        status(HISTORY) === 'unknown',
      );
    },
  );

  it('names when a part was last read, and that a part was never read', () => {
    const record = UNREAD_RECORDS[2].record();
    const detail = the(record, NSG).detail;
    expect(detail).toContain('VNet vnet-spoke (AuthorizationFailed');
    expect(detail).toContain('last read 2026-01-14 08:00 UTC');
    expect(detail).toContain('subnet aks-sn (AuthorizationFailed');
    expect(detail).toContain('never read');
    expect(the(record, NSG).remediation).toContain(
      "Give the inventory's identity read access (Reader) to aks-sn, vnet-spoke, then refresh the cluster.",
    );
  });

  it('names a subscription-wide read as the subscription, and asks Reader on it', () => {
    const finding = the(UNREAD_RECORDS[0].record(), TRAFFIC);
    expect(finding.detail).toContain(
      'Not read: flow logs of subscription 00000000-0000-0000-0000-000000000001 (AuthorizationFailed, HTTP 403',
    );
    expect(finding.remediation).toBe(
      "Give the inventory's identity read access (Reader) to subscription 00000000-0000-0000-0000-000000000001, then refresh the cluster.",
    );
  });

  it('passes on what was read: a VNet flow log on the VNet watches an unread subnet', () => {
    const record = UNREAD_RECORDS[2].record();
    record.flowLogs = [vnetFlowLog()];
    expect(the(record, TRAFFIC)).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('aks-sn'),
    });
    // The same flow log keeps 30 days: a history is kept.
    expect(the(record, HISTORY).status).toBe('pass');
  });

  it('passes history on container network logs, flow logs read or not', () => {
    const record = UNREAD_RECORDS[0].record();
    record.addons = {
      acns: { enabled: true, observability: true, security: false },
      omsagent: { enabled: true, containerNetworkLogs: true },
    };
    expect(the(record, HISTORY).status).toBe('pass');
    expect(the(record, TRAFFIC).status).toBe('unknown');
  });

  it('fails a subnet that was read and that no flow log watches, whatever else is unread', () => {
    const record = overlayCluster();
    const other = `${VNET_ID}/subnets/aks-other`;
    record.nodePools.push({
      ...record.nodePools[0],
      name: 'user',
      vnetSubnetId: other,
    });
    record.unread = [unread('subnet', other)];
    expect(the(record, TRAFFIC)).toMatchObject({
      status: 'fail',
      resourceId: SUBNET_ID,
    });
  });

  it('counts unknown apart in the fleet figures: neither failing nor passing', () => {
    const record = UNREAD_RECORDS[0].record();
    const figures = clusterFleetFigures(
      record,
      assessClusterPosture(record, { now: NOW }),
    );
    expect(figures.checks).toEqual({
      egressIngressMonitored: 'unknown',
      samePodToPodVisible: 'fail',
      historyKept: 'unknown',
    });
  });
});

describe('a usages limit that is no capacity', () => {
  it.each([-1, 0])(
    'takes the usable IPs of a /24 from the prefix when the limit is %d',
    limit => {
      const record = flatCluster();
      record.nodeSubnets[0].ipLimit = limit;
      const finding = the(record, SUBNET_USE);
      expect(finding.detail).toContain('124 of 251 usable IPs');
      expect(finding.detail).not.toContain(' of 0 usable');
      expect(finding.detail).not.toContain(' of -1 usable');
    },
  );

  it('keeps a positive limit as the usable count', () => {
    const record = flatCluster();
    record.nodeSubnets[0].ipLimit = 200;
    expect(the(record, SUBNET_USE).detail).toContain('124 of 200 usable IPs');
  });

  it('is the prefix less Azure 5 for every prefix when the limit is 0 or less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 29 }),
        fc.integer({ min: -5, max: 0 }),
        (prefix, limit) => {
          const record = overlayCluster();
          const subnet = {
            ...record.nodeSubnets[0],
            addressPrefix: `10.0.0.0/${prefix}`,
            ipLimit: limit,
          };
          const use = nodeSubnetUse(record, subnet, 'azure-cni-overlay');
          expect(use.usable).toBe(2 ** (32 - prefix) - 5);
        },
      ),
    );
  });
});

describe('the pod subnet of an Azure CNI pod-subnet cluster', () => {
  const PODS = `${VNET_ID}/subnets/aks-pods`;

  /** Pod subnet /24 (251 usable); one pool of `nodes` nodes, maxPods 30, surge 1. */
  function podSubnetCluster(nodes: number, ipUsed: number): ClusterRecord {
    const cluster = flatCluster();
    cluster.nodePools[0] = {
      ...cluster.nodePools[0],
      count: nodes,
      podSubnetId: PODS,
    };
    cluster.nodeSubnets[0].ipUsed = nodes;
    cluster.podSubnets = [
      {
        id: PODS,
        name: 'aks-pods',
        addressPrefix: '10.241.0.0/24',
        ipUsed,
        ipLimit: 251,
      },
    ];
    return cluster;
  }

  it.each<[string, number, number, PostureStatus]>([
    // used + surge × maxPods against 251: the largest that passes, warns and fits.
    ['has room', 5, 150, 'pass'],
    ['is nearly full from 80%', 6, 171, 'warn'],
    ['fits the surge exactly', 7, 221, 'warn'],
    ['cannot take the surge', 7, 222, 'fail'],
  ])('%s', (_, nodes, used, status) => {
    const cluster = podSubnetCluster(nodes, used);
    expect(the(cluster, 'pod-subnet-exhaustion')).toMatchObject({
      status,
      resourceId: PODS,
      detail: expect.stringContaining(
        `${used} of 251 usable IPs in use, 30 more needed for upgrade surge`,
      ),
    });
  });

  it('takes maxPods IPs per node from it, with the surge and the autoscaler ceiling', () => {
    const cluster = podSubnetCluster(3, 90);
    cluster.nodePools[0].maxCount = 5;
    expect(podSubnetUse(cluster, cluster.podSubnets![0])).toMatchObject({
      role: 'pod',
      used: 90,
      usable: 251,
      surgeIps: 30,
      growthIps: 60,
    });
    // Its node subnet gives each node one IP.
    expect(
      nodeSubnetUse(cluster, cluster.nodeSubnets[0], 'azure-cni-pod-subnet'),
    ).toMatchObject({ role: 'node', surgeIps: 1 });
  });

  it('puts it in the fleet figures, and its fill in the worst ratio', () => {
    const cluster = podSubnetCluster(7, 222);
    const figures = clusterFleetFigures(
      cluster,
      assessClusterPosture(cluster, { now: NOW }),
    );
    expect(figures.podSubnets).toEqual([
      expect.objectContaining({ name: 'aks-pods', role: 'pod' }),
    ]);
    expect(figures.nodeSubnetUseRatio).toBeCloseTo(252 / 251);
  });

  it('is unknown when it could not be read', () => {
    const cluster = podSubnetCluster(3, 90);
    cluster.podSubnets = [];
    cluster.unread = [unread('subnet', PODS)];
    expect(the(cluster, 'pod-subnet-exhaustion')).toMatchObject({
      status: 'unknown',
      detail: expect.stringContaining('subnet aks-pods'),
    });
    // Not a node subnet: the checks on node subnets are as read.
    expect(the(cluster, SUBNET_USE).status).toBe('pass');
  });
});

describe('ACNS only where it can run', () => {
  it.each([
    ['kubenet', { networkPlugin: 'kubenet' }],
    ['a BYO CNI', { networkPlugin: 'none' }],
  ])('%s: no ACNS cost and no "turn on ACNS"', (_, networkProfile) => {
    const cluster = { ...overlayCluster(), networkProfile };
    const posture = assessClusterPosture(cluster, { now: NOW });
    expect(posture.acnsMonthlyCostUsd).toBeNull();
    expect(posture.findings.map(finding => finding.id)).not.toContain(
      'acns-monthly-cost',
    );
    for (const finding of posture.findings) {
      expect(finding.remediation).not.toMatch(/enable ACNS|--enable-acns|\$/i);
    }
    expect(the(cluster, SAME_NODE).remediation).toContain(
      'Azure CNI Overlay cluster',
    );
  });

  it('prices ACNS where it can run', () => {
    const posture = assessClusterPosture(overlayCluster(), { now: NOW });
    expect(posture.acnsMonthlyCostUsd).toBe(54.75);
    expect(the(overlayCluster(), SAME_NODE).remediation).toContain(
      '--enable-acns',
    );
  });
});
