import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { clusterRecord } from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';
import type { SubscriptionInventoryRead } from './InventorySource';
import {
  DEFAULT_SUBSCRIPTION_CONCURRENCY,
  readSubscriptionConcurrency,
} from './subscriptionConcurrency';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Twelve subscription ids, GUIDs as ARM has them. */
const SUBSCRIPTIONS = Array.from(
  { length: 12 },
  (_, i) => `c3c3c3c3-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
);
const FAILING = SUBSCRIPTIONS[5];
const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');

describe('readSubscriptionConcurrency', () => {
  it('defaults to 8 and reads aksNetwork.sync.subscriptionConcurrency', () => {
    expect(readSubscriptionConcurrency(new ConfigReader({}))).toBe(8);
    expect(DEFAULT_SUBSCRIPTION_CONCURRENCY).toBe(8);
    expect(
      readSubscriptionConcurrency(
        new ConfigReader({
          aksNetwork: { sync: { subscriptionConcurrency: 3 } },
        }),
      ),
    ).toBe(3);
  });

  it.each([0, -2, 1.5])('refuses %p, naming the key', value => {
    expect(() =>
      readSubscriptionConcurrency(
        new ConfigReader({
          aksNetwork: { sync: { subscriptionConcurrency: value } },
        }),
      ),
    ).toThrow(
      `aksNetwork.sync.subscriptionConcurrency: expected a positive whole number, got ${value}`,
    );
  });
});

describe.each(databases.eachSupportedId())(
  'ClusterInventorySync reading subscriptions concurrently on %p',
  databaseId => {
    async function setup(concurrency: number | undefined) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      let inFlight = 0;
      let maxInFlight = 0;
      let failNow = false;
      let now = t0;
      const sync = new ClusterInventorySync({
        store,
        subscriptions: { listSubscriptionIds: async () => SUBSCRIPTIONS },
        logger: mockServices.logger.mock(),
        now: () => now,
        ...(concurrency === undefined ? {} : { concurrency }),
        reader: {
          readSubscription: async (
            subscriptionId,
          ): Promise<SubscriptionInventoryRead> => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            try {
              await new Promise(resolve => setTimeout(resolve, 20));
              if (failNow && subscriptionId === FAILING) {
                throw new Error('AuthorizationFailed: no access');
              }
              return {
                clusters: [clusterRecord(subscriptionId, 'aks-1')],
                complete: true,
                errors: [],
                partialClusterIds: [],
              };
            } finally {
              inFlight -= 1;
            }
          },
        },
      });
      return {
        store,
        sync,
        maxInFlight: () => maxInFlight,
        failFrom: (at: Date) => {
          failNow = true;
          now = at;
        },
      };
    }

    it('reads at most the configured number of subscriptions at once', async () => {
      const { sync, maxInFlight } = await setup(3);
      const run = await sync.run();
      expect(run.status).toBe('succeeded');
      expect(Object.keys(run.outcomes)).toHaveLength(12);
      expect(maxInFlight()).toBe(3);
    });

    it('reads 8 at once by default', async () => {
      const { sync, maxInFlight } = await setup(undefined);
      await sync.run();
      expect(maxInFlight()).toBe(DEFAULT_SUBSCRIPTION_CONCURRENCY);
    });

    it('keeps a failing subscription isolated and stale while the others are read', async () => {
      const { store, sync, failFrom } = await setup(8);
      await sync.run();
      failFrom(t1);
      const run = await sync.run();
      expect(run.status).toBe('partial');
      expect(run.outcomes[FAILING]).toMatchObject({
        status: 'failed',
        error: 'AuthorizationFailed: no access',
      });
      const others = SUBSCRIPTIONS.filter(id => id !== FAILING);
      for (const id of others) {
        expect(run.outcomes[id]).toMatchObject({ status: 'succeeded' });
      }
      const clusters = (await store.listClusters()).items;
      expect(clusters).toHaveLength(12);
      expect(
        clusters.filter(c => c.stale).map(c => c.record.subscriptionId),
      ).toEqual([FAILING]);
      expect(clusters.find(c => c.stale)?.stale).toEqual({
        error: 'AuthorizationFailed: no access',
        since: t1,
      });
    });
  },
);
