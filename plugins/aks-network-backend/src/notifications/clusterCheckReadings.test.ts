import type {
  ClusterFleetFigures,
  NodeSubnetUse,
  PostureCheckStatuses,
} from '@aks-network/plugin-aks-network-common';
import { ConfigReader } from '@backstage/config';
import { readAksNetworkBackendConfig } from '../config/aksNetworkBackendConfig';
import type { FleetInventoryCluster } from '../model';
import { clusterCheckReadings } from './clusterCheckReadings';
import { NOTIFIED_CLUSTER_CHECKS } from './notificationSettings';

const defaults = readAksNetworkBackendConfig(
  new ConfigReader({}),
).notifications;

function subnet(used: number | undefined, surgeIps: number): NodeSubnetUse {
  return {
    role: 'node',
    subnetId:
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-aks',
    name: 'snet-aks',
    addressPrefix: '10.240.0.0/27',
    used,
    usable: used === undefined ? undefined : 27,
    reserved: 5,
    surgeIps,
    growthIps: 0,
  };
}

function cluster(
  figures: Partial<Omit<ClusterFleetFigures, 'checks'>> & {
    checks?: Partial<PostureCheckStatuses>;
  },
  stale?: FleetInventoryCluster['stale'],
): FleetInventoryCluster {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1',
    name: 'aks-1',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'westeurope',
    owner: 'team-a',
    networkModel: 'azure-cni-overlay',
    dataplane: 'azure',
    lastSeenAt: new Date('2026-12-01T00:00:00Z'),
    ...(stale ? { stale } : {}),
    figures: {
      nodeCount: 3,
      nodeSubnets: [],
      podSubnets: [],
      acnsMonthlyCostUsd: 54.75,
      acnsObservability: false,
      acnsAvailable: true,
      vnetIpsSavedVsFlat: 0,
      retiring: { kubenet: false, nsgFlowLogs: false },
      ...figures,
      checks: {
        egressIngressMonitored: 'pass',
        samePodToPodVisible: 'pass',
        historyKept: 'pass',
        ...figures.checks,
      },
    },
  };
}

const stateOf = (
  readings: ReturnType<typeof clusterCheckReadings>,
  check: string,
) => readings.find(reading => reading.check === check)?.state;

