/**
 * Scaffolder actions (`aks-network:*`) that plan and create AKS clusters on Azure CNI
 * Overlay.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAksNetwork as default } from './module';
export { createPlanAction } from './actions/createPlanAction';
export { createClusterAction } from './actions/createClusterAction';
export type { CreateClusterActionDeps } from './actions/createClusterAction';
export { ClusterCreationError } from './actions/ClusterCreationError';
export type { ClusterCreationStep } from './actions/ClusterCreationError';
export { readClusterPolicy } from './config/ClusterPolicy';
export type { ClusterPolicy } from './config/ClusterPolicy';
export type {
  AksNetworkBackendApi,
  AddressPool,
  NextSubnet,
  Reservation,
} from './backend/AksNetworkBackendApi';
export { AksNetworkBackendClient } from './backend/AksNetworkBackendClient';
