import type {
  AgentPool,
  ManagedClusterAgentPoolProfile,
} from '@azure/arm-containerservice';
import {
  DEFAULT_MAX_PODS,
  NodePoolRecord,
} from '@aks-network/plugin-aks-network-common';

/**
 * An agent pool as either ARM shape returns it: an item of `agentPools.list()` (an
 * `AgentPool` resource, name on the resource) or an entry of the cluster's
 * `agentPoolProfiles` (name inside the profile). The SDK flattens both to the same
 * fields (`vnetSubnetID`, `podSubnetID`, `maxPods`, …).
 *
 * @public
 */
export type AgentPoolLike = AgentPool | ManagedClusterAgentPoolProfile;

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/**
 * The pool fields {@link mapNodePool} needs and would otherwise have to guess: a pool
 * without a name cannot be told apart, and a default `count`, `vmSize`, `maxPods` (30,
 * where overlay's own default is 250) or `mode` (`User`, which would hide the system
 * pool whose subnet names the cluster's VNet) would size and place the cluster wrongly.
 * ARM returns all of them on every pool of a provisioned cluster, in the cluster's
 * `agentPoolProfiles` as in `agentPools.list` (ManagedClusterAgentPoolProfile,
 * https://learn.microsoft.com/rest/api/aks/managed-clusters/list); `vnetSubnetID`,
 * `podSubnetID`, `maxCount` and `upgradeSettings` are left out because their absence
 * is meaningful (a managed VNet, no pod subnet, no autoscaler, AKS's default surge).
 */
export const NODE_POOL_REQUIRED_FIELDS = [
  'name',
  'count',
  'vmSize',
  'maxPods',
  'mode',
] as const;

/**
 * The first of {@link NODE_POOL_REQUIRED_FIELDS} a pool lacks (`agentPoolProfiles[1].maxPods`),
 * or `agentPoolProfiles` when the cluster lists no pool at all (every cluster has a
 * system pool); undefined when the profiles hold everything the record needs.
 */
export function missingNodePoolField(
  profiles: readonly AgentPoolLike[] | undefined,
): string | undefined {
  if (!profiles || profiles.length === 0) {
    return 'agentPoolProfiles';
  }
  for (const [index, pool] of profiles.entries()) {
    for (const field of NODE_POOL_REQUIRED_FIELDS) {
      const value: unknown = pool[field];
      if (value === undefined || value === null || value === '') {
        return `agentPoolProfiles[${index}].${field}`;
      }
    }
  }
  return undefined;
}

/**
 * Maps one agent pool to a node pool record.
 *
 * - `maxCount` is only kept when the autoscaler is on: ARM keeps the last
 *   `maxCount` after the autoscaler is turned off, and sizing must not use it then.
 * - A missing `maxPods` (ARM always returns it for a provisioned pool) falls back to
 *   `DEFAULT_MAX_PODS` (docs/domain.md#default-max-pods: "the default pod limit is 30 per node").
 * - `mode` defaults to `User`, ARM's default for a pool that does not say.
 */
export function mapNodePool(pool: AgentPoolLike): NodePoolRecord {
  const record: NodePoolRecord = {
    name: pool.name ?? '',
    count: pool.count ?? 0,
    vmSize: pool.vmSize ?? '',
    maxPods: pool.maxPods ?? DEFAULT_MAX_PODS,
    mode: pool.mode ?? 'User',
  };
  if (pool.enableAutoScaling && pool.maxCount !== undefined) {
    record.maxCount = pool.maxCount;
  }
  const maxSurge = trimmed(pool.upgradeSettings?.maxSurge);
  if (maxSurge) {
    record.maxSurge = maxSurge;
  }
  const vnetSubnetId = trimmed(pool.vnetSubnetID);
  if (vnetSubnetId) {
    record.vnetSubnetId = vnetSubnetId;
  }
  const podSubnetId = trimmed(pool.podSubnetID);
  if (podSubnetId) {
    record.podSubnetId = podSubnetId;
  }
  return record;
}
