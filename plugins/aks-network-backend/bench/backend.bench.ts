/* eslint-disable no-console */
/**
 * Backend benchmark: subnet reservations and the inventory sync, on SQLite and
 * PostgreSQL, through the plugin's own store and sync (no HTTP layer).
 *
 * Run: yarn workspace @aks-network/plugin-aks-network-backend bench
 * (node with the Backstage CLI's own SWC require hook; no extra tooling).
 *
 * Databases: SQLite is better-sqlite3 in memory (the client and connection of
 * app-config.yaml); PostgreSQL is 127.0.0.1:5432 as `postgres` (trust auth), in a
 * database `aks_bench_<timestamp>` created for the run and dropped at the end, its
 * schema emptied before every scenario. Without a reachable PostgreSQL only SQLite is
 * measured. Every scenario starts from an empty, freshly migrated store.
 *
 * Scenarios:
 *   1. Reservations: one address pool 10.240.0.0/16 handing out /27s; N concurrent
 *      `reserveSubnet` calls with distinct request keys (N = 50, 500), checked to be
 *      distinct and non-overlapping; then the same request retried with a key that
 *      already holds a reservation (the idempotent path of a retried task step).
 *   2. Inventory sync: `ClusterInventorySync.run()` reading the ARM simulator through
 *      the production SDK clients (`AzureAccess.fromConfig`, `AzureInventoryReader`),
 *      once into an empty store and once more with nothing changed, for the seed fleet
 *      (examples/azure-fleet/fleet.yaml) and a synthetic 3 × 100 overlay cluster fleet,
 *      the latter also with 20 ms of added latency on every ARM call (SQLite only)
 *      and with list pages of 100 items instead of the simulator's default 5. The
 *      simulator runs in this process: its CPU time is part of the sync's wall time.
 *      Every row is the median of several runs, each from an empty store.
 *
 * Checks are not assertions: a failed one prints a FAIL line and the process exits
 * non-zero after printing everything.
 */
import { resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ArmSimulator,
  FleetCluster,
  FleetVirtualNetwork,
  loadFleet,
  SimulatorFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  Cidr,
  containsCidr,
  overlaps,
  parseCidrOrThrow,
} from '@aks-network/plugin-aks-network-common';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import knexFactory, { Knex } from 'knex';
import type { AksNetworkStore } from '../src/database/AksNetworkStore';
import { DatabaseAksNetworkStore } from '../src/database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from '../src/sync/ClusterInventorySync';

const POOL_ID = 'bench-weu-nodes';
const POOL_RANGE = '10.240.0.0/16';
const POOL_PREFIX = 27;
const RESERVATION_COUNTS = [50, 500];
const RETRIES = 20;
const TOKEN = 'bench-token';
const SEED_FLEET = resolvePath(
  __dirname,
  '../../../examples/azure-fleet/fleet.yaml',
);
const SYNTHETIC_SUBSCRIPTIONS = 3;
const SYNTHETIC_CLUSTERS_PER_SUBSCRIPTION = 100;
const LATENCY_MS = 20;
/** A page size nearer real ARM's than the simulator's default 5. */
const LARGE_PAGE = 100;
const SEED_SAMPLES = 5;
const SYNTHETIC_SAMPLES = 3;

const POSTGRES = {
  host: '127.0.0.1',
  port: 5432,
  user: 'postgres',
};

const failures: string[] = [];

function fail(message: string): void {
  failures.push(message);
  console.log(`FAIL: ${message}`);
}

const silentLogger: LoggerService = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};

/** The same wrapper as the tests' `databaseServiceFor`, without jest around it. */
function databaseServiceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}

// ---------------------------------------------------------------------------
// Databases

interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  /** A knex on an empty database; destroyed by the caller. */
  open(): Promise<Knex>;
  close(): Promise<void>;
}

function sqliteEngine(): Engine {
  return {
    name: 'SQLite',
    open: async () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
        useNullAsDefault: true,
      }),
    close: async () => undefined,
  };
}

