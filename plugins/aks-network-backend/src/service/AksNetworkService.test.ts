import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { SUB_A, clusterRecord } from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { INVENTORY_SYNC_TASK_ID } from '../sync/scheduleInventorySync';
import { AksNetworkService } from './AksNetworkService';
import { aksNetworkServiceRef } from './aksNetworkServiceRef';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const pool = {
  id: 'weu-nodes',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-net',
  vnetName: 'vnet-weu',
  region: 'westeurope',
  range: '10.240.0.0/16',
};

/** Azure as a subscription SUB_A that lists the one cluster. */
function azureListing(record: ReturnType<typeof clusterRecord>) {
  return {
    reader: {
      readSubscription: async () => ({
        clusters: [record],
        complete: true,
        errors: [],
        partialClusterIds: [],
      }),
    },
    subscriptions: { listSubscriptionIds: async () => [SUB_A] },
    vnetSubnets: {
      readVnet: async () => ({ addressSpace: [], subnetPrefixes: [] }),
    },
  };
}

describe.each(databases.eachSupportedId())(
  'AksNetworkService on %p',
  databaseId => {
    it('seeds the configured pools once, reads the TTL, and schedules the sync from config', async () => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      const config = new ConfigReader({
        aksNetwork: {
          sync: {
            schedule: { frequency: { minutes: 10 }, timeout: { minutes: 4 } },
            ownerTag: 'team',
          },
          reservations: { ttlSeconds: 900 },
          addressPools: [pool],
        },
      });
      const a1 = clusterRecord(SUB_A, 'a1', { tags: { Team: 'payments' } });
      const options = {
        config,
        logger: mockServices.logger.mock(),
        database: databaseServiceFor(knex),
        scheduler,
        azure: azureListing(a1),
      };
      const service = await AksNetworkService.create(options);
      expect(service.reservationTtlSeconds).toBe(900);
      expect(await service.store.listAddressPools()).toEqual([
        expect.objectContaining({ ...pool, subnetPrefix: 27 }),
      ]);
      // A second start (or replica) leaves an edited pool alone.
      await service.store.updateAddressPool('weu-nodes', { subnetPrefix: 26 });
      const again = await AksNetworkService.create(options);
      expect(
        (await again.store.getAddressPool('weu-nodes'))?.subnetPrefix,
      ).toBe(26);

      await service.scheduleSync();
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: INVENTORY_SYNC_TASK_ID,
          frequency: { minutes: 10 },
          timeout: { minutes: 4 },
          scope: 'global',
        }),
      );
      const task = scheduler.scheduleTask.mock.calls[0][0];
      await task.fn(new AbortController().signal);
      expect(await service.store.listClusters()).toMatchObject({
        totalCount: 1,
        items: [{ record: a1, owner: 'payments' }],
      });
    });

    it('passes the declared flow export of the tag it is told and of the subscription’s config to the sync', async () => {
      const knex = await databases.init(databaseId);
      const a1 = clusterRecord(SUB_A, 'a1', {
        tags: { 'flow-export': 'tetragon' },
      });
      const service = await AksNetworkService.create({
        config: new ConfigReader({
          aksNetwork: {
            tags: { flowExport: 'flow-export' },
            compensatingControls: {
              flowExport: [{ subscriptionId: SUB_A, tools: ['linkerd'] }],
            },
          },
        }),
        logger: mockServices.logger.mock(),
        database: databaseServiceFor(knex),
        scheduler: mockServices.scheduler.mock(),
        azure: azureListing(a1),
      });
      await service.sync.run();
      const stored = await service.store.getCluster(a1.id);
      expect(stored?.record.declaredControls).toEqual([
        { tool: 'tetragon', source: 'tag' },
        { tool: 'linkerd', source: 'config' },
      ]);
    });
  },
);

describe('aksNetworkServiceRef', () => {
  it('builds the service in a backend with the default schedule', async () => {
    const scheduler = mockServices.scheduler.mock();
    let seen: AksNetworkService | undefined;
    const probe = createBackendPlugin({
      pluginId: 'aks-network',
      register(env) {
        env.registerInit({
          deps: { service: aksNetworkServiceRef },
          async init({ service }) {
            seen = service;
            await service.scheduleSync();
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        probe,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            aksNetwork: {
              azure: {
                resourceManagerEndpoint: 'https://127.0.0.1:7443',
                credential: { type: 'development', token: 'local' },
              },
            },
          },
        }),
      ],
    });
    expect(seen?.reservationTtlSeconds).toBe(3600);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: INVENTORY_SYNC_TASK_ID,
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
        scope: 'global',
      }),
    );
    await backend.stop();
  });
  it('stops the start on a development credential aimed at real Azure', async () => {
    const probe = createBackendPlugin({
      pluginId: 'aks-network',
      register(env) {
        env.registerInit({
          deps: { service: aksNetworkServiceRef },
          async init() {},
        });
      },
    });
    await expect(
      startTestBackend({
        features: [
          probe,
          mockServices.scheduler.mock().factory,
          mockServices.rootConfig.factory({
            data: {
              aksNetwork: {
                azure: {
                  resourceManagerEndpoint: 'https://management.azure.com',
                  credential: { type: 'development', token: 'local' },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/loopback/i);
  });
});
