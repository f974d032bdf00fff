/**
 * A Network Watcher flow log that covers part of the cluster's network. `vnet` flow
 * logs target a VNet, subnet or NIC; `nsg` flow logs target an NSG and are retiring
 * (docs/domain.md#nsg-flow-logs: "no new ones since 2025-06-30, retired 2027-09-30").
 *
 * @public
 */
export interface FlowLogRecord {
  /** ARM id of the flow log resource. */
  id: string;
  kind: 'vnet' | 'nsg';
  /** ARM id of what it watches: a VNet, subnet or NSG. */
  targetResourceId: string;
  enabled: boolean;
  /**
   * Days the storage account keeps records. 0 when no retention policy is set; posture
   * rules read 0 as "no history kept", which is the conservative reading.
   */
  retentionDays: number;
  /** ARM id of the storage account the records go to. */
  storageId?: string;
  /** Log Analytics workspace of traffic analytics, when on. */
  workspaceId?: string;
  trafficAnalyticsEnabled?: boolean;
}
