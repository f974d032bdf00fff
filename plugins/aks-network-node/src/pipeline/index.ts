export { abortableSleep, ArmWaitAbortedError } from './abortableSleep';
export type { ArmAbortSignal, ArmSleep } from './abortableSleep';
export { ArmCallMetrics } from './ArmCallMetrics';
export type { ArmCallMetricsSnapshot } from './ArmCallMetrics';
export { armRetryPolicy, armRetryPolicyName } from './armRetryPolicy';
export type { ArmRetryPolicyOptions } from './armRetryPolicy';
export {
  subscriptionConcurrencyPolicy,
  subscriptionConcurrencyPolicyName,
} from './subscriptionConcurrencyPolicy';
export type { SubscriptionConcurrencyPolicy } from './subscriptionConcurrencyPolicy';
export {
  createArmPipelinePolicies,
  installArmPipelinePolicies,
} from './armPipelinePolicies';
export type {
  ArmPipelinePolicies,
  ArmPipelinePolicyOptions,
} from './armPipelinePolicies';
