import { createPermissionRule } from '@backstage/plugin-permission-node';
import { listParams } from './listParams';
import { ownedByClaims } from './ownerClaims';
import { aksReservationResourceRef } from './resourceRefs';

/**
 * Allow when the reservation's owner is one of the given refs; a policy passes the
 * caller's ownership refs (`user.info.ownershipEntityRefs`), like the catalog's
 * `isEntityOwner`.
 *
 * @public
 */
export const isReservationOwner = createPermissionRule({
  name: 'IS_RESERVATION_OWNER',
  description:
    'Allow reservations whose owner is one of the given entity refs (the caller and their groups)',
  resourceRef: aksReservationResourceRef,
  paramsSchema: listParams(
    'claims',
    'Entity refs of the caller: their user and their groups',
  ),
  apply: (reservation, { claims }) => ownedByClaims(reservation.owner, claims),
  toQuery: ({ claims }) => ({ field: 'owner', values: claims }),
});

/**
 * Allow reservations in the given address pools.
 *
 * @public
 */
export const isInAddressPool = createPermissionRule({
  name: 'IS_IN_ADDRESS_POOL',
  description: 'Allow reservations held in one of the given address pools',
  resourceRef: aksReservationResourceRef,
  paramsSchema: listParams('poolIds', 'Ids of address pools'),
  apply: (reservation, { poolIds }) =>
    poolIds.some(id => id.toLowerCase() === reservation.poolId.toLowerCase()),
  toQuery: ({ poolIds }) => ({ field: 'poolId', values: poolIds }),
});

/** @public */
export const aksReservationPermissionRules = {
  isReservationOwner,
  isInAddressPool,
};
