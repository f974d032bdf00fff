import { DESIGN_FACTS } from '../facts';
import { acnsMonthlyCostUsd } from '../planner';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { currentNodeCount } from './NodeCounts';

/**
 * Same-node pod-to-pod traffic visible. Traffic between two pods on one node goes
 * through the node's own bridge and never reaches the VNet, so no VNet or NSG flow log
 * sees it under any model: only ACNS observability (Hubble, on the node) does (DESIGN:
 * "pod-to-pod traffic on the same node is invisible unless … ACNS observability is on").
 *
 * Decision for flat Azure CNI: pod IPs are VNet IPs, so flow logs do show pods for
 * traffic that crosses the VNet, but same-node traffic still never crosses it. The check
 * therefore fails without ACNS for flat clusters too, and says that cross-node pod
 * traffic is visible. kubenet cannot run ACNS; a BYO CNI may have its own tooling, which
 * the plugin cannot see, so it warns.
 */
export function sameNodeVisibilityCheck(
  context: PostureContext,
): PostureFinding {
  const { acns } = context.cluster.addons;
  const base = {
    id: 'same-node-pod-to-pod-visible',
    fact: DESIGN_FACTS.acns,
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
        remediation: `Move the cluster to Azure CNI Overlay, then enable ACNS observability (about $${cost.toFixed(
          2,
        )} a month).`,
      };
    default:
      return {
        ...base,
        status: 'warn',
        title: 'Same-node pod-to-pod visibility cannot be shown',
        detail:
          context.model === 'byo-cni'
            ? 'The cluster brings its own CNI; whether it records same-node flows is up to that CNI.'
            : `The network model is unknown (${
                context.classification.known
                  ? ''
                  : context.classification.reason
              }).`,
        remediation:
          'Record how the CNI observes same-node flows, or use Azure CNI Overlay with ACNS observability.',
      };
  }
}
