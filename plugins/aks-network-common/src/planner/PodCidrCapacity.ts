import { Cidr, formatCidr } from '../cidr';
import { MAX_NODES_PER_CLUSTER, POD_CIDR_PREFIX_PER_NODE } from '../facts';

/**
 * Nodes a pod CIDR can serve: each node takes a fixed /24 (docs/domain.md#pod-cidr-capacity: "a pod CIDR of prefix
 * p holds 2^(24-p) nodes (/16 → 256)"), capped at the cluster maximum of 5,000 nodes.
 * A prefix longer than /24 holds no node. Undefined for IPv6: docs/domain.md#pod-cidr-capacity states the per-node
 * block for IPv4 only.
 *
 * @public
 */
export function podCidrNodeCapacity(podCidr: Cidr): number | undefined {
  if (podCidr.family !== 'ipv4') {
    return undefined;
  }
  if (podCidr.prefix > POD_CIDR_PREFIX_PER_NODE) {
    return 0;
  }
  return Math.min(
    2 ** (POD_CIDR_PREFIX_PER_NODE - podCidr.prefix),
    MAX_NODES_PER_CLUSTER,
  );
}

/**
 * What a pod CIDR holds.
 *
 * @public
 */
export interface PodCidrCapacity {
  cidr: string;
  /** Nodes it serves, surge nodes included (see {@link podCidrNodeCapacity}). */
  nodes: number;
  /** True when the 5,000-node cluster limit, not the CIDR, is what caps `nodes`. */
  cappedByClusterLimit: boolean;
}

/**
 * {@link podCidrNodeCapacity} with the reasoning kept, for IPv4 pod CIDRs.
 *
 * @public
 */
export function describePodCidrCapacity(
  podCidr: Cidr,
): PodCidrCapacity | undefined {
  const nodes = podCidrNodeCapacity(podCidr);
  if (nodes === undefined) {
    return undefined;
  }
  return {
    cidr: formatCidr(podCidr),
    nodes,
    cappedByClusterLimit:
      podCidr.prefix <= POD_CIDR_PREFIX_PER_NODE &&
      2 ** (POD_CIDR_PREFIX_PER_NODE - podCidr.prefix) > MAX_NODES_PER_CLUSTER,
  };
}
