/* eslint-disable no-console */
/**
 * What 5,000 clusters add to a running backend (issue 12): the backend plugin in a test
 * backend (startTestBackend, its own port) on a fresh PostgreSQL database, reading the
 * fleet of bench/lib/fleetAtScale.ts from the ARM simulator as its own process (+50 ms
 * a call) through its own config (`aksNetwork.azure`, the ARM path). The backend's
 * RSS and V8 heap after start-up and a first answer, then after `POST /refresh` (the
 * full sync, as an operator or the schedule runs it) has stored the 5,000 clusters,
 * each after a GC and a few seconds' settling; and the same after a second, unchanged
 * sync.
 *
 * Run: yarn bench:backend-rss
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { log, machine, mb } from './lib/benchSupport';
import { fleetAtScale } from './lib/fleetAtScale';
import { freshPostgres } from './lib/freshPostgres';
import { NO_SCHEDULED_SYNC, startPluginBackend } from './lib/pluginBackend';
import { startSimulatorProcess } from './lib/simulatorProcess';

const TOKEN = 'bench-token';

async function settled(): Promise<{ rss: number; heap: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with --expose-gc (yarn bench:backend-rss does)');
  }
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
}

async function main(): Promise<void> {
  const fleet = fleetAtScale();
  const simulator = await startSimulatorProcess({
    fleet,
    pageSize: 100,
    latencyMs: 50,
    token: TOKEN,
  });
  const postgres = await freshPostgres();
  const lines: string[] = [];
  let failed = false;
  try {
    const backend = await startPluginBackend({
      knex: postgres.knex,
      aksNetwork: {
        azure: simulator.azureConfig(fleet.subscriptions.map(s => s.id)),
        sync: { schedule: NO_SCHEDULED_SYNC, refreshCoolDown: { seconds: 0 } },
      },
    });
    try {
      const { base } = backend;
      const headers = {
        authorization: mockCredentials.user.header(),
        'content-type': 'application/json',
      };
      const first = await fetch(`${base}/fleet/clusters`, { headers });
      if (first.status !== 200) {
        throw new Error(`fleet/clusters: ${first.status}`);
      }
      const before = await settled();
      const refresh = async (which: string) => {
        const started = Date.now();
        const answer = await fetch(`${base}/refresh`, {
          method: 'POST',
          headers,
          body: '{}',
        });
        const body = (await answer.json()) as {
          lastSync?: { status: string };
        };
        if (answer.status !== 200 || body.lastSync?.status !== 'succeeded') {
          failed = true;
          throw new Error(
            `${which} refresh: ${answer.status} ${JSON.stringify(body).slice(
              0,
              300,
            )}`,
          );
        }
        return Date.now() - started;
      };
      const firstMs = await refresh('first');
      const list = (await (
        await fetch(`${base}/fleet/clusters?limit=1`, { headers })
      ).json()) as { totalCount: number };
      if (list.totalCount !== fleet.clusters!.length) {
        failed = true;
      }
      const afterFirst = await settled();
      const secondMs = await refresh('second');
      const afterSecond = await settled();
      const row = (
        what: string,
        at: { rss: number; heap: number },
        ms?: number,
      ) =>
        `| ${what} | ${
          ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`
        } | ${mb(at.rss)} | ${mb(at.rss - before.rss)} | ${mb(at.heap)} | ${mb(
          at.heap - before.heap,
        )} |`;
      lines.push(
        row('started, one answer, no clusters', before),
        row(
          `after the first sync (${list.totalCount} clusters stored)`,
          afterFirst,
          firstMs,
        ),
        row('after a second, unchanged sync', afterSecond, secondMs),
      );
    } finally {
      await backend.stop();
    }
  } finally {
    await postgres.drop();
    await simulator.close();
  }
  log();
  log(
    `### A running backend's memory with 5,000 clusters (${machine()}; PostgreSQL, the ARM path, the simulator +50 ms a call)`,
  );
  log();
  log(
    '| state | sync (POST /refresh) | backend RSS | added | V8 heap used | added |',
  );
  log('|:---|---:|---:|---:|---:|---:|');
  lines.forEach(line => log(line));
  if (failed) {
    log('FAIL: a sync did not succeed or did not store the fleet');
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
