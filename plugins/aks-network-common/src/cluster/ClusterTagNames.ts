/**
 * The Azure tags of a cluster that name its owner, system and components: what the
 * scaffolder writes on a new cluster, and what the backend's sync and the catalog
 * module read back. All three read them from `aksNetwork.tags`, so they cannot drift.
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
}

/**
 * The tag names when `aksNetwork.tags` leaves them out.
 *
 * @public
 */
export const DEFAULT_CLUSTER_TAG_NAMES: Readonly<ClusterTagNames> =
  Object.freeze({
    owner: 'owner',
    system: 'system',
    component: 'component',
  });
