import type { ClusterRecord } from '../cluster';
import type { NetworkDataplane, NetworkModel } from '../model';
import type { ClusterFleetFigures } from '../posture';

/**
 * What the inventory knows of a cluster beside its record. Times are ISO 8601 text.
 *
 * @public
 */
export interface ClusterInventoryState {
  /** Null when the model could not be told from the ARM record. */
  networkModel: NetworkModel | null;
  /** Null when there is no Azure dataplane or the model is unknown. */
  dataplane: NetworkDataplane | null;
  /** Value of the owner tag. */
  owner: string | null;
  /**
   * Set while the last read of the cluster's subscription failed: the record is the
   * last good one, read at `lastSeenAt`.
   */
  stale: { error: string; since: string } | null;
  /** When a sync last saw the cluster in Azure. */
  lastSeenAt: string;
  updatedAt: string;
}

/**
 * A cluster as the API returns it: the plain record plus its inventory state.
 *
 * @public
 */
export type ApiCluster = ClusterRecord & { inventory: ClusterInventoryState };

/**
 * The last finished sync run. `complete` only when every subscription was listed in
 * full.
 *
 * @public
 */
export interface LastSync {
  status: 'succeeded' | 'partial' | 'failed';
  complete: boolean;
  startedAt: string;
  finishedAt: string;
}

/**
 * The answer of `POST /refresh`: the cluster for a one-cluster refresh; for a full
 * refresh the run it waited for (or, within the cool-down, the last one), its outcome
 * per subscription, and when a new run may start.
 *
 * @public
 */
export interface RefreshResult {
  cluster?: ApiCluster;
  lastSync?: LastSync | null;
  outcomes?: Record<string, Record<string, unknown>>;
  /** True when no run was started: the last one finished within the cool-down. */
  reused?: boolean;
  nextRefreshAt?: string;
}

/**
 * Filters and paging of `GET /clusters`.
 *
 * @public
 */
export interface ClusterListQuery {
  subscriptionId?: string;
  region?: string;
  networkModel?: NetworkModel;
  owner?: string;
  /** 1–1000, default 100. */
  limit?: number;
  offset?: number;
}

/**
 * A page of `GET /clusters`.
 *
 * @public
 */
export interface ClusterList {
  items: ApiCluster[];
  totalCount: number;
  lastSync: LastSync | null;
}

/**
 * Columns the fleet table sorts by, on the server.
 *
 * @public
 */
export type FleetSortField =
  | 'name'
  | 'networkModel'
  | 'region'
  | 'subscriptionId'
  | 'owner'
  | 'nodeCount'
  | 'nodeSubnetUse'
  | 'podCapacity'
  | 'acnsMonthlyCostUsd';

/**
 * Every {@link FleetSortField}.
 *
 * @public
 */
export const FLEET_SORT_FIELDS: readonly FleetSortField[] = [
  'name',
  'networkModel',
  'region',
  'subscriptionId',
  'owner',
  'nodeCount',
  'nodeSubnetUse',
  'podCapacity',
  'acnsMonthlyCostUsd',
];

/**
 * The three checks security wants, as filter names.
 *
 * @public
 */
export type PostureCheckName =
  | 'egressIngressMonitored'
  | 'samePodToPodVisible'
  | 'historyKept';

/**
 * Every {@link PostureCheckName}.
 *
 * @public
 */
export const POSTURE_CHECK_NAMES: readonly PostureCheckName[] = [
  'egressIngressMonitored',
  'samePodToPodVisible',
  'historyKept',
];

/**
 * Filters, sort and paging of `GET /fleet/clusters`.
 *
 * @public
 */
export interface FleetClusterQuery {
  /** Part of the cluster name, any case. */
  search?: string;
  networkModel?: NetworkModel;
  region?: string;
  subscriptionId?: string;
  owner?: string;
  /** Only clusters where this check fails or warns (not those where it is unknown). */
  failingCheck?: PostureCheckName;
  /** Default `name`. */
  sort?: FleetSortField;
  /** Default `asc`; clusters whose value is unknown come last either way. */
  order?: 'asc' | 'desc';
  /** 1–500, default 25. */
  limit?: number;
  offset?: number;
}

/**
 * One row of the fleet table.
 *
 * @public
 */
export interface FleetCluster {
  id: string;
  name: string;
  /** The cluster's catalog entity, as the catalog module names it. */
  entityRef: string;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  owner: string | null;
  networkModel: NetworkModel | null;
  dataplane: NetworkDataplane | null;
  figures: ClusterFleetFigures;
  stale: { error: string; since: string } | null;
  lastSeenAt: string;
}

/**
 * A page of `GET /fleet/clusters`.
 *
 * @public
 */
export interface FleetClusterPage {
  items: FleetCluster[];
  totalCount: number;
  lastSync: LastSync | null;
}

/**
 * Totals over every cluster of the inventory (`GET /fleet/summary`).
 *
 * @public
 */
export interface FleetSummary {
  clusterCount: number;
  /** Clusters per network model; `unknown` for those that could not be told. */
  byModel: Record<NetworkModel | 'unknown', number>;
  /** Node-subnet IPs the overlay clusters save against flat Azure CNI. */
  vnetIpsSavedByOverlay: number;
  /** Clusters whose check fails or warns, per check. */
  failing: Record<PostureCheckName, number>;
  /**
   * Clusters whose check is unknown, per check: what it needs could not be read
   * (DOMAIN_FACTS.verdictNeedsData). Counted apart from `failing`, never in it.
   */
  unknown: Record<PostureCheckName, number>;
  /** Clusters without same-node visibility where ACNS can run, and what ACNS costs them a month. */
  closeSameNodeGap: { clusters: number; acnsMonthlyCostUsd: number };
  /** Clusters without same-node visibility where ACNS cannot run (kubenet, BYO CNI). */
  sameNodeGapWithoutAcns: number;
  retiring: {
    /** kubenet clusters (kubenet retires 2028-03-31). */
    kubenet: number;
    /** Clusters that still rely on NSG flow logs (NSG flow logs retire 2027-09-30). */
    nsgFlowLogs: number;
  };
  /** Clusters kept from an earlier read because the last one failed. */
  stale: number;
  lastSync: LastSync | null;
}
