import type {
  ApiAddressPool,
  ApiReservation,
} from '@aks-network/plugin-aks-network-common';
import type { AddressPool, Reservation } from '../model';

/** An address pool as the API returns it (times as ISO text). */
export function toApiAddressPool(pool: AddressPool): ApiAddressPool {
  return {
    id: pool.id,
    subscriptionId: pool.subscriptionId,
    resourceGroup: pool.resourceGroup,
    vnetName: pool.vnetName,
    region: pool.region,
    range: pool.range,
    subnetPrefix: pool.subnetPrefix,
    ...(pool.description !== undefined
      ? { description: pool.description }
      : {}),
    createdAt: pool.createdAt.toISOString(),
    updatedAt: pool.updatedAt.toISOString(),
  };
}

/** A reservation as the API returns it (times as ISO text). */
export function toApiReservation(reservation: Reservation): ApiReservation {
  return {
    id: reservation.id,
    poolId: reservation.poolId,
    cidr: reservation.cidr,
    owner: reservation.owner,
    requestKey: reservation.requestKey,
    state: reservation.state,
    expiresAt: reservation.expiresAt.toISOString(),
    ...(reservation.subnetId !== undefined
      ? { subnetId: reservation.subnetId }
      : {}),
    createdAt: reservation.createdAt.toISOString(),
    updatedAt: reservation.updatedAt.toISOString(),
  };
}
