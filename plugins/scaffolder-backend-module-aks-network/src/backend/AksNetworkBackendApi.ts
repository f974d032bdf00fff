import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** An address pool of the backend plugin (`GET /address-pools/:poolId`). */
export interface AddressPool {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  region: string;
  range: string;
  subnetPrefix: number;
}

/** `GET /address-pools/:poolId/next-subnet`. */
export interface NextSubnet {
  poolId: string;
  cidr: string;
  prefix: number;
  existingSubnets: string[];
  vnetAddressSpace: string[] | null;
}

/** A reservation (`POST /address-pools/:poolId/reservations`). */
export interface Reservation {
  id: string;
  poolId: string;
  cidr: string;
  state: 'reserved' | 'committed' | 'released' | 'expired';
  subnetId?: string;
  expiresAt: string;
}

/**
 * What the actions ask of the `aks-network` backend plugin, on behalf of the task's
 * initiator (so its permissions apply to the user who started the task).
 */
export interface AksNetworkBackendApi {
  /** @returns undefined when the pool does not exist. */
  getAddressPool(
    poolId: string,
    credentials: BackstageCredentials,
  ): Promise<AddressPool | undefined>;
  /** @throws ConflictError (as a ResponseError with status 409) when the pool is full. */
  nextSubnet(
    poolId: string,
    prefix: number,
    credentials: BackstageCredentials,
  ): Promise<NextSubnet>;
  /** The backend's plan route (validation of common, no side effects). */
  plan(body: unknown, credentials: BackstageCredentials): Promise<unknown>;
  reserve(
    poolId: string,
    request: {
      requestKey: string;
      owner?: string;
      prefix: number;
      ttlSeconds: number;
    },
    credentials: BackstageCredentials,
  ): Promise<Reservation>;
  commit(
    reservationId: string,
    subnetId: string,
    credentials: BackstageCredentials,
  ): Promise<Reservation>;
  release(
    reservationId: string,
    credentials: BackstageCredentials,
  ): Promise<Reservation>;
  /** Refreshes one cluster into the inventory, which tells the catalog at once. */
  refreshCluster(
    clusterId: string,
    credentials: BackstageCredentials,
  ): Promise<void>;
}
