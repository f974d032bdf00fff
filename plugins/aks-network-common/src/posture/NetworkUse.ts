import {
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  azureUsableAddresses,
  parseCidr,
} from '../cidr';
import {
  ClusterRecord,
  NodePoolRecord,
  NodeSubnetRecord,
  sameArmId,
} from '../cluster';
import { DEFAULT_MAX_SURGE_NODES } from '../facts';
import { NetworkModel, usesPodCidr } from '../model';
import {
  nodeSubnetIpsPerNode,
  podCidrNodeCapacity,
  resolveMaxSurge,
} from '../planner';

/**
 * How full one node subnet is, in the figures the posture check and the cards show.
 * `used` and `usable` are undefined when the VNet usages API gave none (docs/domain.md#subnet-usage: "IP use
 * per subnet comes from the VNet usages API").
 *
 * @public
 */
export interface NodeSubnetUse {
  /**
   * What the pools take from the subnet: `node` IPs (`vnetSubnetID`) or `pod` IPs
   * (`podSubnetID`, Azure CNI pod subnet: every pod takes one, maxPods per node).
   */
  role: 'node' | 'pod';
  subnetId: string;
  name: string;
  addressPrefix: string;
  /** IPs in use now. */
  used?: number;
  /**
   * IPs a cluster may take: the usages limit, or where ARM gives none (or 0 or -1, no
   * capacity: DOMAIN_FACTS.usagesLimit) the prefix's addresses less Azure's reserved ones.
   */
  usable?: number;
  /** Azure keeps 5 IPs of every subnet (docs/domain.md#azure-reserved-ips: "first four, last"). */
  reserved: number;
  /** IPs the surge nodes of an upgrade take (docs/domain.md#flat-node-subnet: "Upgrades need n + maxSurge nodes"). */
  surgeIps: number;
  /** IPs more if every autoscaler reaches its ceiling. */
  growthIps: number;
}

/**
 * How full the pod CIDR of an overlay or kubenet cluster is, in nodes: each node takes
 * a /24 of it (docs/domain.md#pod-cidr-capacity: "a pod CIDR of prefix p holds 2^(24-p) nodes").
 *
 * @public
 */
export interface PodCidrUse {
  cidr: string;
  /** Nodes the pod CIDR holds. */
  capacityNodes: number;
  /** Nodes now. */
  nodes: number;
  /** Nodes an upgrade adds for a while. */
  surgeNodes: number;
}

/** Surge nodes of a pool: its maxSurge, or the plugin's assumption when ARM is silent. */
export function poolSurgeNodes(pool: NodePoolRecord): number {
  return (
    resolveMaxSurge(pool.maxSurge, Math.max(0, pool.count)) ??
    DEFAULT_MAX_SURGE_NODES
  );
}

/** The pools that take node IPs from a subnet; with one subnet, pools that do not say. */
function poolsOn(
  cluster: ClusterRecord,
  subnet: NodeSubnetRecord,
): NodePoolRecord[] {
  return cluster.nodePools.filter(pool =>
    pool.vnetSubnetId === undefined
      ? cluster.nodeSubnets.length === 1
      : sameArmId(pool.vnetSubnetId, subnet.id),
  );
}

/**
 * Usable IPs of a subnet: the usages limit when it is a capacity, else the prefix less
 * Azure's 5 (DOMAIN_FACTS.usagesLimit: ARM answers 0 or -1 for some subnets).
 */
function usableIps(subnet: NodeSubnetRecord): number | undefined {
  if (subnet.ipLimit !== undefined && subnet.ipLimit > 0) {
    return subnet.ipLimit;
  }
  const parsed = parseCidr(subnet.addressPrefix);
  return parsed.ok ? Number(azureUsableAddresses(parsed.cidr)) : undefined;
}

function subnetUse(
  subnet: NodeSubnetRecord,
  role: NodeSubnetUse['role'],
  pools: NodePoolRecord[],
  perNode: (pool: NodePoolRecord) => number,
): NodeSubnetUse {
  return {
    role,
    subnetId: subnet.id,
    name: subnet.name,
    addressPrefix: subnet.addressPrefix,
    used: subnet.ipUsed,
    usable: usableIps(subnet),
    reserved: AZURE_RESERVED_ADDRESSES_PER_SUBNET,
    surgeIps: pools.reduce(
      (sum, pool) => sum + poolSurgeNodes(pool) * perNode(pool),
      0,
    ),
    growthIps: pools.reduce(
      (sum, pool) =>
        sum +
        Math.max(0, (pool.maxCount ?? pool.count) - pool.count) * perNode(pool),
      0,
    ),
  };
}

/**
 * The use of one node subnet: IPs in use (usages API), usable IPs (the usages limit,
 * else the prefix less Azure's 5), and what an upgrade's surge and the autoscaler
 * would add. Flat Azure CNI gives every node 1 + maxPods IPs; the other models one.
 *
 * @public
 */
export function nodeSubnetUse(
  cluster: ClusterRecord,
  subnet: NodeSubnetRecord,
  model: NetworkModel | undefined,
): NodeSubnetUse {
  return subnetUse(subnet, 'node', poolsOn(cluster, subnet), pool =>
    model ? nodeSubnetIpsPerNode(model, pool.maxPods) : 1,
  );
}

/**
 * The use of one pod subnet of an Azure CNI pod-subnet cluster: the pools whose
 * `podSubnetID` it is take maxPods IPs per node from it (docs/domain.md#arm-network-model: "with
 * agentPoolProfiles[].podSubnetID = pod subnet, dynamic"), surge and autoscaler
 * ceiling included, against the same usable IPs as a node subnet.
 *
 * @public
 */
export function podSubnetUse(
  cluster: ClusterRecord,
  subnet: NodeSubnetRecord,
): NodeSubnetUse {
  return subnetUse(
    subnet,
    'pod',
    cluster.nodePools.filter(pool => sameArmId(pool.podSubnetId, subnet.id)),
    pool => pool.maxPods,
  );
}

/**
 * The pod CIDR's use for models that take pod IPs from it (overlay, kubenet); undefined
 * for the others or when the CIDR does not parse.
 *
 * @public
 */
export function podCidrUse(
  cluster: ClusterRecord,
  model: NetworkModel | undefined,
): PodCidrUse | undefined {
  if (!model || !usesPodCidr(model)) {
    return undefined;
  }
  const text =
    cluster.networkProfile.podCidr ??
    cluster.networkProfile.podCidrs?.find(cidr => !cidr.includes(':'));
  const parsed = text === undefined ? undefined : parseCidr(text);
  const capacityNodes = parsed?.ok
    ? podCidrNodeCapacity(parsed.cidr)
    : undefined;
  if (text === undefined || capacityNodes === undefined) {
    return undefined;
  }
  return {
    cidr: text,
    capacityNodes,
    nodes: cluster.nodePools.reduce(
      (sum, pool) => sum + Math.max(0, pool.count),
      0,
    ),
    surgeNodes: cluster.nodePools.reduce(
      (sum, pool) => sum + poolSurgeNodes(pool),
      0,
    ),
  };
}
