import {
  AzureOperationTimeoutError,
  AzureProvisioner,
  OperationProgress,
} from '@aks-network/plugin-aks-network-node';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonValue } from '@backstage/types';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import type { ProvisioningSettings } from '../config/ProvisioningSettings';
import { ClusterCreationError } from './ClusterCreationError';
import type { ClusterInput } from './clusterInput';
import type { PlannedCluster } from './planClusterRequest';

/** The create action's input: the cluster and who it is for. */
export type CreateClusterInput = ClusterInput & {
  owner: string;
  system?: string;
  components?: string[];
};

/** What the steps share: the task's context and the action's dependencies. */
export interface StepContext {
  backend: AksNetworkBackend;
  provisioner: Pick<AzureProvisioner, 'createSubnet' | 'createOverlayCluster'>;
  settings: ProvisioningSettings;
  credentials: BackstageCredentials;
  logger: LoggerService;
  taskId: string;
  signal?: AbortSignal;
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

function progressLogger(logger: LoggerService) {
  // DESIGN: a silent task for 60 s leaves the scaffolder UI with an empty alert
  // (backstage/backstage#16702); the provisioner calls this at least every 30 s.
  return (progress: OperationProgress) =>
    logger.info(
      `${progress.step} ${progress.resourceId}: ${
        progress.state
      } after ${Math.round(progress.elapsedMs / 1000)} s`,
    );
}

/**
 * Azure tags of a new cluster: what the catalog module reads for the owner, system and
 * components, and the task that made it. Tag names may not hold `/`, hence no
 * `backstage.io/` prefix.
 */
function clusterTags(input: CreateClusterInput, taskId: string) {
  return {
    owner: input.owner,
    ...(input.system ? { system: input.system } : {}),
    ...(input.components && input.components.length > 0
      ? { component: input.components.join(',') }
      : {}),
    'backstage-task': taskId,
  };
}

/** Gives a reservation back; a failure only logs (it expires after its TTL anyway). */
async function releaseQuietly(step: StepContext, reservationId: string) {
  try {
    await step.backend.api.releaseReservation(
      reservationId,
      await step.backend.requestOptions(step.credentials),
    );
    step.logger.info(`Released reservation ${reservationId}`);
  } catch (error) {
    step.logger.warn(
      `Releasing reservation ${reservationId} failed: ${
        error instanceof Error ? error.message : String(error)
      }; it expires after its TTL`,
    );
  }
}

/**
 * Reserves the node subnet and creates it, as one checkpoint: once the subnet exists a
 * retry reuses it, and a reservation is never left without its subnet. A subnet that
 * cannot be made gives its reservation back.
 */
export function createNodeSubnet(
  step: StepContext,
  planned: PlannedCluster,
  input: CreateClusterInput,
): Promise<CreatedSubnet> {
  const { pool, nodeSubnet } = planned;
  // One reservation per task and cluster: a retried step sends the same key and gets
  // the same subnet (DESIGN: idempotent on a caller key). Task ids are UUIDs and names
  // ≤ 63 characters, within the backend's 200 for a key.
  const requestKey = `scaffolder:${
    step.taskId
  }:${planned.input.name.toLowerCase()}`;
  const ttlSeconds = Math.ceil(
    (step.settings.subnetTimeoutMs + step.settings.clusterTimeoutMs) / 1000 +
      600,
  );
  return step.checkpoint({
    key: 'node-subnet',
    fn: async () => {
      let reservation;
      try {
        reservation = await step.backend.api.reserveSubnet(
          pool.id,
          {
            requestKey,
            owner: input.owner,
            prefix: nodeSubnet.prefix,
            ttlSeconds,
          },
          await step.backend.requestOptions(step.credentials),
        );
      } catch (error) {
        throw new ClusterCreationError('reserve-node-subnet', error, []);
      }
      step.logger.info(
        `Reserved ${reservation.cidr} in address pool ${pool.id} (reservation ${reservation.id})`,
      );
      try {
        const created = await step.provisioner.createSubnet({
          subscriptionId: pool.subscriptionId,
          resourceGroup: pool.resourceGroup,
          vnetName: pool.vnetName,
          subnetName: nodeSubnet.name,
          addressPrefix: reservation.cidr,
          timeoutMs: step.settings.subnetTimeoutMs,
          signal: step.signal,
          onProgress: progressLogger(step.logger),
        });
        return {
          id: created.id,
          cidr: reservation.cidr,
          reservationId: reservation.id,
        };
      } catch (error) {
        await releaseQuietly(step, reservation.id);
        throw new ClusterCreationError(
          'create-node-subnet',
          error,
          error instanceof AzureOperationTimeoutError
            ? [`subnet ${error.resourceId} (may still be created)`]
            : [],
        );
      }
    },
  });
}

/**
 * Creates the overlay cluster on the node subnet. On failure the subnet stays (a retry
 * reuses it, and deleting it silently would hide what happened) and is named in the
 * error; its reservation is given back, the subnet itself keeps the range taken in the
 * VNet.
 */
export async function createOverlayCluster(
  step: StepContext,
  planned: PlannedCluster,
  input: CreateClusterInput,
  subnet: CreatedSubnet,
  clusterId: string,
): Promise<void> {
  const v = planned.input;
  try {
    await step.checkpoint({
      key: 'cluster',
      fn: async () => {
        const record = await step.provisioner.createOverlayCluster({
          subscriptionId: v.subscriptionId,
          resourceGroup: v.resourceGroup,
          name: v.name,
          location: v.region,
          ...(v.kubernetesVersion
            ? { kubernetesVersion: v.kubernetesVersion }
            : {}),
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
          tags: clusterTags(input, step.taskId),
          timeoutMs: step.settings.clusterTimeoutMs,
          signal: step.signal,
          onProgress: progressLogger(step.logger),
        });
        return {
          id: record.id,
          provisioningState: record.provisioningState ?? null,
        };
      },
    });
  } catch (error) {
    await releaseQuietly(step, subnet.reservationId);
    const existing = [`node subnet ${subnet.id} (${subnet.cidr})`];
    if (error instanceof AzureOperationTimeoutError) {
      existing.push(`cluster ${clusterId} (may still be created)`);
    }
    throw new ClusterCreationError('create-cluster', error, existing);
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
      `The inventory refresh failed (${
        error instanceof Error ? error.message : String(error)
      }); the cluster reaches the catalog at the next sync`,
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
        `Looking up ${entityRef} in the catalog failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
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
