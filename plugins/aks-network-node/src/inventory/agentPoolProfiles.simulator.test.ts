import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import type {
  ContainerServiceClient,
  ManagedCluster,
  ManagedClusterAgentPoolProfile,
} from '@azure/arm-containerservice';
import { DEFAULT_MAX_PODS } from '@aks-network/plugin-aks-network-common';
import { AzureInventoryReader } from './AzureInventoryReader';
import { inventoryFleet, SUB_A } from './__testUtils__/inventoryFleet';
import { simulatorClients } from './__testUtils__/simulatorClients';

type Clients = ReturnType<typeof simulatorClients>;

/**
 * The simulator's clients with each listed cluster passed through `edit` after the
 * SDK deserialized it, so a test can take away what ARM would have sent.
 */
function editingListedClusters(
  clients: Clients,
  edit: (cluster: ManagedCluster) => void,
): Clients {
  return {
    network: clients.network,
    containerService: (subscriptionId: string) => {
      const client: ContainerServiceClient =
        clients.containerService(subscriptionId);
      const list = client.managedClusters.list.bind(client.managedClusters);
      client.managedClusters.list = options => {
        const pager = list(options);
        async function* byPage(settings?: { continuationToken?: string }) {
          for await (const page of pager.byPage(settings)) {
            page.forEach(edit);
            yield page;
          }
        }
        async function* items() {
          for await (const page of byPage()) {
            yield* page;
          }
        }
        const iterator = items();
        return {
          next: () => iterator.next(),
          [Symbol.asyncIterator]() {
            return this;
          },
          byPage,
        };
      };
      return client;
    },
  };
}

describe('AzureInventoryReader: node pools from the cluster listing', () => {
  let simulator: ArmSimulator;

  beforeAll(async () => {
    simulator = await startArmSimulator({ fleet: inventoryFleet() });
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  it('finds agentPoolProfiles on every cluster of the ARM listing, with the fields of agentPools.list', async () => {
    const reader = new AzureInventoryReader(simulatorClients(simulator));
    const result = await reader.readSubscription(SUB_A);
    const listed = simulator.state.clusters();
    expect(listed.length).toBeGreaterThan(0);
    for (const cluster of listed) {
      const profiles = (cluster.properties as Record<string, unknown>)
        .agentPoolProfiles as Array<Record<string, unknown>>;
      expect(profiles.length).toBeGreaterThan(0);
      const record = result.clusters.find(
        c => c.id.toLowerCase() === String(cluster.id).toLowerCase(),
      );
      expect(record?.nodePools.map(pool => pool.name)).toEqual(
        profiles.map(profile => profile.name),
      );
      expect(record?.nodePools.map(pool => pool.maxPods)).toEqual(
        profiles.map(profile => profile.maxPods),
      );
    }
    expect(result.calls['agentPools.list']).toBe(0);
    expect(simulator.calls().byKind['GET agentPools.list']).toBeUndefined();
  });

  it('lists the agent pools of only the cluster whose profile lacks maxPods, and reads it from there', async () => {
    const plain = await new AzureInventoryReader(
      simulatorClients(simulator),
    ).readSubscription(SUB_A);
    simulator.reset();
    const reader = new AzureInventoryReader(
      editingListedClusters(simulatorClients(simulator), cluster => {
        if (cluster.name === 'aks-podsubnet') {
          delete (cluster.agentPoolProfiles?.[0] as { maxPods?: number })
            .maxPods;
        }
      }),
    );
    const result = await reader.readSubscription(SUB_A);

    expect(result.calls['agentPools.list']).toBe(1);
    const listings = simulator
      .calls()
      .log.filter(call => call.kind === 'agentPools.list');
    expect(listings.map(call => call.path.replace(/\?.*$/, ''))).toEqual([
      expect.stringMatching(/\/managedClusters\/aks-podsubnet\/agentPools$/),
    ]);
    // The record is what a read of complete profiles gives.
    expect(result.clusters).toEqual(plain.clusters);
  });

  it('lists the agent pools of a cluster listed without agentPoolProfiles', async () => {
    const plain = await new AzureInventoryReader(
      simulatorClients(simulator),
    ).readSubscription(SUB_A);
    simulator.reset();
    const reader = new AzureInventoryReader(
      editingListedClusters(simulatorClients(simulator), cluster => {
        if (cluster.name === 'aks-flat' || cluster.name === 'aks-kubenet') {
          delete cluster.agentPoolProfiles;
        }
      }),
    );
    const result = await reader.readSubscription(SUB_A);
    expect(result.calls['agentPools.list']).toBe(2);
    expect(result.clusters).toEqual(plain.clusters);
  });

  it('keeps the profiles it has, and names the failure, when that listing fails', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: '/agentPools$',
    });
    const reader = new AzureInventoryReader(
      editingListedClusters(simulatorClients(simulator), cluster => {
        if (cluster.name === 'aks-podsubnet') {
          const profile = cluster.agentPoolProfiles?.[0] as
            | Partial<ManagedClusterAgentPoolProfile>
            | undefined;
          delete profile?.maxPods;
        }
      }),
    );
    const result = await reader.readSubscription(SUB_A);
    const cluster = result.clusters.find(c => c.name === 'aks-podsubnet');
    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'agentPools.list',
        resourceId: cluster?.id,
        clusterIds: [cluster?.id],
        statusCode: 500,
      }),
    ]);
    expect(cluster?.nodePools[0].maxPods).toBe(DEFAULT_MAX_PODS);
  });
});
