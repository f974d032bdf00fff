import type {
  ApiCluster,
  FleetCluster,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import { clusterEntityRef } from '@aks-network/plugin-aks-network-node';
import type {
  FleetInventoryCluster,
  InventoryCluster,
  SyncRun,
} from '../model';

/** A stale mark as the API states it (times as ISO text). */
function toApiStale(stale: InventoryCluster['stale']) {
  return stale
    ? { error: stale.error, since: stale.since.toISOString() }
    : null;
}

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
      stale: toApiStale(cluster.stale),
      lastSeenAt: cluster.lastSeenAt.toISOString(),
      updatedAt: cluster.updatedAt.toISOString(),
    },
  };
}

/**
 * The last finished sync run. `complete` only when every subscription was listed in
 * full, so the catalog module replaces its entities only after such a run.
 */
export function toApiLastSync(run: SyncRun | undefined): LastSync | null {
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

/** A row of the fleet view as the API returns it, with its catalog entity ref. */
export function toApiFleetCluster(
  cluster: FleetInventoryCluster,
): FleetCluster {
  return {
    id: cluster.id,
    name: cluster.name,
    entityRef: clusterEntityRef(cluster),
    subscriptionId: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    region: cluster.location,
    owner: cluster.owner,
    networkModel: cluster.networkModel,
    dataplane: cluster.dataplane,
    figures: cluster.figures,
    stale: toApiStale(cluster.stale),
    lastSeenAt: cluster.lastSeenAt.toISOString(),
  };
}
