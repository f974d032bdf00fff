import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import request from 'supertest';
import {
  SIM_SUB_A,
  SIM_TOKEN,
  simulatorAzureConfig,
  simulatorFleet,
  startSimulatorBackend,
  USER_AUTH,
} from '../__testUtils__/simulatorBackend';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';
import { INVENTORY_SYNC_TASK_ID } from './scheduleInventorySync';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Runs only when triggered: every run in these tests is one a refresh asked for. */
const MANUAL_SCHEDULE = {
  frequency: { trigger: 'manual' },
  timeout: { seconds: 30 },
};

const CLUSTER_A1 = `/subscriptions/${SIM_SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-a-1`;

/*
 * POST /refresh under load, through the plugin's real wiring and scheduler, with ARM
 * calls counted by the simulator.
 */
describe('POST /refresh against the ARM simulator', () => {
  let simulator: ArmSimulator;
  const running: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: simulatorFleet(),
      expectedToken: SIM_TOKEN,
      operationDurationMs: 10,
    });
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map(backend => backend.stop()));
  });

  async function start(
    databaseId: Parameters<typeof databases.init>[0],
    sync: Record<string, unknown> = {},
  ) {
    const knex = await databases.init(databaseId);
    const backend = await startSimulatorBackend({
      knex,
      simulator,
      aksNetwork: {
        sync: { schedule: MANUAL_SCHEDULE, ...sync },
        // Compared with one sync of AzureInventoryReader's ARM calls.
        inventory: { source: 'arm' },
      },
    });
    running.push(backend);
    const refresh = (body: object) =>
      request(backend.server)
        .post('/api/aks-network/refresh')
        .set('Authorization', USER_AUTH)
        .send(body);
    return { knex, refresh };
  }

  /** What one sync asks ARM, read by a sync of its own over a fresh database. */
  async function callsOfOneSync(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const store = await DatabaseAksNetworkStore.create({
      database: databaseServiceFor(await databases.init(databaseId)),
    });
    const logger = mockServices.logger.mock();
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: { azure: simulatorAzureConfig(simulator) },
      }),
      { logger },
    );
    const sync = new ClusterInventorySync({
      store,
      reader: new AzureInventoryReader(access.clients),
      subscriptions: access.clients,
      logger,
    });
    simulator.reset();
    expect(await sync.run()).toMatchObject({ status: 'succeeded' });
    const calls = simulator.calls();
    simulator.reset();
    return calls;
  }

  it.each(databases.eachSupportedId())(
    'ten full refreshes make one sync’s worth of ARM calls, run by the scheduled task (%p)',
    async databaseId => {
      const oneSync = await callsOfOneSync(databaseId);
      expect(oneSync.total).toBeGreaterThan(0);
      const { knex, refresh } = await start(databaseId);

      // Five at once share the run they trigger; five more within the cool-down get it.
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => refresh({})),
      );
      for (let i = 0; i < 5; i++) {
        answers.push(await refresh({}));
      }

      expect(answers.map(answer => answer.status)).toEqual(
        new Array(10).fill(200),
      );
      expect(answers[0].body.lastSync).toMatchObject({
        status: 'succeeded',
        complete: true,
      });
      expect(new Set(answers.map(a => a.body.lastSync.startedAt)).size).toBe(1);
      expect(answers.map(answer => answer.body.reused)).toEqual([
        ...new Array(5).fill(false),
        ...new Array(5).fill(true),
      ]);
      // The default cool-down: a minute after the run's end.
      expect(
        Date.parse(answers[9].body.nextRefreshAt) -
          Date.parse(answers[9].body.lastSync.finishedAt),
      ).toBe(60_000);

      const calls = simulator.calls();
      expect(calls.total).toBe(oneSync.total);
      expect(calls.byKind).toEqual(oneSync.byKind);
      expect(await knex('sync_runs').select('status')).toEqual([
        { status: 'succeeded' },
      ]);
      // The run was the scheduler's: it recorded the task's end.
      const [task] = await knex('backstage_backend_tasks__tasks').where({
        id: INVENTORY_SYNC_TASK_ID,
      });
      expect(task.last_run_ended_at).toBeTruthy();
      expect(task.current_run_ticket).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'starts a new run once the cool-down is over (%p)',
    async databaseId => {
      const { knex, refresh } = await start(databaseId, {
        refreshCoolDown: '1s',
      });
      const first = await refresh({});
      expect(first.body).toMatchObject({ reused: false });
      const wait = Date.parse(first.body.nextRefreshAt) - Date.now();
      await new Promise(resolve => setTimeout(resolve, Math.max(0, wait) + 50));

      const second = await refresh({});
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ reused: false });
      expect(Date.parse(second.body.lastSync.startedAt)).toBeGreaterThanOrEqual(
        Date.parse(first.body.lastSync.finishedAt),
      );
      expect(
        (await knex('sync_runs').select('status')).map(row => row.status),
      ).toEqual(['succeeded', 'succeeded']);
    },
  );

  it.each(databases.eachSupportedId())(
    'shares one read among concurrent refreshes of the same cluster (%p)',
    async databaseId => {
      const { refresh } = await start(databaseId);
      const one = await refresh({ clusterId: CLUSTER_A1 });
      expect(one.status).toBe(200);
      const callsOfOneRead = simulator.calls();
      expect(callsOfOneRead.total).toBeGreaterThan(0);
      simulator.reset();

      // The same cluster, as ARM ids compare: case-insensitively.
      const answers = await Promise.all([
        refresh({ clusterId: CLUSTER_A1 }),
        refresh({ clusterId: CLUSTER_A1.toUpperCase() }),
        refresh({ clusterId: CLUSTER_A1 }),
        refresh({ clusterId: CLUSTER_A1 }),
      ]);
      expect(answers.map(answer => answer.status)).toEqual([
        200, 200, 200, 200,
      ]);
      expect(answers.map(answer => answer.body.cluster.name)).toEqual(
        new Array(4).fill('aks-a-1'),
      );
      expect(simulator.calls().byKind).toEqual(callsOfOneRead.byKind);
    },
  );

  const badClusterIds: Array<[string, unknown]> = [
    [
      'a subscription of ..',
      '/subscriptions/../resourceGroups/x/providers/Microsoft.ContainerService/managedClusters/y',
    ],
    [
      'a subscription that is not a GUID',
      '/subscriptions/sub-a/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks',
    ],
    [
      'a resource group of ..',
      `/subscriptions/${SIM_SUB_A}/resourceGroups/../providers/Microsoft.ContainerService/managedClusters/aks`,
    ],
    [
      'an encoded slash',
      `/subscriptions/${SIM_SUB_A}/resourceGroups/rg%2F..%2F/providers/Microsoft.ContainerService/managedClusters/aks`,
    ],
    ['a query', `${CLUSTER_A1}?api-version=2020-01-01`],
    ['an extra segment', `${CLUSTER_A1}/agentPools/system`],
    [
      'another resource type',
      `/subscriptions/${SIM_SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a`,
    ],
    ['a cluster name Azure refuses', `${CLUSTER_A1.slice(0, -7)}-aks`],
    ['a newline and colour codes', `${CLUSTER_A1}\n\u001b[31mforged`],
    ['an empty id', ''],
    ['a number', 42],
  ];

  it.each(databases.eachSupportedId())(
    'refuses a clusterId that is not a managed cluster’s ARM id with a 400 naming it, before Azure is called (%p)',
    async databaseId => {
      const { knex, refresh } = await start(databaseId);
      for (const [what, clusterId] of badClusterIds) {
        const answer = await refresh({ clusterId });
        expect([what, answer.status]).toEqual([what, 400]);
        expect([what, answer.body.error.message]).toEqual([
          what,
          expect.stringMatching(/clusterId: /),
        ]);
      }
      expect(simulator.calls().total).toBe(0);
      expect(await knex('clusters').select('id')).toEqual([]);
      expect(await knex('sync_runs').select('id')).toEqual([]);
    },
  );
});
