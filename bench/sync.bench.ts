/* eslint-disable no-console */
/**
 * Sync at fleet scale (issue 12): 5,000 overlay clusters in 200 subscriptions on 40
 * shared hub VNets (bench/lib/fleetAtScale.ts), the ARM simulator in a separate process
 * (its bin, `--latency-ms 50`, 100-item pages), read by the plugin's own
 * `ClusterInventorySync` through `AzureAccess.fromConfig` (the production SDK clients
 * and pipeline), on both inventory paths: `ResourceGraphInventoryReader` (Resource
 * Graph queries, then VNet usages) and `AzureInventoryReader` (ARM per subscription),
 * into the plugin's store on SQLite (better-sqlite3 in memory, as app-config.yaml).
 *
 * Each sample: a fresh store, a first sync (wall time, ARM calls as the simulator
 * counted them), then a second sync with nothing changed (wall time, rows written).
 * Reports medians, each path's call floor for the fleet, and the bench process's peak
 * RSS after each path (Resource Graph runs first; the simulator's memory is its own
 * process's).
 *
 * Run: yarn bench:sync   (BENCH_SAMPLES=n for other than 3 samples;
 *   BENCH_PATH=resourcegraph or arm for one path)
 * Profile: BENCH_SAMPLES=1 node --cpu-prof --cpu-prof-dir=/tmp/prof \
 *   --require @backstage/cli/config/nodeTransform.cjs bench/sync.bench.ts
 */
import { performance } from 'node:perf_hooks';
import {
  AzureAccess,
  AzureInventoryReader,
  ResourceGraphInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';
import { DatabaseAksNetworkStore } from '../plugins/aks-network-backend/src/database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from '../plugins/aks-network-backend/src/sync/ClusterInventorySync';
import {
  databaseServiceFor,
  log,
  machine,
  MemoryPeak,
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
import {
  SimulatorProcess,
  startSimulatorProcess,
} from './lib/simulatorProcess';
import type { InventoryReader } from '../plugins/aks-network-backend/src/sync/InventorySource';

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
  /** V8 heap still used after the first sync and a GC, less before it. */
  retainedHeapBytes: number;
  /** Peaks during the first sync. */
  memory: MemoryPeak;
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

/**
 * V8's sampling heap profiler over the first sync, counting objects that were
 * collected too: where the sync allocates, not only what it keeps. The file opens in
 * Chrome DevTools' Memory tab.
 */
async function startAllocationProfile(): Promise<{
  stop(file: string): Promise<void>;
}> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    async stop(file) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface PathCase {
  name: string;
  reader: (access: AzureAccess) => InventoryReader;
  floor: { total: number; parts: Record<string, number> };
}

async function measurePath(
  path: PathCase,
  access: AzureAccess,
  simulator: SimulatorProcess,
  samples: number,
  clusters: number,
  failures: string[],
): Promise<Sample[]> {
  const results: Sample[] = [];
  gc();
  const baseline = process.memoryUsage().rss;
  const baselineHeap = process.memoryUsage().heapUsed;
  log(`${path.name}: bench process RSS before the first sync ${mb(baseline)}.`);
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
      // A new reader a sample: a Resource Graph pass is not shared across samples.
      const sync = new ClusterInventorySync({
        store,
        reader: path.reader(access),
        subscriptions: access.clients,
        logger: silentLogger,
      });
      const before = await simulator.calls();
      const memory = new MemoryPeak();
      const profile = process.env.BENCH_ALLOC_PROFILE
        ? await startAllocationProfile()
        : undefined;
      let start = performance.now();
      const first = await sync.run();
      const firstMs = performance.now() - start;
      memory.stop();
      await profile?.stop(process.env.BENCH_ALLOC_PROFILE!);
      const middle = await simulator.calls();
      gc();
      const retainedBytes = process.memoryUsage().rss - baseline;
      const retainedHeapBytes = process.memoryUsage().heapUsed - baselineHeap;
      if (process.env.BENCH_HEAP_SNAPSHOT) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('node:v8').writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
      }
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
          failures.push(
            `${path.name} sample ${i + 1}: ${which} sync ${run.status}`,
          );
        }
      }
      if (stored !== clusters) {
        failures.push(
          `${path.name} sample ${i + 1}: ${stored} clusters stored`,
        );
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
        retainedHeapBytes,
        memory,
      };
      results.push(sample);
      log(
        `${path.name} sample ${i + 1}: first ${(firstMs / 1000).toFixed(
          1,
        )} s, ${sample.firstCalls} ARM calls; unchanged ${(
          againMs / 1000
        ).toFixed(1)} s, ${sample.againCalls} calls, ${
          sample.againWrites
        }; ${stored} stored; during the first sync: ${memory.describe()}; V8 heap kept after it ${mb(
          retainedHeapBytes,
        )}`,
      );
    } finally {
      await knex.destroy();
    }
  }
  return results;
}

