import {
  ACNS_USD_PER_NODE_HOUR,
  DOMAIN_FACTS,
  HOURS_PER_MONTH,
} from '../facts';
import { acnsMonthlyCostUsd } from '../planner';
import { ceilingNodeCount, currentNodeCount } from './NodeCounts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';

/**
 * Monthly ACNS cost for the cluster's nodes (docs/domain.md#acns: "$0.025 per node per hour"; 730 h a
 * month): what the cluster pays when ACNS is on (pass), or what closing the visibility
 * gap would cost when it is off (warn). Left out where ACNS cannot run (kubenet, a BYO
 * CNI, an unknown model): there it is no price of closing the gap.
 */
export function acnsCostCheck(
  context: PostureContext,
): PostureFinding | undefined {
  if (!context.acnsAvailable) {
    return undefined;
  }
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
    fact: DOMAIN_FACTS.acns,
    remediation: enabled
      ? ''
      : 'Enable ACNS with observability (az aks update --enable-acns) to see same-node pod traffic.',
  };
}
