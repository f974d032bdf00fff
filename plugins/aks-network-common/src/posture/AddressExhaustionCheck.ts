import { ClusterRecord, NodeSubnetRecord } from '../cluster';
import { DESIGN_FACTS } from '../facts';
import { NetworkModel } from '../model';
import { nodeSubnetUse, podCidrUse } from './NetworkUse';
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
  const { used, usable, surgeIps, growthIps } = nodeSubnetUse(
    cluster,
    subnet,
    model,
  );
  if (used === undefined || usable === undefined) {
    return {
      ...base,
      status: 'warn',
      title: `IP use of ${subnet.name} is unknown`,
      detail: `The VNet usages API gave no ${
        used === undefined ? 'usage' : 'limit'
      } for ${subnet.name} (${subnet.addressPrefix}).`,
      remediation:
        'Check that the inventory may read the VNet (Microsoft.Network/virtualNetworks/usages).',
    };
  }
  // An upgrade adds maxSurge nodes per pool, each with its IPs (DESIGN: "Upgrades need
  // n + maxSurge nodes"); flat Azure CNI gives each one 1 + maxPods IPs.
  const needed = used + surgeIps;
  const status = statusFor(needed, usable);
  const figures = `${used} of ${usable} usable IPs in use, ${surgeIps} more needed for upgrade surge${
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

function podCidrCheck(
  cluster: ClusterRecord,
  model: NetworkModel,
): PostureFinding | undefined {
  const use = podCidrUse(cluster, model);
  if (!use) {
    return undefined;
  }
  const { cidr: text, capacityNodes: capacity, nodes, surgeNodes: surge } = use;
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
  if (context.model) {
    const pod = podCidrCheck(context.cluster, context.model);
    if (pod) {
      findings.push(pod);
    }
  }
  return findings;
}
