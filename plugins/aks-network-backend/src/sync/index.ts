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
