import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { SUB_A, clusterRecord } from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';
import { InventoryRefresh } from './InventoryRefresh';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/*
 * Which run a full refresh answers with, against a scheduler double: the run it
 * triggered, one already going, never one found interrupted; and how its wait ends.
 */
describe.each(databases.eachSupportedId())('InventoryRefresh on %p', id => {
  async function setup(triggerTask: (sync: ClusterInventorySync) => unknown) {
    const store = await DatabaseAksNetworkStore.create({
      database: databaseServiceFor(await databases.init(id)),
    });
    const logger = mockServices.logger.mock();
    const sync = new ClusterInventorySync({
      store,
      reader: {
        readSubscription: async () => ({
          clusters: [clusterRecord(SUB_A, 'a1')],
          complete: true,
          errors: [],
          partialClusterIds: [],
        }),
      },
      subscriptions: { listSubscriptionIds: async () => [SUB_A] },
      logger,
    });
    const triggered: number[] = [];
    const refresh = new InventoryRefresh({
      store,
      sync,
      logger,
      scheduler: {
        triggerTask: async () => {
          triggered.push(Date.now());
          await triggerTask(sync);
        },
      },
      coolDownMs: 60_000,
      waitTimeoutMs: 5_000,
      pollIntervalMs: 10,
    });
    return { store, sync, refresh, triggered };
  }

  it('answers with the run it triggered', async () => {
    const { refresh, triggered } = await setup(sync => {
      // The scheduler starts the task later, on whichever instance.
      setTimeout(() => sync.run(), 50);
    });
    const result = await refresh.refreshAll();
    expect(result).toMatchObject({
      reused: false,
      run: { status: 'succeeded' },
    });
    expect(triggered).toHaveLength(1);
  });

  it('shares a run already going (the task is running on another instance)', async () => {
    const { store, refresh } = await setup(() => {
      throw new ConflictError(
        'Task aks-network-inventory-sync is currently running',
      );
    });
    const going = await store.startSyncRun();
    const answer = refresh.refreshAll();
    await new Promise(resolve => setTimeout(resolve, 50));
    await store.finishSyncRun(going.id, { status: 'partial', outcomes: {} });
    expect(await answer).toMatchObject({
      reused: false,
      run: { id: going.id, status: 'partial' },
    });
  });

  it('skips a run left running by a dead backend: the run that closed it is the answer', async () => {
    const { store, refresh } = await setup(sync => {
      setTimeout(() => sync.run(), 20);
    });
    const orphan = await store.startSyncRun();
    const result = await refresh.refreshAll();
    expect(result.run.id).toBeGreaterThan(orphan.id);
    expect(result.run.status).toBe('succeeded');
    expect((await store.listSyncRuns()).map(run => run.status)).toEqual([
      'succeeded',
      'failed',
    ]);
  });

  it('gives up with a 503 when no run ends within the wait, and at once on stop', async () => {
    const { store, sync } = await setup(() => undefined);
    const logger = mockServices.logger.mock();
    const scheduler = { triggerTask: async () => undefined };
    const quick = new InventoryRefresh({
      store,
      sync,
      logger,
      scheduler,
      coolDownMs: 0,
      waitTimeoutMs: 100,
      pollIntervalMs: 10,
    });
    await expect(quick.refreshAll()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /did not finish within 0.1 s \(no sync run started\)/,
      ),
    });

    const patient = new InventoryRefresh({
      store,
      sync,
      logger,
      scheduler,
      coolDownMs: 0,
      waitTimeoutMs: 60_000,
      pollIntervalMs: 60_000,
    });
    const waiting = patient.refreshAll();
    const stoppedAt = Date.now();
    setTimeout(() => patient.stop(), 20);
    await expect(waiting).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(/stopping/),
    });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
  });
});
