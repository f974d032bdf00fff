import type { ClusterPosture } from '../posture';
import type { ApiCluster, LastSync } from './clusterTypes';

/**
 * Where a person goes to read a cluster's traffic. `kind` says what the link opens:
 *
 * - `cluster`: the cluster in the Azure portal;
 * - `flow-log`: a VNet or NSG flow log in Network Watcher;
 * - `traffic-analytics`: the Log Analytics workspace traffic analytics writes to;
 * - `container-network-logs`: the Log Analytics workspace the monitoring addon stores
 *   container network logs in;
 * - `acns-observability`: the cluster's ACNS observability (Hubble flows, Grafana).
 *
 * @public
 */
export interface ClusterLink {
  kind:
    | 'cluster'
    | 'flow-log'
    | 'traffic-analytics'
    | 'container-network-logs'
    | 'acns-observability';
  title: string;
  url: string;
  /** The ARM id the link opens, when it opens one. */
  resourceId?: string;
}

/**
 * One cluster an entity is linked to, with its posture.
 *
 * @public
 */
export interface EntityPostureCluster {
  /** The cluster entity the link went through, when it went through one. */
  entityRef: string | null;
  cluster: ApiCluster;
  posture: ClusterPosture;
  links: ClusterLink[];
}

/**
 * A link that led to no cluster in the inventory, and why.
 *
 * @public
 */
export interface UnresolvedClusterLink {
  ref: string;
  reason: string;
}

/**
 * `GET /posture?entityRef=…`: every cluster a catalog entity is linked to.
 *
 * @public
 */
export interface EntityPosture {
  entityRef: string;
  clusters: EntityPostureCluster[];
  unresolved: UnresolvedClusterLink[];
  lastSync: LastSync | null;
}
