import type { NetworkRequestInput } from '../validation';
import type {
  AddressPoolInput,
  AddressPoolList,
  AddressPoolListQuery,
  ApiAddressPool,
  ApiReservation,
  NextSubnet,
  ReserveSubnetInput,
} from './addressPoolTypes';
import type {
  ApiCluster,
  ClusterList,
  ClusterListQuery,
  FleetClusterPage,
  FleetClusterQuery,
  FleetSummary,
  RefreshResult,
} from './clusterTypes';
import type { PoolPlan, PoolPlanRequest } from './planTypes';
import type { EntityPosture } from './postureTypes';
import type { SubscriptionList } from './subscriptionTypes';

/**
 * Per-call options. In the browser the app's `fetchApi` adds the user's token; a
 * backend caller passes the token it got from `auth.getPluginRequestToken`.
 *
 * @public
 */
export interface AksNetworkRequestOptions {
  token?: string;
}

/**
 * The `aks-network` backend plugin's HTTP API (`/api/aks-network`, described by the
 * backend's `src/schema/openapi.yaml`). Every method throws a `ResponseError` of
 * `@backstage/errors` on a non-OK answer, except where it says it returns undefined.
 *
 * @public
 */
export interface AksNetworkApi {
  listClusters(
    query?: ClusterListQuery,
    options?: AksNetworkRequestOptions,
  ): Promise<ClusterList>;
  /** @returns undefined when the inventory has no such cluster. */
  getCluster(
    clusterId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiCluster | undefined>;
  /** The clusters a catalog entity is linked to, with their posture. */
  getEntityPosture(
    entityRef: string,
    options?: AksNetworkRequestOptions,
  ): Promise<EntityPosture>;
  listFleetClusters(
    query?: FleetClusterQuery,
    options?: AksNetworkRequestOptions,
  ): Promise<FleetClusterPage>;
  getFleetSummary(options?: AksNetworkRequestOptions): Promise<FleetSummary>;
  listSubscriptions(
    options?: AksNetworkRequestOptions,
  ): Promise<SubscriptionList>;
  /** Refreshes one cluster, or syncs every subscription when no id is given. */
  refresh(
    request: { clusterId?: string },
    options?: AksNetworkRequestOptions,
  ): Promise<RefreshResult>;
  /** Validates and sizes a network request of common, with no pool (`POST /plan`). */
  planNetwork(
    request: NetworkRequestInput,
    options?: AksNetworkRequestOptions,
  ): Promise<unknown>;

  /** A page of pools (default the first 100), with how many there are. */
  listAddressPools(
    query?: AddressPoolListQuery,
    options?: AksNetworkRequestOptions,
  ): Promise<AddressPoolList>;
  /** @returns undefined when there is no such pool. */
  getAddressPool(
    poolId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiAddressPool | undefined>;
  createAddressPool(
    pool: AddressPoolInput,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiAddressPool>;
  /** The whole plan of a cluster in a pool, reading the pool and its VNet once. */
  planInPool(
    poolId: string,
    request: PoolPlanRequest,
    options?: AksNetworkRequestOptions,
  ): Promise<PoolPlan>;
  nextSubnet(
    poolId: string,
    query?: { prefix?: number },
    options?: AksNetworkRequestOptions,
  ): Promise<NextSubnet>;
  reserveSubnet(
    poolId: string,
    request: ReserveSubnetInput,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation>;
  commitReservation(
    reservationId: string,
    subnetId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation>;
  releaseReservation(
    reservationId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation>;
}
