export { AksNetworkService } from './AksNetworkService';
export type { AksNetworkServiceOptions } from './AksNetworkService';
export { aksNetworkServiceRef } from './aksNetworkServiceRef';