/** PostgreSQL in a database of its own, or undefined when not reachable. */
async function postgresEngine(): Promise<Engine | undefined> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...POSTGRES, database: 'postgres' },
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5_000,
  });
  try {
    await admin.raw('select 1');
  } catch (error) {
    console.log(
      `PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} is not reachable (${
        (error as Error).message
      }): measuring SQLite only.`,
    );
    await admin.destroy();
    return undefined;
  }
  const database = `aks_bench_${Date.now()}`;
  await admin.raw('create database ??', [database]);
  console.log(`PostgreSQL: database ${database} created for this run.`);
  return {
    name: 'PostgreSQL',
    open: async () => {
      const knex = knexFactory({
        client: 'pg',
        connection: { ...POSTGRES, database },
      });
      // Every scenario starts empty: drop what the previous one migrated.
      await knex.raw('drop schema if exists public cascade');
      await knex.raw('create schema public');
      return knex;
    },
    close: async () => {
      await admin.raw('drop database if exists ?? with (force)', [database]);
      await admin.destroy();
      console.log(`PostgreSQL: database ${database} dropped.`);
    },
  };
}

async function withStore<T>(
  engine: Engine,
  body: (store: DatabaseAksNetworkStore) => Promise<T>,
): Promise<T> {
  const knex = await engine.open();
  try {
    const store = await DatabaseAksNetworkStore.create({
      database: databaseServiceFor(knex),
    });
    return await body(store);
  } finally {
    await knex.destroy();
  }
}

// ---------------------------------------------------------------------------
// Reservations

interface ReservationRow {
  engine: string;
  count: number;
  totalMs: number;
  perReservationMs: number;
  retryMs: number;
  verdict: string;
}

async function createPool(store: AksNetworkStore): Promise<void> {
  await store.createAddressPool({
    id: POOL_ID,
    subscriptionId: 'a1a1a1a1-0000-4000-8000-000000000001',
    resourceGroup: 'rg-net',
    vnetName: 'vnet-weu',
    region: 'westeurope',
    range: POOL_RANGE,
    subnetPrefix: POOL_PREFIX,
  });
}

function reserve(store: AksNetworkStore, requestKey: string) {
  return store.reserveSubnet({
    poolId: POOL_ID,
    owner: 'team-bench',
    requestKey,
    ttlSeconds: 3600,
    existingSubnets: [],
  });
}

/** Distinct, non-overlapping, inside the pool, of the pool's prefix. */
function checkReservations(label: string, cidrs: string[]): string {
  const pool = parseCidrOrThrow(POOL_RANGE);
  const parsed: Cidr[] = cidrs.map(text => parseCidrOrThrow(text));
  const problems: string[] = [];
  if (new Set(cidrs).size !== cidrs.length) {
    problems.push(
      `${cidrs.length - new Set(cidrs).size} duplicate subnet(s) handed out`,
    );
  }
  parsed.forEach((cidr, i) => {
    if (cidr.prefix !== POOL_PREFIX || !containsCidr(pool, cidr)) {
      problems.push(`${cidrs[i]} is not a /${POOL_PREFIX} in ${POOL_RANGE}`);
    }
    for (let j = i + 1; j < parsed.length; j++) {
      if (cidrs[i] !== cidrs[j] && overlaps(cidr, parsed[j])) {
        problems.push(`${cidrs[i]} overlaps ${cidrs[j]}`);
      }
    }
  });
  if (problems.length > 0) {
    fail(`${label}: ${problems.slice(0, 5).join('; ')}`);
    return 'FAIL';
  }
  return `ok: ${cidrs.length} distinct, non-overlapping`;
}

