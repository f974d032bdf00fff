import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AddressPool,
  AksNetworkBackendApi,
  NextSubnet,
  Reservation,
} from './AksNetworkBackendApi';

const PLUGIN_ID = 'aks-network';

/**
 * The backend plugin over HTTP, found through discovery, with a token on behalf of the
 * task's initiator (`auth.getPluginRequestToken`): the backend checks the user's
 * permissions, not the scaffolder's.
 */
export class AksNetworkBackendClient implements AksNetworkBackendApi {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async getAddressPool(
    poolId: string,
    credentials: BackstageCredentials,
  ): Promise<AddressPool | undefined> {
    const res = await this.fetch(
      `/address-pools/${encodeURIComponent(poolId)}`,
      credentials,
    );
    if (res.status === 404) {
      return undefined;
    }
    return this.json(res);
  }

  async nextSubnet(
    poolId: string,
    prefix: number,
    credentials: BackstageCredentials,
  ): Promise<NextSubnet> {
    return this.json(
      await this.fetch(
        `/address-pools/${encodeURIComponent(
          poolId,
        )}/next-subnet?prefix=${prefix}`,
        credentials,
      ),
    );
  }

  async plan(body: unknown, credentials: BackstageCredentials) {
    return this.json(
      await this.fetch('/plan', credentials, { method: 'POST', body }),
    );
  }

  async reserve(
    poolId: string,
    request: {
      requestKey: string;
      owner?: string;
      prefix: number;
      ttlSeconds: number;
    },
    credentials: BackstageCredentials,
  ): Promise<Reservation> {
    return this.json(
      await this.fetch(
        `/address-pools/${encodeURIComponent(poolId)}/reservations`,
        credentials,
        { method: 'POST', body: request },
      ),
    );
  }

  async commit(
    reservationId: string,
    subnetId: string,
    credentials: BackstageCredentials,
  ): Promise<Reservation> {
    return this.json(
      await this.fetch(
        `/reservations/${encodeURIComponent(reservationId)}/commit`,
        credentials,
        { method: 'POST', body: { subnetId } },
      ),
    );
  }

  async release(
    reservationId: string,
    credentials: BackstageCredentials,
  ): Promise<Reservation> {
    return this.json(
      await this.fetch(
        `/reservations/${encodeURIComponent(reservationId)}/release`,
        credentials,
        { method: 'POST', body: {} },
      ),
    );
  }

  async refreshCluster(
    clusterId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.json(
      await this.fetch('/refresh', credentials, {
        method: 'POST',
        body: { clusterId },
      }),
    );
  }

  private async fetch(
    path: string,
    credentials: BackstageCredentials,
    init: { method?: string; body?: unknown } = {},
  ): Promise<Response> {
    const [baseUrl, { token }] = await Promise.all([
      this.deps.discovery.getBaseUrl(PLUGIN_ID),
      this.deps.auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: PLUGIN_ID,
      }),
    ]);
    return fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(init.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  }

  private async json<T>(res: Response): Promise<T> {
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}
