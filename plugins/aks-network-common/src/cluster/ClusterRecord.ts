import { ClusterAddons } from './ClusterAddons';
import { ClusterNetworkProfile } from './ClusterNetworkProfile';
import { FlowExportTool } from './FlowExportTools';
import { FlowLogRecord } from './FlowLogRecord';
import { NodePoolRecord } from './NodePoolRecord';
import { NodeSubnetRecord } from './NodeSubnetRecord';
import { UnreadClusterPart } from './UnreadClusterPart';

/**
 * The VNet the node subnets live in.
 *
 * @public
 */
export interface ClusterVnetRecord {
  /** ARM id of the VNet. */
  id: string;
  /** Every address prefix of the VNet. */
  addressSpace: string[];
}

/**
 * A compensating control the organisation declares for a cluster: a tool that exports
 * its pod flows (docs/domain.md#declared-controls), named by the cluster's flow-export
 * tag (`aksNetwork.tags.flowExport`) or by the backend's config for its subscription
 * (`aksNetwork.compensatingControls.flowExport`). Declared, never verified.
 *
 * @public
 */
export interface DeclaredControl {
  tool: FlowExportTool;
  source: 'tag' | 'config';
}

/**
 * One AKS cluster as the inventory knows it: what the backend stores, the catalog
 * module turns into an entity, and the frontend shows. Plain JSON data (no classes,
 * no bigint, no Date) so it crosses HTTP and the database unchanged.
 *
 * @public
 */
export interface ClusterRecord {
  /** ARM resource id, the cluster's identity everywhere. */
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kubernetesVersion?: string;
  tags: Record<string, string>;
  /** ARM `provisioningState` (`Succeeded`, `Updating`, `Failed`, …). */
  provisioningState?: string;
  /** Public FQDN of the API server (ARM `properties.fqdn`); absent on private clusters. */
  fqdn?: string;
  /** Private FQDN of the API server (ARM `properties.privateFQDN`), private clusters only. */
  privateFqdn?: string;
  /**
   * CA of the API server, base64 of its PEM: the `certificate-authority-data` of the
   * kubeconfig that ARM's `listClusterUserCredential` action returns. Read only when
   * `aksNetwork.azure.readApiServerCertificateAuthority` is on, since that action needs
   * the Azure Kubernetes Service Cluster User Role, more than the inventory's reader
   * role; absent when off or when the call failed, never guessed.
   */
  apiServerCertificateAuthority?: string;
  networkProfile: ClusterNetworkProfile;
  nodePools: NodePoolRecord[];
  /**
   * The subnets the node pools take node IPs from, as read; a subnet that could not be
   * read is in `unread` instead.
   */
  nodeSubnets: NodeSubnetRecord[];
  /**
   * The subnets the pools of an Azure CNI pod-subnet (dynamic) cluster take pod IPs
   * from (`agentPoolProfiles[].podSubnetID`); absent for the other models.
   */
  podSubnets?: NodeSubnetRecord[];
  addons: ClusterAddons;
  /** Flow logs on the VNet, the node subnets or their NSGs. */
  flowLogs: FlowLogRecord[];
  /**
   * Absent when the cluster names no node subnet (an AKS-managed VNet, not read) or
   * when the VNet could not be read (then `unread` says so).
   */
  vnet?: ClusterVnetRecord;
  /** Address ranges of peered VNets and on-prem networks reachable from the VNet. */
  peeredRanges: string[];
  /**
   * What the last read could not read of the cluster's network (a failed VNet, subnet,
   * usages, NSG or flow-log call); absent or empty when everything was read. The checks
   * that need a part listed here are `unknown`, never pass or fail.
   */
  unread?: UnreadClusterPart[];
  /**
   * The flow export declared for the cluster, deduplicated and sorted by tool then
   * source; set by the backend's sync when it stores a read, absent when nothing is
   * declared (so a record without declarations is stored as before).
   */
  declaredControls?: DeclaredControl[];
  /**
   * How many values of the flow-export tag named no known tool and were ignored;
   * absent when none. Only the count is kept: the values are user text.
   */
  ignoredFlowExportValues?: number;
}
