import {
  aksClusterCreatePermission,
} from '@aks-network/plugin-aks-network-common';
import {
  AzureOperationTimeoutError,
  AzureProvisioner,
  OperationProgress,
  clusterEntityName,
  azurePortalResourceUrl,
} from '@aks-network/plugin-aks-network-node';
import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { AksNetworkBackendApi } from '../backend/AksNetworkBackendApi';
import type { ClusterPolicy } from '../config/ClusterPolicy';
import { ClusterCreationError } from './ClusterCreationError';
import { ClusterInput, clusterInputFields } from './clusterInput';
import { createClusterActionExamples } from './createClusterAction.examples';
import { planOutputFields, planOutputs } from './planOutputs';
import { validateClusterRequest } from './validateClusterRequest';

/** What the cluster create action needs. */
export interface CreateClusterActionDeps {
  policy: ClusterPolicy;
  backend: AksNetworkBackendApi;
  provisioner: Pick<AzureProvisioner, 'createSubnet' | 'createOverlayCluster'>;
  permissions: PermissionsService;
}

type CreateInput = ClusterInput & {
  owner: string;
  system?: string;
  components?: string[];
};

/** A user without the create permission is refused before anything happens. */
async function requireCreatePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: aksClusterCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Missing permission ${aksClusterCreatePermission.name}: nothing was planned, reserved or created`,
    );
  }
}

function progressLogger(logger: LoggerService) {
  // DESIGN: a silent task for 60 s leaves the scaffolder UI with an empty alert
  // (backstage/backstage#16702); the provisioner calls this at least every 30 s.
  return (progress: OperationProgress) =>
    logger.info(
      `${progress.step} ${progress.resourceId}: ${progress.state} after ${Math.round(
        progress.elapsedMs / 1000,
      )} s`,
    );
}

/**
 * Azure tags of a new cluster: what the catalog module reads for the owner, system and
 * components, and the task that made it. Tag names may not hold `/`, hence no
 * `backstage.io/` prefix.
 */
function clusterTags(input: CreateInput, taskId: string) {
  return {
    owner: input.owner,
    ...(input.system ? { system: input.system } : {}),
    ...(input.components && input.components.length > 0
      ? { component: input.components.join(',') }
      : {}),
    'backstage-task': taskId,
  };
}

/**
 * `aks-network:cluster:create`: reserves a node subnet in an address pool, creates it,
 * creates the AKS cluster on Azure CNI Overlay, commits the reservation and refreshes
 * the inventory so the cluster is in the catalog at once. Each side effect is a
 * checkpoint, so a retried or recovered task creates nothing twice.
 *
 * @public
 */
export function createClusterAction(deps: CreateClusterActionDeps) {
  return createTemplateAction({
    id: 'aks-network:cluster:create',
    description:
      'Creates an AKS cluster on Azure CNI Overlay: carves the node subnet out of an address pool, creates it, creates the cluster (organisation pod CIDR, service CIDR, DNS IP, maxPods, optional ACNS observability, owner/system/component tags), waits for it, and puts it in the catalog.',
    examples: createClusterActionExamples,
    supportsDryRun: true,
    schema: {
      input: {
        ...clusterInputFields,
        owner: z =>
          z
            .string()
            .describe('Owner entity ref (e.g. group:default/team-payments): the cluster’s owner tag'),
        system: z =>
          z.string().optional().describe('System entity ref: the system tag'),
        components: z =>
          z
            .array(z.string())
            .optional()
            .describe('Components that will run on the cluster: the component tag'),
      },
      output: {
        ...planOutputFields,
        clusterId: z => z.string().describe('ARM resource id of the cluster'),
        portalUrl: z => z.string().describe('The cluster in the Azure portal'),
        entityRef: z =>
          z.string().describe('The cluster’s catalog entity (Resource, kubernetes-cluster)'),
        nodeSubnetId: z =>
          z.string().optional().describe('ARM id of the node subnet (absent in a dry run)'),
        reservationId: z =>
          z.string().optional().describe('The node subnet’s reservation in the address pool'),
      },
    },
    async handler(ctx) {
      const input = ctx.input as CreateInput;
      const credentials = await ctx.getInitiatorCredentials();
      await requireCreatePermission(deps.permissions, credentials);
      const validated = await validateClusterRequest(input, {
        policy: deps.policy,
        backend: deps.backend,
        credentials,
      });
      const plan = planOutputs(validated);
      for (const [name, value] of Object.entries(plan)) {
        ctx.output(name as keyof typeof plan, value as never);
      }
      for (const warning of plan.warnings) {
        ctx.logger.warn(`${warning.field}: ${warning.message}`);
      }
      const { pool, nodeSubnet, policy } = { ...validated, policy: deps.policy };
      const v = validated.input;
      const clusterId = `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${v.name}`;
      ctx.output('clusterId', clusterId);
      ctx.output('portalUrl', azurePortalResourceUrl(policy.portalBaseUrl, clusterId));
      ctx.output(
        'entityRef',
        `resource:default/${clusterEntityName({ id: clusterId, name: v.name })}`,
      );

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would reserve ${nodeSubnet.cidr} in ${pool.id}, create subnet ${nodeSubnet.name} in ${pool.vnetName} and cluster ${clusterId}; nothing was reserved or created`,
        );
        return;
      }

      const onProgress = progressLogger(ctx.logger);
      // One reservation per task and cluster: a retried step sends the same key and
      // gets the same subnet (DESIGN: idempotent on a caller key). Task ids are UUIDs
      // and names ≤ 63 characters, within the backend's 200 for a key.
      const requestKey = `scaffolder:${ctx.task.id}:${v.name.toLowerCase()}`;
      const ttlSeconds = Math.ceil(
        (policy.subnetTimeoutMs + policy.clusterTimeoutMs) / 1000 + 600,
      );

      // Reservation and subnet are one checkpoint: once the subnet exists a retry
      // reuses it, and a reservation is never left without its subnet.
      const subnet = await ctx.checkpoint({
        key: 'node-subnet',
        fn: async () => {
          let reservation;
          try {
            reservation = await deps.backend.reserve(
              pool.id,
              {
                requestKey,
                owner: input.owner,
                prefix: nodeSubnet.prefix,
                ttlSeconds,
              },
              credentials,
            );
          } catch (error) {
            throw new ClusterCreationError('reserve-node-subnet', error, []);
          }
          ctx.logger.info(
            `Reserved ${reservation.cidr} in address pool ${pool.id} (reservation ${reservation.id})`,
          );
          try {
            const created = await deps.provisioner.createSubnet({
              subscriptionId: pool.subscriptionId,
              resourceGroup: pool.resourceGroup,
              vnetName: pool.vnetName,
              subnetName: nodeSubnet.name,
              addressPrefix: reservation.cidr,
              timeoutMs: policy.subnetTimeoutMs,
              signal: ctx.signal,
              onProgress,
            });
            return {
              id: created.id,
              cidr: reservation.cidr,
              reservationId: reservation.id,
            };
          } catch (error) {
            await releaseQuietly(deps.backend, reservation.id, credentials, ctx.logger);
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
      ctx.output('nodeSubnetId', subnet.id);
      ctx.output('nodeSubnetCidr', subnet.cidr);
      ctx.output('reservationId', subnet.reservationId);

      try {
        await ctx.checkpoint({
          key: 'cluster',
          fn: async () => {
            const record = await deps.provisioner.createOverlayCluster({
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
              tags: clusterTags(input, ctx.task.id),
              timeoutMs: policy.clusterTimeoutMs,
              signal: ctx.signal,
              onProgress,
            });
            return { id: record.id, provisioningState: record.provisioningState ?? null };
          },
        });
      } catch (error) {
        // The subnet stays (it may be reused by a retry, and deleting it silently could
        // hide what happened); its reservation is given back, the subnet itself keeps
        // the range taken in the VNet.
        await releaseQuietly(deps.backend, subnet.reservationId, credentials, ctx.logger);
        const existing = [`node subnet ${subnet.id} (${subnet.cidr})`];
        if (error instanceof AzureOperationTimeoutError) {
          existing.push(`cluster ${clusterId} (may still be created)`);
        }
        throw new ClusterCreationError('create-cluster', error, existing);
      }
      ctx.logger.info(`Cluster ${clusterId} created`);

      await ctx.checkpoint({
        key: 'commit-node-subnet',
        fn: async () => {
          try {
            const committed = await deps.backend.commit(
              subnet.reservationId,
              subnet.id,
              credentials,
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

      // Best effort: the inventory's schedule brings the cluster in anyway.
      try {
        await deps.backend.refreshCluster(clusterId, credentials);
        ctx.logger.info(`Inventory refreshed: ${clusterId} is on its way to the catalog`);
      } catch (error) {
        ctx.logger.warn(
          `The inventory refresh failed (${
            error instanceof Error ? error.message : String(error)
          }); the cluster reaches the catalog at the next sync`,
        );
      }
    },
  });
}

async function releaseQuietly(
  backend: AksNetworkBackendApi,
  reservationId: string,
  credentials: BackstageCredentials,
  logger: LoggerService,
): Promise<void> {
  try {
    await backend.release(reservationId, credentials);
    logger.info(`Released reservation ${reservationId}`);
  } catch (error) {
    // It expires after its TTL anyway.
    logger.warn(
      `Releasing reservation ${reservationId} failed: ${
        error instanceof Error ? error.message : String(error)
      }; it expires after its TTL`,
    );
  }
}
