import {
  ClusterNetworkPart,
  ClusterRecord,
  FlowLogRecord,
  NodeSubnetRecord,
  sameArmId,
  UnreadClusterPart,
  vnetIdOfSubnet,
} from '../cluster';
import { NSG_FLOW_LOGS_RETIREMENT_DATE } from '../facts';
import {
  NetworkModel,
  NetworkModelClassification,
  classifyClusterRecord,
} from '../model';

/** A node subnet and the flow logs that watch it. */
export interface SubnetCoverage {
  subnet: NodeSubnetRecord;
  /** Enabled VNet flow logs on the subnet or its VNet. */
  vnetFlowLogs: FlowLogRecord[];
  /** Enabled NSG flow logs on the subnet's NSG (whether or not retired). */
  nsgFlowLogs: FlowLogRecord[];
}

/** What every posture rule reads. */
export interface PostureContext {
  cluster: ClusterRecord;
  classification: NetworkModelClassification;
  /** Undefined when the model could not be told. */
  model?: NetworkModel;
  /** Today, as an ISO date (YYYY-MM-DD, UTC). */
  today: string;
  /** True once NSG flow logs have stopped (docs/domain.md#nsg-flow-logs: "retired 2027-09-30"). */
  nsgFlowLogsRetired: boolean;
  coverage: SubnetCoverage[];
  /**
   * Enabled VNet flow logs on the cluster's VNet (named by the pools' subnets when the
   * VNet itself was not read).
   */
  vnetLevelFlowLogs: FlowLogRecord[];
  /** ACNS can run on the model: Azure CNI only, not kubenet nor a BYO CNI. */
  acnsAvailable: boolean;
  /** The parts of the given kinds the last read could not read. */
  unread(...parts: ClusterNetworkPart[]): UnreadClusterPart[];
  /** Node subnets (named by a pool's `vnetSubnetID`) that could not be read. */
  unreadNodeSubnets: UnreadClusterPart[];
  /** Pod subnets (named by a pool's `podSubnetID`) that could not be read. */
  unreadPodSubnets: UnreadClusterPart[];
}

/**
 * Whether ACNS can run on a model: it needs Azure CNI (DOMAIN_FACTS.acns), so not
 * kubenet, not a CNI of one's own, and not a model that could not be told.
 *
 * @public
 */
export function acnsRunsOn(model: NetworkModel | undefined): boolean {
  return model !== undefined && model !== 'kubenet' && model !== 'byo-cni';
}

/** Builds the context once, so rules agree on the model, the date and the coverage. */
export function postureContext(
  cluster: ClusterRecord,
  now: Date,
): PostureContext {
  const classification = classifyClusterRecord(cluster);
  const today = now.toISOString().slice(0, 10);
  const enabled = cluster.flowLogs.filter(log => log.enabled);
  const coverage = cluster.nodeSubnets.map(subnet => {
    const vnetId = vnetIdOfSubnet(subnet.id) ?? cluster.vnet?.id;
    return {
      subnet,
      vnetFlowLogs: enabled.filter(
        log =>
          log.kind === 'vnet' &&
          (sameArmId(log.targetResourceId, subnet.id) ||
            sameArmId(log.targetResourceId, vnetId)),
      ),
      nsgFlowLogs: enabled.filter(
        log =>
          log.kind === 'nsg' && sameArmId(log.targetResourceId, subnet.nsg?.id),
      ),
    };
  });
  const unread = (...parts: ClusterNetworkPart[]) =>
    (cluster.unread ?? []).filter(entry => parts.includes(entry.part));
  const subnetsNamedBy = (key: 'vnetSubnetId' | 'podSubnetId') =>
    unread('subnet').filter(entry =>
      cluster.nodePools.some(pool => sameArmId(pool[key], entry.resourceId)),
    );
  const model = classification.known ? classification.model : undefined;
  // The VNet is known from the pools' subnet ids even when its GET failed.
  const vnetId =
    cluster.vnet?.id ??
    cluster.nodePools
      .map(pool =>
        pool.vnetSubnetId ? vnetIdOfSubnet(pool.vnetSubnetId) : undefined,
      )
      .find(id => id !== undefined);
  return {
    cluster,
    classification,
    model,
    today,
    nsgFlowLogsRetired: today >= NSG_FLOW_LOGS_RETIREMENT_DATE,
    coverage,
    vnetLevelFlowLogs: enabled.filter(
      log => log.kind === 'vnet' && sameArmId(log.targetResourceId, vnetId),
    ),
    acnsAvailable: acnsRunsOn(model),
    unread,
    unreadNodeSubnets: subnetsNamedBy('vnetSubnetId'),
    unreadPodSubnets: subnetsNamedBy('podSubnetId'),
  };
}
