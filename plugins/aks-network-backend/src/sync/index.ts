export { ClusterInventorySync } from './ClusterInventorySync';
export type { ClusterInventorySyncOptions } from './ClusterInventorySync';
export type {
  InventoryReader,
  InventorySubscriptions,
  SubscriptionInventoryRead,
} from './InventorySource';
export {
  DEFAULT_INVENTORY_SYNC_SCHEDULE,
  INVENTORY_SYNC_TASK_ID,
  readInventorySyncSchedule,
  scheduleInventorySync,
} from './scheduleInventorySync';
export type { ScheduleInventorySyncOptions } from './scheduleInventorySync';
export { INTERRUPTED_SYNC_RUN_ERROR } from './ClusterInventorySync';
export { InventoryRefresh } from './InventoryRefresh';
export type {
  FullRefreshResult,
  InventoryRefreshOptions,
} from './InventoryRefresh';
export {
  DEFAULT_REFRESH_COOL_DOWN,
  readInventoryRefreshSettings,
} from './refreshSettings';
export {
  DEFAULT_SUBSCRIPTION_CONCURRENCY,
  readSubscriptionConcurrency,
} from './subscriptionConcurrency';
export {
  DEFAULT_DECLARED_CONTROL_SETTINGS,
  declaredControlSettings,
} from './declaredControls';
export type { DeclaredControlSettings } from './declaredControls';
