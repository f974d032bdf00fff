import {
  AddressPoolCapacity,
  countFreeSubnets,
  parseCidr,
} from '@aks-network/plugin-aks-network-common';
import type { AddressPool, Reservation } from '../model';
import { isLiveReservation } from './reservationLiveness';
import type { VnetRead } from './VnetSubnetSource';

/**
 * How many node subnets of its prefix a pool still has: aligned subnets of its range
 * that neither a subnet of its VNet (as Azure has it) nor a live reservation touches.
 * Without the VNet read there is no count, only the error (a count on data that was not
 * read would be a guess).
 */
export function poolCapacity(
  pool: AddressPool,
  vnet: { ok: true; read: VnetRead } | { ok: false; error: string },
  reservations: Reservation[],
  now: Date,
): AddressPoolCapacity {
  const readAt = now.toISOString();
  if (!vnet.ok) {
    return { error: vnet.error, readAt };
  }
  const range = parseCidr(pool.range);
  if (!range.ok) {
    return { error: `the pool range ${pool.range} does not parse`, readAt };
  }
  const live = reservations.filter(reservation =>
    isLiveReservation(reservation.state, reservation.expiresAt, now),
  );
  const taken = [
    ...vnet.read.subnetPrefixes,
    ...live.map(reservation => reservation.cidr),
  ].flatMap(text => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  });
  const count = countFreeSubnets(range.cidr, pool.subnetPrefix, taken);
  return {
    totalSubnets: count.total,
    freeSubnets: count.free,
    liveReservations: live.length,
    readAt,
  };
}
