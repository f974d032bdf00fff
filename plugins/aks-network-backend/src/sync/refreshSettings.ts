import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readInventorySyncSchedule } from './scheduleInventorySync';

/**
 * The cool-down when `aksNetwork.sync.refreshCoolDown` is absent: a full refresh within
 * a minute of a finished run answers with that run.
 *
 * @public
 */
export const DEFAULT_REFRESH_COOL_DOWN: HumanDuration = { seconds: 60 };

const COOL_DOWN_KEY = 'aksNetwork.sync.refreshCoolDown';

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
  const coolDown = config.has(COOL_DOWN_KEY)
    ? readDurationFromConfig(config, { key: COOL_DOWN_KEY })
    : DEFAULT_REFRESH_COOL_DOWN;
  const schedule = readInventorySyncSchedule(config);
  return {
    coolDownMs: durationToMilliseconds(coolDown),
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
