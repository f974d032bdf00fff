import path from 'path';
import {
  ArmSimulator,
  loadFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { RestError } from '@azure/core-rest-pipeline';
import { AzureAccess } from '../../clients';
import {
  AzureInventoryReader,
  SubscriptionInventory,
} from '../AzureInventoryReader';
import { inventoryFleet, SUB_A, SUB_B } from '../__testUtils__/inventoryFleet';
import { simulatorClients } from '../__testUtils__/simulatorClients';
import { graphClients } from './__testUtils__/graphClients';
import { ResourceGraphInventoryReader } from './ResourceGraphInventoryReader';

const FLEET = path.resolve(
  __dirname,
  '../../../../../examples/azure-fleet/fleet.yaml',
);
const STRANGER = 'c3c3c3c3-0000-4000-8000-000000000003';
const VNET_WEU = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu`;
const GRAPH_CALLS = 'POST resourceGraph.resources';

function byId(records: ClusterRecord[]): ClusterRecord[] {
  return [...records].sort((a, b) =>
    a.id.toLowerCase().localeCompare(b.id.toLowerCase()),
  );
}

/** The distinct VNets the clusters' pools name, the usages calls the data needs. */
function vnetsOfClusters(simulator: ArmSimulator): Set<string> {
  const vnets = new Set<string>();
  for (const cluster of simulator.state.clusters()) {
    const pools = ((cluster.properties as any)?.agentPoolProfiles ??
      []) as Array<{ vnetSubnetID?: string; podSubnetID?: string }>;
    for (const pool of pools) {
      for (const subnet of [pool.vnetSubnetID, pool.podSubnetID]) {
        if (subnet) {
          vnets.add(subnet.toLowerCase().replace(/\/subnets\/[^/]+$/, ''));
        }
      }
    }
  }
  return vnets;
}

async function readAll(
  reader: { readSubscription(id: string): Promise<SubscriptionInventory> },
  subscriptionIds: string[],
): Promise<SubscriptionInventory[]> {
  const reads: SubscriptionInventory[] = [];
  for (const id of subscriptionIds) {
    reads.push(await reader.readSubscription(id));
  }
  return reads;
}

const sum = (
  reads: SubscriptionInventory[],
  kind: keyof SubscriptionInventory['calls'],
) => reads.reduce((total, read) => total + read.calls[kind], 0);

describe('ResourceGraphInventoryReader on the seed fleet', () => {
  let simulator: ArmSimulator;

  beforeAll(async () => {
    simulator = await startArmSimulator({ fleet: await loadFleet(FLEET) });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  it('reads the same inventory as the ARM path, with the query pages and one usages call per VNet', async () => {
    const subscriptionIds = simulator.state
      .subscriptions()
      .map(s => s.subscriptionId);
    const arm = await readAll(
      new AzureInventoryReader(simulatorClients(simulator)),
      subscriptionIds,
    );
    simulator.reset();
    const graph = await readAll(
      new ResourceGraphInventoryReader(graphClients(simulator)),
      subscriptionIds,
    );

    for (const [i, read] of graph.entries()) {
      expect(read).toMatchObject({ complete: true, errors: [] });
      expect(byId(read.clusters)).toEqual(byId(arm[i].clusters));
    }
    const clusters = graph.flatMap(read => read.clusters);
    expect(clusters).toHaveLength(simulator.state.clusters().length);
    expect(clusters.length).toBeGreaterThanOrEqual(12);

    // The floor: every page of the four queries, and one usages call per VNet.
    const calls = simulator.calls();
    const vnets = vnetsOfClusters(simulator);
    expect(sum(graph, 'resourceGraph.resources')).toBe(
      calls.byKind[GRAPH_CALLS],
    );
    expect(calls.byKind[GRAPH_CALLS]).toBe(4);
    expect(sum(graph, 'virtualNetworks.listUsage')).toBe(vnets.size);
    expect(calls.byKind['GET virtualNetworks.listUsage']).toBe(vnets.size);
    expect(calls.total).toBe(4 + vnets.size);
  });
});

describe('ResourceGraphInventoryReader against the ARM simulator', () => {
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

  it('pages every query with $skipToken, and reads what the ARM path reads', async () => {
    const arm = await new AzureInventoryReader(
      simulatorClients(simulator),
    ).readSubscription(SUB_A);
    simulator.reset();
    const reader = new ResourceGraphInventoryReader(graphClients(simulator), {
      pageSize: 2,
    });
    const [a, b] = await readAll(reader, [SUB_A, SUB_B]);

    expect(a.complete).toBe(true);
    expect(byId(a.clusters)).toEqual(byId(arm.clusters));
    expect(a.clusters).toHaveLength(11);
    // 11 clusters, 2 rows a page.
    expect(a.clusterListPages).toBe(6);
    const pages = simulator.calls().byKind[GRAPH_CALLS];
    expect(pages).toBeGreaterThan(6 + 3);
    expect(
      a.calls['resourceGraph.resources'] + b.calls['resourceGraph.resources'],
    ).toBe(pages);
    // The second subscription is answered from the same pass.
    expect(b.calls['resourceGraph.resources']).toBe(0);
    expect(b).toMatchObject({ complete: true, errors: [] });
  });

  it('answers subscriptions read at once from one pass, listing the subscriptions once', async () => {
    const clients = graphClients(simulator);
    const list = jest.spyOn(clients, 'listSubscriptionIds');
    const reader = new ResourceGraphInventoryReader(clients);
    const reads = await Promise.all([
      reader.readSubscription(SUB_A),
      reader.readSubscription(SUB_B),
    ]);
    expect(reads.map(read => read.complete)).toEqual([true, true]);
    expect(list).toHaveBeenCalledTimes(1);
    expect(simulator.calls().byKind[GRAPH_CALLS]).toBe(4);
    expect(
      reads[0].calls['resourceGraph.resources'] +
        reads[1].calls['resourceGraph.resources'],
    ).toBe(4);
  });

  it('answers from a pass only while it is younger than passMaxAgeMs', async () => {
    let now = 1_000_000;
    const reader = new ResourceGraphInventoryReader(graphClients(simulator), {
      passMaxAgeMs: 10_000,
      now: () => now,
    });
    await reader.readSubscription(SUB_A);
    now += 10_000;
    const b = await reader.readSubscription(SUB_B);
    expect(simulator.calls().byKind[GRAPH_CALLS]).toBe(8);
    expect(b.calls['resourceGraph.resources']).toBe(4);
  });

  it('starts a fresh pass for a subscription read again', async () => {
    const reader = new ResourceGraphInventoryReader(graphClients(simulator));
    await reader.readSubscription(SUB_A);
    const first = simulator.calls().byKind[GRAPH_CALLS];
    const again = await reader.readSubscription(SUB_A);
    expect(simulator.calls().byKind[GRAPH_CALLS]).toBe(2 * first);
    expect(again.calls['resourceGraph.resources']).toBe(first);
  });

  it('isolates a subscription Resource Graph does not see: incomplete, so nothing of it is deleted', async () => {
    const reader = new ResourceGraphInventoryReader(
      graphClients(simulator, [SUB_A, STRANGER, SUB_B]),
    );
    const [a, stranger, b] = await readAll(reader, [SUB_A, STRANGER, SUB_B]);

    expect(a).toMatchObject({ complete: true, errors: [] });
    expect(a.clusters).toHaveLength(11);
    expect(b).toMatchObject({ complete: true, errors: [] });
    expect(stranger).toMatchObject({
      complete: false,
      clusters: [],
      errors: [
        {
          kind: 'managedClusters.list',
          resourceId: `/subscriptions/${STRANGER}`,
          code: 'SubscriptionNotFound',
        },
      ],
    });
    // One pass for all three.
    expect(simulator.calls().byKind[GRAPH_CALLS]).toBe(4);
  });

  it('makes every subscription incomplete when the queries fail, never empty and complete', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: 'Microsoft.ResourceGraph',
    });
    const reader = new ResourceGraphInventoryReader(graphClients(simulator));
    for (const read of await readAll(reader, [SUB_A, SUB_B])) {
      expect(read).toMatchObject({
        complete: false,
        clusters: [],
        errors: [
          {
            kind: 'managedClusters.list',
            statusCode: 500,
            code: 'InternalServerError',
          },
        ],
      });
      expect(read.errors[0].message).toMatch(/^Resource Graph's/);
    }
  });

  it('reads the VNets and NSGs through ARM when the network query fails, and names that query', async () => {
    const arm = await new AzureInventoryReader(
      simulatorClients(simulator),
    ).readSubscription(SUB_A);
    simulator.reset();
    const clients = graphClients(simulator);
    const graph = clients.resourceGraph();
    // Only this query fails: the simulator's faults pick calls by path, and the four
    // queries share one.
    const resources = graph.resources.bind(graph);
    graph.resources = async (request, options) => {
      if (request.query.includes('microsoft.network/virtualnetworks')) {
        throw new RestError('The service is unavailable.', {
          statusCode: 503,
          code: 'ServiceUnavailable',
        });
      }
      return resources(request, options);
    };
    const result = await new ResourceGraphInventoryReader({
      ...clients,
      resourceGraph: () => graph,
    }).readSubscription(SUB_A);

    expect(result.complete).toBe(true);
    expect(byId(result.clusters)).toEqual(byId(arm.clusters));
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'resourceGraph.resources',
        clusterIds: [],
        statusCode: 503,
      }),
    ]);
    expect(result.partialClusterIds).toEqual([]);
    expect(result.calls['virtualNetworks.get']).toBe(2);
    expect(result.calls['networkSecurityGroups.get']).toBe(1);
  });

  it('cannot tell a flow log it may not read from none, where the ARM path names it unread (why ARM is the default source)', async () => {
    // Reader without flow-log read: ARM answers the listing with a 403; Resource
    // Graph leaves the rows out and says nothing.
    simulator.setFaults({
      deniedActions: ['Microsoft.Network/networkWatchers/*'],
    });
    const graph = await new ResourceGraphInventoryReader(
      graphClients(simulator),
    ).readSubscription(SUB_A);
    const arm = await new AzureInventoryReader(
      simulatorClients(simulator),
    ).readSubscription(SUB_A);

    const name = 'aks-overlay-1';
    const fromGraph = graph.clusters.find(c => c.name === name)!;
    const fromArm = arm.clusters.find(c => c.name === name)!;
    expect(graph.errors).toEqual([]);
    expect(fromGraph.flowLogs).toEqual([]);
    expect(fromGraph.unread ?? []).toEqual([]);
    expect(fromArm.flowLogs).toEqual([]);
    expect(fromArm.unread).toEqual([
      expect.objectContaining({ part: 'flowLogs', error: expect.any(String) }),
    ]);
  });

  it('names the usages unread on the clusters of a VNet whose usages call fails, and stays complete', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: '/virtualNetworks/vnet-weu/usages$',
    });
    const result = await new ResourceGraphInventoryReader(
      graphClients(simulator),
    ).readSubscription(SUB_A);

    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'virtualNetworks.listUsage',
        resourceId: VNET_WEU,
        statusCode: 500,
      }),
    ]);
    const onWeu = result.clusters.filter(c =>
      c.nodeSubnets.some(s =>
        s.id.toLowerCase().startsWith(VNET_WEU.toLowerCase()),
      ),
    );
    expect(onWeu.length).toBeGreaterThan(0);
    expect(new Set(result.partialClusterIds)).toEqual(
      new Set(onWeu.map(c => c.id)),
    );
    for (const cluster of onWeu) {
      expect(cluster.unread).toEqual([
        expect.objectContaining({ part: 'subnetUsage', resourceId: VNET_WEU }),
      ]);
    }
  });

  it('waits out a 429 for as long as x-ms-user-quota-resets-after says, then reads the same', async () => {
    const expected = await new ResourceGraphInventoryReader(
      graphClients(simulator),
    ).readSubscription(SUB_A);
    simulator.reset();
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: 'dev' },
            subscriptions: [
              { subscriptionId: SUB_A },
              { subscriptionId: SUB_B },
            ],
            requests: { maxRetries: 8, retryBaseDelayMs: 10 },
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    simulator.setFaults({
      throttleRate: 0.3,
      throttleRetryAfterSeconds: 1,
      seed: 3,
      pathPattern: 'Microsoft.ResourceGraph',
    });
    const result = await new ResourceGraphInventoryReader(
      access.clients,
    ).readSubscription(SUB_A);

    expect(result).toMatchObject({ complete: true, errors: [] });
    expect(byId(result.clusters)).toEqual(byId(expected.clusters));
    const log = simulator
      .calls()
      .log.filter(c => c.kind === 'resourceGraph.resources');
    const throttled = log.filter(c => c.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const refused of throttled) {
      const retry = log.find(
        c => c.clientRequestId === refused.clientRequestId && c.at > refused.at,
      );
      expect(retry).toBeDefined();
      // The backoff alone would be ~10 ms: the wait is the quota's reset.
      expect(retry!.at - refused.at).toBeGreaterThanOrEqual(950);
    }
    expect(result.calls['resourceGraph.resources']).toBe(4);
  }, 30_000);
});
