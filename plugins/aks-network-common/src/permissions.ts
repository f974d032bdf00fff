import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of an address-pool reservation: a node subnet held for a cluster
 * being created. Its resource ref is the reservation's id. Policies decide on it with
 * the backend's reservation rules (`isReservationOwner`, `isInAddressPool`).
 *
 * @public
 */
export const AKS_RESERVATION_RESOURCE_TYPE = 'aks-network-reservation';

/**
 * The resource type of an inventoried AKS cluster. Its resource ref is the cluster's
 * ARM id. Policies decide on it with the backend's cluster rules (`isClusterOwner`,
 * `hasNetworkModel`).
 *
 * @public
 */
export const AKS_CLUSTER_RESOURCE_TYPE = 'aks-network-cluster';

/** Read the cluster inventory, its network plans, posture and address pools. @public */
export const aksClusterReadPermission = createPermission({
  name: 'aks-network.cluster.read',
  attributes: { action: 'read' },
});

/**
 * Read one cluster again from Azure now. A resource permission: an adopter's policy
 * may allow it only on the caller's own clusters (`isClusterOwner`).
 *
 * @public
 */
export const aksClusterRefreshPermission = createPermission({
  name: 'aks-network.cluster.refresh',
  attributes: { action: 'read' },
  resourceType: AKS_CLUSTER_RESOURCE_TYPE,
});

/**
 * Create an AKS cluster (and its node subnet) through the plugin, which includes
 * reserving a node subnet in an address pool.
 *
 * @public
 */
export const aksClusterCreatePermission = createPermission({
  name: 'aks-network.cluster.create',
  attributes: { action: 'create' },
});

/**
 * Commit or release a reservation. A resource permission: the shipped policy gives it
 * to the reservation's owner (the user or one of their groups) and to pool managers.
 *
 * @public
 */
export const aksReservationUpdatePermission = createPermission({
  name: 'aks-network.reservation.update',
  attributes: { action: 'update' },
  resourceType: AKS_RESERVATION_RESOURCE_TYPE,
});

/** Create, change and delete address pools; run a full inventory sync. @public */
export const aksAddressPoolManagePermission = createPermission({
  name: 'aks-network.address-pool.manage',
  attributes: { action: 'update' },
});

/** Every permission of the plugin, for registration with the permissions registry. @public */
export const aksNetworkPermissions = [
  aksClusterReadPermission,
  aksClusterRefreshPermission,
  aksClusterCreatePermission,
  aksReservationUpdatePermission,
  aksAddressPoolManagePermission,
];
