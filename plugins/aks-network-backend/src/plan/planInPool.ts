import {
  azureUsableAddresses,
  maxNodesInSubnet,
  NetworkDataplane,
  NetworkFinding,
  NetworkModel,
  NetworkPlan,
  NetworkRequestInput,
  parseCidr,
  PlanFinding,
  PoolPlan,
  PoolPlanRequest,
  validateNetworkRequest,
} from '@aks-network/plugin-aks-network-common';
import { ConflictError } from '@backstage/errors';
import type { AddressPool } from '../model';
import { toApiAddressPool } from '../wire/addressPoolResponses';
import type { ClusterPolicy } from './ClusterPolicy';
import { clusterPolicyFindings } from './clusterPolicyRules';
import { nodeSubnetName } from './nodeSubnetName';
import { requestFieldOf, withRequestFieldNames } from './planFieldNames';

/**
 * The pool's VNet as Azure has it, read once per plan: its address space (the pod and
 * service CIDRs must not overlap it) and the prefixes of its subnets (taken, whoever
 * made them); or why it could not be read.
 */
export type PoolVnetRead =
  | { ok: true; addressSpace: string[]; subnetPrefixes: string[] }
  | { ok: false; error: string };

/** What {@link planInPool} reads besides the request. */
export interface PlanInPoolInput {
  pool: AddressPool;
  request: PoolPlanRequest;
  policy: ClusterPolicy;
  vnet: PoolVnetRead;
  /**
   * The subnet of `prefix` a reservation would get now, clear of the VNet's subnets and
   * the live reservations (the store's `previewSubnet`).
   *
   * @throws ConflictError when the pool has no room left.
   */
  previewSubnet(
    prefix: number,
    existingSubnets: string[],
  ): Promise<{
    cidr: string;
    prefix: number;
  }>;
}

// Names stand in for a name not given yet, so the live form can plan before the
// cluster is named; the findings about them are dropped.
const PLACEHOLDER_NAME = 'planned-cluster';
const PLACEHOLDER_RESOURCE_GROUP = 'planned-resource-group';

function withDefaults(
  request: PoolPlanRequest,
  pool: AddressPool,
  policy: ClusterPolicy,
): PoolPlan['cluster'] {
  return {
    ...(request.name ? { name: request.name } : {}),
    ...(request.resourceGroup ? { resourceGroup: request.resourceGroup } : {}),
    region: request.region?.trim() || pool.region,
    networkModel: (request.networkModel ?? 'azure-cni-overlay') as NetworkModel,
    networkDataplane: (request.networkDataplane ?? 'azure') as NetworkDataplane,
    ...(request.kubernetesVersion
      ? { kubernetesVersion: request.kubernetesVersion }
      : {}),
    nodePoolName: request.nodePoolName ?? 'system',
    nodeCount: request.nodeCount,
    ...(request.vmSize ? { vmSize: request.vmSize } : {}),
    maxPods: request.maxPods ?? policy.network.defaultMaxPods,
    acnsObservability: request.acnsObservability ?? false,
    podCidr: request.podCidr ?? policy.network.podCidr,
    serviceCidr: request.serviceCidr ?? policy.network.serviceCidr,
    dnsServiceIp: request.dnsServiceIp ?? policy.network.dnsServiceIp,
  };
}

function networkRequest(
  cluster: PoolPlan['cluster'],
  vnet: { name: string; addressSpace: string[] },
  nodeSubnet: { name: string; cidr?: string },
): NetworkRequestInput {
  return {
    cluster: {
      name: cluster.name ?? PLACEHOLDER_NAME,
      resourceGroup: cluster.resourceGroup ?? PLACEHOLDER_RESOURCE_GROUP,
      location: cluster.region,
      ...(cluster.kubernetesVersion
        ? { kubernetesVersion: cluster.kubernetesVersion }
        : {}),
    },
    network: {
      // Unknown names pass through: common's rules name the field and the choices.
      model: cluster.networkModel,
      dataplane: cluster.networkDataplane,
      podCidr: cluster.podCidr,
      serviceCidr: cluster.serviceCidr,
      dnsServiceIp: cluster.dnsServiceIp,
      vnet,
      nodeSubnet,
    },
    nodePools: [
      {
        name: cluster.nodePoolName,
        mode: 'System',
        count: cluster.nodeCount,
        maxPods: cluster.maxPods,
        ...(cluster.vmSize ? { vmSize: cluster.vmSize } : {}),
      },
    ],
  };
}

function named(
  findings: NetworkFinding[],
  given: { name: boolean; resourceGroup: boolean },
): PlanFinding[] {
  return findings
    .map(finding => ({
      field: requestFieldOf(finding.field),
      severity: finding.severity,
      rule: finding.rule,
      message: withRequestFieldNames(finding.message),
    }))
    .filter(
      finding =>
        (given.name || finding.field !== 'name') &&
        (given.resourceGroup || finding.field !== 'resourceGroup'),
    );
}

