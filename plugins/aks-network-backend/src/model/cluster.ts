import type {
  ClusterFleetFigures,
  ClusterRecord,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';

/**
 * One cluster of the inventory with what the store knows about its freshness.
 *
 * @public
 */
export interface InventoryCluster {
  /** The record as last read from Azure. */
  record: ClusterRecord;
  /** Null when `classifyClusterRecord` could not place the cluster. */
  networkModel: NetworkModel | null;
  dataplane: NetworkDataplane | null;
  /** Value of the owner tag, when the cluster has one. */
  owner: string | null;
  /**
   * Set while the last read of the cluster's subscription failed: the record is the
   * last good one (docs/domain.md#failed-sync-keeps-inventory: "a failed sync never deletes good inventory").
   */
  stale?: { error: string; since: Date };
  /** When a sync last saw the cluster in Azure. */
  lastSeenAt: Date;
  /** When a read last changed what the store holds of the cluster. */
  updatedAt: Date;
}

/**
 * One cluster as the fleet view shows it: the figures derived when it was written, not
 * its whole record.
 *
 * @public
 */
export interface FleetInventoryCluster {
  /** ARM id as ARM spelled it. */
  id: string;
  name: string;
  /** Lower-cased. */
  subscriptionId: string;
  resourceGroup: string;
  /** Lower-cased. */
  location: string;
  owner: string | null;
  networkModel: NetworkModel | null;
  dataplane: NetworkDataplane | null;
  figures: ClusterFleetFigures;
  stale?: { error: string; since: Date };
  lastSeenAt: Date;
}
