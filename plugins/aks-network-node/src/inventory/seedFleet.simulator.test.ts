import path from 'path';
import {
  ArmSimulator,
  loadFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  ClusterRecord,
  classifyClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import {
  AzureInventoryReader,
  SubscriptionInventory,
} from './AzureInventoryReader';
import { simulatorClients } from './__testUtils__/simulatorClients';

// The seed fleet the local default starts with (examples/azure-fleet/fleet.yaml): the
// inventory must read every network model in it the way the catalog and the cards
// will show it.
const FLEET = path.resolve(
  __dirname,
  '../../../../examples/azure-fleet/fleet.yaml',
);
const PLATFORM_PROD = '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20';
const PLATFORM_NONPROD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const DATA_PROD = '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8';

describe('AzureInventoryReader on the seed fleet', () => {
  let simulator: ArmSimulator;
  const clusters = new Map<string, ClusterRecord>();

  const reads: SubscriptionInventory[] = [];

  beforeAll(async () => {
    simulator = await startArmSimulator({ fleet: await loadFleet(FLEET) });
    const reader = new AzureInventoryReader(simulatorClients(simulator));
    for (const subscriptionId of [PLATFORM_PROD, PLATFORM_NONPROD, DATA_PROD]) {
      const result = await reader.readSubscription(subscriptionId);
      reads.push(result);
      for (const record of result.clusters) {
        clusters.set(record.name, record);
      }
    }
  });

  afterAll(async () => {
    await simulator?.close();
  });

  function cluster(name: string): ClusterRecord {
    const found = clusters.get(name);
    if (!found) {
      throw new Error(`${name} is not in the inventory`);
    }
    return found;
  }

  function usedIps(record: ClusterRecord): number {
    return simulator.state.usedIps(record.nodeSubnets[0].id);
  }

  it('reads every cluster of the fleet, completely and without errors', () => {
    for (const read of reads) {
      expect(read).toMatchObject({ complete: true, errors: [] });
    }
    expect(clusters.size).toBe(simulator.state.clusters().length);
    expect(clusters.size).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['aks-payments-prod-weu', 'azure-cni-overlay', 'azure'],
    ['aks-search-prod-neu', 'azure-cni-overlay', 'cilium'],
    ['aks-identity-prod-weu', 'azure-cni-node-subnet', 'azure'],
    ['aks-search-dev-neu', 'azure-cni-pod-subnet', 'azure'],
    // kubenet and a BYO CNI have no Azure dataplane.
    ['aks-billing-legacy-weu', 'kubenet', null],
    ['aks-platform-sandbox-neu', 'byo-cni', null],
    ['aks-checkout-dev-weu', 'azure-cni-overlay', 'azure'],
  ])('classifies %s as %s / %s', (name, model, dataplane) => {
    expect(classifyClusterRecord(cluster(name))).toMatchObject({
      known: true,
      model,
      dataplane,
    });
  });

  it('maps overlay with ACNS observability, container network logs and a subnet flow log', () => {
    const payments = cluster('aks-payments-prod-weu');
    expect(payments.addons).toMatchObject({
      acns: { enabled: true, observability: true, security: false },
      omsagent: { enabled: true, containerNetworkLogs: true },
    });
    expect(payments.nodePools.map(pool => [pool.name, pool.mode])).toEqual([
      ['system', 'System'],
      ['apps', 'User'],
    ]);
    expect(payments.nodeSubnets).toHaveLength(1);
    expect(payments.nodeSubnets[0]).toMatchObject({
      name: 'snet-aks-payments-prod',
      addressPrefix: '10.240.0.0/27',
      ipUsed: usedIps(payments),
      ipLimit: 27,
    });
    expect(payments.nodeSubnets[0].nsg?.rules?.map(rule => rule.name)).toEqual([
      'AllowHttpsInbound',
      'AllowNodeToNode',
      'AllowNodeToPods',
      'AllowPodToPod',
      'DenyAllInboundCustom',
    ]);
    expect(payments.flowLogs).toEqual([
      expect.objectContaining({
        kind: 'vnet',
        enabled: true,
        retentionDays: 30,
        targetResourceId: expect.stringMatching(
          /\/subnets\/snet-aks-payments-prod$/i,
        ),
      }),
    ]);
  });

  it('maps Cilium with ACNS security and a VNet flow log with traffic analytics', () => {
    const search = cluster('aks-search-prod-neu');
    expect(search.networkProfile.networkDataplane).toBe('cilium');
    expect(search.addons.acns).toEqual({
      enabled: true,
      observability: true,
      security: true,
    });
    expect(search.flowLogs).toEqual([
      expect.objectContaining({
        kind: 'vnet',
        retentionDays: 30,
        trafficAnalyticsEnabled: true,
        workspaceId: expect.stringMatching(/workspaces\/log-platform-prod$/),
      }),
    ]);
  });

  it('maps the nearly full flat subnet and its retiring NSG flow log', () => {
    const identity = cluster('aks-identity-prod-weu');
    expect(identity.nodeSubnets[0]).toMatchObject({
      addressPrefix: '10.240.1.0/24',
      ipUsed: 240,
      ipLimit: 251,
    });
    expect(identity.flowLogs).toEqual([
      expect.objectContaining({
        kind: 'nsg',
        enabled: true,
        retentionDays: 90,
      }),
    ]);
  });

  it('maps the migrated cluster, the pod subnet, kubenet and BYO CNI', () => {
    const migrated = cluster('aks-checkout-dev-weu');
    expect(migrated.networkProfile).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '100.64.0.0/10',
    });
    expect(migrated.nodePools[0].maxPods).toBe(30);

    const podSubnet = cluster('aks-search-dev-neu');
    expect(podSubnet.nodePools[0].podSubnetId).toMatch(
      /\/subnets\/snet-aks-search-dev-pods$/i,
    );
    expect(podSubnet.nodeSubnets.map(subnet => subnet.name)).toEqual([
      'snet-aks-search-dev-nodes',
    ]);

    expect(cluster('aks-billing-legacy-weu').networkProfile).toMatchObject({
      networkPlugin: 'kubenet',
      podCidr: '10.244.0.0/16',
    });
    expect(
      cluster('aks-platform-sandbox-neu').networkProfile.networkPlugin,
    ).toBe('none');
  });

  it('maps the NSG with a deny rule and no overlay allow rules', () => {
    const dev = cluster('aks-payments-dev-weu');
    expect(dev.nodeSubnets[0].nsg?.rules).toEqual([
      expect.objectContaining({ name: 'AllowHttpsInbound', access: 'Allow' }),
      expect.objectContaining({
        name: 'DenyAllInboundCustom',
        access: 'Deny',
        priority: 4096,
      }),
    ]);
    expect(dev.flowLogs).toEqual([]);
  });
});
