import { ClusterRecord } from '../cluster';
import { acnsMonthlyCostUsd } from '../planner';
import { acnsCostCheck } from './AcnsCostCheck';
import { addressExhaustionChecks } from './AddressExhaustionCheck';
import { communicationHistoryCheck } from './CommunicationHistoryCheck';
import { inPlaceMigrationCheck } from './InPlaceMigrationCheck';
import { kubenetRetirementCheck } from './KubenetRetirementCheck';
import { currentNodeCount } from './NodeCounts';
import { overlayNsgCheck } from './OverlayNsgCheck';
import { postureContext } from './PostureContext';
import { ClusterPosture, PostureFinding } from './PostureFinding';
import { sameNodeVisibilityCheck } from './SameNodeVisibilityCheck';
import { trafficMonitoringCheck } from './TrafficMonitoringCheck';

/**
 * Options of {@link assessClusterPosture}.
 *
 * @public
 */
export interface PostureOptions {
  /** The moment to judge retirement dates at; default (and for an invalid date) now. */
  now?: Date;
}

/**
 * Network posture of one cluster: the three checks security wants (egress/ingress
 * monitored, same-node pod-to-pod visible, history kept) always, then IP exhaustion per
 * node subnet and pod CIDR, overlay NSG rules, the in-place migration path of flat
 * clusters, kubenet retirement and the ACNS cost. Checks that do not apply to the
 * cluster's model are left out rather than passed. Pure: reads the record only.
 *
 * Summary: `egressIngressMonitored` and `historyKept` hold while their check is not
 * `fail` (a warning there means "works, but on retiring NSG flow logs");
 * `samePodToPodVisible` holds only on `pass` (a warning there means it cannot be shown).
 *
 * @public
 */
export function assessClusterPosture(
  cluster: ClusterRecord,
  options: PostureOptions = {},
): ClusterPosture {
  const now =
    options.now && !Number.isNaN(options.now.getTime())
      ? options.now
      : new Date();
  const context = postureContext(cluster, now);
  const traffic = trafficMonitoringCheck(context);
  const sameNode = sameNodeVisibilityCheck(context);
  const history = communicationHistoryCheck(context);
  const optional = [
    overlayNsgCheck(context),
    inPlaceMigrationCheck(context),
    kubenetRetirementCheck(context),
  ].filter((finding): finding is PostureFinding => finding !== undefined);
  return {
    clusterId: cluster.id,
    classification: context.classification,
    findings: [
      traffic,
      sameNode,
      history,
      ...addressExhaustionChecks(context),
      ...optional,
      acnsCostCheck(context),
    ],
    summary: {
      egressIngressMonitored: traffic.status !== 'fail',
      samePodToPodVisible: sameNode.status === 'pass',
      historyKept: history.status !== 'fail',
    },
    acnsMonthlyCostUsd: acnsMonthlyCostUsd(currentNodeCount(cluster)),
  };
}
