import { ClusterRecord } from '../cluster';
import { classifyClusterRecord } from '../model';
import { overlayVnetSavings } from '../planner';
import { currentNodeCount } from './NodeCounts';
import {
  NodeSubnetUse,
  nodeSubnetUse,
  PodCidrUse,
  podCidrUse,
  podSubnetUse,
  poolSurgeNodes,
} from './NetworkUse';
import { acnsRunsOn } from './PostureContext';
import { ClusterPosture, PostureStatus } from './PostureFinding';

/**
 * The status of each of the three checks security wants, as the fleet table shows
 * them (the finding's own status, so a warning stays a warning).
 *
 * @public
 */
export interface PostureCheckStatuses {
  egressIngressMonitored: PostureStatus;
  samePodToPodVisible: PostureStatus;
  historyKept: PostureStatus;
}

/**
 * What the fleet view shows of one cluster, derived once from its record and posture
 * so that a fleet of thousands is sorted and summed without reassessing every cluster.
 *
 * @public
 */
export interface ClusterFleetFigures {
  nodeCount: number;
  nodeSubnets: NodeSubnetUse[];
  /** Pod subnets of an Azure CNI pod-subnet cluster; empty for the other models. */
  podSubnets: NodeSubnetUse[];
  /**
   * The fullest node or pod subnet's (used + surge) / usable; undefined when no subnet's
   * use is known. Above 1 an upgrade would not fit.
   */
  nodeSubnetUseRatio?: number;
  podCidr?: PodCidrUse;
  checks: PostureCheckStatuses;
  /**
   * Azure's own status of the checks a declared control turned into a warning
   * (`PostureFinding.azureStatus`); absent when no declaration changed one, so a row
   * without declarations is stored as before.
   */
  azureChecks?: Partial<PostureCheckStatuses>;
  /**
   * ACNS for the current nodes, per month (docs/domain.md#acns: $0.025 per node per hour); null where
   * ACNS cannot run.
   */
  acnsMonthlyCostUsd: number | null;
  /** ACNS observability is on. */
  acnsObservability: boolean;
  /** ACNS can run on the cluster's model (Azure CNI; not kubenet, not a BYO CNI). */
  acnsAvailable: boolean;
  /**
   * Node-subnet IPs this overlay cluster saves against the same pools on flat Azure
   * CNI (docs/domain.md#flat-node-subnet: flat needs "(n + surge) + (n + surge) × maxPods"); 0 for other models.
   */
  vnetIpsSavedVsFlat: number;
  /** Technology with a retirement date the cluster still relies on. */
  retiring: {
    /** docs/domain.md#kubenet-retirement: "kubenet (retires 2028-03-31)". */
    kubenet: boolean;
    /** docs/domain.md#nsg-flow-logs: NSG flow logs "retired 2027-09-30". */
    nsgFlowLogs: boolean;
  };
}

/**
 * The finding id of each of the three checks security wants, in the order the cards
 * show them.
 *
 * @public
 */
export const SECURITY_CHECK_FINDING_IDS: Readonly<
  Record<keyof PostureCheckStatuses, string>
> = {
  egressIngressMonitored: 'egress-ingress-monitored',
  samePodToPodVisible: 'same-node-pod-to-pod-visible',
  historyKept: 'communication-history-kept',
};

/**
 * Whether a security check holds, from its status: egress/ingress monitoring and the
 * history hold while not failed (a warning there works, on retiring NSG flow logs),
 * same-node visibility only on a pass; null when unknown (DOMAIN_FACTS.verdictNeedsData).
 * What the posture summary says, and what owners are notified of.
 *
 * @public
 */
export function securityCheckHolds(
  check: keyof PostureCheckStatuses,
  status: PostureStatus,
): boolean | null {
  if (status === 'unknown') {
    return null;
  }
  return check === 'samePodToPodVisible'
    ? status === 'pass'
    : status !== 'fail';
}

/**
 * The fullest of the subnets whose use Azure gave, with its (used + surge) / usable;
 * undefined when no subnet's use is known. What `nodeSubnetUseRatio` is, and what the
 * owners' notifications name.
 *
 * @public
 */
export function fullestSubnetUse(
  uses: readonly NodeSubnetUse[],
): { use: NodeSubnetUse; ratio: number } | undefined {
  let fullest: { use: NodeSubnetUse; ratio: number } | undefined;
  for (const use of uses) {
    if (use.used === undefined || !use.usable) {
      continue;
    }
    const ratio = (use.used + use.surgeIps) / use.usable;
    if (!fullest || ratio > fullest.ratio) {
      fullest = { use, ratio };
    }
  }
  return fullest;
}

/**
 * The fleet figures of a cluster from its record and its posture
 * (`assessClusterPosture`).
 *
 * @public
 */
export function clusterFleetFigures(
  cluster: ClusterRecord,
  posture: ClusterPosture,
): ClusterFleetFigures {
  const classification = classifyClusterRecord(cluster);
  const model = classification.known ? classification.model : undefined;
  const nodeSubnets = cluster.nodeSubnets.map(subnet =>
    nodeSubnetUse(cluster, subnet, model),
  );
  const podSubnets = (cluster.podSubnets ?? []).map(subnet =>
    podSubnetUse(cluster, subnet),
  );
  const findingOf = (key: keyof PostureCheckStatuses) =>
    posture.findings.find(
      finding => finding.id === SECURITY_CHECK_FINDING_IDS[key],
    );
  const statusOf = (key: keyof PostureCheckStatuses): PostureStatus =>
    findingOf(key)?.status ?? 'unknown';
  const azureChecks: Partial<PostureCheckStatuses> = {};
  for (const key of Object.keys(SECURITY_CHECK_FINDING_IDS) as Array<
    keyof PostureCheckStatuses
  >) {
    const azureStatus = findingOf(key)?.azureStatus;
    if (azureStatus) {
      azureChecks[key] = azureStatus;
    }
  }
  const ratio = fullestSubnetUse([...nodeSubnets, ...podSubnets])?.ratio;
  const pod = podCidrUse(cluster, model);
  return {
    nodeCount: currentNodeCount(cluster),
    nodeSubnets,
    podSubnets,
    ...(ratio !== undefined ? { nodeSubnetUseRatio: ratio } : {}),
    ...(pod ? { podCidr: pod } : {}),
    checks: {
      egressIngressMonitored: statusOf('egressIngressMonitored'),
      samePodToPodVisible: statusOf('samePodToPodVisible'),
      historyKept: statusOf('historyKept'),
    },
    ...(Object.keys(azureChecks).length > 0 ? { azureChecks } : {}),
    acnsMonthlyCostUsd: posture.acnsMonthlyCostUsd,
    acnsObservability:
      cluster.addons.acns.enabled && cluster.addons.acns.observability,
    acnsAvailable: acnsRunsOn(model),
    vnetIpsSavedVsFlat:
      model === 'azure-cni-overlay'
        ? overlayVnetSavings(
            cluster.nodePools.map(pool => ({
              nodeCount: Math.max(0, pool.count),
              maxSurge: poolSurgeNodes(pool),
              maxPods: pool.maxPods,
            })),
          ).ipsSaved
        : 0,
    retiring: {
      kubenet: model === 'kubenet',
      nsgFlowLogs: cluster.flowLogs.some(
        log => log.kind === 'nsg' && log.enabled,
      ),
    },
  };
}
