import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';
import { SyncRunTable } from './SyncRunTable';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'the last finished sync run on %p',
  databaseId => {
    it('is answered from memory for 2 s, cleared by a run finishing here, and seen from another instance within that time', async () => {
      const knex = await databases.init(databaseId);
      // Migrates the schema.
      await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      let now = 0;
      const here = new SyncRunTable(knex, () => now);
      const elsewhere = new SyncRunTable(knex);

      const first = await here.start(new Date('2026-12-01T10:00:00Z'));
      expect(await here.lastFinished()).toBeUndefined();
      await here.finish(first.id, { status: 'succeeded', outcomes: {} });
      // Finished in this process: seen at once.
      expect((await here.lastFinished())?.id).toBe(first.id);

      const second = await elsewhere.start(new Date('2026-12-01T10:05:00Z'));
      await elsewhere.finish(second.id, { status: 'partial', outcomes: {} });
      now += 1_999;
      expect((await here.lastFinished())?.id).toBe(first.id);
      now += 1;
      expect(await here.lastFinished()).toMatchObject({
        id: second.id,
        status: 'partial',
      });
    });
  },
);
