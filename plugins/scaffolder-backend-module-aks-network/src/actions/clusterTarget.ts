import type { AzureProvisioner } from '@aks-network/plugin-aks-network-node';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';

/**
 * The Azure tag a cluster made by the create action carries: the scaffolder task that
 * made it. It is the idempotency key on the Azure side: a retry of the same task (same
 * task id, the scaffolder's retry and recovery) may go on with that cluster; anything
 * else of the same name is someone else's. Tag names may not hold `/`, hence no
 * `backstage.io/` prefix
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
export const CREATED_BY_TASK_TAG = 'backstage-task';

/** Whether this task made the cluster (tag names compare case-insensitively in ARM). */
export function isMadeByTask(cluster: ClusterRecord, taskId: string): boolean {
  return Object.entries(cluster.tags ?? {}).some(
    ([name, value]) =>
      name.toLowerCase() === CREATED_BY_TASK_TAG && value === taskId,
  );
}

/** Where the cluster goes: checked fields of the action's input. */
export interface ClusterTarget {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** `cluster X already exists in resource group Y`, the refusal of a taken name. */
export function clusterExistsMessage(target: ClusterTarget): string {
  return `cluster ${target.name} already exists in resource group ${target.resourceGroup} (subscription ${target.subscriptionId}); it was not created by this task, so nothing is reserved or written: choose another name`;
}

/**
 * What keeps a new cluster from being created where the input says, one problem per
 * field: the name taken by a cluster this task did not make, a resource group or a
 * subscription that does not exist. One GET, before anything is reserved or written
 * (the plan action and a dry run ask the same).
 */
export async function clusterTargetProblems(
  azure: Pick<AzureProvisioner, 'lookUpCluster'>,
  target: ClusterTarget,
  taskId: string,
): Promise<string[]> {
  const lookup = await azure.lookUpCluster(target);
  if (lookup.found) {
    return isMadeByTask(lookup.cluster, taskId)
      ? []
      : [`name: ${clusterExistsMessage(target)}`];
  }
  switch (lookup.missing) {
    case 'resourceGroup':
      return [
        `resourceGroup: resource group ${target.resourceGroup} does not exist in subscription ${target.subscriptionId}; AKS creates a cluster in an existing resource group`,
      ];
    case 'subscription':
      return [
        `subscriptionId: subscription ${target.subscriptionId} is not found with the backend's Azure credential`,
      ];
    default:
      return [];
  }
}
