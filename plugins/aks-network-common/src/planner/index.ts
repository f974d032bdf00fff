export * from './NodePoolSizing';
export * from './MaxSurge';
export * from './NodeSubnetPlan';
export * from './PodCidrCapacity';
export * from './PodCapacity';
export * from './OverlayVnetSavings';
export * from './AcnsCost';
export * from './NetworkPlan';
