import {
  ArmSimulator,
  SimulatorFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import { AzureInventoryReader } from './AzureInventoryReader';
import { emptyCallCounts, InventoryCallCounts } from './InventoryCallCounts';
import { SharedReads } from './SharedReads';
import { simulatorClients } from './__testUtils__/simulatorClients';

const HUB = 'c3c3c3c3-0000-4000-8000-000000000001';
const SPOKES = [
  'c3c3c3c3-0000-4000-8000-000000000002',
  'c3c3c3c3-0000-4000-8000-000000000003',
];
const HUB_VNET = `/subscriptions/${HUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

/**
 * A hub network in one subscription holding the node subnets of clusters in three
 * (its own and two spokes'), as a platform team's hub-and-spoke landing zone has it.
 */
function hubFleet(): SimulatorFleet {
  const subscriptions = [HUB, ...SPOKES].map((id, i) => ({
    id,
    name: `s${i}`,
    displayName: `Hub test ${i}`,
  }));
  return {
    subscriptions,
    networkSecurityGroups: [
      {
        subscription: 's0',
        resourceGroup: 'rg-hub',
        name: 'nsg-aks',
        region: 'westeurope',
        rules: [],
      },
    ],
    virtualNetworks: [
      {
        subscription: 's0',
        resourceGroup: 'rg-hub',
        name: 'vnet-hub',
        region: 'westeurope',
        addressSpace: ['10.60.0.0/16'],
        flowLog: { retentionDays: 30 },
        subnets: subscriptions.map((_, i) => ({
          name: `snet-aks-${i}`,
          prefix: `10.60.${i}.0/27`,
          nsg: 'nsg-aks',
        })),
      },
    ],
    clusters: subscriptions.map((subscription, i) => ({
      subscription: subscription.name,
      resourceGroup: 'rg-aks',
      name: `aks-${i}`,
      region: 'westeurope',
      network: { plugin: 'azure' as const, mode: 'overlay' as const },
      pools: [
        {
          name: 'system',
          count: 2,
          subnet: `${HUB_VNET}/subnets/snet-aks-${i}`,
        },
      ],
    })),
  };
}

function sum(counts: InventoryCallCounts[]): InventoryCallCounts {
  const total = emptyCallCounts();
  for (const count of counts) {
    for (const kind of Object.keys(total) as Array<keyof InventoryCallCounts>) {
      total[kind] += count[kind];
    }
  }
  return total;
}

describe('SharedReads: a hub network read once per pass', () => {
  let simulator: ArmSimulator;
  let reader: AzureInventoryReader;
  const subscriptionIds = [HUB, ...SPOKES];

  beforeAll(async () => {
    simulator = await startArmSimulator({ fleet: hubFleet() });
    reader = new AzureInventoryReader(simulatorClients(simulator));
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  it('reads the hub VNet, its usages, NSG, watchers and flow logs once for three subscriptions', async () => {
    const shared = new SharedReads();
    const results = await Promise.all(
      subscriptionIds.map(id => reader.readSubscription(id, { shared })),
    );

    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.clusters).toHaveLength(1);
      const [cluster] = result.clusters;
      // Every read has the shared data, not only the one that made the call.
      expect(cluster.nodeSubnets[0]).toMatchObject({
        addressPrefix: expect.stringMatching(/^10\.60\.\d\.0\/27$/),
        ipUsed: expect.any(Number),
        nsg: { id: expect.stringMatching(/nsg-aks$/), rules: [] },
      });
      expect(cluster.flowLogs).toEqual([
        expect.objectContaining({ kind: 'vnet', enabled: true }),
      ]);
    }
    const calls = sum(results.map(result => result.calls));
    expect(calls).toMatchObject({
      'managedClusters.list': 3,
      'virtualNetworks.get': 1,
      'virtualNetworks.listUsage': 1,
      'networkSecurityGroups.get': 1,
      'networkWatchers.listAll': 1,
      'flowLogs.list': 1,
    });
    // The simulator saw as many requests as the reads counted.
    const seen = simulator.calls().byKind;
    expect(seen['GET virtualNetworks.get']).toBe(1);
    expect(seen['GET virtualNetworks.listUsage']).toBe(1);
    expect(seen['GET networkSecurityGroups.get']).toBe(1);
    expect(seen['GET networkWatchers.listAll']).toBe(1);
    expect(seen['GET flowLogs.list']).toBe(1);
    expect(shared.size).toBe(5);
  });

  it('reads the hub once per subscription without a pass (as a refresh does)', async () => {
    const results = [];
    for (const id of subscriptionIds) {
      results.push(await reader.readSubscription(id));
    }
    const calls = sum(results.map(result => result.calls));
    expect(calls['virtualNetworks.get']).toBe(3);
    expect(simulator.calls().byKind['GET virtualNetworks.get']).toBe(3);
  });

  it("hands a shared read's failure to every subscription, against its own clusters", async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: '/virtualNetworks/vnet-hub/usages$',
    });
    const shared = new SharedReads();
    const results = await Promise.all(
      subscriptionIds.map(id => reader.readSubscription(id, { shared })),
    );

    expect(simulator.calls().byKind['GET virtualNetworks.listUsage']).toBe(1);
    for (const result of results) {
      const [cluster] = result.clusters;
      expect(result.errors).toEqual([
        expect.objectContaining({
          kind: 'virtualNetworks.listUsage',
          resourceId: HUB_VNET,
          statusCode: 500,
          clusterIds: [cluster.id],
        }),
      ]);
      expect(result.partialClusterIds).toEqual([cluster.id]);
      expect(cluster.unread).toEqual([
        expect.objectContaining({ part: 'subnetUsage' }),
      ]);
      expect(cluster.nodeSubnets[0].ipUsed).toBeUndefined();
    }
    // Counted once, by the read that made the call.
    expect(
      sum(results.map(result => result.calls))['virtualNetworks.listUsage'],
    ).toBe(1);
  });

  it('reads again after an aborted read, rather than handing on its abort', async () => {
    const shared = new SharedReads();
    const aborted = new AbortController();
    aborted.abort(new Error('stopped'));
    const first = shared.read(
      'virtualNetworks.get',
      HUB_VNET,
      async () => {
        throw new Error('never');
      },
      aborted.signal,
    );
    await expect(first.outcome).rejects.toThrow('stopped');
    const second = shared.read(
      'virtualNetworks.get',
      HUB_VNET,
      async () => 'read',
      undefined,
    );
    expect(second.started).toBe(true);
    await expect(second.outcome).resolves.toEqual({ ok: true, value: 'read' });
    // Keys are ARM ids, whose case ARM ignores.
    expect(
      shared.read(
        'virtualNetworks.get',
        HUB_VNET.toUpperCase(),
        async () => 'again',
        undefined,
      ).started,
    ).toBe(false);
  });
});
