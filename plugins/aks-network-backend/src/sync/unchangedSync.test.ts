import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  SUB_A,
  SUB_B,
  clusterRecord,
} from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import {
  ClusterInventorySync,
  NO_LONGER_READ_ERROR,
} from './ClusterInventorySync';
import type {
  InventoryReader,
  SubscriptionInventoryRead,
} from './InventorySource';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-12-01T09:00:00Z');
const t1 = new Date('2026-12-01T09:30:00Z');
const t2 = new Date('2026-12-01T10:00:00Z');
const t3 = new Date('2026-12-01T10:30:00Z');

/** Write statements by table, as the database saw them. */
function countWrites(knex: Knex): Record<string, number> {
  const writes: Record<string, number> = {};
  knex.on('query', (query: { sql: string }) => {
    const match =
      /^\s*(?:insert\s+into|update|delete\s+from)\s+[`"]?(\w+)[`"]?/i.exec(
        query.sql,
      );
    if (match) {
      writes[match[1]] = (writes[match[1]] ?? 0) + 1;
    }
  });
  return writes;
}

function complete(
  clusters: SubscriptionInventoryRead['clusters'],
): SubscriptionInventoryRead {
  return { clusters, complete: true, errors: [], partialClusterIds: [] };
}

describe.each(databases.eachSupportedId())(
  'a sync that finds nothing changed, on %p',
  databaseId => {
    const a1 = clusterRecord(SUB_A, 'a1');
    const b1 = clusterRecord(SUB_B, 'b1');

    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1]),
        [SUB_B]: complete([b1]),
      };
      const reader: InventoryReader = {
        readSubscription: async id => {
          const answer = table[id];
          if (answer instanceof Error) {
            throw answer;
          }
          return answer;
        },
      };
      let subscriptionIds = [SUB_A, SUB_B];
      let now = t0;
      const sync = new ClusterInventorySync({
        store,
        reader,
        subscriptions: { listSubscriptionIds: async () => subscriptionIds },
        logger: mockServices.logger.mock(),
        now: () => now,
      });
      return {
        knex,
        store,
        sync,
        table,
        setNow: (at: Date) => {
          now = at;
        },
        configure: (ids: string[]) => {
          subscriptionIds = ids;
        },
      };
    }

    async function lastReads(store: DatabaseAksNetworkStore) {
      return Object.fromEntries(
        (await store.listSubscriptions()).map(s => [
          s.subscriptionId,
          {
            status: s.status,
            lastReadAt: s.lastReadAt,
            lastSucceededAt: s.lastSucceededAt,
          },
        ]),
      );
    }

    it('writes its run and nothing else, and still says every cluster and subscription was read by it', async () => {
      const { knex, store, sync, setNow } = await setup();
      await sync.run();
      setNow(t1);
      const writes = countWrites(knex);
      const run = await sync.run();

      expect(run.status).toBe('succeeded');
      // The run's own row: inserted at its start, updated at its end.
      expect(writes).toEqual({ sync_runs: 2 });
      expect((await store.getCluster(a1.id))?.lastSeenAt).toEqual(t1);
      expect(
        (await store.getClusters([a1.id, b1.id])).map(c => c.lastSeenAt),
      ).toEqual([t1, t1]);
      expect((await store.listClusters()).items.map(c => c.lastSeenAt)).toEqual(
        [t1, t1],
      );
      expect(
        (await store.listFleetClusters()).items.map(c => c.lastSeenAt),
      ).toEqual([t1, t1]);
      expect(await lastReads(store)).toEqual({
        [SUB_A]: { status: 'succeeded', lastReadAt: t1, lastSucceededAt: t1 },
        [SUB_B]: { status: 'succeeded', lastReadAt: t1, lastSucceededAt: t1 },
      });
    });

    it('writes what changed: a failed subscription each run, and the one that recovers', async () => {
      const { knex, store, sync, table, setNow } = await setup();
      await sync.run();
      setNow(t1);
      table[SUB_B] = new Error('AuthorizationFailed');
      const writes = countWrites(knex);
      const partial = await sync.run();
      expect(partial.status).toBe('partial');
      // B's clusters marked stale and its row written; A untouched.
      expect(writes.subscriptions).toBe(1);
      expect(writes.clusters).toBe(1);
      // A partial run read every subscription it was given: it covers A.
      expect(await lastReads(store)).toEqual({
        [SUB_A]: { status: 'succeeded', lastReadAt: t1, lastSucceededAt: t1 },
        [SUB_B]: { status: 'failed', lastReadAt: t1, lastSucceededAt: t0 },
      });

      setNow(t2);
      await sync.run();
      // Failing again: written again, so its last attempt is known.
      expect((await lastReads(store))[SUB_B]).toEqual({
        status: 'failed',
        lastReadAt: t2,
        lastSucceededAt: t0,
      });

      setNow(t3);
      table[SUB_B] = complete([b1]);
      await sync.run();
      expect(await lastReads(store)).toEqual({
        [SUB_A]: { status: 'succeeded', lastReadAt: t3, lastSucceededAt: t3 },
        [SUB_B]: { status: 'succeeded', lastReadAt: t3, lastSucceededAt: t3 },
      });
      expect((await store.getCluster(b1.id))?.stale).toBeUndefined();
    });

    it('marks a subscription it is no longer given as not read, once, and stops advancing its times', async () => {
      const { knex, store, sync, setNow, configure } = await setup();
      await sync.run();
      setNow(t1);
      configure([SUB_A]);
      await sync.run();
      const reads = await store.listSubscriptions();
      expect(reads.find(s => s.subscriptionId === SUB_B)).toMatchObject({
        status: 'failed',
        error: NO_LONGER_READ_ERROR,
        lastReadAt: t1,
        lastSucceededAt: t0,
      });
      // Its cluster was last seen by the run that still read it.
      expect((await store.getCluster(b1.id))?.lastSeenAt).toEqual(t0);

      setNow(t2);
      const writes = countWrites(knex);
      await sync.run();
      expect(writes).toEqual({ sync_runs: 2 });
      expect((await store.getCluster(b1.id))?.lastSeenAt).toEqual(t0);
      expect((await store.getCluster(a1.id))?.lastSeenAt).toEqual(t2);
    });

    it('takes no read time from a run that stopped part-way', async () => {
      const { store, sync } = await setup();
      await sync.run();
      const controller = new AbortController();
      // B's read stops the run (a task timeout), after A was read unchanged.
      const aborting = new ClusterInventorySync({
        store,
        reader: {
          readSubscription: async (id, options) => {
            if (id === SUB_B) {
              controller.abort(new Error('timed out'));
              options?.signal?.throwIfAborted();
            }
            return complete([a1]);
          },
        },
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
        concurrency: 1,
        now: () => t1,
      });
      await expect(aborting.run({ signal: controller.signal })).rejects.toThrow(
        'timed out',
      );
      expect((await store.listSyncRuns())[0].status).toBe('failed');
      // Not covered by the stopped run: A keeps t0 (it was read unchanged, not written).
      expect((await lastReads(store))[SUB_A].lastReadAt).toEqual(t0);
      expect((await store.getCluster(a1.id))?.lastSeenAt).toEqual(t0);
    });
  },
);
