/**
 * The parts of a cluster's network the inventory reads apart from the cluster itself,
 * each with its own ARM call: the VNet (`virtualNetworks.get`), a subnet when the VNet
 * could not be read (`subnets.get`), the subnets' IP use (`virtualNetworks.listUsage`),
 * an NSG (`networkSecurityGroups.get`) and the flow logs (`networkWatchers.listAll`,
 * `flowLogs.list`).
 *
 * @public
 */
export type ClusterNetworkPart =
  | 'vnet'
  | 'subnet'
  | 'subnetUsage'
  | 'nsg'
  | 'flowLogs';

/**
 * Every {@link ClusterNetworkPart}, in the order a reader meets them.
 *
 * @public
 */
export const CLUSTER_NETWORK_PARTS: readonly ClusterNetworkPart[] = [
  'vnet',
  'subnet',
  'subnetUsage',
  'nsg',
  'flowLogs',
];

/**
 * A part of a cluster's network that the last inventory read could not read. The
 * checks that need it say `unknown` and name it (DOMAIN_FACTS.verdictNeedsData): a
 * record without an NSG because the NSG's GET failed is not a record of a subnet
 * without an NSG.
 *
 * @public
 */
export interface UnreadClusterPart {
  part: ClusterNetworkPart;
  /**
   * ARM id of what was not read: the VNet, the subnet, the NSG, the network watcher, or
   * the subscription when its watchers could not be listed.
   */
  resourceId: string;
  /** Why, in ARM's words: its code, HTTP status and message. */
  error: string;
  /**
   * When the inventory last read it (ISO 8601), from the stored record before this
   * read; absent when it never has.
   */
  lastReadAt?: string;
}
