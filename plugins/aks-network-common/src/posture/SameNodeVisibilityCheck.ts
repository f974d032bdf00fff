import { DOMAIN_FACTS } from '../facts';
import { acnsMonthlyCostUsd } from '../planner';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { currentNodeCount } from './NodeCounts';

/**
 * The way to a model that can see same-node flows, where ACNS cannot run: the
 * organisation offers a new overlay cluster (docs/domain.md#supported-models: "offers a new overlay cluster as
 * the way off flat"), on which ACNS observability can then be turned on.
 */
const WAY_TO_OVERLAY =
  'Request a new Azure CNI Overlay cluster and move the workloads; ACNS observability can run there.';

/**
 * Same-node pod-to-pod traffic visible. Traffic between two pods on one node goes
 * through the node's own bridge and never reaches the VNet, so no VNet or NSG flow log
 * sees it under any model: only ACNS observability (Hubble, on the node) does (docs/domain.md#acns:
 * "pod-to-pod traffic on the same node is invisible unless … ACNS observability is on").
 *
 * Decision for flat Azure CNI: pod IPs are VNet IPs, so flow logs do show pods for
 * traffic that crosses the VNet, but same-node traffic still never crosses it. The check
 * therefore fails without ACNS for flat clusters too, and says that cross-node pod
 * traffic is visible. kubenet cannot run ACNS, so it fails and the remediation is the
 * way to overlay, with no ACNS cost; a BYO CNI may have its own tooling, which Azure
 * does not show, so it is unknown, as is a model that could not be told.
 */
export function sameNodeVisibilityCheck(
  context: PostureContext,
): PostureFinding {
  const { acns } = context.cluster.addons;
  const base = {
    id: 'same-node-pod-to-pod-visible',
    fact: DOMAIN_FACTS.acns,
  };
  const cost = acnsMonthlyCostUsd(currentNodeCount(context.cluster));
  const enableAcns = `Enable ACNS with observability (az aks update --enable-acns) for about $${cost.toFixed(
    2,
  )} a month at the current node count.`;

  if (acns.enabled && acns.observability) {
    return {
      ...base,
      status: 'pass',
      title: 'Same-node pod-to-pod traffic is visible',
      detail: 'ACNS observability is on: Hubble sees pod flows on each node.',
      remediation: '',
    };
  }
  const off = acns.enabled
    ? 'ACNS is on but its observability is off'
    : 'ACNS observability is off';
  switch (context.model) {
    case 'azure-cni-overlay':
    case 'azure-cni-pod-subnet':
      return {
        ...base,
        status: 'fail',
        title: 'Same-node pod-to-pod traffic is invisible',
        detail: `${off}; flow logs cannot see traffic that stays on a node${
          context.model === 'azure-cni-overlay'
            ? ', and they see only node IPs'
            : ''
        }.`,
        remediation: enableAcns,
      };
    case 'azure-cni-node-subnet':
      return {
        ...base,
        status: 'fail',
        title: 'Same-node pod-to-pod traffic is invisible',
        detail: `${off}. Pod IPs are VNet IPs, so flow logs show pods for traffic between nodes, but traffic between pods on the same node never crosses the VNet.`,
        remediation: enableAcns,
      };
    case 'kubenet':
      return {
        ...base,
        status: 'fail',
        title: 'Same-node pod-to-pod traffic is invisible',
        detail:
          'kubenet cannot run ACNS, and flow logs cannot see traffic that stays on a node.',
        remediation: WAY_TO_OVERLAY,
      };
    default:
      return {
        ...base,
        fact: `${base.fact} ${DOMAIN_FACTS.verdictNeedsData}`,
        status: 'unknown',
        title: 'Whether same-node pod-to-pod traffic is visible is unknown',
        detail:
          context.model === 'byo-cni'
            ? 'The cluster brings its own CNI, which cannot run ACNS; whether it records same-node flows is up to that CNI, and Azure does not show it.'
            : `The network model is unknown (${
                context.classification.known
                  ? ''
                  : context.classification.reason
              }).`,
        remediation: `Record how the CNI observes same-node flows (Tetragon, or a service mesh such as linkerd), or: ${WAY_TO_OVERLAY}`,
      };
  }
}
