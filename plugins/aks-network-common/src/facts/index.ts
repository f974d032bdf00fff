export * from './DomainFacts';
export * from './ReservedRanges';
export * from './NetworkDefaults';
export * from './ClusterLimits';
export * from './LifecycleDates';
export * from './AcnsPricing';
export * from './AzureRules';
export * from './KubernetesVersions';