async function measureReservations(
  engine: Engine,
  count: number,
): Promise<ReservationRow> {
  return withStore(engine, async store => {
    await createPool(store);
    const keys = Array.from({ length: count }, (_, i) => `bench-${i}`);
    const start = performance.now();
    const settled = await Promise.allSettled(
      keys.map(key => reserve(store, key)),
    );
    const totalMs = performance.now() - start;

    const label = `${engine.name}, ${count} concurrent reservations`;
    const rejected = settled.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (rejected.length > 0) {
      fail(
        `${label}: ${rejected.length} rejected, first: ${String(
          rejected[0].reason,
        )}`,
      );
    }
    const reservations = settled.flatMap(result =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    let verdict =
      rejected.length > 0
        ? 'FAIL'
        : checkReservations(
            label,
            reservations.map(r => r.cidr),
          );

    // The same request again with a key that holds a reservation: the same one back.
    const original = reservations[0];
    const retryTimes: number[] = [];
    for (let i = 0; i < RETRIES; i++) {
      const retryStart = performance.now();
      const again = await reserve(store, keys[0]);
      retryTimes.push(performance.now() - retryStart);
      if (
        original &&
        (again.id !== original.id || again.cidr !== original.cidr)
      ) {
        fail(
          `${label}: retry with key ${keys[0]} gave ${again.cidr} (${again.id}), not ${original.cidr} (${original.id})`,
        );
        verdict = 'FAIL';
        break;
      }
    }
    const live = await store.listReservations({ poolId: POOL_ID });
    if (live.length !== count) {
      fail(`${label}: ${live.length} reservations stored after the retries`);
      verdict = 'FAIL';
    }
    return {
      engine: engine.name,
      count,
      totalMs,
      perReservationMs: totalMs / count,
      retryMs: median(retryTimes),
      verdict,
    };
  });
}

// ---------------------------------------------------------------------------
// Inventory sync

interface FleetCase {
  name: string;
  fleet: SimulatorFleet;
  clusters: number;
  /** Items per ARM list page; the simulator's default is 5. */
  pageSize?: number;
  latencyMs?: number;
  /** Runs per row; the row shows the median. */
  samples: number;
  /** Measured on SQLite alone (the store's share is small: one row shows the effect). */
  sqliteOnly?: boolean;
}

interface SyncRow {
  fleet: string;
  engine: string;
  simulator: string;
  clusters: number;
  firstMs: number;
  againMs: number;
  storeMs: number;
  armCalls: number;
  topKinds: string;
}

/** 3 subscriptions × 100 overlay clusters, each cluster with a /27 of its own. */
function syntheticFleet(): SimulatorFleet {
  const subscriptions = Array.from(
    { length: SYNTHETIC_SUBSCRIPTIONS },
    (_, s) => ({
      id: `5e5e5e5e-0000-4000-8000-${String(s + 1).padStart(12, '0')}`,
      name: `bench-${s + 1}`,
      displayName: `Bench ${s + 1}`,
    }),
  );
  const virtualNetworks: FleetVirtualNetwork[] = [];
  const clusters: FleetCluster[] = [];
  subscriptions.forEach((subscription, s) => {
    const second = 100 + s;
    virtualNetworks.push({
      subscription: subscription.name,
      resourceGroup: 'rg-net',
      name: 'vnet-aks',
      region: 'westeurope',
      addressSpace: [`10.${second}.0.0/16`],
      subnets: Array.from(
        { length: SYNTHETIC_CLUSTERS_PER_SUBSCRIPTION },
        (_, c) => ({
          name: `snet-${c + 1}`,
          // /27 number c of 10.<second>.0.0/16: 8 per /24.
          prefix: `10.${second}.${Math.floor(c / 8)}.${(c % 8) * 32}/27`,
        }),
      ),
    });
    for (let c = 0; c < SYNTHETIC_CLUSTERS_PER_SUBSCRIPTION; c++) {
      clusters.push({
        subscription: subscription.name,
        resourceGroup: 'rg-aks',
        name: `aks-${s + 1}-${c + 1}`,
        region: 'westeurope',
        tags: { owner: `team-${(c % 10) + 1}` },
        network: { plugin: 'azure', mode: 'overlay' },
        pools: [
          {
            name: 'system',
            mode: 'System',
            count: 2,
            subnet: `vnet-aks/snet-${c + 1}`,
          },
        ],
      });
    }
  });
  return { subscriptions, virtualNetworks, clusters };
}

/** Times every store call the sync makes (summed; subscriptions overlap). */
function timedStore(
  store: AksNetworkStore,
  timing: { ms: number },
): AksNetworkStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        const start = performance.now();
        const result = value.apply(target, args);
        return Promise.resolve(result).finally(() => {
          timing.ms += performance.now() - start;
        });
      };
    },
  });
}

