import { TestDatabases } from '@backstage/backend-test-utils';
import { SUB_A, SUB_B, clusterRecord } from './__testUtils__/clusterRecords';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');
const t2 = new Date('2026-11-26T09:10:00Z');

describe.each(databases.eachSupportedId())(
  'cluster inventory on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
    }

    const flat = clusterRecord(SUB_A, 'flat-a', {
      location: 'northeurope',
      tags: { Owner: 'team-payments' },
      networkProfile: { networkPlugin: 'azure' },
    });
    const overlay = clusterRecord(SUB_A, 'overlay-a', {
      tags: { owner: 'team-search' },
    });
    const cilium = clusterRecord(SUB_B, 'cilium-b', {
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkDataplane: 'cilium',
      },
      tags: { owner: 'team-payments' },
    });

    it('upserts, lists with filters and pages, and gets by id in any case', async () => {
      const store = await createStore();
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t0,
      });
      await store.upsertClustersForSubscription(SUB_B, [cilium], {
        complete: true,
        at: t0,
      });

      const all = await store.listClusters();
      expect(all.totalCount).toBe(3);
      expect(all.items.map(c => c.record.name)).toEqual([
        'cilium-b',
        'flat-a',
        'overlay-a',
      ]);
      expect(all.items[0]).toEqual({
        record: cilium,
        networkModel: 'azure-cni-overlay',
        dataplane: 'cilium',
        owner: 'team-payments',
        lastSeenAt: t0,
        updatedAt: t0,
      });

      const bySubscription = await store.listClusters({
        subscriptionId: SUB_A.toUpperCase(),
      });
      expect(bySubscription.items.map(c => c.record.name)).toEqual([
        'flat-a',
        'overlay-a',
      ]);
      expect(
        (await store.listClusters({ region: 'northeurope' })).items.map(
          c => c.record.name,
        ),
      ).toEqual(['flat-a']);
      expect(
        (
          await store.listClusters({ networkModel: 'azure-cni-node-subnet' })
        ).items.map(c => c.record.name),
      ).toEqual(['flat-a']);
      // Azure tag names are case-insensitive: `Owner` counts as the owner tag.
      expect(
        (await store.listClusters({ owner: 'team-payments' })).items.map(
          c => c.record.name,
        ),
      ).toEqual(['cilium-b', 'flat-a']);

      const page = await store.listClusters({ limit: 2, offset: 1 });
      expect(page.totalCount).toBe(3);
      expect(page.items.map(c => c.record.name)).toEqual([
        'flat-a',
        'overlay-a',
      ]);
      const filteredPage = await store.listClusters({
        owner: 'team-payments',
        limit: 1,
        offset: 1,
      });
      expect(filteredPage).toEqual({
        totalCount: 2,
        items: [expect.objectContaining({ record: flat })],
      });

      expect(
        (await store.getCluster(overlay.id.toLowerCase()))?.record,
      ).toEqual(overlay);
      expect(await store.getCluster(`${overlay.id}-gone`)).toBeUndefined();
    });

    it('replaces a record on upsert and removes missing clusters only after a complete read', async () => {
      const store = await createStore();
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t0,
      });

      // An incomplete read that lists only the flat cluster: nothing is deleted, the
      // unlisted cluster keeps its record and is marked stale.
      const migrated = {
        ...flat,
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
        },
      };
      expect(
        await store.upsertClustersForSubscription(SUB_A, [migrated], {
          complete: false,
          incompleteError: 'managedClusters.list: 500 InternalServerError',
          at: t1,
        }),
      ).toEqual({
        upserted: 1,
        unchanged: 0,
        deleted: 0,
        markedStale: 1,
        changed: [migrated],
        removed: [],
      });
      const afterPartial = await store.listClusters({ subscriptionId: SUB_A });
      expect(afterPartial.items).toEqual([
        expect.objectContaining({
          record: migrated,
          networkModel: 'azure-cni-overlay',
          lastSeenAt: t1,
        }),
        expect.objectContaining({
          record: overlay,
          lastSeenAt: t0,
          stale: {
            error: 'managedClusters.list: 500 InternalServerError',
            since: t1,
          },
        }),
      ]);
      expect(afterPartial.items[0].stale).toBeUndefined();

      // A complete read without it: now it is gone.
      expect(
        await store.upsertClustersForSubscription(SUB_A, [migrated], {
          complete: true,
          at: t2,
        }),
      ).toEqual({
        // The same record again: not written.
        upserted: 0,
        unchanged: 1,
        deleted: 1,
        markedStale: 0,
        changed: [],
        removed: [{ id: overlay.id, name: 'overlay-a' }],
      });
      expect(
        (await store.listClusters()).items.map(c => c.record.name),
      ).toEqual(['flat-a']);
    });

    it('keeps a failed subscription’s clusters, marked stale since the first failure, while others update', async () => {
      const store = await createStore();
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t0,
      });
      await store.upsertClustersForSubscription(SUB_B, [cilium], {
        complete: true,
        at: t0,
      });

      expect(
        await store.markSubscriptionStale(SUB_A, 'AuthorizationFailed', t1),
      ).toBe(2);
      const ciliumRenamed = { ...cilium, kubernetesVersion: '1.33.1' };
      await store.upsertClustersForSubscription(SUB_B, [ciliumRenamed], {
        complete: true,
        at: t1,
      });
      // A second failure keeps the first time it went stale.
      await store.markSubscriptionStale(SUB_A, 'still failing', t2);

      const a = await store.listClusters({ subscriptionId: SUB_A });
      expect(a.items.map(c => [c.record.name, c.stale])).toEqual([
        ['flat-a', { error: 'still failing', since: t1 }],
        ['overlay-a', { error: 'still failing', since: t1 }],
      ]);
      const b = await store.listClusters({ subscriptionId: SUB_B });
      expect(b.items).toEqual([
        expect.objectContaining({ record: ciliumRenamed, lastSeenAt: t1 }),
      ]);
      expect(b.items[0].stale).toBeUndefined();

      // A good read clears the mark.
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t2,
      });
      expect(
        (await store.listClusters({ subscriptionId: SUB_A })).items.map(
          c => c.stale,
        ),
      ).toEqual([undefined, undefined]);
    });

    it('refreshes a single cluster and clears its stale mark', async () => {
      const store = await createStore();
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t0,
      });
      await store.markSubscriptionStale(SUB_A, 'throttled', t1);
      const updated = { ...overlay, provisioningState: 'Updating' };
      await store.upsertCluster(updated, t2);
      expect(await store.getCluster(overlay.id)).toEqual(
        expect.objectContaining({ record: updated, updatedAt: t2 }),
      );
      expect((await store.getCluster(overlay.id))?.stale).toBeUndefined();
      expect((await store.getCluster(flat.id))?.stale).toEqual({
        error: 'throttled',
        since: t1,
      });
    });

    it('says when an unread part was last read: the last read that had it, kept while it stays unread', async () => {
      const store = await createStore();
      const nsgId = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-a`;
      const part = {
        part: 'nsg' as const,
        resourceId: nsgId,
        error: 'AuthorizationFailed, HTTP 403: denied',
      };
      const read = (at: Date, unread?: (typeof part)[]) =>
        store.upsertClustersForSubscription(
          SUB_A,
          [{ ...overlay, ...(unread ? { unread } : {}) }],
          { complete: true, at },
        );
      const stored = async () =>
        (await store.getCluster(overlay.id))?.record.unread;

      await read(t0);
      await read(t1, [part]);
      expect(await stored()).toEqual([
        { ...part, lastReadAt: t0.toISOString() },
      ]);
      // Still unread at the next read: still last read at t0.
      await read(t2, [{ ...part, resourceId: nsgId.toUpperCase() }]);
      expect(await stored()).toEqual([
        {
          ...part,
          resourceId: nsgId.toUpperCase(),
          lastReadAt: t0.toISOString(),
        },
      ]);
      // Read again: nothing unread.
      await read(t2);
      expect(await stored()).toBeUndefined();

      // A cluster first met with a part unread: never read.
      const fresh = clusterRecord(SUB_B, 'fresh-b', { unread: [part] });
      await store.upsertClustersForSubscription(SUB_B, [fresh], {
        complete: true,
        at: t1,
      });
      expect((await store.getCluster(fresh.id))?.record.unread).toEqual([part]);
    });

    it('upserts a large subscription in batches and ignores a duplicated record', async () => {
      const store = await createStore();
      const many = Array.from({ length: 230 }, (_, i) =>
        clusterRecord(SUB_A, `c-${String(i).padStart(3, '0')}`),
      );
      await store.upsertClustersForSubscription(SUB_A, [...many, many[0]], {
        complete: true,
        at: t0,
      });
      expect((await store.listClusters({ limit: 1 })).totalCount).toBe(230);
      expect(
        await store.upsertClustersForSubscription(SUB_A, many.slice(0, 5), {
          complete: true,
          at: t1,
        }),
      ).toMatchObject({
        upserted: 0,
        unchanged: 5,
        deleted: 225,
        markedStale: 0,
        changed: [],
      });
    });

    it('records sync runs with their per-subscription outcomes', async () => {
      const store = await createStore();
      const run = await store.startSyncRun(t0);
      expect(run).toEqual({
        id: expect.any(Number),
        startedAt: t0,
        status: 'running',
        outcomes: {},
      });
      const finished = await store.finishSyncRun(run.id, {
        status: 'partial',
        outcomes: {
          [SUB_A]: {
            status: 'failed',
            clusterCount: 0,
            partialClusterCount: 0,
            deletedCount: 0,
            error: 'AuthorizationFailed',
          },
          [SUB_B]: {
            status: 'succeeded',
            clusterCount: 1,
            partialClusterCount: 0,
            deletedCount: 0,
          },
        },
        at: t1,
      });
      expect(finished).toEqual({
        id: run.id,
        startedAt: t0,
        finishedAt: t1,
        status: 'partial',
        outcomes: expect.objectContaining({
          [SUB_A]: expect.objectContaining({ status: 'failed' }),
        }),
      });
      const second = await store.startSyncRun(t2);
      expect((await store.listSyncRuns()).map(r => r.id)).toEqual([
        second.id,
        run.id,
      ]);
      // The newest finished run, not the one still running, and without outcomes.
      expect(await store.lastFinishedSyncRun()).toEqual({
        id: run.id,
        startedAt: t0,
        finishedAt: t1,
        status: 'partial',
        outcomes: {},
      });
      await store.finishSyncRun(second.id, {
        status: 'succeeded',
        outcomes: {},
        at: t2,
      });
      expect(await store.lastFinishedSyncRun()).toMatchObject({
        id: second.id,
        status: 'succeeded',
        finishedAt: t2,
      });
    });

    it('has no finished run before the first sync ends', async () => {
      const store = await createStore();
      expect(await store.lastFinishedSyncRun()).toBeUndefined();
      await store.startSyncRun(t0);
      expect(await store.lastFinishedSyncRun()).toBeUndefined();
    });

    it('gets several clusters in one call, in any case, leaving out ids it does not hold', async () => {
      const store = await createStore();
      await store.upsertClustersForSubscription(SUB_A, [flat, overlay], {
        complete: true,
        at: t0,
      });
      const got = await store.getClusters([
        overlay.id.toUpperCase(),
        `${flat.id}/`,
        `${flat.id.slice(0, -1)}x`,
        overlay.id,
      ]);
      expect(got.map(c => c.record.name).sort()).toEqual([
        'flat-a',
        'overlay-a',
      ]);
      expect(got.find(c => c.record.name === 'flat-a')).toEqual(
        await store.getCluster(flat.id),
      );
      expect(await store.getClusters([])).toEqual([]);
    });
  },
);
