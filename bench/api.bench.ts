/* eslint-disable no-console */
/**
 * The read API under load (issue 12): the backend plugin in a test backend
 * (startTestBackend, its own free port, not the app on 7007) on a fresh PostgreSQL
 * database holding 5,000 clusters (the layout of bench/lib/fleetAtScale.ts, each a
 * full overlay record: pool, node subnet with its NSG, VNet), a catalog
 * (catalogServiceMock: in process, so its round trips cost no HTTP here) with 50
 * components naming 3 cluster entities each, and those 150; `autocannon` in a
 * second process on loopback, 200 requests/s for 30 s, against
 *   GET /api/aks-network/posture?entityRef=component:default/service-1
 *   GET /api/aks-network/fleet/clusters   (the cluster list, its first page)
 * Reports p50/p99 latency, the rate reached, errors and non-2xx answers; then the same
 * posture answer computed live from ARM (the simulator as its own process, 50 ms a
 * call) for the ratio the inventory buys (BENCH_LIVE=0 leaves it out).
 *
 * Run: yarn bench:api   (BENCH_DURATION=seconds, default 30; BENCH_RATE, default 200)
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  assessClusterPosture,
  type ClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import { ConfigReader } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { DatabaseAksNetworkStore } from '../plugins/aks-network-backend/src/database/DatabaseAksNetworkStore';
import {
  databaseServiceFor,
  log,
  machine,
  mb,
  median,
  silentLogger,
} from './lib/benchSupport';
import { fleetAtScale, subscriptionGuid } from './lib/fleetAtScale';
import { startSimulatorProcess } from './lib/simulatorProcess';
import { clusterRecordsAtScale } from './lib/clusterRecordsAtScale';
import { freshPostgres } from './lib/freshPostgres';
import { NO_SCHEDULED_SYNC, startPluginBackend } from './lib/pluginBackend';

const AUTOCANNON = resolve(__dirname, '../node_modules/.bin/autocannon');
const DURATION = Number(process.env.BENCH_DURATION ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const COMPONENTS = 50;
const SYNC_RUNS = 20;
const LIVE_SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 5);

/**
 * The components and the cluster entities they name. Only those: catalogServiceMock
 * rebuilds its index of every entity on each lookup (InMemoryCatalogClient's
 * createEntityRefMap, 13% of the CPU with all 5,000 cluster entities), a cost of the
 * mock that a real catalog's indexed lookups do not have.
 */
