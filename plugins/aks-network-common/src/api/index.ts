export * from './AksNetworkApi';
export * from './AksNetworkClient';
export * from './addressPoolFields';
export * from './addressPoolTypes';
export * from './clusterTypes';
export * from './planTypes';
export * from './postureTypes';
export * from './subscriptionTypes';
