import {
  Cidr,
  azureUsableAddresses,
  formatCidr,
  smallestAzureSubnetPrefix,
} from '../cidr';
import { NetworkModel } from '../model';
import { NodePoolSizing } from './NodePoolSizing';

/**
 * Node-subnet IPs one node takes. Flat Azure CNI puts the node and each of its pods on
 * the node subnet (docs/domain.md#flat-node-subnet: "(n + surge) + (n + surge) × maxPods"); overlay takes one IP
 * per node (docs/domain.md#pod-cidr-capacity: "each node takes one node-subnet IP"); pod subnet puts pods on
 * another subnet; kubenet and BYO CNI give pods non-VNet IPs.
 *
 * @public
 */
export function nodeSubnetIpsPerNode(
  model: NetworkModel,
  maxPods: number,
): number {
  return model === 'azure-cni-node-subnet' ? 1 + maxPods : 1;
}

/**
 * Node-subnet IPs a cluster needs: every node and every surge node of every pool, times
 * the IPs per node of the model, plus extra IPs (internal load balancers, private
 * endpoints) placed on the same subnet. 50 nodes, surge 1, maxPods 30 flat → 1,581.
 *
 * @public
 */
export function nodeSubnetIpsNeeded(
  model: NetworkModel,
  pools: readonly NodePoolSizing[],
  extraIps: number = 0,
): number {
  return (
    pools.reduce(
      (sum, pool) =>
        sum +
        (pool.nodeCount + pool.maxSurge) *
          nodeSubnetIpsPerNode(model, pool.maxPods),
      0,
    ) + extraIps
  );
}

/**
 * The largest node count a subnet holds for one pool, keeping room for its surge nodes
 * and the extra IPs. Not capped at the cluster's 5,000 nodes: this is the subnet's limit.
 *
 * @public
 */
export function maxNodesInSubnet(
  model: NetworkModel,
  subnet: Cidr,
  pool: { maxSurge: number; maxPods: number; extraIps?: number },
): number {
  const usable = Number(azureUsableAddresses(subnet)) - (pool.extraIps ?? 0);
  const nodesWithSurge = Math.floor(
    usable / nodeSubnetIpsPerNode(model, pool.maxPods),
  );
  return Math.max(0, nodesWithSurge - pool.maxSurge);
}

/**
 * How a subnet given in the request measures up.
 *
 * @public
 */
export interface NodeSubnetFit {
  cidr: string;
  /** IPs left after Azure's 5 reserved ones. */
  usableIps: number;
  fits: boolean;
}

/**
 * What the node subnet must hold.
 *
 * @public
 */
export interface NodeSubnetPlan {
  ipsNeeded: number;
  /** Longest Azure IPv4 prefix with that many usable IPs; undefined if none is big enough. */
  smallestPrefix?: number;
  /** The given subnet, when the request names one. */
  subnet?: NodeSubnetFit;
}

/**
 * Sizes the node subnet for the pools, and checks a given subnet against it.
 *
 * @public
 */
export function planNodeSubnet(
  model: NetworkModel,
  pools: readonly NodePoolSizing[],
  extraIps: number = 0,
  subnet?: Cidr,
): NodeSubnetPlan {
  const ipsNeeded = nodeSubnetIpsNeeded(model, pools, extraIps);
  const plan: NodeSubnetPlan = {
    ipsNeeded,
    smallestPrefix: smallestAzureSubnetPrefix('ipv4', ipsNeeded),
  };
  if (subnet) {
    const usableIps = Number(azureUsableAddresses(subnet));
    plan.subnet = {
      cidr: formatCidr(subnet),
      usableIps,
      fits: usableIps >= ipsNeeded,
    };
  }
  return plan;
}
