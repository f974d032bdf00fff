import {
  ArmSimulator,
  SimulatorFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const SUB_A = 'a1a1a1a1-0000-4000-8000-0000000000a1';
const SUB_B = 'b2b2b2b2-0000-4000-8000-0000000000b2';
const TOKEN = 'sync-test-token';

function cluster(subscription: 'a' | 'b', name: string, subnet: string) {
  return {
    subscription,
    resourceGroup: 'rg-aks',
    name,
    region: 'westeurope',
    tags: { owner: `team-${subscription}` },
    network: { plugin: 'azure' as const, mode: 'overlay' as const },
    pools: [{ name: 'system', count: 2, subnet }],
  };
}

/** Two subscriptions, each with a VNet and two overlay clusters. */
function fleet(): SimulatorFleet {
  const vnet = (subscription: 'a' | 'b', range: string) => ({
    subscription,
    resourceGroup: 'rg-net',
    name: `vnet-${subscription}`,
    region: 'westeurope',
    addressSpace: [`${range}/16`],
    subnets: [
      { name: 'snet-1', prefix: `${range}/27` },
      { name: 'snet-2', prefix: `${range.replace(/\.0$/, '.32')}/27` },
    ],
  });
  return {
    subscriptions: [
      { id: SUB_A, name: 'a', displayName: 'Sync A' },
      { id: SUB_B, name: 'b', displayName: 'Sync B' },
    ],
    virtualNetworks: [vnet('a', '10.240.0.0'), vnet('b', '10.241.0.0')],
    clusters: [
      cluster('a', 'aks-a-1', 'vnet-a/snet-1'),
      cluster('a', 'aks-a-2', 'vnet-a/snet-2'),
      cluster('b', 'aks-b-1', 'vnet-b/snet-1'),
      cluster('b', 'aks-b-2', 'vnet-b/snet-2'),
    ],
  };
}

describe('ClusterInventorySync against the ARM simulator', () => {
  let simulator: ArmSimulator;
  let access: AzureAccess;

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: fleet(),
      expectedToken: TOKEN,
      operationDurationMs: 10,
    });
    // The same SDK code as real Azure: only the endpoint, credential and CA differ.
    access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: TOKEN },
            subscriptions: [SUB_A, SUB_B],
            // A fault must reach the sync at once, not after backoff.
            requests: { maxRetries: 0 },
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  it.each(databases.eachSupportedId())(
    'keeps a failing subscription’s clusters, marked stale, while the other updates (%p)',
    async databaseId => {
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(await databases.init(databaseId)),
      });
      const sync = new ClusterInventorySync({
        store,
        reader: new AzureInventoryReader(access.clients),
        subscriptions: access.clients,
        logger: mockServices.logger.mock(),
      });

      const first = await sync.run();
      expect(first.status).toBe('succeeded');
      const before = await store.listClusters();
      expect(
        before.items.map(c => [c.record.name, c.networkModel, c.owner]),
      ).toEqual([
        ['aks-a-1', 'azure-cni-overlay', 'team-a'],
        ['aks-a-2', 'azure-cni-overlay', 'team-a'],
        ['aks-b-1', 'azure-cni-overlay', 'team-b'],
        ['aks-b-2', 'azure-cni-overlay', 'team-b'],
      ]);

      // Subscription B now answers every call with a 500; A loses a cluster.
      simulator.setFaults({
        serverErrorRate: 1,
        pathPattern: `/subscriptions/${SUB_B}/`,
      });
      await deleteCluster(access, 'aks-a-2');

      const second = await sync.run();
      expect(second).toMatchObject({
        status: 'partial',
        outcomes: {
          [SUB_A]: { status: 'succeeded', clusterCount: 1, deletedCount: 1 },
          [SUB_B]: {
            status: 'failed',
            clusterCount: 0,
            error: expect.stringMatching(/^managedClusters\.list failed .*500/),
          },
        },
      });
      const after = await store.listClusters();
      expect(after.items.map(c => [c.record.name, Boolean(c.stale)])).toEqual([
        ['aks-a-1', false],
        ['aks-b-1', true],
        ['aks-b-2', true],
      ]);
      // B's records are the last good ones.
      expect(after.items[1].record).toEqual(before.items[2].record);
    },
  );

  it.each(databases.eachSupportedId())(
    'completes a full sync through a 429 storm with the same inventory, never calling before Retry-After (%p)',
    async databaseId => {
      const newSync = async (azure: AzureAccess) => {
        const store = await DatabaseAksNetworkStore.create({
          database: databaseServiceFor(await databases.init(databaseId)),
        });
        const sync = new ClusterInventorySync({
          store,
          reader: new AzureInventoryReader(azure.clients),
          subscriptions: azure.clients,
          logger: mockServices.logger.mock(),
        });
        return { store, sync };
      };
      const calm = await newSync(access);
      expect((await calm.sync.run()).status).toBe('succeeded');
      const expected = (await calm.store.listClusters()).items.map(
        c => c.record,
      );

      // Each wait is recorded instead of slept, so the test checks it quickly.
      const sleeps: number[] = [];
      const throttled = AzureAccess.fromConfig(
        new ConfigReader({
          aksNetwork: {
            azure: {
              resourceManagerEndpoint: simulator.url,
              caCertificate: simulator.caCertificate,
              credential: { type: 'development', token: TOKEN },
              subscriptions: [SUB_A, SUB_B],
              requests: { maxRetries: 8, retryBaseDelayMs: 10 },
            },
          },
        }),
        {
          logger: mockServices.logger.mock(),
          sleep: async ms => {
            sleeps.push(ms);
          },
        },
      );
      simulator.reset();
      simulator.setFaults({
        throttleRate: 0.3,
        throttleRetryAfterSeconds: 2,
        seed: 11,
      });
      // Three syncs, so the storm meets enough calls to mean something.
      const stormy = await newSync(throttled);
      for (let round = 0; round < 3; round++) {
        expect((await stormy.sync.run()).status).toBe('succeeded');
        expect(
          (await stormy.store.listClusters()).items.map(c => c.record),
        ).toEqual(expected);
      }
      const calls = simulator.calls();
      const throttledCalls = calls.log.filter(call => call.status === 429);
      // The PRNG is seeded and draws once a call: the same share of 429s every time.
      expect(throttledCalls.length / calls.total).toBeGreaterThan(0.2);
      // One wait per 429, each exactly as long as ARM said, and nothing shorter.
      expect(sleeps).toEqual(throttledCalls.map(() => 2000));
      // Every throttled request was sent again (same client request id) and answered.
      for (const call of throttledCalls) {
        expect(
          calls.log.some(
            other =>
              other.clientRequestId === call.clientRequestId &&
              other.status === 200,
          ),
        ).toBe(true);
      }
    },
  );
});

/** Deletes a cluster through ARM, as a user would outside Backstage. */
async function deleteCluster(access: AzureAccess, name: string) {
  await access.clients
    .containerService(SUB_A)
    .managedClusters.beginDeleteAndWait('rg-aks', name, {
      updateIntervalInMs: 10,
    });
}
