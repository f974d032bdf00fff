import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import type { ClusterInventorySync } from './ClusterInventorySync';

/**
 * Id of the scheduled inventory sync task.
 *
 * @public
 */
export const INVENTORY_SYNC_TASK_ID = 'aks-network-inventory-sync';

/**
 * The schedule used when `aksNetwork.sync.schedule` is absent: every 5 minutes, given
 * up after 3, first run 15 s after start-up so the backend is up before ARM is called.
 *
 * @public
 */
export const DEFAULT_INVENTORY_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 3 },
    initialDelay: { seconds: 15 },
  };

const SCHEDULE_CONFIG_KEY = 'aksNetwork.sync.schedule';

/**
 * The sync schedule from `aksNetwork.sync.schedule`, or the default.
 *
 * @public
 */
export function readInventorySyncSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(SCHEDULE_CONFIG_KEY);
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_INVENTORY_SYNC_SCHEDULE;
}

/**
 * Options of {@link scheduleInventorySync}.
 *
 * @public
 */
export interface ScheduleInventorySyncOptions {
  scheduler: SchedulerService;
  config: Config;
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
  const schedule = readInventorySyncSchedule(config);
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
