import type { ReservationState } from '../model';

/**
 * Whether a reservation holds its range: committed ones always (the subnet exists),
 * reserved ones until they expire, even before `expireReservations` has marked them.
 */
export function isLiveReservation(
  state: ReservationState,
  expiresAt: Date,
  now: Date,
): boolean {
  return (
    state === 'committed' ||
    (state === 'reserved' && expiresAt.getTime() > now.getTime())
  );
}
