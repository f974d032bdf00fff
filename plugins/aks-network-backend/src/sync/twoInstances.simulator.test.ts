import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  overlaps,
  parseCidrOrThrow,
  containsCidr,
} from '@aks-network/plugin-aks-network-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  SIM_POOL,
  SIM_TOKEN,
  simulatorFleet,
  startSimulatorBackend,
  USER_AUTH,
} from '../__testUtils__/simulatorBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases
  .eachSupportedId()
  .some(([id]) => id === 'POSTGRES_15');
// testDatabases.test.ts fails CI when PostgreSQL is missing; here it only skips.
const describeOnPostgres = postgres ? describe : describe.skip;

const CADENCE_MS = 2_000;
const WINDOW_MS = 10_000;

/*
 * Two backend instances on one PostgreSQL database, as two replicas run: the
 * scheduler's global lock lets one of them run each scheduled sync, both serve the
 * API, and reservations made through either never overlap.
 */
describeOnPostgres('two backend instances on one PostgreSQL database', () => {
  let simulator: ArmSimulator;
  const running: Array<{ stop(): Promise<void> }> = [];
  const knexes: Knex[] = [];

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

  afterEach(async () => {
    await Promise.all(running.splice(0).map(backend => backend.stop()));
    await Promise.all(knexes.splice(0).map(knex => knex.destroy()));
  });

  it('run the scheduled sync once per interval, serve the same API, and hand out 100 subnets that never overlap', async () => {
    // A sync takes a while, so two at once would show.
    simulator.setFaults({ latencyMs: 40 });
    const knexA = await databases.init('POSTGRES_15');
    // The second replica has its own connection pool to the same database.
    const knexB = knexFactory(knexA.client.config);
    knexes.push(knexB);
    const aksNetwork = {
      sync: {
        schedule: {
          frequency: { milliseconds: CADENCE_MS },
          timeout: { seconds: 30 },
        },
      },
      addressPools: [SIM_POOL],
      // Counts the ARM path's cluster listings, one per subscription and run.
      inventory: { source: 'arm' },
    };
    const started = Date.now();
    // One after the other: the second finds the configured pool already there.
    const a = await startSimulatorBackend({
      knex: knexA,
      simulator,
      aksNetwork,
    });
    running.push(a);
    const b = await startSimulatorBackend({
      knex: knexB,
      simulator,
      aksNetwork,
    });
    running.push(b);
    const servers = [a.server, b.server];

    // 100 reservations at once, alternating between the instances.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        request(servers[i % 2])
          .post(`/api/aks-network/address-pools/${SIM_POOL.id}/reservations`)
          .set('Authorization', USER_AUTH)
          .send({ requestKey: `replica-test-${i}` }),
      ),
    );
    expect(answers.filter(answer => answer.status !== 201)).toEqual([]);
    const cidrs = answers.map(answer => answer.body.cidr as string);
    expect(new Set(cidrs).size).toBe(100);
    const parsed = cidrs.map(parseCidrOrThrow);
    const range = parseCidrOrThrow(SIM_POOL.range);
    for (const [i, cidr] of parsed.entries()) {
      expect(containsCidr(range, cidr)).toBe(true);
      for (const other of parsed.slice(i + 1)) {
        expect([cidrs[i], overlaps(cidr, other)]).toEqual([cidrs[i], false]);
      }
    }
    // Each instance reads what the other wrote.
    const [fromA, fromB] = await Promise.all(
      [answers[1].body.id, answers[0].body.id].map((id, i) =>
        request(servers[i])
          .get(`/api/aks-network/reservations/${id}`)
          .set('Authorization', USER_AUTH),
      ),
    );
    expect(fromA.body.cidr).toBe(cidrs[1]);
    expect(fromB.body.cidr).toBe(cidrs[0]);

    // Let the schedule run for the rest of the window, then stop both.
    await new Promise(resolve =>
      setTimeout(resolve, Math.max(0, started + WINDOW_MS - Date.now())),
    );
    const [clustersA, clustersB] = await Promise.all(
      servers.map(server =>
        request(server)
          .get('/api/aks-network/clusters')
          .set('Authorization', USER_AUTH),
      ),
    );
    await Promise.all(running.splice(0).map(backend => backend.stop()));
    const elapsed = Date.now() - started;

    expect(clustersA.status).toBe(200);
    expect(clustersA.body.items.map((c: { name: string }) => c.name)).toEqual([
      'aks-a-1',
      'aks-a-2',
      'aks-b-1',
      'aks-b-2',
    ]);
    expect(clustersB.body).toEqual(clustersA.body);

    const runs: Array<{
      started_at: unknown;
      finished_at: unknown;
      status: string;
    }> = await knexA('sync_runs').orderBy('id');
    // At least two runs in the window, at most one per interval of it; two
    // replicas each running the task would make about twice as many.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(
      Math.ceil(elapsed / CADENCE_MS) + 1,
    );
    // Never two at once: each starts after the one before it finished. (The last
    // may have been cut by the stop: aborted, recorded failed.)
    expect(runs.slice(0, -1).map(run => run.status)).toEqual(
      new Array(runs.length - 1).fill('succeeded'),
    );
    for (let i = 1; i < runs.length; i++) {
      expect(
        new Date(runs[i].started_at as string).getTime(),
      ).toBeGreaterThanOrEqual(
        new Date(runs[i - 1].finished_at as string).getTime(),
      );
    }
    // And Azure was read by these runs only: one cluster list per subscription each
    // (the last one's may have been cut short).
    const lists = simulator.calls().byKind['GET managedClusters.list'];
    expect(lists).toBeLessThanOrEqual(runs.length * 2);
    expect(lists).toBeGreaterThanOrEqual((runs.length - 1) * 2);
    expect(Number((await knexA('reservations').count({ n: '*' }))[0].n)).toBe(
      100,
    );
  });
});
