/* eslint-disable no-console */
/**
 * The catalog module's provider at 5,000 clusters (issue 12):
 *   1. the full mutation: `AksClusterEntityProvider.refresh()` over an inventory of
 *      5,000 clusters (bench/lib/clusterRecordsAtScale.ts), from the read to
 *      `applyMutation({ type: 'full' })` holding 5,000 entities;
 *   2. a refreshed cluster's delta: the backend's `clusters.refreshed` event (as the
 *      plugin publishes it on `aks-network.inventory`) through a real events service
 *      (`DefaultEventsService` of @backstage/plugin-events-node, what the catalog module
 *      subscribes to) to the provider's `applyMutation({ type: 'delta' })`.
 * The connection records the mutations: what the catalog then does with them
 * (processing, stitching) is the catalog's own work, not measured here.
 *
 * Run: yarn bench:catalog   (BENCH_SAMPLES=n, default 5)
 */
import { performance } from 'node:perf_hooks';
import {
  AKS_NETWORK_INVENTORY_TOPIC,
  ClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import { ConfigReader } from '@backstage/config';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { AksClusterEntityProvider } from '../plugins/catalog-backend-module-aks-network/src/provider/AksClusterEntityProvider';
import {
  log,
  machine,
  mb,
  median,
  samplesFromEnv,
  silentLogger,
} from './lib/benchSupport';
import { clusterRecordsAtScale } from './lib/clusterRecordsAtScale';

type Mutation = Parameters<EntityProviderConnection['applyMutation']>[0];

async function main(): Promise<void> {
  const samples = samplesFromEnv(5);
  const all: ClusterRecord[] = [...clusterRecordsAtScale().values()].flat();
  let onMutation: (mutation: Mutation) => void = () => undefined;
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => onMutation(mutation),
    refresh: async () => undefined,
  };
  const provider = AksClusterEntityProvider.fromConfig(new ConfigReader({}), {
    logger: silentLogger,
    scheduler: {
      createScheduledTaskRunner: () => ({ run: async () => undefined }),
    } as never,
    inventory: {
      listClusters: async () => ({ items: all, syncComplete: true }),
    },
  });
  await provider.connect(connection);
  const events = DefaultEventsService.create({ logger: silentLogger });
  await events.subscribe({
    id: 'bench-catalog-module',
    topics: [AKS_NETWORK_INVENTORY_TOPIC],
    onEvent: async params => provider.handleInventoryEvent(params.eventPayload),
  });

  const full: number[] = [];
  const delta: number[] = [];
  let entityCount = 0;
  for (let i = 0; i < samples; i++) {
    let start = performance.now();
    const outcome = await provider.refresh();
    full.push(performance.now() - start);
    entityCount = outcome.applied ? outcome.entityCount : 0;

    const refreshed = { ...all[i], tags: { ...all[i].tags, bench: `${i}` } };
    const reached = new Promise<Mutation>(done => {
      onMutation = done;
    });
    start = performance.now();
    await events.publish({
      topic: AKS_NETWORK_INVENTORY_TOPIC,
      eventPayload: { type: 'clusters.refreshed', clusters: [refreshed] },
    });
    const mutation = await reached;
    delta.push(performance.now() - start);
    onMutation = () => undefined;
    if (mutation.type !== 'delta' || mutation.added.length !== 1) {
      throw new Error(`expected a delta of one entity, got ${mutation.type}`);
    }
  }
  log(
    `### Catalog provider at ${
      all.length
    } clusters (${machine()}, median of ${samples})`,
  );
  log();
  log('| what | median | min – max |');
  log('|:---|---:|---:|');
  log(
    `| full mutation: refresh() → applyMutation(full, ${entityCount} entities) | ${median(
      full,
    ).toFixed(0)} ms | ${Math.min(...full).toFixed(0)} – ${Math.max(
      ...full,
    ).toFixed(0)} ms |`,
  );
  log(
    `| one refreshed cluster: event published → applyMutation(delta) | ${median(
      delta,
    ).toFixed(2)} ms | ${Math.min(...delta).toFixed(2)} – ${Math.max(
      ...delta,
    ).toFixed(2)} ms |`,
  );
  log();
  log(
    `Peak RSS of the bench process: ${mb(
      process.resourceUsage().maxRSS * 1024,
    )}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
