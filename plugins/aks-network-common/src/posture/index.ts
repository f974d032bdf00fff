export * from './PostureFinding';
export { ADDRESS_EXHAUSTION_WARN_RATIO } from './AddressExhaustionCheck';
export * from './assessClusterPosture';
export type { NodeSubnetUse, PodCidrUse } from './NetworkUse';
export { nodeSubnetUse, podCidrUse, podSubnetUse } from './NetworkUse';
export { acnsRunsOn } from './PostureContext';
export { describeUnreadPart } from './UnknownVerdict';
export * from './ClusterFleetFigures';
