import type {
  AgentPool,
  ContainerServiceClient,
  ManagedCluster,
} from '@azure/arm-containerservice';
import { armIdKey, parseArmResourceId } from '../mapping/armResourceId';
import { missingNodePoolField } from '../mapping/mapNodePool';
import { collectAll } from './collectAll';
import { forEachConcurrently } from './forEachConcurrently';
import type { InventoryCallCounts } from './InventoryCallCounts';
import { describeArmFailure, InventoryReadError } from './InventoryReadError';
import { readApiServerCertificateAuthority } from './readApiServerCertificateAuthority';

/**
 * What the cluster listing does not hold, per cluster, under one concurrency bound,
 * for both inventory readers. The listing carries each cluster's agentPoolProfiles
 * with the fields of `agentPools.list`; that call is made only for a cluster whose
 * profiles lack a field the record needs (`missingNodePoolField`), so a fleet costs no
 * call per cluster; if it fails, the cluster's own profiles stand. Opted in: the API
 * server CA.
 */
export async function readPerCluster(options: {
  containerService: () => ContainerServiceClient;
  clusters: ManagedCluster[];
  concurrency: number;
  readCertificateAuthority: boolean;
  signal?: AbortSignal;
  calls: InventoryCallCounts;
  errors: InventoryReadError[];
}): Promise<{
  agentPools: Map<string, AgentPool[]>;
  certificateAuthorities: Map<string, string>;
}> {
  const { signal, calls, errors } = options;
  const agentPools = new Map<string, AgentPool[]>();
  const certificateAuthorities = new Map<string, string>();
  const perCluster = options.clusters.filter(
    cluster =>
      options.readCertificateAuthority ||
      missingNodePoolField(cluster.agentPoolProfiles) !== undefined,
  );
  if (perCluster.length === 0) {
    return { agentPools, certificateAuthorities };
  }
  const containerService = options.containerService();
  await forEachConcurrently(perCluster, options.concurrency, async cluster => {
    const parts = parseArmResourceId(cluster.id);
    if (!cluster.id || !parts) {
      return;
    }
    signal?.throwIfAborted();
    if (missingNodePoolField(cluster.agentPoolProfiles) !== undefined) {
      calls['agentPools.list'] += 1;
      try {
        const pools = await collectAll(
          containerService.agentPools.list(
            parts.resourceGroup,
            parts.names[0],
            {
              abortSignal: signal,
            },
          ),
        );
        // Every cluster has a system pool; an empty list is a glitch of the listing,
        // and the cluster's own agentPoolProfiles are then the better source.
        if (pools.length > 0) {
          agentPools.set(armIdKey(cluster.id), pools);
        }
      } catch (error) {
        signal?.throwIfAborted();
        errors.push({
          kind: 'agentPools.list',
          resourceId: cluster.id,
          clusterIds: [cluster.id],
          ...describeArmFailure(error),
        });
      }
    }
    if (options.readCertificateAuthority) {
      const ca = await readApiServerCertificateAuthority(
        { containerService, signal, calls, errors },
        {
          id: cluster.id,
          resourceGroup: parts.resourceGroup,
          name: parts.names[0],
        },
      );
      if (ca) {
        certificateAuthorities.set(armIdKey(cluster.id), ca);
      }
    }
  });
  return { agentPools, certificateAuthorities };
}
