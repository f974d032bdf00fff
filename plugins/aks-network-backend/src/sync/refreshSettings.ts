import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  AksNetworkBackendSettings,
  DEFAULT_REFRESH_COOL_DOWN,
  readAksNetworkBackendConfig,
} from '../config/aksNetworkBackendConfig';

export { DEFAULT_REFRESH_COOL_DOWN };

/**
 * How often the scheduler looks for a due global task (its default work check
 * frequency, `DEFAULT_WORK_CHECK_FREQUENCY` in backend-defaults' scheduler TaskWorker:
 * https://github.com/backstage/backstage/blob/master/packages/backend-defaults/src/entrypoints/scheduler/lib/TaskWorker.ts).
 * A triggered run starts within it.
 */
const SCHEDULER_POLL_MS = 5_000;

/**
 * The full refresh's settings: its cool-down, and how long a caller waits for the run
 * (the schedule's initial delay and timeout, and two of the scheduler's polls).
 *
 * @public
 */
export function readInventoryRefreshSettings(config: Config): {
  coolDownMs: number;
  waitTimeoutMs: number;
} {
  return inventoryRefreshSettings(readAksNetworkBackendConfig(config).sync);
}

/** {@link readInventoryRefreshSettings} from the settings read at start-up. */
export function inventoryRefreshSettings(
  sync: Pick<AksNetworkBackendSettings['sync'], 'refreshCoolDown' | 'schedule'>,
): {
  coolDownMs: number;
  waitTimeoutMs: number;
} {
  const { refreshCoolDown, schedule } = sync;
  return {
    coolDownMs: durationToMilliseconds(refreshCoolDown),
    waitTimeoutMs:
      toMilliseconds(schedule.timeout) +
      (schedule.initialDelay ? toMilliseconds(schedule.initialDelay) : 0) +
      2 * SCHEDULER_POLL_MS,
  };
}

type ScheduleDuration = SchedulerServiceTaskScheduleDefinition['timeout'];

/** A schedule's duration: a `HumanDuration` from config, or a luxon `Duration` from code. */
function toMilliseconds(duration: ScheduleDuration): number {
  return 'toMillis' in duration && typeof duration.toMillis === 'function'
    ? duration.toMillis()
    : durationToMilliseconds(duration as HumanDuration);
}
