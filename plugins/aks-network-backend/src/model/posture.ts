import type {
  ClusterLink,
  ClusterPosture,
  UnresolvedClusterLink,
} from '@aks-network/plugin-aks-network-common';
import type { InventoryCluster } from './cluster';
import type { SyncRun } from './syncRun';

/**
 * A cluster a catalog entity is linked to, with its posture and where to read its
 * traffic.
 *
 * @public
 */
export interface EntityClusterPosture {
  /** The cluster entity the link went through, when it went through one. */
  entityRef: string | null;
  cluster: InventoryCluster;
  posture: ClusterPosture;
  links: ClusterLink[];
}

/**
 * The clusters a catalog entity is linked to, the links that led to none, and the
 * last finished sync run (undefined before the first).
 *
 * @public
 */
export interface EntityPostureResult {
  entityRef: string;
  clusters: EntityClusterPosture[];
  unresolved: UnresolvedClusterLink[];
  lastSync: SyncRun | undefined;
}
