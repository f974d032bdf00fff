import { createHash } from 'node:crypto';
import {
  NetworkDataplane,
  NetworkFinding,
  NetworkModel,
  NetworkPlan,
  NetworkRequestInput,
  validateNetworkRequest,
} from '@aks-network/plugin-aks-network-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import type { ClusterPolicy } from '../config/ClusterPolicy';
import type {
  AddressPool,
  AksNetworkBackendApi,
} from '../backend/AksNetworkBackendApi';
import {
  ClusterInput,
  inputFieldOf,
  withInputFieldNames,
} from './clusterInput';
import { clusterPolicyProblems } from './clusterPolicyRules';

/** Subnet names common accepts (`AzureNameRules`: at most 63 characters). */
const MAX_SUBNET_NAME_LENGTH = 63;

/** A request that passed the policy, common's rules and the pool: what to create. */
export interface ValidatedCluster {
  input: ClusterInput & {
    maxPods: number;
    networkModel: string;
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
    nodePoolName: string;
    acnsObservability: boolean;
  };
  pool: AddressPool;
  nodeSubnet: {
    name: string;
    prefix: number;
    /** The next free subnet at validation time; the reservation may give another. */
    cidr: string;
  };
  networkRequest: NetworkRequestInput;
  plan: NetworkPlan;
  /** Findings of severity `warning`, named by the action's fields. */
  warnings: Array<{ field: string; message: string }>;
}

function withDefaults(input: ClusterInput, policy: ClusterPolicy) {
  return {
    ...input,
    maxPods: input.maxPods ?? policy.network.defaultMaxPods,
    networkModel: input.networkModel ?? 'azure-cni-overlay',
    podCidr: input.podCidr ?? policy.network.podCidr,
    serviceCidr: input.serviceCidr ?? policy.network.serviceCidr,
    dnsServiceIp: input.dnsServiceIp ?? policy.network.dnsServiceIp,
    nodePoolName: input.nodePoolName ?? 'system',
    acnsObservability: input.acnsObservability ?? false,
  };
}

/**
 * The node subnet's name in the pool's VNet: one per cluster. A long cluster name is
 * cut and given a digest of the whole, so two long names sharing a start still get two
 * subnets.
 */
export function nodeSubnetName(clusterName: string): string {
  const plain = `snet-aks-${clusterName}`;
  if (plain.length <= MAX_SUBNET_NAME_LENGTH) {
    return plain;
  }
  const digest = createHash('sha256')
    .update(clusterName.toLowerCase())
    .digest('hex')
    .slice(0, 8);
  const room = MAX_SUBNET_NAME_LENGTH - 'snet-'.length - digest.length - 1;
  return `snet-${clusterName.slice(0, room)}-${digest}`;
}

function networkRequest(
  input: ValidatedCluster['input'],
  vnet: { name?: string; addressSpace: string[] },
  nodeSubnet: { name: string; cidr?: string },
): NetworkRequestInput {
  return {
    cluster: {
      name: input.name,
      resourceGroup: input.resourceGroup,
      location: input.region,
      ...(input.kubernetesVersion
        ? { kubernetesVersion: input.kubernetesVersion }
        : {}),
    },
    network: {
      // Unknown names pass through: common's rules name the field and the choices.
      model: input.networkModel as NetworkModel,
      ...(input.networkDataplane
        ? { dataplane: input.networkDataplane as NetworkDataplane }
        : {}),
      podCidr: input.podCidr,
      serviceCidr: input.serviceCidr,
      dnsServiceIp: input.dnsServiceIp,
      vnet,
      nodeSubnet,
    },
    nodePools: [
      {
        name: input.nodePoolName,
        mode: 'System',
        count: input.nodeCount,
        maxPods: input.maxPods,
        vmSize: input.vmSize,
      },
    ],
  };
}

