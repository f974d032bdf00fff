import {
  exponentialRetryPolicyName,
  systemErrorRetryPolicyName,
  throttlingRetryPolicyName,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ArmRequestSettings } from '../config/AzureAccessConfig';
import type { ArmSleep } from './abortableSleep';
import { ArmCallMetrics } from './ArmCallMetrics';
import { armRetryPolicy } from './armRetryPolicy';
import {
  subscriptionConcurrencyPolicy,
  type SubscriptionConcurrencyPolicy,
} from './subscriptionConcurrencyPolicy';

// The SDK's own retry policies. `defaultRetryPolicy` is what core-rest-pipeline 1.25
// installs (its name constant is not exported); the other three are what older
// versions installed separately. All are removed so that no call is retried twice over.
const SDK_RETRY_POLICY_NAMES = [
  'defaultRetryPolicy',
  exponentialRetryPolicyName,
  throttlingRetryPolicyName,
  systemErrorRetryPolicyName,
];

/**
 * The policies every ARM client of one `createArmClients` call shares.
 *
 * @public
 */
export interface ArmPipelinePolicies {
  retry: PipelinePolicy;
  concurrency: SubscriptionConcurrencyPolicy;
  metrics: ArmCallMetrics;
}

/**
 * Options of {@link createArmPipelinePolicies}.
 *
 * @public
 */
export interface ArmPipelinePolicyOptions {
  logger?: LoggerService;
  metrics?: ArmCallMetrics;
  sleep?: ArmSleep;
  now?: () => number;
  random?: () => number;
}

/**
 * Builds the retry and concurrency policies from `aksNetwork.azure.requests`.
 *
 * @public
 */
export function createArmPipelinePolicies(
  requests: ArmRequestSettings,
  options: ArmPipelinePolicyOptions = {},
): ArmPipelinePolicies {
  const metrics = options.metrics ?? new ArmCallMetrics();
  return {
    metrics,
    concurrency: subscriptionConcurrencyPolicy({
      maxConcurrency: requests.maxConcurrencyPerSubscription,
    }),
    retry: armRetryPolicy({
      maxRetries: requests.maxRetries,
      maxRetryTimeMs: requests.maxRetryTimeSeconds * 1000,
      baseDelayMs: requests.retryBaseDelayMs,
      timeoutMs: requests.timeoutSeconds * 1000,
      metrics,
      logger: options.logger,
      sleep: options.sleep,
      now: options.now,
      random: options.random,
    }),
  };
}

/**
 * Replaces the SDK's retry in `pipeline` by the ARM policies: the concurrency limiter
 * first, then the retry policy, both in the `Retry` phase, so each retry runs again
 * through signing and the HTTP client but not through the limiter.
 *
 * @public
 */
export function installArmPipelinePolicies(
  pipeline: Pipeline,
  policies: ArmPipelinePolicies,
): void {
  for (const name of SDK_RETRY_POLICY_NAMES) {
    pipeline.removePolicy({ name });
  }
  pipeline.addPolicy(policies.concurrency, { phase: 'Retry' });
  pipeline.addPolicy(policies.retry, {
    phase: 'Retry',
    afterPolicies: [policies.concurrency.name],
  });
}
