import { ClusterRecord } from '@aks-network/plugin-aks-network-common';

/**
 * One read of the cluster inventory.
 *
 * @public
 */
export interface ClusterInventorySnapshot {
  items: ClusterRecord[];
  /**
   * Whether the inventory's last sync listed every subscription successfully. Only a
   * complete snapshot may replace the catalog's clusters: a failed sync never empties
   * the catalog.
   */
  syncComplete: boolean;
}

/**
 * Where the provider reads clusters from; {@link AksNetworkInventoryClient} in a
 * backend, a stub in tests.
 *
 * @public
 */
export interface ClusterInventory {
  listClusters(): Promise<ClusterInventorySnapshot>;
}