function topKinds(byKind: Record<string, number>, count = 3): string {
  return Object.entries(byKind)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, count)
    .map(([kind, calls]) => `${kind.replace(/^GET /, '')} ${calls}`)
    .join(', ');
}

function describeSimulator(fleetCase: FleetCase): string {
  return `page ${fleetCase.pageSize ?? 5}, ${
    fleetCase.latencyMs ? `+${fleetCase.latencyMs} ms` : 'no'
  } latency`;
}

/** One sample: a sync into an empty store, then one more with nothing changed. */
async function syncSample(
  engine: Engine,
  simulator: ArmSimulator,
  access: AzureAccess,
  fleetCase: FleetCase,
) {
  simulator.reset();
  if (fleetCase.latencyMs) {
    simulator.setFaults({ latencyMs: fleetCase.latencyMs });
  }
  return withStore(engine, async store => {
    const timing = { ms: 0 };
    const sync = new ClusterInventorySync({
      store: timedStore(store, timing),
      reader: new AzureInventoryReader(access.clients),
      subscriptions: access.clients,
      logger: silentLogger,
    });
    const label = `${engine.name}, ${fleetCase.name}, ${describeSimulator(
      fleetCase,
    )}`;

    let start = performance.now();
    const first = await sync.run();
    const firstMs = performance.now() - start;
    const storeMs = timing.ms;
    const calls = simulator.calls();

    start = performance.now();
    const again = await sync.run();
    const againMs = performance.now() - start;

    const stored = await store.listClusters({ limit: 1000 });
    for (const [which, run] of [
      ['first', first],
      ['second', again],
    ] as const) {
      if (run.status !== 'succeeded') {
        fail(`${label}: ${which} sync ${run.status}: ${run.error ?? ''}`);
      }
    }
    if (stored.items.length !== fleetCase.clusters) {
      fail(
        `${label}: ${stored.items.length} clusters stored, expected ${fleetCase.clusters}`,
      );
    }
    return { firstMs, againMs, storeMs, calls, clusters: stored.items.length };
  });
}

async function measureSync(
  engine: Engine,
  simulator: ArmSimulator,
  access: AzureAccess,
  fleetCase: FleetCase,
): Promise<SyncRow> {
  const samples = [];
  for (let i = 0; i < fleetCase.samples; i++) {
    samples.push(await syncSample(engine, simulator, access, fleetCase));
  }
  const last = samples[samples.length - 1];
  return {
    fleet: fleetCase.name,
    engine: engine.name,
    simulator: describeSimulator(fleetCase),
    clusters: last.clusters,
    firstMs: median(samples.map(s => s.firstMs)),
    againMs: median(samples.map(s => s.againMs)),
    storeMs: median(samples.map(s => s.storeMs)),
    armCalls: last.calls.total,
    topKinds: topKinds(last.calls.byKind),
  };
}

async function withSimulator<T>(
  fleet: SimulatorFleet,
  pageSize: number | undefined,
  body: (simulator: ArmSimulator, access: AzureAccess) => Promise<T>,
): Promise<T> {
  const simulator = await startArmSimulator({
    fleet,
    expectedToken: TOKEN,
    pageSize,
  });
  try {
    // The same SDK code as real Azure: only the endpoint, credential and CA differ.
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: TOKEN },
            subscriptions: fleet.subscriptions.map(s => s.id),
          },
        },
      }),
      { logger: silentLogger },
    );
    return await body(simulator, access);
  } finally {
    await simulator.close();
  }
}

// ---------------------------------------------------------------------------
// Output

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printReservations(rows: ReservationRow[]): void {
  console.log(
    `\n### Reservations: N concurrent reserveSubnet, one pool ${POOL_RANGE}, /${POOL_PREFIX}s\n`,
  );
  console.log(
    '| database | N concurrent | total (ms) | ms/reservation | same-key retry (ms, median of 20) | check |',
  );
  console.log('|:---|---:|---:|---:|---:|:---|');
  for (const row of rows) {
    console.log(
      `| ${row.engine} | ${row.count} | ${row.totalMs.toFixed(
        0,
      )} | ${row.perReservationMs.toFixed(2)} | ${row.retryMs.toFixed(2)} | ${
        row.verdict
      } |`,
    );
  }
}