function catalogEntities(all: ClusterRecord[]): Entity[] {
  const named = all.slice(0, COMPONENTS * 3);
  const clusterEntities: Entity[] = named.map(record => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: record.name,
      namespace: 'default',
      annotations: { 'management.azure.com/resourceId': record.id },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  }));
  const components: Entity[] = Array.from({ length: COMPONENTS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i + 1}`,
      namespace: 'default',
      annotations: {
        'aks.azure.com/clusters': [0, 1, 2]
          .map(k => `resource:default/${all[(i * 3 + k) % all.length].name}`)
          .join(','),
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      lifecycle: 'production',
    },
  }));
  return [...clusterEntities, ...components];
}

interface CannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

function autocannon(url: string, authorization: string): Promise<CannonResult> {
  return new Promise((done, reject) => {
    const child = spawn(
      process.execPath,
      [
        AUTOCANNON,
        '--json',
        '-c',
        '20',
        '-R',
        String(RATE),
        '-d',
        String(DURATION),
        '-H',
        `authorization=${authorization}`,
        url,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => {
      out += chunk;
    });
    child.stderr.on('data', chunk => {
      err += chunk;
    });
    child.once('exit', code =>
      code === 0
        ? done(JSON.parse(out))
        : reject(new Error(`autocannon ${code}: ${err}`)),
    );
  });
}

let postureP50: number | undefined;
const LIVE_LATENCY_MS = 50;

/**
 * What the inventory saves each request: the posture of service-1's three clusters
 * (the first three of the fleet, all in its first subscription) read from ARM at the
 * moment of asking, through the plugin's reader and the same assessment.
 */
async function liveFromArm(): Promise<{
  medianMs: number;
  minMs: number;
  maxMs: number;
  calls: number;
}> {
  const fleet = fleetAtScale();
  const simulator = await startSimulatorProcess({
    fleet,
    pageSize: 100,
    latencyMs: LIVE_LATENCY_MS,
    token: 'bench-token',
  });
  try {
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: simulator.azureConfig(),
        },
      }),
      { logger: silentLogger },
    );
    const reader = new AzureInventoryReader(access.clients);
    const wanted = new Set(
      [...clusterRecordsAtScale().values()]
        .flat()
        .slice(0, 3)
        .map(record => record.id.toLowerCase()),
    );
    const subscriptionId = subscriptionGuid(0);
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < LIVE_SAMPLES; i++) {
      const before = await simulator.calls();
      const start = performance.now();
      const read = await reader.readSubscription(subscriptionId);
      const found = read.clusters.filter(record =>
        wanted.has(record.id.toLowerCase()),
      );
      found.forEach(record => assessClusterPosture(record));
      times.push(performance.now() - start);
      calls = (await simulator.calls()).total - before.total;
      if (found.length !== 3 || read.errors.length > 0) {
        throw new Error(
          `live read: ${found.length} of 3 clusters, ${read.errors.length} errors`,
        );
      }
    }
    return {
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      calls,
    };
  } finally {
    await simulator.close();
  }
}

async function main(): Promise<void> {
  const postgres = await freshPostgres();
  const rows: string[] = [];
  let failed = false;
  try {
    const store = await DatabaseAksNetworkStore.create({
      database: databaseServiceFor(postgres.knex),
    });
    const bySubscription = clusterRecordsAtScale();
    const all = [...bySubscription.values()].flat();
    for (const [subscriptionId, list] of bySubscription) {
      await store.upsertClustersForSubscription(subscriptionId, list, {
        complete: true,
      });
    }
    // A sync history as a backend holding this fleet has one: finished runs with an
    // outcome per subscription (every read route answers with the last sync).
    for (let run = 0; run < SYNC_RUNS; run++) {
      const started = await store.startSyncRun();
      await store.finishSyncRun(started.id, {
        status: 'succeeded',
        outcomes: Object.fromEntries(
          [...bySubscription].map(([subscriptionId, list]) => [
            subscriptionId,
            {
              status: 'succeeded' as const,
              clusterCount: list.length,
              partialClusterCount: 0,
              deletedCount: 0,
            },
          ]),
        ),
      });
    }
    log(
      `Stored ${all.length} clusters and ${SYNC_RUNS} sync runs in ${postgres.database}.`,
    );
    const backend = await startPluginBackend({
      knex: postgres.knex,
      aksNetwork: {
        azure: {
          // Not read: the routes measured answer from the store.
          resourceManagerEndpoint: 'https://127.0.0.1:9',
          credential: { type: 'development', token: 'bench' },
        },
        // No sync during the run: it would replace the stored fleet.
        sync: { schedule: NO_SCHEDULED_SYNC },
      },
      entities: catalogEntities(all),
    });
    try {
      const { base } = backend;
      const authorization = mockCredentials.user.header();
      const routes = [
        ['posture', `${base}/posture?entityRef=component:default/service-1`],
        ['cluster list', `${base}/fleet/clusters`],
      ];
      for (const [name, url] of routes) {
        const check = await fetch(url, { headers: { authorization } });
        const body = await check.text();
        if (check.status !== 200) {
          throw new Error(`${name}: ${check.status} ${body.slice(0, 300)}`);
        }
        log(
          `${name}: 200, ${body.length} bytes; loading for ${DURATION} s at ${RATE}/s`,
        );
        const result = await autocannon(url, authorization);
        if (name === 'posture') {
          postureP50 = result.latency.p50;
        }
        const rss = process.memoryUsage().rss;
        const bad = result.errors + result.timeouts + result.non2xx;
        failed ||= bad > 0;
        rows.push(
          `| ${name} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${
            result.latency.max
          } ms | ${result.requests.average.toFixed(0)}/s | ${
            result.requests.total
          } | ${result.errors + result.timeouts} | ${result.non2xx} | ${mb(
            rss,
          )} |`,
        );
      }
    } finally {
      await backend.stop();
    }
  } finally {
    await postgres.drop();
  }
  const live = process.env.BENCH_LIVE === '0' ? undefined : await liveFromArm();
  log();
  log(
    `### Read API under load: 5,000 clusters on PostgreSQL, autocannon ${RATE} requests/s for ${DURATION} s, 20 connections (${machine()})`,
  );
  log();
  log(
    '| route | p50 | p99 | max | rate reached | requests | errors | non-2xx | backend RSS after |',
  );
  log('|:---|---:|---:|---:|---:|---:|---:|---:|---:|');
  rows.forEach(row => log(row));
  if (live) {
    log();
    log(
      `The same posture answer computed live from ARM per request (the simulator as its own process, +${LIVE_LATENCY_MS} ms a call; the plugin's AzureInventoryReader reading the entity's clusters' subscription, then assessClusterPosture), ${LIVE_SAMPLES} requests one after another: median ${live.medianMs.toFixed(
        0,
      )} ms (min ${live.minMs.toFixed(0)}, max ${live.maxMs.toFixed(0)}), ${
        live.calls
      } ARM calls each; against the posture route's p50 above: ${
        postureP50 ? `${(live.medianMs / postureP50).toFixed(0)}×` : 'n/a'
      }.`,
    );
  }
  if (failed) {
    log('FAIL: errors or non-2xx answers');
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
