export {
  aksNetworkBackendConfigSchema,
  DEFAULT_INVENTORY_SYNC_SCHEDULE,
  DEFAULT_REFRESH_COOL_DOWN,
  DEFAULT_SUBSCRIPTION_CONCURRENCY,
  readAksNetworkBackendConfig,
} from './aksNetworkBackendConfig';
export type {
  AksNetworkBackendSettings,
  ReadAksNetworkBackendConfigOptions,
} from './aksNetworkBackendConfig';
