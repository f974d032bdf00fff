import {
  armResourceName,
  ClusterRecord,
  NodeSubnetRecord,
  sameArmId,
  vnetIdOfSubnet,
} from '../cluster';
import { DOMAIN_FACTS } from '../facts';
import { NetworkModel } from '../model';
import {
  NodeSubnetUse,
  nodeSubnetUse,
  podCidrUse,
  podSubnetUse,
} from './NetworkUse';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { unknownVerdict } from './UnknownVerdict';

/**
 * Share of a range's capacity in use (surge included) from which the plugin warns.
 * A policy choice of this plugin, not an Azure limit: at 80% an upgrade still fits but
 * little growth does.
 *
 * @public
 */
export const ADDRESS_EXHAUSTION_WARN_RATIO = 0.8;

type CapacityStatus = 'pass' | 'warn' | 'fail';

const STATUS_WORDS: Record<CapacityStatus, string> = {
  fail: 'is exhausted: an upgrade would not fit',
  warn: 'is nearly exhausted',
  pass: 'has room',
};

/** Fail when an upgrade would not fit, warn from the warn ratio. */
function statusFor(needed: number, capacity: number): CapacityStatus {
  if (needed > capacity) {
    return 'fail';
  }
  return needed >= capacity * ADDRESS_EXHAUSTION_WARN_RATIO ? 'warn' : 'pass';
}

/** The finding id and words of each subnet role. */
const ROLES = {
  node: { id: 'node-subnet-exhaustion', noun: 'node subnet', takes: 'node' },
  pod: { id: 'pod-subnet-exhaustion', noun: 'pod subnet', takes: 'pod' },
} as const;

function subnetCheck(
  context: PostureContext,
  subnet: NodeSubnetRecord,
  use: NodeSubnetUse,
): PostureFinding {
  const role = ROLES[use.role];
  const base = {
    id: role.id,
    fact: `${DOMAIN_FACTS.flatNodeSubnet} ${DOMAIN_FACTS.azureReservedPerSubnet} ${DOMAIN_FACTS.subnetUsage} ${DOMAIN_FACTS.usagesLimit}`,
    resourceId: subnet.id,
  };
  const { used, usable, surgeIps, growthIps } = use;
  if (used === undefined || usable === undefined) {
    const usagesUnread = context
      .unread('subnetUsage')
      .filter(entry => sameArmId(entry.resourceId, vnetIdOfSubnet(subnet.id)));
    if (usagesUnread.length > 0) {
      return unknownVerdict(
        base,
        `IP use of ${subnet.name} is unknown`,
        usagesUnread,
      );
    }
    return {
      ...base,
      fact: `${base.fact} ${DOMAIN_FACTS.verdictNeedsData}`,
      status: 'unknown',
      title: `IP use of ${subnet.name} is unknown`,
      detail: `The VNet usages API gave no ${
        used === undefined ? 'usage' : 'limit'
      } for ${subnet.name} (${subnet.addressPrefix}).`,
      remediation:
        'Check that the inventory may read the VNet (Microsoft.Network/virtualNetworks/usages).',
    };
  }
  // An upgrade adds maxSurge nodes per pool, each with its IPs (docs/domain.md#flat-node-subnet: "Upgrades need
  // n + maxSurge nodes"); flat Azure CNI gives each one 1 + maxPods IPs, a pod subnet
  // maxPods.
  const needed = used + surgeIps;
  const status = statusFor(needed, usable);
  const figures = `${used} of ${usable} usable IPs in use, ${surgeIps} more needed for upgrade surge${
    growthIps > 0
      ? `, ${growthIps} more if the autoscaler reaches its ceiling`
      : ''
  }`;
  let remediation = 'Add a node pool on a new subnet, or lower maxSurge.';
  if (use.role === 'pod') {
    remediation =
      'Migrate to Azure CNI Overlay (pods then take no VNet IPs), lower maxPods or maxSurge, or give new pools a larger pod subnet.';
  } else if (context.model === 'azure-cni-node-subnet') {
    remediation =
      'Migrate to Azure CNI Overlay (pods then take no subnet IPs), lower maxSurge or maxPods, or add a node pool on a new subnet.';
  }
  const detail = `${subnet.name} (${subnet.addressPrefix}, ${role.noun}): ${figures}.`;
  if (status === 'pass' && needed + growthIps > usable) {
    return {
      ...base,
      status: 'warn',
      title: `${subnet.name} cannot hold the autoscaler ceiling`,
      detail,
      remediation,
    };
  }
  return {
    ...base,
    status,
    title: `${subnet.name} ${STATUS_WORDS[status]}`,
    detail,
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
    fact: DOMAIN_FACTS.overlayNodeIps,
    remediation:
      status === 'pass'
        ? ''
        : 'Lower maxSurge or the node count, or plan the next cluster with a larger pod CIDR.',
  };
}

/**
 * IP exhaustion: one finding per node subnet (IPs in use from the usages API plus the IPs
 * an upgrade's surge nodes take, against the usable IPs), one per pod subnet of an
 * Azure CNI pod-subnet cluster (maxPods IPs per node), and one for the pod CIDR of
 * overlay and kubenet clusters (nodes + surge against its /24-per-node capacity). A
 * subnet that could not be read, or whose IP use was not read, is unknown.
 */
export function addressExhaustionChecks(
  context: PostureContext,
): PostureFinding[] {
  const { cluster, model } = context;
  const findings = [
    ...cluster.nodeSubnets.map(subnet =>
      subnetCheck(context, subnet, nodeSubnetUse(cluster, subnet, model)),
    ),
    ...context.unreadNodeSubnets.map(entry =>
      unknownVerdict(
        {
          id: ROLES.node.id,
          fact: DOMAIN_FACTS.subnetUsage,
          resourceId: entry.resourceId,
        },
        `IP use of ${armResourceName(entry.resourceId)} is unknown`,
        [entry],
      ),
    ),
    ...(cluster.podSubnets ?? []).map(subnet =>
      subnetCheck(context, subnet, podSubnetUse(cluster, subnet)),
    ),
    ...context.unreadPodSubnets.map(entry =>
      unknownVerdict(
        {
          id: ROLES.pod.id,
          fact: DOMAIN_FACTS.subnetUsage,
          resourceId: entry.resourceId,
        },
        `IP use of ${armResourceName(entry.resourceId)} is unknown`,
        [entry],
      ),
    ),
  ];
  if (
    cluster.nodeSubnets.length === 0 &&
    context.unreadNodeSubnets.length === 0 &&
    context.unread('vnet').length > 0
  ) {
    // No subnet is known because the VNet was not read (an AKS-managed VNet).
    findings.push(
      unknownVerdict(
        { id: ROLES.node.id, fact: DOMAIN_FACTS.subnetUsage },
        'IP use of the node subnet is unknown',
        context.unread('vnet'),
      ),
    );
  }
  if (model) {
    const pod = podCidrCheck(cluster, model);
    if (pod) {
      findings.push(pod);
    }
  }
  return findings;
}