async function main(): Promise<void> {
  const samples = samplesFromEnv(3);
  const fleet = fleetAtScale(ISSUE_FLEET);
  const clusters = fleet.clusters!.length;
  const allPaths: PathCase[] = [
    {
      name: 'Resource Graph',
      reader: access => new ResourceGraphInventoryReader(access.clients),
      floor: resourceGraphFloor(fleet, 1000, PAGE_SIZE),
    },
    {
      name: 'ARM',
      reader: access => new AzureInventoryReader(access.clients),
      floor: armFloor(fleet, PAGE_SIZE),
    },
  ];
  const paths = allPaths.filter(
    path =>
      !process.env.BENCH_PATH ||
      path.name.toLowerCase().replace(' ', '') ===
        process.env.BENCH_PATH.toLowerCase(),
  );
  log(
    `Fleet: ${clusters} clusters, ${
      fleet.subscriptions.length
    } subscriptions, ${
      fleet.virtualNetworks!.length
    } VNets shared across subscriptions; simulator: separate process, ${PAGE_SIZE}-item pages, +${LATENCY_MS} ms every call.`,
  );
  const started = performance.now();
  const simulator = await startSimulatorProcess({
    fleet,
    pageSize: PAGE_SIZE,
    latencyMs: LATENCY_MS,
    token: TOKEN,
  });
  log(
    `Simulator pid ${simulator.pid} seeded and listening in ${(
      (performance.now() - started) /
      1000
    ).toFixed(1)} s at ${simulator.url}.`,
  );
  const failures: string[] = [];
  const measured: Array<{
    path: PathCase;
    results: Sample[];
    peakBytes: number;
  }> = [];
  try {
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: simulator.azureConfig(fleet.subscriptions.map(s => s.id)),
        },
      }),
      { logger: silentLogger },
    );
    for (const path of paths) {
      measured.push({
        path,
        results: await measurePath(
          path,
          access,
          simulator,
          samples,
          clusters,
          failures,
        ),
        // The process's peak so far: its maximum over this path and those before.
        peakBytes: process.resourceUsage().maxRSS * 1024,
      });
    }
  } finally {
    await simulator.close();
  }
  log();
  log(`### Sync at fleet scale (${machine()}, median of ${samples})`);
  log();
  log(
    '| path | clusters | sync, empty store | ARM calls | floor | calls / floor | unchanged sync | its ARM calls | its writes | bench peak RSS | RSS kept after the sync |',
  );
  log('|:---|---:|---:|---:|---:|---:|---:|---:|:---|---:|---:|');
  for (const { path, results, peakBytes } of measured) {
    const calls = median(results.map(r => r.firstCalls));
    log(
      `| ${path.name} | ${clusters} | ${(
        median(results.map(r => r.firstMs)) / 1000
      ).toFixed(1)} s | ${calls} | ${path.floor.total} | ${(
        calls / path.floor.total
      ).toFixed(2)}× | ${(median(results.map(r => r.againMs)) / 1000).toFixed(
        1,
      )} s | ${median(results.map(r => r.againCalls))} | ${median(
        results.map(r => r.againRows),
      )} rows in ${median(
        results.map(r => r.againStatements),
      )} statements | ${mb(peakBytes)} | ${mb(
        median(results.map(r => r.retainedBytes)),
      )} |`,
    );
  }
  for (const { path, results } of measured) {
    const last = results[results.length - 1];
    log();
    log(`${path.name} floor (${path.floor.total}):`);
    for (const [part, count] of Object.entries(path.floor.parts)) {
      log(`  ${count}  ${part}`);
    }
    log(`${path.name}: calls of the last first sync, by kind:`);
    for (const [kind, count] of Object.entries(last.byKind).sort(
      ([, a], [, b]) => b - a,
    )) {
      log(`  ${count}  ${kind}`);
    }
    log(`${path.name}: the unchanged sync's writes: ${last.againWrites}`);
  }
  if (failures.length > 0) {
    log(`FAIL: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
