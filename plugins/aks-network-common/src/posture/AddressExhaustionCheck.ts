import { azureUsableAddresses, parseCidr } from '../cidr';
import {
  ClusterRecord,
  NodePoolRecord,
  NodeSubnetRecord,
  sameArmId,
} from '../cluster';
import { DEFAULT_MAX_SURGE_NODES, DESIGN_FACTS } from '../facts';
import { NetworkModel, usesPodCidr } from '../model';
import {
  nodeSubnetIpsPerNode,
  podCidrNodeCapacity,
  resolveMaxSurge,
} from '../planner';
import { PostureContext } from './PostureContext';
import { PostureFinding, PostureStatus } from './PostureFinding';

/**
 * Share of a range's capacity in use (surge included) from which the plugin warns.
 * A policy choice of this plugin, not an Azure limit: at 80% an upgrade still fits but
 * little growth does.
 *
 * @public
 */
export const ADDRESS_EXHAUSTION_WARN_RATIO = 0.8;

function surgeNodes(pool: NodePoolRecord): number {
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

const STATUS_WORDS: Record<PostureStatus, string> = {
  fail: 'is exhausted: an upgrade would not fit',
  warn: 'is nearly exhausted',
  pass: 'has room',
};

/** Fail when an upgrade would not fit, warn from the warn ratio. */
function statusFor(needed: number, capacity: number): PostureStatus {
  if (needed > capacity) {
    return 'fail';
  }
  return needed >= capacity * ADDRESS_EXHAUSTION_WARN_RATIO ? 'warn' : 'pass';
}

function subnetCheck(
  cluster: ClusterRecord,
  subnet: NodeSubnetRecord,
  model: NetworkModel | undefined,
): PostureFinding {
  const base = {
    id: 'node-subnet-exhaustion',
    fact: `${DESIGN_FACTS.flatNodeSubnet} ${DESIGN_FACTS.azureReservedPerSubnet} ${DESIGN_FACTS.subnetUsage}`,
    resourceId: subnet.id,
  };
  const parsed = parseCidr(subnet.addressPrefix);
  const usable =
    subnet.ipLimit ??
    (parsed.ok ? Number(azureUsableAddresses(parsed.cidr)) : undefined);
  if (subnet.ipUsed === undefined || usable === undefined) {
    return {
      ...base,
      status: 'warn',
      title: `IP use of ${subnet.name} is unknown`,
      detail: `The VNet usages API gave no ${
        subnet.ipUsed === undefined ? 'usage' : 'limit'
      } for ${subnet.name} (${subnet.addressPrefix}).`,
      remediation:
        'Check that the inventory may read the VNet (Microsoft.Network/virtualNetworks/usages).',
    };
  }
  // An upgrade adds maxSurge nodes per pool, each with its IPs (DESIGN: "Upgrades need
  // n + maxSurge nodes"); flat Azure CNI gives each one 1 + maxPods IPs.
  const pools = poolsOn(cluster, subnet);
  const perNode = (pool: NodePoolRecord) =>
    model ? nodeSubnetIpsPerNode(model, pool.maxPods) : 1;
  const surgeIps = pools.reduce(
    (sum, pool) => sum + surgeNodes(pool) * perNode(pool),
    0,
  );
  const growthIps = pools.reduce(
    (sum, pool) =>
      sum +
      Math.max(0, (pool.maxCount ?? pool.count) - pool.count) * perNode(pool),
    0,
  );
  const needed = subnet.ipUsed + surgeIps;
  const status = statusFor(needed, usable);
  const figures = `${
    subnet.ipUsed
  } of ${usable} usable IPs in use, ${surgeIps} more needed for upgrade surge${
    growthIps > 0
      ? `, ${growthIps} more if the autoscaler reaches its ceiling`
      : ''
  }`;
  const remediation =
    model === 'azure-cni-node-subnet'
      ? 'Migrate to Azure CNI Overlay (pods then take no subnet IPs), lower maxSurge or maxPods, or add a node pool on a new subnet.'
      : 'Add a node pool on a new subnet, or lower maxSurge.';
  if (status === 'pass' && needed + growthIps > usable) {
    return {
      ...base,
      status: 'warn',
      title: `${subnet.name} cannot hold the autoscaler ceiling`,
      detail: `${subnet.name} (${subnet.addressPrefix}): ${figures}.`,
      remediation,
    };
  }
  return {
    ...base,
    status,
    title: `${subnet.name} ${STATUS_WORDS[status]}`,
    detail: `${subnet.name} (${subnet.addressPrefix}): ${figures}.`,
    remediation: status === 'pass' ? '' : remediation,
  };
}

function podCidrCheck(cluster: ClusterRecord): PostureFinding | undefined {
  const text =
    cluster.networkProfile.podCidr ??
    cluster.networkProfile.podCidrs?.find(cidr => !cidr.includes(':'));
  const parsed = text === undefined ? undefined : parseCidr(text);
  const capacity = parsed?.ok ? podCidrNodeCapacity(parsed.cidr) : undefined;
  if (text === undefined || capacity === undefined) {
    return undefined;
  }
  const nodes = cluster.nodePools.reduce(
    (sum, pool) => sum + Math.max(0, pool.count),
    0,
  );
  const surge = cluster.nodePools.reduce(
    (sum, pool) => sum + surgeNodes(pool),
    0,
  );
  const status = statusFor(nodes + surge, capacity);
  return {
    id: 'pod-cidr-exhaustion',
    status,
    title: `Pod CIDR ${text} ${STATUS_WORDS[status]}`,
    detail: `${nodes} nodes + ${surge} surge of ${capacity} nodes the pod CIDR holds (one /24 per node).`,
    fact: DESIGN_FACTS.overlayNodeIps,
    remediation:
      status === 'pass'
        ? ''
        : 'Lower maxSurge or the node count, or plan the next cluster with a larger pod CIDR.',
  };
}

/**
 * IP exhaustion: one finding per node subnet (IPs in use from the usages API plus the IPs
 * an upgrade's surge nodes take, against the usable IPs), and one for the pod CIDR of
 * overlay and kubenet clusters (nodes + surge against its /24-per-node capacity).
 */
export function addressExhaustionChecks(
  context: PostureContext,
): PostureFinding[] {
  const findings = context.cluster.nodeSubnets.map(subnet =>
    subnetCheck(context.cluster, subnet, context.model),
  );
  if (context.model && usesPodCidr(context.model)) {
    const pod = podCidrCheck(context.cluster);
    if (pod) {
      findings.push(pod);
    }
  }
  return findings;
}
