/* eslint-disable no-console */
/**
 * 100 concurrent reservations through the HTTP API on PostgreSQL (issue 12): the
 * backend plugin in a test backend (startTestBackend, its own free port, not the app)
 * on a fresh PostgreSQL database made for the run and dropped after it, Azure being
 * the ARM simulator as a separate process (one VNet, no added latency: each
 * reservation reads the pool's VNet once). 100 POST
 * /api/aks-network/address-pools/{pool}/reservations at once, distinct request keys;
 * then every handed-out range is checked: inside the pool, overlapping none handed out
 * before in this or an earlier round.
 *
 * Run: yarn bench:reservations   (BENCH_SAMPLES=n rounds, default 5; PostgreSQL at
 * 127.0.0.1:5432 as postgres, or BENCH_POSTGRES=postgresql://…)
 */
import { performance } from 'node:perf_hooks';
import {
  containsCidr,
  overlaps,
  parseCidrOrThrow,
} from '@aks-network/plugin-aks-network-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import { log, machine, median, samplesFromEnv } from './lib/benchSupport';
import { freshPostgres } from './lib/freshPostgres';
import { startPluginBackend } from './lib/pluginBackend';
import { startSimulatorProcess } from './lib/simulatorProcess';

const TOKEN = 'bench-token';
const SUB = '5ca1e000-0000-4000-8000-00000000beef';
const CONCURRENT = 100;
const POOL = {
  id: 'bench-pool',
  subscriptionId: SUB,
  resourceGroup: 'rg-net',
  vnetName: 'vnet-bench',
  region: 'westeurope',
  range: '10.240.0.0/16',
  subnetPrefix: 27,
};

async function main(): Promise<void> {
  const rounds = samplesFromEnv(5);
  const simulator = await startSimulatorProcess({
    fleet: {
      subscriptions: [{ id: SUB, name: 'bench', displayName: 'Bench' }],
      virtualNetworks: [
        {
          subscription: 'bench',
          resourceGroup: 'rg-net',
          name: 'vnet-bench',
          region: 'westeurope',
          addressSpace: ['10.240.0.0/16'],
        },
      ],
    },
    pageSize: 100,
    latencyMs: 0,
    token: TOKEN,
  });
  const postgres = await freshPostgres();
  const failures: string[] = [];
  const times: number[] = [];
  // Every range handed out in every round: a later round must miss the earlier ones.
  const taken: Array<{
    cidr: string;
    parsed: ReturnType<typeof parseCidrOrThrow>;
  }> = [];
  try {
    const backend = await startPluginBackend({
      knex: postgres.knex,
      aksNetwork: {
        azure: simulator.azureConfig([SUB]),
        addressPools: [POOL],
      },
    });
    const { base } = backend;
    const pool = parseCidrOrThrow(POOL.range);
    try {
      for (let round = 0; round < rounds; round++) {
        const start = performance.now();
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, async (_, i) => {
            const response = await fetch(
              `${base}/address-pools/${POOL.id}/reservations`,
              {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  authorization: mockCredentials.user.header(),
                },
                body: JSON.stringify({
                  requestKey: `bench-${round}-${i}`,
                  ttlSeconds: 600,
                }),
              },
            );
            return {
              status: response.status,
              body: (await response.json()) as { cidr?: string; id?: string },
            };
          }),
        );
        const ms = performance.now() - start;
        times.push(ms);
        const refused = answers.filter(a => a.status !== 201);
        const cidrs = answers.flatMap(a => (a.body.cidr ? [a.body.cidr] : []));
        const parsed = cidrs.map(c => parseCidrOrThrow(c));
        let overlapsFound = 0;
        for (let a = 0; a < parsed.length; a++) {
          if (!containsCidr(pool, parsed[a])) {
            failures.push(`round ${round + 1}: ${cidrs[a]} outside the pool`);
          }
          for (const earlier of taken) {
            if (overlaps(parsed[a], earlier.parsed)) {
              overlapsFound += 1;
            }
          }
          taken.push({ cidr: cidrs[a], parsed: parsed[a] });
        }
        if (refused.length > 0) {
          failures.push(
            `round ${round + 1}: ${refused.length} answered ${
              refused[0].status
            }: ${JSON.stringify(refused[0].body).slice(0, 200)}`,
          );
        }
        if (overlapsFound > 0) {
          failures.push(
            `round ${round + 1}: ${overlapsFound} ranges overlap earlier ones`,
          );
        }
        log(
          `round ${round + 1}: ${CONCURRENT} concurrent in ${ms.toFixed(
            0,
          )} ms; ${cidrs.length} ranges, ${
            new Set(cidrs).size
          } distinct, ${overlapsFound} overlapping a range handed out before`,
        );
      }
    } finally {
      await backend.stop();
    }
  } finally {
    await postgres.drop();
    await simulator.close();
  }
  log();
  log(
    `### ${CONCURRENT} concurrent reservations over HTTP, PostgreSQL (${machine()}, median of ${rounds} rounds, each adding ${CONCURRENT} to the pool)`,
  );
  log();
  log(
    '| concurrent | wall time (median) | min – max | per reservation | check |',
  );
  log('|---:|---:|---:|---:|:---|');
  log(
    `| ${CONCURRENT} | ${median(times).toFixed(0)} ms | ${Math.min(
      ...times,
    ).toFixed(0)} – ${Math.max(...times).toFixed(0)} ms | ${(
      median(times) / CONCURRENT
    ).toFixed(1)} ms | ${
      failures.length === 0
        ? `ok: ${rounds * CONCURRENT} distinct, none overlapping`
        : 'FAIL'
    } |`,
  );
  if (failures.length > 0) {
    log(`FAIL: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
