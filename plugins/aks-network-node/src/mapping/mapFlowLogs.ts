import type { FlowLog } from '@azure/arm-network';
import { FlowLogRecord } from '@aks-network/plugin-aks-network-common';
import { armResourceType, parseArmResourceId } from './armResourceId';

const NSG_TYPE = 'microsoft.network/networksecuritygroups';

/**
 * Maps a Network Watcher flow log. Returns undefined for a flow log without a target
 * (ARM requires one, so only a malformed payload lacks it).
 *
 * - `kind` follows the target's resource type: a flow log on an NSG is an NSG flow log
 *   (retiring: docs/domain.md#nsg-flow-logs: "no new ones since 2025-06-30, retired 2027-09-30"); one on a
 *   VNet, subnet or NIC is a VNet flow log.
 * - `enabled` defaults to false: ARM omits it only on a flow log that was never
 *   switched on.
 * - `retentionDays` is the policy's `days` when the policy is enabled, else 0. ARM's
 *   `days: 0` (and a disabled policy) means "no deletion by the flow log", but nothing
 *   guarantees the storage account keeps the records, so the record takes the
 *   conservative reading its type documents: 0 = no history kept.
 * - Traffic analytics comes from
 *   `flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration`; the record
 *   keeps the workspace's ARM id (`workspaceResourceId`), which links to the portal,
 *   and falls back to the workspace GUID (`workspaceId`) when ARM has no id.
 */
export function mapFlowLog(flowLog: FlowLog): FlowLogRecord | undefined {
  const targetResourceId = flowLog.targetResourceId?.trim();
  if (!targetResourceId) {
    return undefined;
  }
  const target = parseArmResourceId(targetResourceId);
  const kind = target && armResourceType(target) === NSG_TYPE ? 'nsg' : 'vnet';
  const policy = flowLog.retentionPolicy;
  const retentionDays =
    policy?.enabled === true && policy.days !== undefined && policy.days > 0
      ? policy.days
      : 0;
  const analytics =
    flowLog.flowAnalyticsConfiguration
      ?.networkWatcherFlowAnalyticsConfiguration;
  const record: FlowLogRecord = {
    id: flowLog.id ?? '',
    kind,
    targetResourceId,
    enabled: flowLog.enabled === true,
    retentionDays,
  };
  const storageId = flowLog.storageId?.trim();
  if (storageId) {
    record.storageId = storageId;
  }
  if (analytics) {
    record.trafficAnalyticsEnabled = analytics.enabled === true;
    const workspace =
      analytics.workspaceResourceId?.trim() || analytics.workspaceId?.trim();
    if (workspace) {
      record.workspaceId = workspace;
    }
  }
  return record;
}
