import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import knexFactory, { Knex } from 'knex';
import {
  EphemeralPostgres,
  findPostgresBinaries,
  startEphemeralPostgres,
} from '../__testUtils__/ephemeralPostgres';
import {
  SIM_SUB_A,
  SIM_SUB_B,
  SIM_TOKEN,
  simulatorAzureConfig,
  simulatorFleet,
} from '../__testUtils__/simulatorBackend';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';
import type { InventoryReader } from './InventorySource';

jest.setTimeout(60_000);

const binaries = findPostgresBinaries();
// Skipped, saying why, only where the server's tools are absent.
const describeWithPostgres = binaries.found ? describe : describe.skip;
const skipped = binaries.found
  ? ''
  : ` (skipped: ${binaries.reason}; install the PostgreSQL server to run it)`;

/** Every row of the inventory tables, in a stable order, for comparing states. */
async function inventoryRows(knex: Knex) {
  const clusters = await knex('clusters')
    .select('id', 'subscription_id', 'name', 'record', 'stale_error')
    .orderBy('id');
  const subscriptions = await knex('subscriptions')
    .select('id', 'status', 'error')
    .orderBy('id');
  return { clusters, subscriptions };
}

/*
 * The inventory's database restarts in the middle of a sync (a second PostgreSQL
 * server the test starts itself, on its own port and data directory): the run fails
 * and says so, what it had not committed is not half-written, and the next run stores
 * Azure's inventory once, nothing lost or doubled.
 */
describeWithPostgres(
  `a sync whose PostgreSQL restarts mid-run${skipped}`,
  () => {
    let simulator: ArmSimulator;
    let postgres: EphemeralPostgres | undefined;
    let knex: Knex | undefined;

    beforeAll(async () => {
      simulator = await startArmSimulator({
        fleet: simulatorFleet(),
        expectedToken: SIM_TOKEN,
        operationDurationMs: 10,
      });
      if (binaries.found) {
        postgres = await startEphemeralPostgres(binaries);
      }
    });

    afterAll(async () => {
      await knex?.destroy();
      await postgres?.destroy();
      await simulator?.close();
    });

    it('fails that run cleanly, and the next run stores everything once', async () => {
      const server = postgres!;
      knex = knexFactory({
        client: 'pg',
        connection: server.connection,
        pool: { min: 0, max: 4, acquireTimeoutMillis: 10_000 },
        // The lost connections are the point: knex need not print each one.
        log: { warn() {}, error() {}, debug() {}, deprecate() {} },
      });
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const logger = mockServices.logger.mock();
      const access = AzureAccess.fromConfig(
        new ConfigReader({
          aksNetwork: { azure: simulatorAzureConfig(simulator) },
        }),
        { logger },
      );
      const azure = new AzureInventoryReader(access.clients);

      // The second subscription's read, once Azure answered, waits for the test: the
      // database goes down between the read and its write.
      let hold: { reached: () => void; release: Promise<void> } | undefined;
      const reads: string[] = [];
      const reader: InventoryReader = {
        readSubscription: async (id, options) => {
          const read = await azure.readSubscription(id, options);
          reads.push(id);
          if (hold && reads.length % 2 === 0) {
            hold.reached();
            await hold.release;
          }
          return read;
        },
      };
      const sync = new ClusterInventorySync({
        store,
        reader,
        subscriptions: access.clients,
        logger,
        concurrency: 1,
        // Up to 20 s for the restarted server to answer the run's failure record.
        recordFailure: { attempts: 80, delayMs: 250 },
      });

      const first = await sync.run();
      expect(first.status).toBe('succeeded');
      const afterFirst = await inventoryRows(knex);
      expect(afterFirst.clusters.map(row => row.name)).toEqual([
        'aks-a-1',
        'aks-a-2',
        'aks-b-1',
        'aks-b-2',
      ]);

      // Azure changes in both subscriptions before the second run.
      await access.clients
        .containerService(SIM_SUB_A)
        .managedClusters.beginDeleteAndWait('rg-aks', 'aks-a-2', {
          updateIntervalInMs: 10,
        });
      await access.clients
        .containerService(SIM_SUB_B)
        .managedClusters.beginDeleteAndWait('rg-aks', 'aks-b-2', {
          updateIntervalInMs: 10,
        });

      let reached!: () => void;
      const atHold = new Promise<void>(resolve => {
        reached = resolve;
      });
      let release!: () => void;
      hold = {
        reached,
        release: new Promise<void>(resolve => {
          release = resolve;
        }),
      };
      const second = sync.run();
      second.catch(() => undefined);
      await atHold;
      const [firstWritten, cut] = reads.slice(-2);
      await server.stop();
      release();
      // The run's record of its failure waits for the server; bring it back once the
      // write has failed and the first attempt to record it found no server.
      const deadline = Date.now() + 20_000;
      while (
        !logger.warn.mock.calls.some(([message]) =>
          /did not reach the database/.test(String(message)),
        ) &&
        Date.now() < deadline
      ) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      await server.start();
      await expect(second).rejects.toThrow();
      hold = undefined;

      const runs = await store.listSyncRuns();
      expect(runs.map(run => run.status)).toEqual(['failed', 'succeeded']);
      // What it stored whole (the first subscription) it says; the cut one is absent.
      expect(Object.keys(runs[0].outcomes)).toEqual([firstWritten]);
      const afterSecond = await inventoryRows(knex);
      // The cut subscription's write never happened: its rows are the first run's.
      const of = (rows: typeof afterFirst, subscription: string) =>
        rows.clusters.filter(row => row.subscription_id === subscription);
      expect(of(afterSecond, cut)).toEqual(of(afterFirst, cut));
      expect(of(afterSecond, firstWritten).map(row => row.name)).toHaveLength(
        1,
      );

      const third = await sync.run();
      expect(third.status).toBe('succeeded');
      const afterThird = await inventoryRows(knex);
      // Exactly Azure's inventory: every cluster once, with the record Azure gives now.
      const expected = [
        ...(await azure.readSubscription(SIM_SUB_A)).clusters,
        ...(await azure.readSubscription(SIM_SUB_B)).clusters,
      ].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
      expect(afterThird.clusters.map(row => row.name)).toEqual([
        'aks-a-1',
        'aks-b-1',
      ]);
      expect(
        afterThird.clusters.map(row =>
          typeof row.record === 'string' ? JSON.parse(row.record) : row.record,
        ),
      ).toEqual(expected);
      expect(afterThird.clusters.every(row => row.stale_error === null)).toBe(
        true,
      );
      expect(afterThird.subscriptions).toEqual([
        { id: SIM_SUB_A, status: 'succeeded', error: null },
        { id: SIM_SUB_B, status: 'succeeded', error: null },
      ]);
      expect(
        (await store.listSyncRuns()).map(run => [run.id, run.status]),
      ).toEqual([
        [third.id, 'succeeded'],
        [runs[0].id, 'failed'],
        [first.id, 'succeeded'],
      ]);
    });
  },
);
