import {
  ClusterRecord,
  FlowLogRecord,
  NodeSubnetRecord,
  sameArmId,
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
  /** True once NSG flow logs have stopped (DESIGN: "retired 2027-09-30"). */
  nsgFlowLogsRetired: boolean;
  coverage: SubnetCoverage[];
  /** Enabled VNet flow logs on the cluster's VNet, for clusters without known subnets. */
  vnetLevelFlowLogs: FlowLogRecord[];
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
  return {
    cluster,
    classification,
    model: classification.known ? classification.model : undefined,
    today,
    nsgFlowLogsRetired: today >= NSG_FLOW_LOGS_RETIREMENT_DATE,
    coverage,
    vnetLevelFlowLogs: enabled.filter(
      log =>
        log.kind === 'vnet' &&
        sameArmId(log.targetResourceId, cluster.vnet?.id),
    ),
  };
}
