/**
 * Catalog module that turns the AKS network inventory into `Resource` entities of
 * type `kubernetes-cluster`.
 *
 * @packageDocumentation
 */

export { catalogModuleAksNetwork as default } from './module';
export { clusterToEntity } from './entity/clusterToEntity';
export type { ClusterEntityOptions } from './entity/clusterToEntity';
// Shared with the scaffolder module (it names the entity of the cluster it creates).
export {
  clusterEntityName,
  DEFAULT_AZURE_PORTAL_BASE_URL,
} from '@aks-network/plugin-aks-network-node';
export { AKS_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './entity/annotations';
export { AksClusterEntityProvider } from './provider/AksClusterEntityProvider';
export type {
  AksClusterDelta,
  AksClusterRefreshOutcome,
} from './provider/AksClusterEntityProvider';
export type {
  ClusterInventory,
  ClusterInventorySnapshot,
} from './provider/ClusterInventory';
export { AksNetworkInventoryClient } from './inventory/AksNetworkInventoryClient';