function named(findings: NetworkFinding[], severity: 'error' | 'warning') {
  return findings
    .filter(f => f.severity === severity)
    .map(f => ({
      field: inputFieldOf(f.field),
      message: withInputFieldNames(f.message),
    }));
}

function fail(problems: string[]): never {
  // One line per problem: common's messages hold semicolons of their own.
  throw new InputError(
    `Invalid cluster request:\n- ${[...new Set(problems)].join('\n- ')}`,
  );
}

/**
 * Checks a cluster request before anything is reserved or created: the policy, the
 * address pool (exists, same region, room left), and common's network rules against
 * the pool's VNet (CIDR syntax and overlaps, reserved ranges, names, maxPods, node
 * subnet size). Every problem is reported at once, each naming the action's field.
 *
 * @throws InputError listing every problem.
 */
export async function validateClusterRequest(
  rawInput: ClusterInput,
  deps: {
    policy: ClusterPolicy;
    backend: AksNetworkBackendApi;
    credentials: BackstageCredentials;
  },
): Promise<ValidatedCluster> {
  const { policy, backend, credentials } = deps;
  const input = withDefaults(rawInput, policy);
  const problems = clusterPolicyProblems(input, policy);

  const pool = await backend.getAddressPool(input.addressPoolId, credentials);
  if (!pool) {
    problems.push(
      `addressPoolId: no address pool '${input.addressPoolId}' in the aks-network backend`,
    );
  } else if (pool.region.toLowerCase() !== input.region.trim().toLowerCase()) {
    problems.push(
      `addressPoolId: pool '${pool.id}' is in ${pool.region}, the cluster in ${input.region}; a node subnet must be in the cluster's region`,
    );
  }

  // First pass without the subnet: sizes it (DESIGN: overlay takes one IP per node
  // and per surge node; Azure keeps 5 per subnet).
  const subnetName = nodeSubnetName(input.name);
  const first = validateNetworkRequest(
    networkRequest(
      input,
      { name: pool?.vnetName, addressSpace: pool ? [pool.range] : [] },
      { name: subnetName },
    ),
  );
  problems.push(
    ...named(first.findings, 'error').map(p => `${p.field}: ${p.message}`),
  );
  const smallestPrefix = first.plan?.nodeSubnet.smallestPrefix;
  if (problems.length > 0 || !pool || smallestPrefix === undefined) {
    fail(problems);
  }

  // The pool's prefix (a /27 by default) unless the pool needs a bigger subnet.
  const prefix = Math.min(pool.subnetPrefix, smallestPrefix);
  let next;
  try {
    next = await backend.nextSubnet(pool.id, prefix, credentials);
  } catch (error) {
    if (error instanceof ResponseError && error.response.status === 409) {
      fail([`addressPoolId: ${error.body.error.message}`]);
    }
    throw error;
  }

  // Second pass with the subnet and the VNet as Azure has them: overlaps with the
  // VNet, peerings and the subnet's fit.
  const request = networkRequest(
    input,
    {
      name: pool.vnetName,
      addressSpace: next.vnetAddressSpace ?? [pool.range],
    },
    { name: subnetName, cidr: next.cidr },
  );
  const second = validateNetworkRequest(request);
  const errors = named(second.findings, 'error');
  if (errors.length > 0 || !second.plan) {
    fail(errors.map(p => `${p.field}: ${p.message}`));
  }
  // The backend's plan route runs the same rules where the inventory lives; its plan
  // is the one reported (it would refuse what this process let through on a skewed
  // version).
  let served: { plan: NetworkPlan; findings: NetworkFinding[] };
  try {
    served = (await backend.plan(request, credentials)) as typeof served;
  } catch (error) {
    if (error instanceof ResponseError && error.response.status === 400) {
      fail([`plan: ${error.body.error.message}`]);
    }
    throw error;
  }
  return {
    input,
    pool,
    nodeSubnet: { name: subnetName, prefix, cidr: next.cidr },
    networkRequest: request,
    plan: served.plan,
    warnings: named(served.findings, 'warning'),
  };
}
