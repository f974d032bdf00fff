import {
  AzureOperationTimeoutError,
  isTerminalProvisioningState,
} from '@aks-network/plugin-aks-network-node';
import { logSafe } from '@aks-network/plugin-aks-network-common';
import type { StepContext } from './clusterCreationSteps';
import {
  ClusterCreationError,
  ClusterCreationStep,
  describeCause,
} from './ClusterCreationError';
import { isMadeByTask } from './clusterTarget';

/** A subnet this task made, by its parts (what a delete needs) and for messages. */
export interface TaskSubnet {
  id: string;
  cidr: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  subnetName: string;
}

/** The cluster the task was creating. */
export interface TaskCluster {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

function reason(error: unknown): string {
  const { code, message } = describeCause(error);
  return logSafe(
    `${code ? `${code}: ` : ''}${message.replace(/\.+$/, '')}`,
    500,
  );
}

/**
 * Gives a reservation back and says so. A failure is named (the reservation expires
 * after its TTL anyway) rather than hiding the step's own error.
 */
export async function releaseReservation(
  step: StepContext,
  reservation: { id: string; cidr: string },
): Promise<string> {
  try {
    await step.backend.api.releaseReservation(
      reservation.id,
      await step.backend.requestOptions(step.credentials),
    );
    step.logger.info(`Released reservation ${reservation.id}`);
    return `Reservation ${reservation.id} (${reservation.cidr}) released`;
  } catch (error) {
    step.logger.warn(
      `Releasing reservation ${reservation.id} failed: ${reason(error)}`,
    );
    return `Reservation ${reservation.id} (${
      reservation.cidr
    }) was not released (${reason(error)}); it expires after its TTL`;
  }
}

/** Deletes a subnet this task made, awaited; what became of it, for the error. */
async function removeSubnet(
  step: StepContext,
  subnet: TaskSubnet,
  outcome: { removed: string[]; left: string[] },
): Promise<void> {
  const label = `node subnet ${subnet.id} (${subnet.cidr})`;
  try {
    step.logger.info(`Deleting ${label}, made by this task`);
    await step.provisioner.deleteSubnet({
      subscriptionId: subnet.subscriptionId,
      resourceGroup: subnet.resourceGroup,
      vnetName: subnet.vnetName,
      subnetName: subnet.subnetName,
      timeoutMs: step.settings.cleanupTimeoutMs,
      onProgress: step.progress,
    });
    outcome.removed.push(label);
  } catch (error) {
    step.logger.warn(`Deleting ${label} failed: ${reason(error)}`);
    outcome.left.push(`${label}: deleting it failed: ${reason(error)}`);
  }
}

/**
 * The subnet's create failed for good (refused, failed, or past its time limit). A
 * subnet the failed PUT left (ARM keeps it `Failed`) is deleted, awaited; one whose
 * create may still run is named. Then the reservation is given back.
 */
export async function cleanUpFailedSubnet(
  step: StepContext,
  cause: unknown,
  subnet: TaskSubnet,
  reservation: { id: string; cidr: string },
): Promise<ClusterCreationError> {
  const outcome = { removed: [] as string[], left: [] as string[] };
  if (cause instanceof AzureOperationTimeoutError) {
    outcome.left.push(
      `node subnet ${subnet.id} (${subnet.cidr}): its create may still run in Azure`,
    );
  } else {
    let exists = true;
    try {
      exists = (await step.provisioner.getSubnet(subnet)) !== undefined;
    } catch (error) {
      outcome.left.push(
        `node subnet ${subnet.id} (${
          subnet.cidr
        }), if Azure made it: reading it failed: ${reason(error)}`,
      );
      exists = false;
    }
    if (exists) {
      await removeSubnet(step, subnet, outcome);
    }
  }
  return new ClusterCreationError('create-node-subnet', cause, {
    ...outcome,
    reservation: await releaseReservation(step, reservation),
  });
}

/**
 * The cluster's create failed for good: the cluster operation failed, ARM refused it,
 * or it did not end within `clusterTimeout`. What this task made is removed, in the
 * reverse order of its making, each deletion awaited:
 *
 * - the cluster, if this task made it (its `backstage-task` tag) and it ended `Failed`
 *   or `Canceled`; a cluster still being created is named instead (Azure may finish it,
 *   and AKS refuses a delete while an operation runs), and one this task did not make
 *   is never touched;
 * - then the node subnet, unless a cluster still runs on it;
 * - then the reservation is released.
 *
 * Whatever cannot be removed is named by ARM id with the reason. The deletions do not
 * take the task's signal: a cancelled task still cleans up, within `cleanupTimeout`.
 */
export async function cleanUpFailedCluster(
  step: StepContext,
  failedStep: ClusterCreationStep,
  cause: unknown,
  cluster: TaskCluster,
  subnet: TaskSubnet,
  reservation: { id: string; cidr: string },
): Promise<ClusterCreationError> {
  const outcome = { removed: [] as string[], left: [] as string[] };
  // Why the subnet stays, when a cluster is or may be on it.
  let subnetInUse: string | undefined;
  try {
    const lookup = await step.provisioner.lookUpCluster(cluster);
    if (lookup.found) {
      const state = lookup.cluster.provisioningState ?? 'Succeeded';
      const ours = isMadeByTask(lookup.cluster, step.taskId);
      const failed = ['failed', 'canceled'].includes(state.toLowerCase());
      if (ours && failed) {
        try {
          step.logger.info(
            `Deleting cluster ${cluster.id} (${state}), made by this task`,
          );
          await step.provisioner.deleteCluster({
            subscriptionId: cluster.subscriptionId,
            resourceGroup: cluster.resourceGroup,
            name: cluster.name,
            timeoutMs: step.settings.cleanupTimeoutMs,
            onProgress: step.progress,
          });
          outcome.removed.push(`cluster ${cluster.id} (its create ${state})`);
        } catch (error) {
          outcome.left.push(
            `cluster ${
              cluster.id
            } (its create ${state}): deleting it failed: ${reason(error)}`,
          );
        }
      } else if (!isTerminalProvisioningState(state)) {
        subnetInUse = 'the cluster above is on it';
        outcome.left.push(
          `cluster ${cluster.id} (${state} in Azure, which may still finish it; not deleted while its operation runs)`,
        );
      } else if (ours) {
        // Succeeded, yet the step failed (e.g. its checkpoint could not be stored).
        subnetInUse = 'the cluster above is on it';
        outcome.left.push(`cluster ${cluster.id} (${state})`);
      }
      // A cluster this task did not make is not named as its own: it is not touched.
    }
  } catch (error) {
    subnetInUse = 'the cluster above may be on it';
    outcome.left.push(
      `cluster ${cluster.id}, if Azure made it: reading it failed: ${reason(
        error,
      )}`,
    );
  }
  if (subnetInUse) {
    outcome.left.push(
      `node subnet ${subnet.id} (${subnet.cidr}): ${subnetInUse}`,
    );
  } else {
    await removeSubnet(step, subnet, outcome);
  }
  return new ClusterCreationError(failedStep, cause, {
    ...outcome,
    reservation: await releaseReservation(step, reservation),
  });
}
