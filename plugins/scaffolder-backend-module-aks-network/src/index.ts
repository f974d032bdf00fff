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
export type {
  ClusterCreationOutcome,
  ClusterCreationStep,
} from './actions/ClusterCreationError';
export type { ClusterProvisioner } from './actions/clusterCreationSteps';
export { readProvisioningSettings } from './config/ProvisioningSettings';
export type { ProvisioningSettings } from './config/ProvisioningSettings';
export { aksNetworkBackend } from './backend/AksNetworkBackend';
export type { AksNetworkBackend } from './backend/AksNetworkBackend';
