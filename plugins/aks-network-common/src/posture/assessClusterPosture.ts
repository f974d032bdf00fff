import { ClusterRecord } from '../cluster';
import { acnsMonthlyCostUsd } from '../planner';
import { acnsCostCheck } from './AcnsCostCheck';
import { securityCheckHolds } from './ClusterFleetFigures';
import { addressExhaustionChecks } from './AddressExhaustionCheck';
import { communicationHistoryCheck } from './CommunicationHistoryCheck';
import { withDeclaredControls } from './DeclaredCoverage';
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
 * `samePodToPodVisible` holds only on `pass`. Each is null when its check is `unknown`:
 * what it needs could not be read (DOMAIN_FACTS.verdictNeedsData). The ACNS cost is
 * left out, and null, where ACNS cannot run.
 *
 * Flow export the cluster declares (`declaredControls`) turns a same-node or history
 * check Azure does not pass into a warning "covered by … (declared)"; the summary is
 * Azure's verdict alone, so a declaration is never counted as verified
 * (docs/domain.md#declared-controls). The traffic check ignores declarations: these
 * tools do not replace VNet flow logs.
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
  const sameNodeShown = withDeclaredControls(
    sameNode,
    cluster,
    'Same-node pod-to-pod traffic',
  );
  const historyShown = withDeclaredControls(
    history,
    cluster,
    'History of communications',
  );
  const optional = [
    overlayNsgCheck(context),
    inPlaceMigrationCheck(context),
    kubenetRetirementCheck(context),
  ].filter((finding): finding is PostureFinding => finding !== undefined);
  const acnsCost = acnsCostCheck(context);
  return {
    clusterId: cluster.id,
    classification: context.classification,
    findings: [
      traffic,
      sameNodeShown,
      historyShown,
      ...addressExhaustionChecks(context),
      ...optional,
      ...(acnsCost ? [acnsCost] : []),
    ],
    // Azure's verdicts, before any declaration.
    summary: {
      egressIngressMonitored: securityCheckHolds(
        'egressIngressMonitored',
        traffic.status,
      ),
      samePodToPodVisible: securityCheckHolds(
        'samePodToPodVisible',
        sameNode.status,
      ),
      historyKept: securityCheckHolds('historyKept', history.status),
    },
    acnsMonthlyCostUsd: context.acnsAvailable
      ? acnsMonthlyCostUsd(currentNodeCount(cluster))
      : null,
  };
}