describe('clusterCheckReadings', () => {
  it.each([
    // used + surge of 27 usable: 80% is 21.6
    [20, 1, 'ok'],
    [21, 1, 'bad'], // 22 / 27 = 81%: the surge tips it over
    [21, 0, 'ok'],
    [27, 3, 'bad'],
  ])(
    'a node subnet with %p IPs used and %p for surge reads %p at the default 80%',
    (used, surge, state) => {
      const readings = clusterCheckReadings(
        cluster({ nodeSubnets: [subnet(used, surge)] }),
        defaults,
      );
      expect(stateOf(readings, 'nodeSubnetFill')).toBe(state);
    },
  );

  it('names the fullest subnet and the threshold in what it found', () => {
    const [reading] = clusterCheckReadings(
      cluster({ nodeSubnets: [subnet(3, 1), subnet(24, 2)] }),
      { ...defaults, fillThreshold: 0.9 },
    );
    expect(reading).toEqual({
      check: 'nodeSubnetFill',
      state: 'bad',
      found:
        "node subnet snet-aks (10.240.0.0/27) is 96% full with an upgrade's surge: 24 IPs used and 2 for surge nodes of 27 usable (notified from 90%)",
    });
  });

  it('reads nothing of a subnet whose use Azure did not give: no verdict without data', () => {
    const readings = clusterCheckReadings(
      cluster({ nodeSubnets: [subnet(undefined, 1)] }),
      defaults,
    );
    expect(stateOf(readings, 'nodeSubnetFill')).toBeUndefined();
  });

  it.each([
    [200, 55, 256, 'bad'], // (200 + 55) / 256 nodes ≥ 80%
    [150, 10, 256, 'ok'],
  ])(
    'a pod CIDR with %p nodes and %p surge of %p reads %p',
    (nodes, surgeNodes, capacityNodes, state) => {
      const readings = clusterCheckReadings(
        cluster({
          podCidr: { cidr: '10.244.0.0/16', nodes, surgeNodes, capacityNodes },
        }),
        defaults,
      );
      expect(stateOf(readings, 'podCidrFill')).toBe(state);
    },
  );

  it.each([
    ['egressIngressMonitored', 'pass', 'ok'],
    ['egressIngressMonitored', 'warn', 'ok'], // on retiring NSG flow logs: still monitored
    ['egressIngressMonitored', 'fail', 'bad'],
    ['egressIngressMonitored', 'unknown', undefined],
    ['historyKept', 'warn', 'ok'],
    ['historyKept', 'fail', 'bad'],
    ['historyKept', 'unknown', undefined],
    ['samePodToPodVisible', 'pass', 'ok'],
    ['samePodToPodVisible', 'warn', 'bad'], // visible only on a pass
    ['samePodToPodVisible', 'fail', 'bad'],
    ['samePodToPodVisible', 'unknown', undefined],
  ] as const)('%s %s reads %p', (check, status, state) => {
    const readings = clusterCheckReadings(
      cluster({ checks: { [check]: status } as Partial<PostureCheckStatuses> }),
      defaults,
    );
    expect(stateOf(readings, check)).toBe(state);
  });

  it('reads Azure’s own status where a declared control made the check a warning: never counted as verified', () => {
    const declared = cluster({
      checks: { historyKept: 'warn', samePodToPodVisible: 'warn' },
      azureChecks: { historyKept: 'fail', samePodToPodVisible: 'pass' },
    });
    const readings = clusterCheckReadings(declared, defaults);
    expect(stateOf(readings, 'historyKept')).toBe('bad');
    expect(stateOf(readings, 'samePodToPodVisible')).toBe('ok');
    // Without Azure's status kept, the warning of NSG-only history holds.
    expect(
      stateOf(
        clusterCheckReadings(
          cluster({ checks: { historyKept: 'warn' } }),
          defaults,
        ),
        'historyKept',
      ),
    ).toBe('ok');
  });

  it('reads a stale cluster as bad, with its error and since when', () => {
    const readings = clusterCheckReadings(
      cluster(
        {},
        {
          error: 'AuthorizationFailed',
          since: new Date('2026-12-01T10:00:00Z'),
        },
      ),
      defaults,
    );
    expect(readings.find(reading => reading.check === 'stale')).toEqual({
      check: 'stale',
      state: 'bad',
      found:
        'its subscription could not be read since 2026-12-01T10:00:00.000Z: AuthorizationFailed',
    });
    expect(stateOf(clusterCheckReadings(cluster({}), defaults), 'stale')).toBe(
      'ok',
    );
  });

  it.each(NOTIFIED_CLUSTER_CHECKS)(
    'leaves out %s when it is turned off',
    check => {
      const figures = {
        nodeSubnets: [subnet(10, 1)],
        podCidr: {
          cidr: '10.244.0.0/16',
          nodes: 3,
          surgeNodes: 1,
          capacityNodes: 256,
        },
      };
      expect(
        stateOf(clusterCheckReadings(cluster(figures), defaults), check),
      ).toBeDefined();
      const off = clusterCheckReadings(cluster(figures), {
        ...defaults,
        checks: { ...defaults.checks, [check]: false },
      });
      expect(stateOf(off, check)).toBeUndefined();
      expect(off).toHaveLength(NOTIFIED_CLUSTER_CHECKS.length - 1);
    },
  );
});

describe('aksNetwork.notifications', () => {
  it('defaults to on, 80%, every check, five free subnets and no pool recipient', () => {
    expect(defaults).toEqual({
      enabled: true,
      fillThreshold: 0.8,
      checks: Object.fromEntries(
        NOTIFIED_CLUSTER_CHECKS.map(check => [check, true]),
      ),
      addressPools: { enabled: true, minFreeSubnets: 5, recipients: [] },
    });
  });

  it('reads recipients as entity refs, as the catalog does', () => {
    const read = readAksNetworkBackendConfig(
      new ConfigReader({
        aksNetwork: {
          notifications: {
            fillThreshold: '0.9',
            addressPools: { recipients: ['team-platform', 'user:default/ops'] },
          },
        },
      }),
    ).notifications;
    expect(read.fillThreshold).toBe(0.9);
    expect(read.addressPools.recipients).toEqual([
      'group:default/team-platform',
      'user:default/ops',
    ]);
  });

  it.each([
    [{ fillThreshold: 0 }, 'aksNetwork.notifications.fillThreshold'],
    [{ fillThreshold: 1.5 }, 'aksNetwork.notifications.fillThreshold'],
    [{ checks: { flowLogs: true } }, 'aksNetwork.notifications.checks'],
    [
      { addressPools: { minFreeSubnets: 0 } },
      'aksNetwork.notifications.addressPools.minFreeSubnets',
    ],
    [
      { addressPools: { recipients: ['component:default/x'] } },
      'aksNetwork.notifications.addressPools.recipients.0',
    ],
    [{ enabled: 'sometimes' }, 'aksNetwork.notifications.enabled'],
  ])('refuses %j naming %s', (notifications, key) => {
    expect(() =>
      readAksNetworkBackendConfig(
        new ConfigReader({ aksNetwork: { notifications } }),
      ),
    ).toThrow(key);
  });
});