function unique(findings: PlanFinding[]): PlanFinding[] {
  const seen = new Set<string>();
  return findings.filter(finding => {
    const key = `${finding.field}\u0000${finding.rule}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The whole plan of a cluster in an address pool: the organisation's policy, the pool's
 * region, common's network rules against the pool's VNet as Azure has it, the subnet
 * the pool would hand out now, and the capacity and cost figures. Every problem is a
 * finding naming the request field; nothing is reserved or written.
 */
export async function planInPool(input: PlanInPoolInput): Promise<PoolPlan> {
  const { pool, request, policy, vnet } = input;
  const cluster = withDefaults(request, pool, policy);
  const given = {
    name: Boolean(request.name),
    resourceGroup: Boolean(request.resourceGroup),
  };
  const findings: PlanFinding[] = clusterPolicyFindings(cluster, policy);
  if (cluster.region.toLowerCase() !== pool.region.toLowerCase()) {
    findings.push({
      field: 'addressPoolId',
      severity: 'error',
      rule: 'pool-region',
      message: `pool '${pool.id}' is in ${pool.region}, the cluster in ${cluster.region}; a node subnet must be in the cluster's region`,
    });
  }
  const addressSpace = vnet.ok ? vnet.addressSpace : null;
  if (!vnet.ok) {
    findings.push({
      field: 'addressPoolId',
      severity: 'error',
      rule: 'pool-vnet-unread',
      message: `the VNet ${pool.vnetName} of pool '${pool.id}' could not be read, so the subnet it would give cannot be told: ${vnet.error}`,
    });
  }
  const subnetName = nodeSubnetName(cluster.name ?? PLACEHOLDER_NAME);
  const vnetForRules = {
    name: pool.vnetName,
    addressSpace: addressSpace ?? [pool.range],
  };

  // First pass without the subnet: sizes it (docs/domain.md#pod-cidr-capacity: overlay takes one IP per node
  // and per surge node; Azure keeps 5 per subnet).
  const first = validateNetworkRequest(
    networkRequest(cluster, vnetForRules, { name: subnetName }),
  );
  let plan: NetworkPlan | undefined = first.plan;
  let networkFindings = first.findings;
  let nodeSubnet: PoolPlan['nodeSubnet'] = null;
  const smallestPrefix = first.plan?.nodeSubnet.smallestPrefix;

  if (vnet.ok && smallestPrefix !== undefined) {
    // The pool's prefix (a /27 by default) unless the nodes need a bigger subnet.
    const prefix = Math.min(pool.subnetPrefix, smallestPrefix);
    let next: { cidr: string; prefix: number } | undefined;
    try {
      next = await input.previewSubnet(prefix, vnet.subnetPrefixes);
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        throw error;
      }
      findings.push({
        field: 'addressPoolId',
        severity: 'error',
        rule: 'pool-exhausted',
        message: error.message,
      });
    }
    if (next) {
      // Second pass with the subnet: overlaps with the VNet and the subnet's fit.
      const second = validateNetworkRequest(
        networkRequest(cluster, vnetForRules, {
          name: subnetName,
          cidr: next.cidr,
        }),
      );
      networkFindings = second.findings;
      plan = second.plan ?? plan;
      const parsed = parseCidr(next.cidr);
      if (parsed.ok && plan) {
        nodeSubnet = {
          name: subnetName,
          cidr: next.cidr,
          prefix: next.prefix,
          usableIps: Number(azureUsableAddresses(parsed.cidr)),
          maxNodes: maxNodesInSubnet(cluster.networkModel, parsed.cidr, {
            maxSurge: plan.surgeNodes,
            maxPods: cluster.maxPods,
          }),
        };
      }
    }
  }
  findings.push(...named(networkFindings, given));
  const all = unique(findings);
  return {
    poolId: pool.id,
    valid: !all.some(finding => finding.severity === 'error'),
    cluster,
    pool: toApiAddressPool(pool),
    vnet: { name: pool.vnetName, addressSpace },
    nodeSubnet,
    surgeNodes: plan?.surgeNodes ?? 0,
    podCidr: plan?.podCidr
      ? { cidr: plan.podCidr.cidr, maxNodes: plan.podCidr.nodes }
      : null,
    podCapacity: plan?.podCapacity ?? 0,
    vnetIpsSavedVsFlat: plan?.overlaySavings.ipsSaved ?? 0,
    acnsMonthlyCostUsd: plan?.acnsMonthlyCostUsd ?? 0,
    findings: all,
  };
}
