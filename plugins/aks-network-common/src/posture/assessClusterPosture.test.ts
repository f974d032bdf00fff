import { ClusterRecord } from '../cluster';
import { PostureFinding, PostureStatus } from './PostureFinding';
import { assessClusterPosture } from './assessClusterPosture';
import {
  NSG_ID,
  SUBNET_ID,
  flatCluster,
  nsgFlowLog,
  overlayAllowRules,
  overlayCluster,
  rule,
  vnetFlowLog,
} from './__fixtures__/clusters';

const NOW = new Date('2026-01-15T12:00:00Z');

function statusOf(
  cluster: ClusterRecord,
  id: string,
  now: Date = NOW,
): PostureStatus | undefined {
  return assessClusterPosture(cluster, { now }).findings.find(f => f.id === id)
    ?.status;
}

function with_(
  base: () => ClusterRecord,
  change: (cluster: ClusterRecord) => void,
): ClusterRecord {
  const cluster = base();
  change(cluster);
  return cluster;
}

type Row = [string, ClusterRecord, string, PostureStatus | undefined, Date?];

describe('assessClusterPosture', () => {
  const rows: Row[] = [
    // same-node pod-to-pod
    [
      'overlay without ACNS',
      overlayCluster(),
      'same-node-pod-to-pod-visible',
      'fail',
    ],
    [
      'overlay with ACNS observability',
      with_(
        overlayCluster,
        c =>
          (c.addons.acns = {
            enabled: true,
            observability: true,
            security: false,
          }),
      ),
      'same-node-pod-to-pod-visible',
      'pass',
    ],
    [
      'overlay with ACNS but observability off',
      with_(
        overlayCluster,
        c =>
          (c.addons.acns = {
            enabled: true,
            observability: false,
            security: true,
          }),
      ),
      'same-node-pod-to-pod-visible',
      'fail',
    ],
    [
      'flat without ACNS',
      flatCluster(),
      'same-node-pod-to-pod-visible',
      'fail',
    ],
    [
      'kubenet',
      with_(
        overlayCluster,
        c =>
          (c.networkProfile = {
            networkPlugin: 'kubenet',
            podCidr: '10.244.0.0/16',
          }),
      ),
      'same-node-pod-to-pod-visible',
      'fail',
    ],
    [
      'BYO CNI',
      with_(
        overlayCluster,
        c => (c.networkProfile = { networkPlugin: 'none' }),
      ),
      'same-node-pod-to-pod-visible',
      'unknown',
    ],
    [
      'an unknown model',
      with_(overlayCluster, c => (c.networkProfile = {})),
      'same-node-pod-to-pod-visible',
      'unknown',
    ],
    // egress / ingress
    ['no flow logs', overlayCluster(), 'egress-ingress-monitored', 'fail'],
    [
      'a VNet flow log on the VNet',
      with_(overlayCluster, c => (c.flowLogs = [vnetFlowLog()])),
      'egress-ingress-monitored',
      'pass',
    ],
    [
      'a VNet flow log on the subnet, ids in other casing',
      with_(
        overlayCluster,
        c =>
          (c.flowLogs = [
            vnetFlowLog({ targetResourceId: SUBNET_ID.toUpperCase() }),
          ]),
      ),
      'egress-ingress-monitored',
      'pass',
    ],
    [
      'VNet and NSG flow logs',
      with_(overlayCluster, c => (c.flowLogs = [vnetFlowLog(), nsgFlowLog()])),
      'egress-ingress-monitored',
      'pass',
    ],
    [
      'a disabled VNet flow log',
      with_(
        overlayCluster,
        c => (c.flowLogs = [vnetFlowLog({ enabled: false })]),
      ),
      'egress-ingress-monitored',
      'fail',
    ],
    [
      'NSG flow logs only',
      with_(overlayCluster, c => (c.flowLogs = [nsgFlowLog()])),
      'egress-ingress-monitored',
      'warn',
    ],
    [
      'NSG flow logs only, after they retired',
      with_(overlayCluster, c => (c.flowLogs = [nsgFlowLog()])),
      'egress-ingress-monitored',
      'fail',
      new Date('2027-09-30T00:00:00Z'),
    ],
    // history
    [
      'a VNet flow log kept 30 days',
      with_(overlayCluster, c => (c.flowLogs = [vnetFlowLog()])),
      'communication-history-kept',
      'pass',
    ],
    [
      'a VNet flow log kept 0 days',
      with_(
        overlayCluster,
        c => (c.flowLogs = [vnetFlowLog({ retentionDays: 0 })]),
      ),
      'communication-history-kept',
      'fail',
    ],
    [
      'a VNet flow log with traffic analytics',
      with_(
        overlayCluster,
        c =>
          (c.flowLogs = [
            vnetFlowLog({
              retentionDays: 0,
              trafficAnalyticsEnabled: true,
              workspaceId: '/w',
            }),
          ]),
      ),
      'communication-history-kept',
      'pass',
    ],
    [
      'NSG flow logs kept 30 days',
      with_(overlayCluster, c => (c.flowLogs = [nsgFlowLog()])),
      'communication-history-kept',
      'warn',
    ],
    [
      'container network logs with ACNS observability',
      with_(overlayCluster, c => {
        c.addons.acns = { enabled: true, observability: true, security: false };
        c.addons.omsagent = { enabled: true, containerNetworkLogs: true };
      }),
      'communication-history-kept',
      'pass',
    ],
    [
      'container network logs without ACNS',
      with_(
        overlayCluster,
        c =>
          (c.addons.omsagent = { enabled: true, containerNetworkLogs: true }),
      ),
      'communication-history-kept',
      'fail',
    ],
    // node subnet exhaustion
    [
      'overlay /27 with 3 of 27 used',
      overlayCluster(),
      'node-subnet-exhaustion',
      'pass',
    ],
    [
      'overlay /27 with 22 of 27 used',
      with_(overlayCluster, c => (c.nodeSubnets[0].ipUsed = 22)),
      'node-subnet-exhaustion',
      'warn',
    ],
    [
      'overlay /27 with 27 of 27 used',
      with_(overlayCluster, c => (c.nodeSubnets[0].ipUsed = 27)),
      'node-subnet-exhaustion',
      'fail',
    ],
    [
      'flat /24 with 124 of 251 used',
      flatCluster(),
      'node-subnet-exhaustion',
      'pass',
    ],
    // A flat cluster (docs/domain.md#flat-node-subnet) near the end of its /24: surge needs 1 + 30 more.
    [
      'flat /24 with 240 of 251 used',
      with_(flatCluster, c => (c.nodeSubnets[0].ipUsed = 240)),
      'node-subnet-exhaustion',
      'fail',
    ],
    [
      'flat /24 with usage unknown',
      with_(flatCluster, c => (c.nodeSubnets[0].ipUsed = undefined)),
      'node-subnet-exhaustion',
      'unknown',
    ],
    [
      'flat /24 whose autoscaler ceiling does not fit',
      with_(flatCluster, c => (c.nodePools[0].maxCount = 10)),
      'node-subnet-exhaustion',
      'warn',
    ],
    // pod CIDR exhaustion
    [
      'a /16 pod CIDR with 3 nodes',
      overlayCluster(),
      'pod-cidr-exhaustion',
      'pass',
    ],
    [
      'a /24 pod CIDR with 1 node and surge 1',
      with_(overlayCluster, c => {
        c.networkProfile.podCidr = '10.244.0.0/24';
        c.nodePools[0].count = 1;
      }),
      'pod-cidr-exhaustion',
      'fail',
    ],
    ['flat (no pod CIDR)', flatCluster(), 'pod-cidr-exhaustion', undefined],
    // NSG and overlay
    ['an empty NSG', overlayCluster(), 'nsg-overlay-allow-rules', 'pass'],
    [
      'a deny-all rule without the allow rules',
      with_(
        overlayCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [
              rule({ name: 'deny-all-in', priority: 4000, access: 'Deny' }),
            ],
          }),
      ),
      'nsg-overlay-allow-rules',
      'fail',
    ],
    [
      'a VirtualNetwork deny rule without the allow rules',
      with_(
        overlayCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [
              rule({
                name: 'deny-vnet-out',
                priority: 4000,
                access: 'Deny',
                direction: 'Outbound',
                sourceAddressPrefixes: ['VirtualNetwork'],
                destinationAddressPrefixes: ['VirtualNetwork'],
              }),
            ],
          }),
      ),
      'nsg-overlay-allow-rules',
      'fail',
    ],
    [
      'a deny-all rule after the allow rules',
      with_(
        overlayCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [
              ...overlayAllowRules(),
              rule({ name: 'deny-all-in', priority: 4000, access: 'Deny' }),
              rule({
                name: 'deny-all-out',
                priority: 4000,
                access: 'Deny',
                direction: 'Outbound',
              }),
            ],
          }),
      ),
      'nsg-overlay-allow-rules',
      'pass',
    ],
    [
      'allow rules limited to port 443 before a deny-all',
      with_(
        overlayCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [
              ...overlayAllowRules().map(r => ({
                ...r,
                destinationPortRanges: ['443'],
              })),
              rule({ name: 'deny-all-in', priority: 4000, access: 'Deny' }),
            ],
          }),
      ),
      'nsg-overlay-allow-rules',
      'fail',
    ],
    [
      'a deny rule for the internet only',
      with_(
        overlayCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [
              rule({
                name: 'deny-internet',
                priority: 100,
                access: 'Deny',
                sourceAddressPrefixes: ['Internet'],
              }),
            ],
          }),
      ),
      'nsg-overlay-allow-rules',
      'pass',
    ],
    [
      'a flat cluster with a deny rule (not overlay)',
      with_(
        flatCluster,
        c =>
          (c.nodeSubnets[0].nsg = {
            id: NSG_ID,
            rules: [rule({ name: 'deny', priority: 100, access: 'Deny' })],
          }),
      ),
      'nsg-overlay-allow-rules',
      undefined,
    ],
    // in-place migration
    [
      'flat on 1.29 without network policy',
      flatCluster(),
      'in-place-overlay-migration',
      'warn',
    ],
    [
      'overlay (nothing to migrate)',
      overlayCluster(),
      'in-place-overlay-migration',
      undefined,
    ],
    // kubenet
    [
      'kubenet before 2028-03-31',
      with_(
        overlayCluster,
        c => (c.networkProfile = { networkPlugin: 'kubenet' }),
      ),
      'kubenet-retiring',
      'warn',
    ],
    [
      'kubenet after 2028-03-31',
      with_(
        overlayCluster,
        c => (c.networkProfile = { networkPlugin: 'kubenet' }),
      ),
      'kubenet-retiring',
      'fail',
      new Date('2028-04-01T00:00:00Z'),
    ],
    ['overlay (not kubenet)', overlayCluster(), 'kubenet-retiring', undefined],
    // ACNS cost
    ['ACNS off', overlayCluster(), 'acns-monthly-cost', 'warn'],
    // ACNS cannot run there: no price of closing a gap it cannot close.
    [
      'kubenet (ACNS cannot run)',
      with_(
        overlayCluster,
        c => (c.networkProfile = { networkPlugin: 'kubenet' }),
      ),
      'acns-monthly-cost',
      undefined,
    ],
    [
      'BYO CNI (ACNS cannot run)',
      with_(
        overlayCluster,
        c => (c.networkProfile = { networkPlugin: 'none' }),
      ),
      'acns-monthly-cost',
      undefined,
    ],
    [
      'ACNS on',
      with_(overlayCluster, c => (c.addons.acns.enabled = true)),
      'acns-monthly-cost',
      'pass',
    ],
  ];
  it.each(
    rows.map(([name, cluster, id, status, now]) => ({
      name,
      cluster,
      id,
      status,
      now,
    })),
  )('$name → $id is $status', ({ cluster, id, status, now }) => {
    expect(statusOf(cluster, id, now)).toBe(status);
  });

  it('sums up an overlay cluster without ACNS or flow logs', () => {
    const posture = assessClusterPosture(overlayCluster(), { now: NOW });
    expect(posture.summary).toEqual({
      egressIngressMonitored: false,
      samePodToPodVisible: false,
      historyKept: false,
    });
    expect(posture.classification).toMatchObject({
      known: true,
      model: 'azure-cni-overlay',
    });
    expect(posture.acnsMonthlyCostUsd).toBe(54.75);
  });

  it('sums up an overlay cluster that keeps all three', () => {
    const cluster = with_(overlayCluster, c => {
      c.addons.acns = { enabled: true, observability: true, security: false };
      c.flowLogs = [vnetFlowLog()];
    });
    expect(assessClusterPosture(cluster, { now: NOW }).summary).toEqual({
      egressIngressMonitored: true,
      samePodToPodVisible: true,
      historyKept: true,
    });
  });

  it('counts retiring NSG flow logs as monitoring, and says they retire', () => {
    const posture = assessClusterPosture(
      with_(overlayCluster, c => (c.flowLogs = [nsgFlowLog()])),
      { now: NOW },
    );
    expect(posture.summary.egressIngressMonitored).toBe(true);
    const finding = posture.findings.find(
      f => f.id === 'egress-ingress-monitored',
    ) as PostureFinding;
    expect(finding.detail).toContain('2027-09-30');
    expect(finding.remediation).toContain('VNet flow log');
  });

  it('explains why a flat cluster cannot migrate in place', () => {
    const old = with_(flatCluster, c => {
      c.kubernetesVersion = '1.26.10';
      c.networkProfile.networkPolicy = 'calico';
    });
    const finding = assessClusterPosture(old, { now: NOW }).findings.find(
      f => f.id === 'in-place-overlay-migration',
    ) as PostureFinding;
    expect(finding.title).toContain('not available');
    expect(finding.detail).toContain('1.26.10 is older than 1.27');
    expect(finding.detail).toContain("network policy 'calico'");
    const ready = assessClusterPosture(flatCluster(), {
      now: NOW,
    }).findings.find(
      f => f.id === 'in-place-overlay-migration',
    ) as PostureFinding;
    expect(ready.remediation).toContain(
      '--network-plugin-mode overlay --pod-cidr',
    );
  });

  it('names the deny rule and the flows it blocks', () => {
    const cluster = with_(
      overlayCluster,
      c =>
        (c.nodeSubnets[0].nsg = {
          id: NSG_ID,
          rules: [
            rule({ name: 'deny-all-in', priority: 4000, access: 'Deny' }),
          ],
        }),
    );
    const finding = assessClusterPosture(cluster, { now: NOW }).findings.find(
      f => f.id === 'nsg-overlay-allow-rules',
    ) as PostureFinding;
    expect(finding.detail).toContain(
      "Inbound node → pod CIDR (10.240.0.0/27 → 10.244.0.0/16) on aks-sn is denied by 'deny-all-in' (priority 4000)",
    );
    expect(finding.remediation).toContain('priority below 4000');
    expect(finding.resourceId).toBe(NSG_ID);
  });

  it('shows the exhaustion figures of the flat /24', () => {
    const finding = assessClusterPosture(
      with_(flatCluster, c => (c.nodeSubnets[0].ipUsed = 240)),
      { now: NOW },
    ).findings.find(f => f.id === 'node-subnet-exhaustion') as PostureFinding;
    expect(finding.detail).toContain(
      '240 of 251 usable IPs in use, 31 more needed for upgrade surge',
    );
    expect(finding.resourceId).toBe(SUBNET_ID);
  });

  it('states the ACNS cost with the hours-per-month convention', () => {
    const finding = assessClusterPosture(overlayCluster(), {
      now: NOW,
    }).findings.find(f => f.id === 'acns-monthly-cost') as PostureFinding;
    expect(finding.detail).toContain(
      '3 nodes × $0.025 × 730 h = $54.75 a month',
    );
  });

  it('gives every finding a title, detail and fact, and JSON survives', () => {
    const posture = assessClusterPosture(flatCluster(), { now: NOW });
    for (const finding of posture.findings) {
      expect(finding.title).not.toBe('');
      expect(finding.detail).not.toBe('');
      expect(finding.fact).not.toBe('');
    }
    expect(JSON.parse(JSON.stringify(posture))).toEqual(posture);
    expect(JSON.parse(JSON.stringify(flatCluster()))).toEqual(flatCluster());
  });
});
