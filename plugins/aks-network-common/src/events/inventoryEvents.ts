import type { ClusterRecord } from '../cluster';

/**
 * The events-service topic the backend plugin publishes inventory changes on, so the
 * catalog module can update its entities at once instead of at its next schedule
 * (issue 4: "a newly created cluster shows up within seconds of its refresh").
 *
 * @public
 */
export const AKS_NETWORK_INVENTORY_TOPIC = 'aks-network.inventory';

/**
 * One or more clusters were read from Azure and stored: a refresh of one cluster (e.g.
 * right after the scaffolder created it), or the clusters of a subscription that a sync
 * found new or changed (an unchanged cluster is not sent). Carries the records so a
 * subscriber needs no second read.
 *
 * @public
 */
export interface ClustersRefreshedEvent {
  type: 'clusters.refreshed';
  clusters: ClusterRecord[];
}

/**
 * Clusters a sync deleted from the inventory: their subscription was listed in full
 * without them, so they are gone from Azure. Carries what names their entities.
 *
 * @public
 */
export interface ClustersRemovedEvent {
  type: 'clusters.removed';
  clusters: Array<Pick<ClusterRecord, 'id' | 'name'>>;
}

/**
 * A sync run over every subscription finished. `complete` only when every
 * subscription was listed in full: only then may a subscriber replace its view of the
 * whole fleet (a failed sync never deletes good inventory).
 *
 * @public
 */
export interface SyncFinishedEvent {
  type: 'sync.finished';
  runId: number;
  complete: boolean;
  /**
   * Clusters the run stored as new or changed, or removed; each was already sent, as a
   * `clusters.refreshed` or `clusters.removed` event, before this one. 0 when the run
   * found nothing changed. Absent from a publisher that sends no such deltas: a
   * subscriber then replaces its view after a complete run.
   */
  changedClusterCount?: number;
}

/**
 * Payload of {@link AKS_NETWORK_INVENTORY_TOPIC}.
 *
 * @public
 */
export type AksNetworkInventoryEvent =
  | ClustersRefreshedEvent
  | ClustersRemovedEvent
  | SyncFinishedEvent;

/**
 * Narrows an event payload (which crosses an event bus as JSON) to an inventory event.
 *
 * @public
 */
export function isAksNetworkInventoryEvent(
  payload: unknown,
): payload is AksNetworkInventoryEvent {
  if (typeof payload !== 'object' || payload === null) {
    return false;
  }
  const event = payload as Record<string, unknown>;
  if (event.type === 'clusters.refreshed') {
    return Array.isArray(event.clusters);
  }
  if (event.type === 'clusters.removed') {
    return (
      Array.isArray(event.clusters) &&
      event.clusters.every(
        cluster =>
          typeof cluster === 'object' &&
          cluster !== null &&
          typeof (cluster as Record<string, unknown>).id === 'string' &&
          typeof (cluster as Record<string, unknown>).name === 'string',
      )
    );
  }
  if (event.type === 'sync.finished') {
    return (
      typeof event.runId === 'number' &&
      typeof event.complete === 'boolean' &&
      (event.changedClusterCount === undefined ||
        typeof event.changedClusterCount === 'number')
    );
  }
  return false;
}
