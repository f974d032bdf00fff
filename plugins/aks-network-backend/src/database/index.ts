export * from './AksNetworkStore';
export { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';
export type { DatabaseAksNetworkStoreOptions } from './DatabaseAksNetworkStore';
