export * from './PostureFinding';
export { ADDRESS_EXHAUSTION_WARN_RATIO } from './AddressExhaustionCheck';
export * from './assessClusterPosture';
export type { NodeSubnetUse, PodCidrUse } from './NetworkUse';
export { nodeSubnetUse, podCidrUse } from './NetworkUse';
export * from './ClusterFleetFigures';
