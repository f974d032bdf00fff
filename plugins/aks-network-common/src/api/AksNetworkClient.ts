import { ResponseError } from '@backstage/errors';
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
import type { AksNetworkApi, AksNetworkRequestOptions } from './AksNetworkApi';
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
 * The backend plugin's id, which is also its mount point (`/api/aks-network`).
 *
 * @public
 */
export const AKS_NETWORK_PLUGIN_ID = 'aks-network';

type Query = Record<string, string | number | boolean | undefined>;

function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Path segments are user text: each is encoded whole (ARM ids hold slashes). */
function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * {@link AksNetworkApi} over HTTP. Isomorphic: the frontend gives it the app's
 * `discoveryApi` and `fetchApi` (which adds the user's token); a backend gives it the
 * discovery service and passes a token per call.
 *
 * @public
 */
export class AksNetworkClient implements AksNetworkApi {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    /** Default: the global `fetch`. */
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  listClusters(
    query: ClusterListQuery = {},
    options?: AksNetworkRequestOptions,
  ): Promise<ClusterList> {
    return this.json(`/clusters${queryString({ ...query })}`, options);
  }

  getCluster(
    clusterId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiCluster | undefined> {
    return this.json(`/clusters/${segment(clusterId)}`, options, {
      notFound: 'undefined',
    });
  }

  getEntityPosture(
    entityRef: string,
    options?: AksNetworkRequestOptions,
  ): Promise<EntityPosture> {
    return this.json(`/posture${queryString({ entityRef })}`, options);
  }

  listFleetClusters(
    query: FleetClusterQuery = {},
    options?: AksNetworkRequestOptions,
  ): Promise<FleetClusterPage> {
    return this.json(`/fleet/clusters${queryString({ ...query })}`, options);
  }

  getFleetSummary(options?: AksNetworkRequestOptions): Promise<FleetSummary> {
    return this.json('/fleet/summary', options);
  }

  listSubscriptions(
    options?: AksNetworkRequestOptions,
  ): Promise<SubscriptionList> {
    return this.json('/subscriptions', options);
  }

  refresh(
    request: { clusterId?: string },
    options?: AksNetworkRequestOptions,
  ): Promise<RefreshResult> {
    return this.json('/refresh', options, { method: 'POST', body: request });
  }

  planNetwork(
    request: NetworkRequestInput,
    options?: AksNetworkRequestOptions,
  ): Promise<unknown> {
    return this.json('/plan', options, { method: 'POST', body: request });
  }

  listAddressPools(
    query: AddressPoolListQuery = {},
    options?: AksNetworkRequestOptions,
  ): Promise<AddressPoolList> {
    return this.json(`/address-pools${queryString({ ...query })}`, options);
  }

  getAddressPool(
    poolId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiAddressPool | undefined> {
    return this.json(`/address-pools/${segment(poolId)}`, options, {
      notFound: 'undefined',
    });
  }

  createAddressPool(
    pool: AddressPoolInput,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiAddressPool> {
    return this.json('/address-pools', options, { method: 'POST', body: pool });
  }

  planInPool(
    poolId: string,
    request: PoolPlanRequest,
    options?: AksNetworkRequestOptions,
  ): Promise<PoolPlan> {
    return this.json(`/address-pools/${segment(poolId)}/plan`, options, {
      method: 'POST',
      body: request,
    });
  }

  nextSubnet(
    poolId: string,
    query: { prefix?: number } = {},
    options?: AksNetworkRequestOptions,
  ): Promise<NextSubnet> {
    return this.json(
      `/address-pools/${segment(poolId)}/next-subnet${queryString(query)}`,
      options,
    );
  }

  reserveSubnet(
    poolId: string,
    request: ReserveSubnetInput,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation> {
    return this.json(
      `/address-pools/${segment(poolId)}/reservations`,
      options,
      {
        method: 'POST',
        body: request,
      },
    );
  }

  commitReservation(
    reservationId: string,
    subnetId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation> {
    return this.json(
      `/reservations/${segment(reservationId)}/commit`,
      options,
      {
        method: 'POST',
        body: { subnetId },
      },
    );
  }

  releaseReservation(
    reservationId: string,
    options?: AksNetworkRequestOptions,
  ): Promise<ApiReservation> {
    return this.json(
      `/reservations/${segment(reservationId)}/release`,
      options,
      { method: 'POST', body: {} },
    );
  }

  private async json<T>(
    path: string,
    options: AksNetworkRequestOptions | undefined,
    init: {
      method?: string;
      body?: unknown;
      /** Answer a 404 with undefined instead of throwing (a lookup that may miss). */
      notFound?: 'undefined';
    } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(AKS_NETWORK_PLUGIN_ID);
    const headers: Record<string, string> = {};
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (response.status === 404 && init.notFound === 'undefined') {
      return undefined as T;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
