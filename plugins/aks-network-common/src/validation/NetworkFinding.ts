/**
 * How bad a finding is: `error` stops the cluster from being created, `warning` lets it
 * through but should be read.
 *
 * @public
 */
export type FindingSeverity = 'error' | 'warning';

/**
 * One problem with a network request or plan. Structured so the scaffolder can turn an
 * error into an `InputError` naming the field and the form can show it next to the field.
 *
 * @public
 */
export interface NetworkFinding {
  /** Dotted path of the input, e.g. `network.podCidr` or `nodePools.0.maxPods`. */
  field: string;
  /** Stable id of the rule, e.g. `pod-cidr-reserved-range`. */
  rule: string;
  severity: FindingSeverity;
  /** For people: says why and names the value. */
  message: string;
  /** The domain fact (docs/domain.md) the rule rests on (see `DOMAIN_FACTS`). */
  fact: string;
}
