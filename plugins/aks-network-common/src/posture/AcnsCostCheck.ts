import {
  ACNS_USD_PER_NODE_HOUR,
  DESIGN_FACTS,
  HOURS_PER_MONTH,
} from '../facts';
import { acnsMonthlyCostUsd } from '../planner';
import { ceilingNodeCount, currentNodeCount } from './NodeCounts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';

function enableAcns(context: PostureContext): string {
  // ACNS runs on Azure CNI only.
  if (context.model === 'kubenet' || context.model === 'byo-cni') {
    return 'ACNS needs Azure CNI: move to Azure CNI Overlay first.';
  }
  return 'Enable ACNS with observability to see same-node pod traffic.';
}

/**
 * Monthly ACNS cost for the cluster's nodes (DESIGN: "$0.025 per node per hour"; 730 h a
 * month): what the cluster pays when ACNS is on (pass), or what closing the visibility
 * gap would cost when it is off (warn).
 */
export function acnsCostCheck(context: PostureContext): PostureFinding {
  const { cluster } = context;
  const nodes = currentNodeCount(cluster);
  const ceiling = ceilingNodeCount(cluster);
  const cost = acnsMonthlyCostUsd(nodes);
  const figures = `${nodes} node${
    nodes === 1 ? '' : 's'
  } × $${ACNS_USD_PER_NODE_HOUR} × ${HOURS_PER_MONTH} h = $${cost.toFixed(
    2,
  )} a month${
    ceiling > nodes
      ? ` (up to $${acnsMonthlyCostUsd(ceiling).toFixed(
          2,
        )} at the autoscaler ceiling of ${ceiling} nodes)`
      : ''
  }`;
  const enabled = cluster.addons.acns.enabled;
  return {
    id: 'acns-monthly-cost',
    status: enabled ? 'pass' : 'warn',
    title: enabled
      ? `ACNS costs $${cost.toFixed(2)} a month`
      : `ACNS would cost $${cost.toFixed(2)} a month`,
    detail: enabled
      ? `ACNS is on: ${figures}.`
      : `ACNS is off; turning it on costs ${figures}.`,
    fact: DESIGN_FACTS.acns,
    remediation: enabled ? '' : enableAcns(context),
  };
}
