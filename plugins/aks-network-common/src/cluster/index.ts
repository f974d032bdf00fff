export * from './ClusterRecord';
export * from './ClusterNetworkProfile';
export * from './NodePoolRecord';
export * from './NodeSubnetRecord';
export * from './ClusterAddons';
export * from './FlowLogRecord';
export * from './ArmResourceId';
export * from './UnreadClusterPart';
