import {
  AKS_CLUSTER_RESOURCE_TYPE,
  AKS_RESERVATION_RESOURCE_TYPE,
} from '@aks-network/plugin-aks-network-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import type { InventoryCluster, Reservation } from '../model';

/**
 * The filter a condition stands for, for callers that list resources: which field,
 * and the values it may hold (case-insensitive).
 *
 * @public
 */
export type AksResourceFilter = {
  field: 'owner' | 'poolId' | 'networkModel';
  values: string[];
};

/**
 * Reservations as a resource of the permission framework: a reservation's ref is its
 * id.
 *
 * @public
 */
export const aksReservationResourceRef = createPermissionResourceRef<
  Reservation,
  AksResourceFilter
>().with({
  pluginId: 'aks-network',
  resourceType: AKS_RESERVATION_RESOURCE_TYPE,
});

/**
 * Inventoried clusters as a resource of the permission framework: a cluster's ref is
 * its ARM id.
 *
 * @public
 */
export const aksClusterResourceRef = createPermissionResourceRef<
  InventoryCluster,
  AksResourceFilter
>().with({
  pluginId: 'aks-network',
  resourceType: AKS_CLUSTER_RESOURCE_TYPE,
});
