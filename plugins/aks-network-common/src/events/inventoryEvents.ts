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
 * One or more clusters were read from Azure and stored (a refresh of one cluster, e.g.
 * right after the scaffolder created it). Carries the records so a subscriber needs no
 * second read.
 *
 * @public
 */
export interface ClustersRefreshedEvent {
  type: 'clusters.refreshed';
  clusters: ClusterRecord[];
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
}

/**
 * Payload of {@link AKS_NETWORK_INVENTORY_TOPIC}.
 *
 * @public
 */
export type AksNetworkInventoryEvent =
  | ClustersRefreshedEvent
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
  if (event.type === 'sync.finished') {
    return (
      typeof event.runId === 'number' && typeof event.complete === 'boolean'
    );
  }
  return false;
}
