/* eslint-disable no-console */
/**
 * Sync at fleet scale (issue 12): 5,000 overlay clusters in 200 subscriptions on 40
 * shared hub VNets (bench/lib/fleetAtScale.ts), the ARM simulator in a separate process
 * (its bin, `--latency-ms 50`, 100-item pages), read by the plugin's own
 * `ClusterInventorySync` with `AzureInventoryReader` through `AzureAccess.fromConfig`
 * (the production SDK clients and pipeline), into the plugin's store on SQLite
 * (better-sqlite3 in memory, as app-config.yaml).
 *
 * Each sample: a fresh store, a first sync (wall time, ARM calls as the simulator
 * counted them), then a second sync with nothing changed (wall time, rows written).
 * Reports medians, the ARM floor for the fleet, and the bench process's peak RSS (the
 * simulator's memory is its own process's).
 *
 * Run: yarn bench:sync   (BENCH_SAMPLES=n for other than 3 samples)
 * Profile: BENCH_SAMPLES=1 node --cpu-prof --cpu-prof-dir=/tmp/prof \
 *   --require @backstage/cli/config/nodeTransform.cjs bench/sync.bench.ts
 */
import { performance } from 'node:perf_hooks';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';
import { DatabaseAksNetworkStore } from '../plugins/aks-network-backend/src/database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from '../plugins/aks-network-backend/src/sync/ClusterInventorySync';
import {
  databaseServiceFor,
  log,
  machine,
  mb,
  median,
  samplesFromEnv,
  silentLogger,
  WriteCounter,
} from './lib/benchSupport';
import {
  armFloor,
  fleetAtScale,
  ISSUE_FLEET,
  resourceGraphFloor,
} from './lib/fleetAtScale';
import { startSimulatorProcess } from './lib/simulatorProcess';

const TOKEN = 'bench-token';
const PAGE_SIZE = 100;
const LATENCY_MS = 50;

interface Sample {
  firstMs: number;
  firstCalls: number;
  byKind: Record<string, number>;
  againMs: number;
  againCalls: number;
  againWrites: string;
  againRows: number;
  againStatements: number;
  stored: number;
  retainedBytes: number;
}

function diffKinds(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) {
    const delta = count - (before[kind] ?? 0);
    if (delta > 0) {
      out[kind.replace(/^GET /, '')] = delta;
    }
  }
  return out;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const samples = samplesFromEnv(3);
  const fleet = fleetAtScale(ISSUE_FLEET);
  const clusters = fleet.clusters!.length;
  const floor = armFloor(fleet, PAGE_SIZE);
  log(
    `Fleet: ${clusters} clusters, ${
      fleet.subscriptions.length
    } subscriptions, ${
      fleet.virtualNetworks!.length
    } VNets shared across subscriptions; simulator: separate process, ${PAGE_SIZE}-item pages, +${LATENCY_MS} ms every call.`,
  );
  let start = performance.now();
  const simulator = await startSimulatorProcess({
    fleet,
    pageSize: PAGE_SIZE,
    latencyMs: LATENCY_MS,
    token: TOKEN,
  });
  log(
    `Simulator pid ${simulator.pid} seeded and listening in ${(
      (performance.now() - start) /
      1000
    ).toFixed(1)} s at ${simulator.url}.`,
  );
  const failures: string[] = [];
  const results: Sample[] = [];
  try {
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
    gc();
    const baseline = process.memoryUsage().rss;
    log(`Bench process RSS before the first sync: ${mb(baseline)}.`);
    for (let i = 0; i < samples; i++) {
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
        useNullAsDefault: true,
      });
      try {
        const store = await DatabaseAksNetworkStore.create({
          database: databaseServiceFor(knex),
        });
        const writes = new WriteCounter(knex);
        const sync = new ClusterInventorySync({
          store,
          reader: new AzureInventoryReader(access.clients),
          subscriptions: access.clients,
          logger: silentLogger,
        });
        const before = await simulator.calls();
        start = performance.now();
        const first = await sync.run();
        const firstMs = performance.now() - start;
        const middle = await simulator.calls();
        gc();
        const retainedBytes = process.memoryUsage().rss - baseline;
        writes.reset();
        start = performance.now();
        const again = await sync.run();
        const againMs = performance.now() - start;
        const after = await simulator.calls();
        const stored = (await store.listClusters({ limit: 1 })).totalCount;
        for (const [which, run] of [
          ['first', first],
          ['second', again],
        ] as const) {
          if (run.status !== 'succeeded') {
            failures.push(`sample ${i + 1}: ${which} sync ${run.status}`);
          }
        }
        if (stored !== clusters) {
          failures.push(`sample ${i + 1}: ${stored} clusters stored`);
        }
        const sample: Sample = {
          firstMs,
          firstCalls: middle.total - before.total,
          byKind: diffKinds(middle.byKind, before.byKind),
          againMs,
          againCalls: after.total - middle.total,
          againWrites: writes.describe(),
          againRows: writes.rows,
          againStatements: writes.statements,
          stored,
          retainedBytes,
        };
        results.push(sample);
        log(
          `sample ${i + 1}: first ${(firstMs / 1000).toFixed(1)} s, ${
            sample.firstCalls
          } ARM calls; unchanged ${(againMs / 1000).toFixed(1)} s, ${
            sample.againCalls
          } calls, ${sample.againWrites}; ${stored} stored`,
        );
      } finally {
        await knex.destroy();
      }
    }
  } finally {
    await simulator.close();
  }
  const last = results[results.length - 1];
  const peak = process.resourceUsage().maxRSS * 1024;
  log();
  log(`### Sync at fleet scale, ARM path (${machine()}, median of ${samples})`);
  log();
  log(
    '| path | clusters | sync, empty store | ARM calls | floor | calls / floor | unchanged sync | its ARM calls | its writes | bench peak RSS | RSS kept after the sync |',
  );
  log('|:---|---:|---:|---:|---:|---:|---:|---:|:---|---:|---:|');
  log(
    `| ARM (AzureInventoryReader) | ${clusters} | ${(
      median(results.map(r => r.firstMs)) / 1000
    ).toFixed(1)} s | ${median(results.map(r => r.firstCalls))} | ${
      floor.total
    } | ${(median(results.map(r => r.firstCalls)) / floor.total).toFixed(
      1,
    )}× | ${(median(results.map(r => r.againMs)) / 1000).toFixed(
      1,
    )} s | ${median(results.map(r => r.againCalls))} | ${median(
      results.map(r => r.againRows),
    )} rows in ${median(results.map(r => r.againStatements))} statements | ${mb(
      peak,
    )} | ${mb(median(results.map(r => r.retainedBytes)))} |`,
  );
  log();
  log(`ARM floor (${floor.total}):`);
  for (const [part, count] of Object.entries(floor.parts)) {
    log(`  ${count}  ${part}`);
  }
  const graphFloor = resourceGraphFloor(fleet);
  log(
    `Resource Graph floor (${graphFloor.total}; this bench reads the ARM path, the one on main):`,
  );
  for (const [part, count] of Object.entries(graphFloor.parts)) {
    log(`  ${count}  ${part}`);
  }
  log('ARM calls of the last first sync, by kind:');
  for (const [kind, count] of Object.entries(last.byKind).sort(
    ([, a], [, b]) => b - a,
  )) {
    log(`  ${count}  ${kind}`);
  }
  log(`Unchanged sync's writes (last sample): ${last.againWrites}`);
  if (failures.length > 0) {
    log(`FAIL: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
