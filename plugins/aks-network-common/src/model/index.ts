export * from './NetworkModel';
export * from './NetworkModelClassification';
export * from './classifyNetworkModel';
