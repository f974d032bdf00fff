// The DEFAULT_* constants are exported beside their readers, from ../sync.
export {
  aksNetworkBackendConfigSchema,
  readAksNetworkBackendConfig,
} from './aksNetworkBackendConfig';
export type {
  AksNetworkBackendSettings,
  ReadAksNetworkBackendConfigOptions,
} from './aksNetworkBackendConfig';
