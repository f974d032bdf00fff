import type {
  ApiCluster,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import type { InventoryCluster, SyncRun } from '../database/AksNetworkStore';

/**
 * A cluster as the API returns it: the plain record (what the catalog module and the
 * frontend read) plus what the inventory knows of it.
 */
export function toApiCluster(cluster: InventoryCluster): ApiCluster {
  return {
    ...cluster.record,
    inventory: {
      networkModel: cluster.networkModel,
      dataplane: cluster.dataplane,
      owner: cluster.owner,
      stale: cluster.stale
        ? {
            error: cluster.stale.error,
            since: cluster.stale.since.toISOString(),
          }
        : null,
      lastSeenAt: cluster.lastSeenAt.toISOString(),
      updatedAt: cluster.updatedAt.toISOString(),
    },
  };
}

/**
 * The last finished sync run. `complete` only when every subscription was listed in
 * full, so the catalog module replaces its entities only after such a run.
 */
export function toApiLastSync(runs: SyncRun[]): LastSync | null {
  const run = runs.find(r => r.finishedAt);
  if (!run?.finishedAt || run.status === 'running') {
    return null;
  }
  return {
    status: run.status,
    complete: run.status === 'succeeded',
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
  };
}
