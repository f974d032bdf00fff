import { getMaxListeners } from 'node:events';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { SharedReads } from '@aks-network/plugin-aks-network-node';
import type {
  AksNetworkInventoryEvent,
  ClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import {
  SUB_A,
  SUB_B,
  clusterRecord,
} from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import {
  ClusterInventorySync,
  INTERRUPTED_SYNC_RUN_ERROR,
} from './ClusterInventorySync';
import type {
  InventoryReader,
  SubscriptionInventoryRead,
} from './InventorySource';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');

function complete(clusters: ClusterRecord[]): SubscriptionInventoryRead {
  return { clusters, complete: true, errors: [], partialClusterIds: [] };
}

/** A reader that answers from a table, or throws what the table holds. */
function tableReader(
  table: Record<string, SubscriptionInventoryRead | Error>,
): InventoryReader {
  return {
    readSubscription: async subscriptionId => {
      const answer = table[subscriptionId];
      if (answer instanceof Error) {
        throw answer;
      }
      return answer ?? complete([]);
    },
  };
}

describe.each(databases.eachSupportedId())(
  'ClusterInventorySync on %p',
  databaseId => {
    async function setup(
      table: Record<string, SubscriptionInventoryRead | Error>,
      subscriptionIds: () => Promise<string[]> = async () => [SUB_A, SUB_B],
    ) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      let now = t0;
      const sync = new ClusterInventorySync({
        store,
        reader: tableReader(table),
        subscriptions: { listSubscriptionIds: subscriptionIds },
        logger: mockServices.logger.mock(),
        now: () => now,
      });
      return { store, sync, setNow: (at: Date) => (now = at) };
    }

    const a1 = clusterRecord(SUB_A, 'a1');
    const a2 = clusterRecord(SUB_A, 'a2');
    const b1 = clusterRecord(SUB_B, 'b1');

    it('keeps a failed subscription’s clusters, marked stale, while the others update', async () => {
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1, a2]),
        [SUB_B]: complete([b1]),
      };
      const { store, sync, setNow } = await setup(table);
      const first = await sync.run();
      expect(first).toMatchObject({ status: 'succeeded', finishedAt: t0 });
      expect((await store.listClusters()).totalCount).toBe(3);

      setNow(t1);
      table[SUB_A] = new Error('AuthorizationFailed: no access');
      const b1Upgraded = { ...b1, kubernetesVersion: '1.33.1' };
      table[SUB_B] = complete([b1Upgraded]);
      const second = await sync.run();
      expect(second).toMatchObject({
        status: 'partial',
        outcomes: {
          [SUB_A]: {
            status: 'failed',
            clusterCount: 0,
            error: 'AuthorizationFailed: no access',
          },
          [SUB_B]: { status: 'succeeded', clusterCount: 1, deletedCount: 0 },
        },
        error: '1 of 2 subscription(s) not read in full',
      });
      const a = await store.listClusters({ subscriptionId: SUB_A });
      expect(a.items.map(c => [c.record, c.stale])).toEqual([
        [a1, { error: 'AuthorizationFailed: no access', since: t1 }],
        [a2, { error: 'AuthorizationFailed: no access', since: t1 }],
      ]);
      const b = await store.listClusters({ subscriptionId: SUB_B });
      expect(b.items).toEqual([
        expect.objectContaining({ record: b1Upgraded, lastSeenAt: t1 }),
      ]);
      expect((await store.listSyncRuns()).map(r => r.status)).toEqual([
        'partial',
        'succeeded',
      ]);
    });

    it('deletes a cluster only when its subscription was listed in full', async () => {
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1, a2]),
      };
      const { store, sync } = await setup(table, async () => [SUB_A]);
      await sync.run();

      table[SUB_A] = {
        clusters: [a1],
        complete: false,
        errors: [
          {
            kind: 'managedClusters.list',
            resourceId: `/subscriptions/${SUB_A}`,
            clusterIds: [],
            code: 'InternalServerError',
            statusCode: 500,
            message: 'boom',
          },
        ],
        partialClusterIds: [],
      };
      expect(await sync.run()).toMatchObject({
        status: 'partial',
        outcomes: {
          [SUB_A]: {
            status: 'incomplete',
            error:
              'managedClusters.list failed (InternalServerError 500): boom',
          },
        },
      });
      expect(
        (await store.listClusters()).items.map(c => [c.record.name, !!c.stale]),
      ).toEqual([
        ['a1', false],
        ['a2', true],
      ]);

      table[SUB_A] = complete([a1]);
      expect(await sync.run()).toMatchObject({
        status: 'succeeded',
        outcomes: { [SUB_A]: { status: 'succeeded', deletedCount: 1 } },
      });
      expect(
        (await store.listClusters()).items.map(c => c.record.name),
      ).toEqual(['a1']);
    });

    it('records a failed run when the subscriptions cannot be listed', async () => {
      const { store, sync } = await setup({}, async () => {
        throw new Error('tenant unreachable');
      });
      expect(await sync.run()).toMatchObject({
        status: 'failed',
        error: 'Listing the subscriptions failed: tenant unreachable',
      });
      expect((await store.listSyncRuns())[0].status).toBe('failed');
    });

    it('gives every read of a run one pass of shared reads, a new one each run, and none to a refresh', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const seen: Array<{ id: string; shared?: SharedReads }> = [];
      const sync = new ClusterInventorySync({
        store,
        reader: {
          readSubscription: async (id, options) => {
            seen.push({ id, shared: options?.shared });
            return complete(id === SUB_A ? [a1] : [b1]);
          },
        },
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
      });
      await sync.run();
      await sync.run();
      await sync.refreshCluster(a1.id);

      expect(seen.map(read => read.id)).toEqual([
        SUB_A,
        SUB_B,
        SUB_A,
        SUB_B,
        SUB_A,
      ]);
      const [first, second, third, fourth, refresh] = seen.map(r => r.shared);
      expect(first).toBeInstanceOf(SharedReads);
      expect(second).toBe(first);
      expect(third).toBeInstanceOf(SharedReads);
      expect(third).not.toBe(first);
      expect(fourth).toBe(third);
      expect(refresh).toBeUndefined();
    });

    it("lets a run's reads listen to its signal past Node's default of 10 listeners", async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const controller = new AbortController();
      // Node warns of a possible leak past this many listeners on one signal (Jest's
      // sandbox does not pass the warning to the test, so the limit is what is read).
      const limits: number[] = [];
      const sync = new ClusterInventorySync({
        store,
        reader: {
          // As the SDK calls of several subscriptions' reads do: 12 listeners each.
          readSubscription: async (_id, options) => {
            for (let i = 0; i < 12; i++) {
              options?.signal?.addEventListener('abort', () => undefined);
            }
            limits.push(getMaxListeners(options!.signal!));
            return complete([]);
          },
        },
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
      });
      await sync.run({ signal: controller.signal });
      expect(limits).toHaveLength(2);
      expect(Math.min(...limits)).toBeGreaterThanOrEqual(24);
    });

    it('ends an aborted run as failed without marking anything stale', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      await store.upsertClustersForSubscription(SUB_A, [a1], {
        complete: true,
        at: t0,
      });
      const controller = new AbortController();
      const sync = new ClusterInventorySync({
        store,
        reader: {
          readSubscription: async (_id, options) => {
            controller.abort(new Error('task timed out'));
            options?.signal?.throwIfAborted();
            return complete([]);
          },
        },
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
        concurrency: 1,
      });
      await expect(sync.run({ signal: controller.signal })).rejects.toThrow(
        'task timed out',
      );
      expect((await store.listSyncRuns())[0]).toMatchObject({
        status: 'failed',
        error: 'Aborted after 0 of 2 subscription(s): task timed out',
      });
      expect((await store.getCluster(a1.id))?.stale).toBeUndefined();
    });

    it('stops at a database failure, takes no more subscriptions, and records the run once the database answers', async () => {
      const knex = await databases.init(databaseId);
      const real = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      // The store as a restarting database shows it: B's write is cut, and the next
      // two writes find no server.
      let finishFailures = 2;
      const store: typeof real = Object.create(real);
      store.upsertClustersForSubscription = async (id, records, options) => {
        if (id === SUB_B) {
          throw new Error('Connection terminated unexpectedly');
        }
        return real.upsertClustersForSubscription(id, records, options);
      };
      store.finishSyncRun = async (id, input) => {
        if (finishFailures > 0) {
          finishFailures--;
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        }
        return real.finishSyncRun(id, input);
      };
      const SUB_C = 'c3c3c3c3-0000-4000-8000-000000000003';
      const read: string[] = [];
      const logger = mockServices.logger.mock();
      const sync = new ClusterInventorySync({
        store,
        reader: {
          readSubscription: async id => {
            read.push(id);
            return complete(id === SUB_A ? [a1] : [b1]);
          },
        },
        subscriptions: {
          listSubscriptionIds: async () => [SUB_A, SUB_B, SUB_C],
        },
        logger,
        concurrency: 1,
        recordFailure: { attempts: 5, delayMs: 1 },
      });

      await expect(sync.run()).rejects.toThrow(
        'Connection terminated unexpectedly',
      );
      expect(read).toEqual([SUB_A, SUB_B]);
      const [run] = await real.listSyncRuns();
      expect(run).toMatchObject({
        status: 'failed',
        error: 'Connection terminated unexpectedly',
        outcomes: { [SUB_A]: { status: 'succeeded', clusterCount: 1 } },
      });
      expect(Object.keys(run.outcomes)).toEqual([SUB_A]);
      expect(logger.warn).toHaveBeenCalledTimes(2);
      expect((await real.listClusters()).items.map(c => c.record.name)).toEqual(
        ['a1'],
      );
    });

    it('records a run that never finished as failed when the next one starts', async () => {
      const { store, sync } = await setup({ [SUB_A]: complete([a1]) });
      // What a backend that died mid-run leaves behind.
      const orphan = await store.startSyncRun(t0);
      const next = await sync.run();
      expect(next).toMatchObject({ status: 'succeeded' });
      const runs = await store.listSyncRuns();
      expect(runs.map(r => [r.id, r.status])).toEqual([
        [next.id, 'succeeded'],
        [orphan.id, 'failed'],
      ]);
      expect(runs[1].error).toBe(INTERRUPTED_SYNC_RUN_ERROR);
    });

    it('joins a run already in progress instead of reading twice', async () => {
      let reads = 0;
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const sync = new ClusterInventorySync({
        store,
        reader: {
          readSubscription: async () => {
            reads += 1;
            return complete([a1]);
          },
        },
        subscriptions: { listSubscriptionIds: async () => [SUB_A] },
        logger: mockServices.logger.mock(),
      });
      const [x, y] = await Promise.all([sync.run(), sync.run()]);
      expect(x.id).toBe(y.id);
      expect(reads).toBe(1);
    });

    it('refreshes one cluster by reading its subscription', async () => {
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1]),
      };
      const { store, sync } = await setup(table);
      const a1Updated = { ...a1, provisioningState: 'Updating' };
      table[SUB_A] = complete([a1Updated, a2]);
      expect(await sync.refreshCluster(a2.id.toUpperCase())).toMatchObject({
        record: a2,
      });
      expect((await store.getCluster(a1.id))?.record).toEqual(a1Updated);
      expect(
        await sync.refreshCluster(clusterRecord(SUB_A, 'gone').id),
      ).toBeUndefined();
      await expect(sync.refreshCluster('not-an-id')).rejects.toMatchObject({
        name: 'InputError',
      });
    });

    it('publishes each refreshed cluster and each finished run for the catalog', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1]),
        [SUB_B]: complete([b1]),
      };
      const events: AksNetworkInventoryEvent[] = [];
      const sync = new ClusterInventorySync({
        store,
        reader: tableReader(table),
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
        // One subscription at a time, so the events come in a known order.
        concurrency: 1,
        publish: async event => {
          events.push(event);
        },
      });

      const run = await sync.run();
      await sync.refreshCluster(b1.id);
      table[SUB_A] = new Error('AuthorizationFailed: no access');
      const partial = await sync.run();
      // A cluster Azure no longer lists is not announced.
      await sync.refreshCluster(clusterRecord(SUB_B, 'gone').id);

      expect(events).toEqual([
        // The first run: every cluster is new, sent per subscription.
        { type: 'clusters.refreshed', clusters: [a1] },
        { type: 'clusters.refreshed', clusters: [b1] },
        {
          type: 'sync.finished',
          runId: run.id,
          complete: true,
          changedClusterCount: 2,
        },
        // Asked for, so announced although unchanged.
        { type: 'clusters.refreshed', clusters: [b1] },
        // Nothing changed where the read succeeded.
        {
          type: 'sync.finished',
          runId: partial.id,
          complete: false,
          changedClusterCount: 0,
        },
      ]);
    });

    it('sends no delta for a sync that changed nothing, and only the changed and removed clusters otherwise', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const table: Record<string, SubscriptionInventoryRead | Error> = {
        [SUB_A]: complete([a1, a2]),
        [SUB_B]: complete([b1]),
      };
      const events: AksNetworkInventoryEvent[] = [];
      let clusterWrites = 0;
      knex.on('query', (query: { sql: string }) => {
        if (
          /^\s*(insert into|update|delete from)\s+["`]?clusters["`]?\s/i.test(
            query.sql,
          )
        ) {
          clusterWrites += 1;
        }
      });
      let now = t0;
      const sync = new ClusterInventorySync({
        store,
        reader: tableReader(table),
        subscriptions: { listSubscriptionIds: async () => [SUB_A, SUB_B] },
        logger: mockServices.logger.mock(),
        now: () => now,
        publish: async event => {
          events.push(event);
        },
      });
      await sync.run();
      expect(clusterWrites).toBeGreaterThan(0);

      events.length = 0;
      clusterWrites = 0;
      now = t1;
      const unchanged = await sync.run();
      expect(events).toEqual([
        {
          type: 'sync.finished',
          runId: unchanged.id,
          complete: true,
          changedClusterCount: 0,
        },
      ]);
      expect(clusterWrites).toBe(0);
      // Seen by the unchanged run, though not written by it.
      expect(await store.getCluster(b1.id)).toMatchObject({
        lastSeenAt: t1,
        updatedAt: t0,
      });

      events.length = 0;
      const b1Upgraded = { ...b1, kubernetesVersion: '1.33.1' };
      table[SUB_A] = complete([a1]);
      table[SUB_B] = complete([b1Upgraded]);
      const changed = await sync.run();
      expect(events).toEqual(
        expect.arrayContaining([
          { type: 'clusters.refreshed', clusters: [b1Upgraded] },
          {
            type: 'clusters.removed',
            clusters: [{ id: a2.id, name: a2.name }],
          },
        ]),
      );
      expect(events).toHaveLength(3);
      expect(events[2]).toEqual({
        type: 'sync.finished',
        runId: changed.id,
        complete: true,
        changedClusterCount: 2,
      });
    });

    it('logs a failure to publish and still completes the sync', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const logger = mockServices.logger.mock();
      const sync = new ClusterInventorySync({
        store,
        reader: tableReader({ [SUB_A]: complete([a1]) }),
        subscriptions: { listSubscriptionIds: async () => [SUB_A] },
        logger,
        publish: async () => {
          throw new Error('events backend unreachable');
        },
      });
      await expect(sync.run()).resolves.toMatchObject({ status: 'succeeded' });
      await expect(sync.refreshCluster(a1.id)).resolves.toMatchObject({
        record: a1,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Publishing the AKS inventory event sync\.finished failed: .*events backend unreachable/,
        ),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/event clusters\.refreshed failed/),
      );
    });
  },
);
