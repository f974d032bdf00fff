import type {
  ApiAddressPool,
  PoolPlan,
  PoolPlanRequest,
} from '@aks-network/plugin-aks-network-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import type { ClusterInput } from './clusterInput';
import { invalidClusterRequest } from './invalidClusterRequest';

/** A request the backend planned without an error: what to create. */
export interface PlannedCluster {
  /** The action's input with the plan's defaults applied. */
  input: ClusterInput &
    PoolPlan['cluster'] & { name: string; resourceGroup: string };
  pool: ApiAddressPool;
  /** The subnet the pool would hand out now; the reservation may give another. */
  nodeSubnet: NonNullable<PoolPlan['nodeSubnet']>;
  plan: PoolPlan;
  /** Findings of severity `warning`, named by the action's fields. */
  warnings: Array<{ field: string; message: string }>;
}

/**
 * Plans a cluster request with the backend's plan route, in one round trip: the
 * organisation's policy, the address pool (exists, same region, room left), and
 * common's network rules against the pool's VNet as Azure has it. Every problem is
 * reported at once, each naming the action's field, after `problems` found before.
 * Nothing is reserved or created.
 *
 * @throws InputError listing every problem.
 */
export async function planClusterRequest(
  input: ClusterInput,
  deps: {
    backend: AksNetworkBackend;
    credentials: BackstageCredentials;
    /** Problems found before the plan (the cluster's target in Azure), reported with its own. */
    problems?: string[];
  },
): Promise<PlannedCluster> {
  const { backend, credentials } = deps;
  const known = deps.problems ?? [];
  const fail: (problems: string[]) => never = problems => {
    throw invalidClusterRequest([...known, ...problems]);
  };
  const { addressPoolId, subscriptionId } = input;
  const request: PoolPlanRequest = {
    name: input.name,
    resourceGroup: input.resourceGroup,
    region: input.region,
    nodeCount: input.nodeCount,
    vmSize: input.vmSize,
    maxPods: input.maxPods,
    kubernetesVersion: input.kubernetesVersion,
    networkModel: input.networkModel,
    networkDataplane: input.networkDataplane,
    acnsObservability: input.acnsObservability,
    podCidr: input.podCidr,
    serviceCidr: input.serviceCidr,
    dnsServiceIp: input.dnsServiceIp,
    nodePoolName: input.nodePoolName,
  };
  let plan: PoolPlan;
  try {
    plan = await backend.api.planInPool(
      addressPoolId,
      request,
      await backend.requestOptions(credentials),
    );
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404) {
      fail([
        `addressPoolId: no address pool '${addressPoolId}' in the aks-network backend`,
      ]);
    }
    if (error instanceof ResponseError && error.statusCode === 400) {
      fail([`plan: ${error.body.error.message}`]);
    }
    throw error;
  }
  const errors = plan.findings.filter(finding => finding.severity === 'error');
  if (!plan.valid || !plan.nodeSubnet) {
    fail(
      errors.length > 0
        ? errors.map(finding => `${finding.field}: ${finding.message}`)
        : [`addressPoolId: pool '${addressPoolId}' gave no node subnet`],
    );
  }
  if (known.length > 0) {
    fail([]);
  }
  return {
    input: {
      ...input,
      ...plan.cluster,
      name: input.name,
      resourceGroup: input.resourceGroup,
      subscriptionId,
      addressPoolId,
    },
    pool: plan.pool,
    nodeSubnet: plan.nodeSubnet,
    plan,
    warnings: plan.findings
      .filter(finding => finding.severity === 'warning')
      .map(finding => ({ field: finding.field, message: finding.message })),
  };
}
