/**
 * Catalog module that turns the AKS network inventory into `Resource` entities of
 * type `kubernetes-cluster`.
 *
 * @packageDocumentation
 */

export { catalogModuleAksNetwork as default } from './module';
export { clusterToEntity } from './entity/clusterToEntity';
export type { ClusterEntityOptions } from './entity/clusterToEntity';
export { clusterEntityName } from './entity/clusterEntityName';
export type { ClusterApiServerFields } from './entity/ClusterApiServer';
export { AKS_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './entity/annotations';
export { DEFAULT_AZURE_PORTAL_BASE_URL } from './entity/azurePortal';
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
export type { ClusterListPage } from './inventory/AksNetworkInventoryClient';