function printSync(rows: SyncRow[]): void {
  console.log(
    '\n### Inventory sync: ClusterInventorySync.run() against the ARM simulator\n',
  );
  console.log(
    '| fleet | clusters | database | simulator | sync, empty store (ms) | ms/cluster | store calls (ms, summed) | sync again, unchanged (ms) | ARM calls/run | most frequent |',
  );
  console.log('|:---|---:|:---|:---|---:|---:|---:|---:|---:|:---|');
  for (const row of rows) {
    console.log(
      `| ${row.fleet} | ${row.clusters} | ${row.engine} | ${
        row.simulator
      } | ${row.firstMs.toFixed(0)} | ${(row.firstMs / row.clusters).toFixed(
        1,
      )} | ${row.storeMs.toFixed(0)} | ${row.againMs.toFixed(0)} | ${
        row.armCalls
      } | ${row.topKinds} |`,
    );
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStart = performance.now();
  const engines: Engine[] = [sqliteEngine()];
  const postgres = await postgresEngine();
  if (postgres) {
    engines.push(postgres);
  }
  try {
    // Warm-up so the JIT, the migrations' modules and the pools are ready.
    for (const engine of engines) {
      await measureReservations(engine, 20);
    }
    const reservationRows: ReservationRow[] = [];
    for (const count of RESERVATION_COUNTS) {
      for (const engine of engines) {
        reservationRows.push(await measureReservations(engine, count));
      }
    }
    printReservations(reservationRows);

    const seed = await loadFleet(SEED_FLEET);
    const synthetic = syntheticFleet();
    const seedCase = {
      name: 'seed (examples/azure-fleet)',
      fleet: seed,
      clusters: seed.clusters?.length ?? 0,
    };
    const syntheticCase = {
      name: `synthetic ${SYNTHETIC_SUBSCRIPTIONS} × ${SYNTHETIC_CLUSTERS_PER_SUBSCRIPTION}`,
      fleet: synthetic,
      clusters: synthetic.clusters?.length ?? 0,
    };
    // One simulator per list: its page size is fixed at start.
    const simulatorRuns: FleetCase[][] = [
      [{ ...seedCase, samples: SEED_SAMPLES }],
      [
        { ...syntheticCase, samples: SYNTHETIC_SAMPLES },
        {
          ...syntheticCase,
          samples: SYNTHETIC_SAMPLES,
          latencyMs: LATENCY_MS,
          sqliteOnly: true,
        },
      ],
      [{ ...syntheticCase, samples: SYNTHETIC_SAMPLES, pageSize: LARGE_PAGE }],
    ];
    const syncRows: SyncRow[] = [];
    for (const cases of simulatorRuns) {
      await withSimulator(
        cases[0].fleet,
        cases[0].pageSize,
        async (simulator, access) => {
          // Warm-up: TLS sessions, SDK pipeline and JIT, not reported.
          await syncSample(engines[0], simulator, access, cases[0]);
          for (const fleetCase of cases) {
            const caseEngines = fleetCase.sqliteOnly
              ? engines.filter(engine => engine.name === 'SQLite')
              : engines;
            for (const engine of caseEngines) {
              syncRows.push(
                await measureSync(engine, simulator, access, fleetCase),
              );
            }
          }
        },
      );
    }
    printSync(syncRows);
  } finally {
    for (const engine of engines) {
      await engine.close();
    }
  }
  console.log(
    `\nNode ${process.version}, ${new Date()
      .toISOString()
      .slice(0, 10)}, whole bench ${(
      (performance.now() - benchStart) /
      1000
    ).toFixed(0)} s`,
  );
  if (failures.length > 0) {
    console.log(`\n${failures.length} check(s) FAILED`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
