import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DEFAULT_INVENTORY_SYNC_SCHEDULE,
  readAksNetworkBackendConfig,
} from '../config/aksNetworkBackendConfig';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import type { ClusterInventorySync } from './ClusterInventorySync';

/**
 * Id of the scheduled inventory sync task.
 *
 * @public
 */
export const INVENTORY_SYNC_TASK_ID = 'aks-network-inventory-sync';

export { DEFAULT_INVENTORY_SYNC_SCHEDULE };

/**
 * The sync schedule from `aksNetwork.sync.schedule`, or the default. The backend reads
 * it with the rest of its settings (readAksNetworkBackendConfig).
 *
 * @public
 */
export function readInventorySyncSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readAksNetworkBackendConfig(config).sync.schedule;
}

/**
 * Options of {@link scheduleInventorySync}.
 *
 * @public
 */
export interface ScheduleInventorySyncOptions {
  scheduler: SchedulerService;
  config: Config;
  /** The schedule as read at start-up; default: read from `config`. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  sync: ClusterInventorySync;
  /** When given, each run also marks reservations past their TTL as expired. */
  store?: AksNetworkStore;
}

/**
 * Schedules the inventory sync with `scope: 'global'`, so that of several backend
 * replicas only one reads Azure per run.
 *
 * @public
 */
export async function scheduleInventorySync(
  options: ScheduleInventorySyncOptions,
): Promise<void> {
  const { scheduler, config, logger, sync, store } = options;
  const schedule = options.schedule ?? readInventorySyncSchedule(config);
  await scheduler.scheduleTask({
    id: INVENTORY_SYNC_TASK_ID,
    ...schedule,
    scope: 'global',
    fn: async (signal?: AbortSignal) => {
      await sync.run({ signal });
      if (store) {
        // Liveness is decided from expires_at at read time; this only makes the
        // state column tell the truth for people and the API.
        const expired = await store.expireReservations();
        if (expired > 0) {
          logger.info(`Marked ${expired} address reservation(s) expired`);
        }
      }
    },
  });
}
