/**
 * The Azure tags of a cluster that name its owner, system and components: what the
 * scaffolder writes on a new cluster, and what the backend's sync and the catalog
 * module read back. All three read them from `aksNetwork.tags`, so they cannot drift.
 * The sync also reads the flow export the cluster declares.
 *
 * @public
 */
export interface ClusterTagNames {
  /** The tag holding the owner, a group or user ref. */
  owner: string;
  /** The tag holding the system. */
  system: string;
  /** The tag holding the components, comma-separated. */
  component: string;
  /**
   * The tag declaring the tools that export the cluster's pod flows, comma-separated
   * ids of `FLOW_EXPORT_TOOLS` (docs/domain.md#declared-controls). Optional for callers
   * that build the names themselves; absent means `DEFAULT_CLUSTER_TAG_NAMES.flowExport`.
   */
  flowExport?: string;
}

/**
 * The tag names when `aksNetwork.tags` leaves them out.
 *
 * @public
 */
export const DEFAULT_CLUSTER_TAG_NAMES: Readonly<Required<ClusterTagNames>> =
  Object.freeze({
    owner: 'owner',
    system: 'system',
    component: 'component',
    // Not `aks-network/flow-export`: Azure refuses `/` in tag names
    // (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
    flowExport: 'aks-network-flow-export',
  });
