import {
  AzureProvisioner,
  isTerminalProvisioningState,
  OperationProgress,
} from '@aks-network/plugin-aks-network-node';
import {
  ClusterRecord,
  ClusterTagNames,
  DEFAULT_CLUSTER_TAG_NAMES,
  errorMessage,
  FLOW_EXPORT_TOOL_IDS,
  FlowExportTool,
  parseSubnetId,
} from '@aks-network/plugin-aks-network-common';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonValue } from '@backstage/types';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import type { ProvisioningSettings } from '../config/ProvisioningSettings';
import { ClusterCreationError } from './ClusterCreationError';
import type { ClusterInput } from './clusterInput';
import {
  clusterExistsMessage,
  CREATED_BY_TASK_TAG,
  isMadeByTask,
} from './clusterTarget';
import {
  cleanUpFailedCluster,
  cleanUpFailedSubnet,
  releaseReservation,
  TaskCluster,
  TaskSubnet,
} from './failedCreateCleanup';
import type { PlannedCluster } from './planClusterRequest';

/** The create action's input: the cluster, who it is for, and its declared flow export. */
export type CreateClusterInput = ClusterInput & {
  owner: string;
  system?: string;
  components?: string[];
  /** Flow-export tools the cluster declares (docs/domain.md#declared-controls). */
  flowExport?: FlowExportTool[];
};

/**
 * What the create action does in Azure, through `AzureProvisioner`.
 *
 * @public
 */
export type ClusterProvisioner = Pick<
  AzureProvisioner,
  | 'createSubnet'
  | 'getSubnet'
  | 'deleteSubnet'
  | 'createOverlayCluster'
  | 'lookUpCluster'
  | 'waitForCluster'
  | 'deleteCluster'
>;

/** What the steps share: the task's context and the action's dependencies. */
export interface StepContext {
  backend: AksNetworkBackend;
  provisioner: ClusterProvisioner;
  settings: ProvisioningSettings;
  /** The tags of `aksNetwork.tags`; default common's `DEFAULT_CLUSTER_TAG_NAMES`. */
  tagNames?: ClusterTagNames;
  credentials: BackstageCredentials;
  logger: LoggerService;
  taskId: string;
  signal?: AbortSignal;
  /** Where long operations report their state (a log line at least every 30 s). */
  progress: (progress: OperationProgress) => void;
  /** The task's `ctx.checkpoint`: a completed step returns its stored value. */
  checkpoint<T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T>;
  }): Promise<T>;
}

/** The node subnet once made, as the `node-subnet` checkpoint stores it. */
export type CreatedSubnet = {
  id: string;
  cidr: string;
  reservationId: string;
};

/**
 * How often one task makes its node subnet again after an earlier run removed it (a
 * failed create cleans up, the user retries): beyond that the task stops.
 */
const MAX_SUBNET_ATTEMPTS = 20;

/**
 * Logs a long operation's state. A silent task for 60 s leaves the scaffolder UI with
 * an empty alert (backstage/backstage#16702); the provisioner calls this at least every
 * 30 s.
 */
export function progressLogger(logger: LoggerService) {
  return (progress: OperationProgress) =>
    logger.info(
      `${progress.step} ${progress.resourceId}: ${
        progress.state
      } after ${Math.round(progress.elapsedMs / 1000)} s`,
    );
}

/**
 * Azure tags of a new cluster: the owner, system, components and declared flow export
 * under the tag names the sync and the catalog module read them from
 * (`aksNetwork.tags`), and the task that made it (see {@link CREATED_BY_TASK_TAG}).
 */
function clusterTags(
  input: CreateClusterInput,
  taskId: string,
  names: ClusterTagNames = DEFAULT_CLUSTER_TAG_NAMES,
): Record<string, string> {
  // Each tool once, in common's order: the value the sync's parseFlowExportTag reads
  // back (docs/domain.md#declared-controls), whatever order the form sent.
  const flowExport = FLOW_EXPORT_TOOL_IDS.filter(tool =>
    input.flowExport?.includes(tool),
  );
  return {
    [names.owner]: input.owner,
    ...(input.system ? { [names.system]: input.system } : {}),
    ...(input.components && input.components.length > 0
      ? { [names.component]: input.components.join(',') }
      : {}),
    ...(flowExport.length > 0
      ? {
          [names.flowExport ?? DEFAULT_CLUSTER_TAG_NAMES.flowExport]:
            flowExport.join(','),
        }
      : {}),
    [CREATED_BY_TASK_TAG]: taskId,
  };
}

