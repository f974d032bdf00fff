/* eslint-disable no-console */
/**
 * What the owners' notifications add to each sync at 5,000 clusters (issue 14): the
 * backend's `PostureNotifier.afterSync` over the inventory of bench/lib/
 * clusterRecordsAtScale.ts in the plugin's store, on SQLite (in memory, as
 * app-config.yaml) and PostgreSQL (127.0.0.1:5432, BENCH_POSTGRES to change):
 *   1. the first run of a fresh inventory: every cluster's six checks stored, nothing sent;
 *   2. an unchanged run: every reading compared, nothing written or sent;
 *   3. a run after 100 clusters gained a VNet flow log with retention: 200
 *      notifications, two a cluster ("egress/ingress is monitored again", "a history of
 *      communications is kept again"), each reading its cluster's record for the reason.
 * The notification service counts sends (what the notifications backend then does is
 * its own work). Each sample a fresh database.
 *
 * Run: yarn bench:notifications   (BENCH_SAMPLES=n, default 3)
 */
import { performance } from 'node:perf_hooks';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { ConfigReader } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import knexFactory, { Knex } from 'knex';
import { readAksNetworkBackendConfig } from '../plugins/aks-network-backend/src/config/aksNetworkBackendConfig';
import { DatabaseAksNetworkStore } from '../plugins/aks-network-backend/src/database/DatabaseAksNetworkStore';
import { PostureNotifier } from '../plugins/aks-network-backend/src/notifications/PostureNotifier';
import {
  databaseServiceFor,
  log,
  machine,
  median,
  samplesFromEnv,
  silentLogger,
  WriteCounter,
} from './lib/benchSupport';
import { clusterRecordsAtScale } from './lib/clusterRecordsAtScale';
import { freshPostgres } from './lib/freshPostgres';

const CHANGED = 100;
/** Each changed cluster recovers two checks: egress/ingress and the history. */
const EXPECTED_SENT = CHANGED * 2;

interface Sample {
  firstMs: number;
  firstStates: number;
  unchangedMs: number;
  unchangedWrites: number;
  unchangedSent: number;
  changedMs: number;
  changedSent: number;
}

/** A VNet flow log on the cluster's node subnet, with retention. */
function withFlowLog(record: ClusterRecord): ClusterRecord {
  const subnet = record.nodeSubnets[0];
  return {
    ...record,
    flowLogs: [
      {
        id: `/subscriptions/${record.subscriptionId}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_${record.location}/flowLogs/fl-${record.name}`,
        kind: 'vnet',
        targetResourceId: subnet.id,
        enabled: true,
        retentionDays: 30,
        storageId: `/subscriptions/${record.subscriptionId}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stflowlogs`,
        trafficAnalyticsEnabled: false,
      },
    ],
  };
}

async function sample(knex: Knex): Promise<Sample> {
  const store = await DatabaseAksNetworkStore.create({
    database: databaseServiceFor(knex),
  });
  const bySubscription = clusterRecordsAtScale();
  for (const [subscriptionId, list] of bySubscription) {
    await store.upsertClustersForSubscription(subscriptionId, list, {
      complete: true,
    });
  }
  let sent = 0;
  const notifications: NotificationService = {
    send: async () => {
      sent++;
    },
  };
  const notifier = new PostureNotifier({
    store,
    notifications,
    settings: readAksNetworkBackendConfig(new ConfigReader({})).notifications,
    logger: silentLogger,
    poolCapacity: async () => ({ error: 'no pools', readAt: '' }),
  });
  const run = async () => {
    const started = await store.startSyncRun();
    const finished = await store.finishSyncRun(started.id, {
      status: 'succeeded',
      outcomes: {},
      at: new Date(),
    });
    const t0 = performance.now();
    await notifier.afterSync(finished);
    return performance.now() - t0;
  };

  const firstMs = await run();
  const firstStates = (await store.listNotificationStates()).length;
  const sentFirst = sent;
  if (sentFirst !== 0) throw new Error(`first run sent ${sentFirst}`);

  const writes = new WriteCounter(knex);
  const unchangedMs = await run();
  // The run's own row (insert, update) is the sync's, not the notifier's.
  const unchangedWrites = writes.byTable.notification_states ?? 0;
  const unchangedSent = sent;

  // 100 clusters, two per subscription of the first 50, gain a flow log.
  let changed = 0;
  for (const [subscriptionId, list] of bySubscription) {
    if (changed >= CHANGED) break;
    const next = list.map((record, index) =>
      index < 2 ? withFlowLog(record) : record,
    );
    changed += Math.min(2, list.length);
    await store.upsertClustersForSubscription(subscriptionId, next, {
      complete: true,
    });
  }
  const changedMs = await run();
  return {
    firstMs,
    firstStates,
    unchangedMs,
    unchangedWrites,
    unchangedSent,
    changedMs,
    changedSent: sent - unchangedSent,
  };
}

async function main(): Promise<void> {
  const samples = samplesFromEnv(3);
  log(`# Owners' notifications at 5,000 clusters (${machine()})`);
  log(
    '| store | first run, fresh inventory | states stored | unchanged run | its notifier writes | sent | run after 100 clusters changed | sent |',
  );
  log('|:---|---:|---:|---:|---:|---:|---:|---:|');
  let failed = false;
  for (const database of ['SQLite', 'PostgreSQL'] as const) {
    const results: Sample[] = [];
    for (let i = 0; i < samples; i++) {
      if (database === 'SQLite') {
        const knex = knexFactory({
          client: 'better-sqlite3',
          connection: ':memory:',
          useNullAsDefault: true,
        });
        try {
          results.push(await sample(knex));
        } finally {
          await knex.destroy();
        }
      } else {
        const postgres = await freshPostgres();
        try {
          results.push(await sample(postgres.knex));
        } finally {
          await postgres.drop();
        }
      }
    }
    const pick = (key: keyof Sample) => median(results.map(r => r[key]));
    log(
      `| ${database} | ${pick('firstMs').toFixed(0)} ms | ${pick(
        'firstStates',
      )} | ${pick('unchangedMs').toFixed(0)} ms | ${pick(
        'unchangedWrites',
      )} | ${pick('unchangedSent')} | ${pick('changedMs').toFixed(
        0,
      )} ms | ${pick('changedSent')} |`,
    );
    if (pick('unchangedWrites') !== 0 || pick('unchangedSent') !== 0) {
      log(`FAIL ${database}: an unchanged run wrote or sent`);
      failed = true;
    }
    if (pick('changedSent') !== EXPECTED_SENT) {
      log(
        `FAIL ${database}: ${pick(
          'changedSent',
        )} sent, expected ${EXPECTED_SENT}`,
      );
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
