export {
  parseArmResourceId,
  formatArmResourceId,
  managedClusterId,
  armIdKey,
} from './armResourceId';
export type { ArmResourceIdParts } from './armResourceId';
export { mapManagedCluster } from './mapManagedCluster';
export type { ManagedClusterEnrichment } from './mapManagedCluster';
export type { AgentPoolLike } from './mapNodePool';
export { NetworkResourceIndex } from './NetworkResourceIndex';