/** The stored subnet by its parts; its id was built from checked names. */
function taskSubnet(subnet: { id: string; cidr: string }): TaskSubnet {
  const parsed = parseSubnetId(subnet.id);
  if (!parsed.ok) {
    throw new ClusterCreationError(
      'create-node-subnet',
      new Error(`the stored node subnet id is ${parsed.reason}`),
      [],
    );
  }
  const { subscriptionId, resourceGroup, vnetName, subnetName } = parsed.value;
  return {
    id: subnet.id,
    cidr: subnet.cidr,
    subscriptionId,
    resourceGroup,
    vnetName,
    subnetName,
  };
}

function sameRange(a: string | undefined, b: string): boolean {
  return a?.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Reserves the node subnet and creates it. A subnet of that name already in the VNet
 * is this task's own only if it holds the range reserved under the task's key (the
 * pool hands out no range a subnet of the VNet holds): then it is used as it is, with
 * no second PUT; any other is someone else's and is left alone. A create that fails
 * for good removes what it made and gives the reservation back.
 */
async function reserveAndCreateSubnet(
  step: StepContext,
  planned: PlannedCluster,
): Promise<CreatedSubnet> {
  const { pool, nodeSubnet } = planned;
  // One reservation per task and cluster: a retried step sends the same key and gets
  // the same subnet (idempotent on a caller key; a released one gets a fresh range
  // under the same id). Task ids are UUIDs and names ≤ 63 characters, within the
  // backend's 200 for a key. The owner is the backend's: the task's initiator.
  const requestKey = `scaffolder:${
    step.taskId
  }:${planned.input.name.toLowerCase()}`;
  const { subnetTimeoutMs, clusterTimeoutMs, cleanupTimeoutMs } = step.settings;
  const ttlSeconds = Math.ceil(
    (subnetTimeoutMs + clusterTimeoutMs + 2 * cleanupTimeoutMs) / 1000 + 600,
  );
  let reservation;
  try {
    reservation = await step.backend.api.reserveSubnet(
      pool.id,
      { requestKey, prefix: nodeSubnet.prefix, ttlSeconds },
      await step.backend.requestOptions(step.credentials),
    );
  } catch (error) {
    throw new ClusterCreationError('reserve-node-subnet', error, []);
  }
  step.logger.info(
    `Reserved ${reservation.cidr} in address pool ${pool.id} (reservation ${reservation.id})`,
  );
  const held = { id: reservation.id, cidr: reservation.cidr };
  const target: TaskSubnet = {
    id: `/subscriptions/${pool.subscriptionId}/resourceGroups/${pool.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${pool.vnetName}/subnets/${nodeSubnet.name}`,
    cidr: reservation.cidr,
    subscriptionId: pool.subscriptionId,
    resourceGroup: pool.resourceGroup,
    vnetName: pool.vnetName,
    subnetName: nodeSubnet.name,
  };

  let existing;
  try {
    existing = await step.provisioner.getSubnet({
      ...target,
      signal: step.signal,
    });
  } catch (error) {
    throw new ClusterCreationError('create-node-subnet', error, {
      reservation: await releaseReservation(step, held),
    });
  }
  if (existing) {
    if (sameRange(existing.addressPrefix, reservation.cidr)) {
      step.logger.info(
        `Subnet ${existing.id} already holds ${reservation.cidr}, reserved for this task: an earlier run made it; using it`,
      );
      return {
        id: existing.id,
        cidr: reservation.cidr,
        reservationId: reservation.id,
      };
    }
    throw new ClusterCreationError(
      'create-node-subnet',
      new ConflictError(
        `subnet ${nodeSubnet.name} already exists in VNet ${pool.vnetName} (${
          existing.addressPrefix ?? 'no prefix'
        }), not with the range reserved for this task (${
          reservation.cidr
        }); it is left as it is`,
      ),
      { reservation: await releaseReservation(step, held) },
    );
  }

  try {
    const created = await step.provisioner.createSubnet({
      subscriptionId: target.subscriptionId,
      resourceGroup: target.resourceGroup,
      vnetName: target.vnetName,
      subnetName: target.subnetName,
      addressPrefix: reservation.cidr,
      timeoutMs: subnetTimeoutMs,
      signal: step.signal,
      onProgress: step.progress,
    });
    return {
      id: created.id,
      cidr: reservation.cidr,
      reservationId: reservation.id,
    };
  } catch (error) {
    throw await cleanUpFailedSubnet(step, error, target, held);
  }
}

/**
 * The node subnet, reserved and created once per task: the `node-subnet` checkpoint
 * keeps it, so a retried or recovered task reuses it. A subnet an earlier run removed
 * again (its create failed for good and the user retried the task) is made anew under
 * the next checkpoint, `node-subnet-2`, … — checkpoints of the scaffolder cannot be
 * undone, so a removed one is recognised by ARM's 404.
 */
export async function createNodeSubnet(
  step: StepContext,
  planned: PlannedCluster,
): Promise<CreatedSubnet> {
  for (let attempt = 1; attempt <= MAX_SUBNET_ATTEMPTS; attempt++) {
    const made = { now: false };
    const subnet = await step.checkpoint<CreatedSubnet>({
      key: attempt === 1 ? 'node-subnet' : `node-subnet-${attempt}`,
      fn: async () => {
        made.now = true;
        return reserveAndCreateSubnet(step, planned);
      },
    });
    if (made.now) {
      return subnet;
    }
    let found;
    try {
      found = await step.provisioner.getSubnet({
        ...taskSubnet(subnet),
        signal: step.signal,
      });
    } catch (error) {
      throw new ClusterCreationError('create-node-subnet', error, [
        `node subnet ${subnet.id} (${subnet.cidr}), made by an earlier run of this task`,
      ]);
    }
    if (found) {
      return subnet;
    }
    step.logger.info(
      `Node subnet ${subnet.id} of an earlier run of this task is gone (removed after that run failed); reserving and creating it again`,
    );
  }
  throw new ClusterCreationError(
    'create-node-subnet',
    new Error(
      `this task made and removed its node subnet ${MAX_SUBNET_ATTEMPTS} times; start a new task`,
    ),
    [],
  );
}

/**
 * Puts the overlay cluster, or goes on with the one an earlier run of this task began
 * (its `backstage-task` tag): a `Succeeded` one is used as it is, one still being
 * created is waited for (no second PUT while its operation runs), a `Failed` one is put
 * again (ARM's PUT is create-or-update; AKS runs the operation again). A cluster of
 * that name this task did not make is refused.
 */
async function putOrResumeCluster(
  step: StepContext,
  planned: PlannedCluster,
  input: CreateClusterInput,
  subnet: CreatedSubnet,
  cluster: TaskCluster,
): Promise<ClusterRecord> {
  const v = planned.input;
  const lookup = await step.provisioner.lookUpCluster({
    ...cluster,
    signal: step.signal,
  });
  if (lookup.found) {
    const found = lookup.cluster;
    if (!isMadeByTask(found, step.taskId)) {
      throw new ConflictError(clusterExistsMessage(cluster));
    }
    const state = found.provisioningState ?? 'Succeeded';
    if (state.toLowerCase() === 'succeeded') {
      step.logger.info(
        `Cluster ${cluster.id} was created by an earlier run of this task; using it`,
      );
      return found;
    }
    if (!isTerminalProvisioningState(state)) {
      step.logger.info(
        `Cluster ${cluster.id} is ${state} since an earlier run of this task; waiting for it`,
      );
      const settled = await step.provisioner.waitForCluster({
        subscriptionId: cluster.subscriptionId,
        resourceGroup: cluster.resourceGroup,
        name: cluster.name,
        timeoutMs: step.settings.clusterTimeoutMs,
        signal: step.signal,
        onProgress: step.progress,
      });
      if (settled?.provisioningState?.toLowerCase() === 'succeeded') {
        return settled;
      }
    }
  }
  return step.provisioner.createOverlayCluster({
    subscriptionId: v.subscriptionId,
    resourceGroup: v.resourceGroup,
    name: v.name,
    location: v.region,
    ...(v.kubernetesVersion ? { kubernetesVersion: v.kubernetesVersion } : {}),
    nodeSubnetId: subnet.id,
    podCidr: v.podCidr,
    serviceCidr: v.serviceCidr,
    dnsServiceIp: v.dnsServiceIp,
    nodePool: {
      name: v.nodePoolName,
      count: v.nodeCount,
      vmSize: v.vmSize,
      maxPods: v.maxPods,
    },
    acnsObservability: v.acnsObservability,
    tags: clusterTags(input, step.taskId, step.tagNames),
    timeoutMs: step.settings.clusterTimeoutMs,
    signal: step.signal,
    onProgress: step.progress,
  });
}

/**
 * Creates the overlay cluster on the node subnet. A create that fails for good (the
 * operation failed, ARM refused it, or it did not end within `clusterTimeout`) cleans
 * up what this task made — the failed cluster, the node subnet — and releases the
 * reservation; what cannot be removed is named (see `cleanUpFailedCluster`).
 */
export async function createOverlayCluster(
  step: StepContext,
  planned: PlannedCluster,
  input: CreateClusterInput,
  subnet: CreatedSubnet,
  clusterId: string,
): Promise<void> {
  const v = planned.input;
  const cluster: TaskCluster = {
    id: clusterId,
    subscriptionId: v.subscriptionId,
    resourceGroup: v.resourceGroup,
    name: v.name,
  };
  try {
    await step.checkpoint({
      key: 'cluster',
      fn: async () => {
        const record = await putOrResumeCluster(
          step,
          planned,
          input,
          subnet,
          cluster,
        );
        return {
          id: record.id,
          provisioningState: record.provisioningState ?? null,
        };
      },
    });
  } catch (error) {
    throw await cleanUpFailedCluster(
      step,
      'create-cluster',
      error,
      cluster,
      taskSubnet(subnet),
      { id: subnet.reservationId, cidr: subnet.cidr },
    );
  }
  step.logger.info(`Cluster ${clusterId} created`);
}

/** Records the subnet made from the reservation: its range stays taken for good. */
export async function commitNodeSubnet(
  step: StepContext,
  subnet: CreatedSubnet,
  clusterId: string,
): Promise<void> {
  await step.checkpoint({
    key: 'commit-node-subnet',
    fn: async () => {
      try {
        const committed = await step.backend.api.commitReservation(
          subnet.reservationId,
          subnet.id,
          await step.backend.requestOptions(step.credentials),
        );
        return { state: committed.state };
      } catch (error) {
        throw new ClusterCreationError('commit-node-subnet', error, [
          `node subnet ${subnet.id} (${subnet.cidr})`,
          `cluster ${clusterId}`,
        ]);
      }
    },
  });
}

/** Best effort: the inventory's schedule brings the cluster in anyway. */
export async function refreshInventory(
  step: StepContext,
  clusterId: string,
): Promise<void> {
  try {
    await step.backend.api.refresh(
      { clusterId },
      await step.backend.requestOptions(step.credentials),
    );
    step.logger.info(
      `Inventory refreshed: ${clusterId} is on its way to the catalog`,
    );
  } catch (error) {
    step.logger.warn(
      `The inventory refresh failed (${errorMessage(
        error,
      )}); the cluster reaches the catalog at the next sync`,
    );
  }
}

/**
 * Waits until the catalog has the cluster's entity, so the task's "Cluster in the
 * catalog" link works the moment it shows. The refresh's event usually brings it within
 * a second or two (catalog processing and stitching); past `timeoutMs` the task still
 * succeeds with a warning — the cluster exists, the catalog is only late.
 */
export async function waitForCatalogEntity(
  step: StepContext,
  catalog: Pick<CatalogService, 'getEntityByRef'>,
  entityRef: string,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const started = Date.now();
  const intervalMs = options.intervalMs ?? 500;
  for (;;) {
    try {
      if (
        await catalog.getEntityByRef(entityRef, {
          credentials: step.credentials,
        })
      ) {
        step.logger.info(
          `${entityRef} is in the catalog (${
            Date.now() - started
          } ms after the refresh)`,
        );
        return true;
      }
    } catch (error) {
      step.logger.warn(
        `Looking up ${entityRef} in the catalog failed: ${errorMessage(error)}`,
      );
    }
    if (Date.now() - started >= options.timeoutMs || step.signal?.aborted) {
      step.logger.warn(
        `${entityRef} is not in the catalog after ${Math.round(
          options.timeoutMs / 1000,
        )} s; it appears with the next inventory sync`,
      );
      return false;
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
