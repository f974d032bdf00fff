import type { Config } from '@backstage/config';
import {
  DEFAULT_SUBSCRIPTION_CONCURRENCY,
  readAksNetworkBackendConfig,
} from '../config/aksNetworkBackendConfig';

export { DEFAULT_SUBSCRIPTION_CONCURRENCY };

/**
 * `aksNetwork.sync.subscriptionConcurrency`: how many subscriptions one sync reads at
 * a time, default {@link DEFAULT_SUBSCRIPTION_CONCURRENCY}. The backend reads it with
 * the rest of its settings (readAksNetworkBackendConfig).
 *
 * @throws InputError naming the key when it is not a positive whole number.
 * @public
 */
export function readSubscriptionConcurrency(config: Config): number {
  return readAksNetworkBackendConfig(config).sync.subscriptionConcurrency;
}
