import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { SUB_A, clusterRecord } from './__testUtils__/clusterRecords';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');
const t2 = new Date('2026-11-26T09:10:00Z');
const t3 = new Date('2026-11-26T09:15:00Z');

/**
 * What the statements sent to the `clusters` table write: the rows of each insert
 * (the store's upsert), and every insert, update or delete statement.
 */
function countClusterWrites(knex: Knex) {
  const writes = { statements: 0, insertedRows: 0 };
  const table = /^\s*(insert into|update|delete from)\s+["`]?clusters["`]?\s/i;
  knex.on('query', (query: { sql: string; bindings?: unknown[] }) => {
    const match = table.exec(query.sql);
    if (!match) {
      return;
    }
    writes.statements += 1;
    if (match[1].toLowerCase() === 'insert into') {
      // One binding per column and row (SQLite's multi-row insert is a union of
      // selects, PostgreSQL's a values list; both list the columns first).
      const columns = /\(([^)]*)\)/.exec(query.sql)?.[1].split(',').length ?? 1;
      writes.insertedRows += (query.bindings?.length ?? 0) / columns;
    }
  });
  return writes;
}

describe.each(databases.eachSupportedId())(
  'an unchanged read on %p',
  databaseId => {
    const fleet = Array.from({ length: 60 }, (_, i) =>
      clusterRecord(SUB_A, `c-${String(i).padStart(2, '0')}`, {
        tags: { owner: `team-${i % 3}` },
      }),
    );

    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t0,
      });
      return { knex, store, writes: countClusterWrites(knex) };
    }

    it('writes no cluster row when the same read comes again, and says each was seen', async () => {
      const { store, writes } = await setup();
      const result = await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t1,
      });
      expect(result).toEqual({
        upserted: 0,
        unchanged: 60,
        deleted: 0,
        markedStale: 0,
        changed: [],
        removed: [],
      });
      expect(writes).toEqual({ statements: 0, insertedRows: 0 });
      const { items } = await store.listClusters({ limit: 1000 });
      expect(items).toHaveLength(60);
      // Not written: the content is from t0; seen in the listing of t1.
      expect(new Set(items.map(c => c.updatedAt.getTime()))).toEqual(
        new Set([t0.getTime()]),
      );
      expect(new Set(items.map(c => c.lastSeenAt.getTime()))).toEqual(
        new Set([t1.getTime()]),
      );
      expect((await store.getCluster(fleet[7].id))?.lastSeenAt).toEqual(t1);
      const fleetPage = await store.listFleetClusters({ limit: 500 });
      expect(new Set(fleetPage.items.map(c => c.lastSeenAt.getTime()))).toEqual(
        new Set([t1.getTime()]),
      );
    });

    it('writes the one changed cluster, and only it', async () => {
      const { store, writes } = await setup();
      const upgraded = { ...fleet[42], kubernetesVersion: '1.33.1' };
      const read = fleet.map(c => (c.id === upgraded.id ? upgraded : c));
      const result = await store.upsertClustersForSubscription(SUB_A, read, {
        complete: true,
        at: t1,
      });
      expect(result).toMatchObject({
        upserted: 1,
        unchanged: 59,
        changed: [upgraded],
      });
      expect(writes).toEqual({ statements: 1, insertedRows: 1 });
      const { items } = await store.listClusters({ limit: 1000 });
      const written = items.filter(c => c.updatedAt.getTime() === t1.getTime());
      expect(written.map(c => c.record)).toEqual([upgraded]);
    });

    it('writes every row again when only a derived column changes (another owner tag)', async () => {
      const { knex, writes } = await setup();
      const byTeamTag = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
        ownerTag: 'team',
      });
      const result = await byTeamTag.upsertClustersForSubscription(
        SUB_A,
        fleet,
        { complete: true, at: t1 },
      );
      expect(result).toMatchObject({ upserted: 60, unchanged: 0 });
      expect(writes.insertedRows).toBe(60);
      expect((await byTeamTag.getCluster(fleet[3].id))?.owner).toBeNull();
    });

    it('keeps the last seen time of a cluster that goes stale, and writes it again when it comes back unchanged', async () => {
      const { store, writes } = await setup();
      await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t1,
      });
      // A partial list at t2 misses the first cluster; the whole subscription fails at t3.
      await store.upsertClustersForSubscription(SUB_A, fleet.slice(1), {
        complete: false,
        incompleteError: 'the cluster list was read in part',
        at: t2,
      });
      const missed = await store.getCluster(fleet[0].id);
      expect(missed?.stale).toEqual({
        error: 'the cluster list was read in part',
        since: t2,
      });
      expect(missed?.lastSeenAt).toEqual(t1);
      expect((await store.getCluster(fleet[1].id))?.lastSeenAt).toEqual(t2);

      await store.markSubscriptionStale(SUB_A, 'AuthorizationFailed', t3);
      expect((await store.getCluster(fleet[0].id))?.lastSeenAt).toEqual(t1);
      expect((await store.getCluster(fleet[1].id))?.lastSeenAt).toEqual(t2);

      // Back, unchanged: every row is written to clear its stale mark, none is a change.
      const t4 = new Date('2026-11-26T09:20:00Z');
      writes.statements = 0;
      writes.insertedRows = 0;
      const result = await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t4,
      });
      expect(result).toMatchObject({ upserted: 60, unchanged: 0, changed: [] });
      expect(writes.insertedRows).toBe(60);
      const back = await store.getCluster(fleet[0].id);
      expect(back?.stale).toBeUndefined();
      expect(back?.lastSeenAt).toEqual(t4);
    });

    it('writes a row stored before content hashes once, then no more', async () => {
      const { knex, store, writes } = await setup();
      await knex('clusters').update({ content_hash: null });
      writes.statements = 0;
      writes.insertedRows = 0;
      await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t1,
      });
      expect(writes.insertedRows).toBe(60);
      writes.statements = 0;
      writes.insertedRows = 0;
      await store.upsertClustersForSubscription(SUB_A, fleet, {
        complete: true,
        at: t2,
      });
      expect(writes).toEqual({ statements: 0, insertedRows: 0 });
    });
  },
);
