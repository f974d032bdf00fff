import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Subscriptions a sync reads at once when `aksNetwork.sync.subscriptionConcurrency` is
 * absent. ARM throttles reads per principal and subscription (each subscription has its
 * own bucket: https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling),
 * and the pipeline bounds requests per subscription (`aksNetwork.azure.requests`), so
 * reading several subscriptions at once spends no single subscription's budget faster.
 *
 * @public
 */
export const DEFAULT_SUBSCRIPTION_CONCURRENCY = 8;

const KEY = 'aksNetwork.sync.subscriptionConcurrency';

/**
 * `aksNetwork.sync.subscriptionConcurrency`: how many subscriptions one sync reads at
 * a time, default {@link DEFAULT_SUBSCRIPTION_CONCURRENCY}.
 *
 * @throws InputError naming the key when it is not a positive whole number.
 * @public
 */
export function readSubscriptionConcurrency(config: Config): number {
  const value =
    config.getOptionalNumber(KEY) ?? DEFAULT_SUBSCRIPTION_CONCURRENCY;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new InputError(
      `${KEY}: expected a positive whole number, got ${value}`,
    );
  }
  return value;
}
