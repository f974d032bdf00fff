import { createConditionExports } from '@backstage/plugin-permission-node';
import { aksClusterPermissionRules } from './clusterPermissionRules';
import { aksReservationPermissionRules } from './reservationPermissionRules';
import {
  aksClusterResourceRef,
  aksReservationResourceRef,
} from './resourceRefs';

const reservation = createConditionExports({
  resourceRef: aksReservationResourceRef,
  rules: aksReservationPermissionRules,
});

const cluster = createConditionExports({
  resourceRef: aksClusterResourceRef,
  rules: aksClusterPermissionRules,
});

/**
 * Conditions on reservations for permission policies, e.g.
 * `createAksReservationConditionalDecision(permission, aksReservationConditions.isReservationOwner({ claims: user.info.ownershipEntityRefs }))`.
 *
 * @public
 */
export const aksReservationConditions = reservation.conditions;

/** @public */
export const createAksReservationConditionalDecision =
  reservation.createConditionalDecision;

/** Conditions on clusters for permission policies. @public */
export const aksClusterConditions = cluster.conditions;

/** @public */
export const createAksClusterConditionalDecision =
  cluster.createConditionalDecision;
