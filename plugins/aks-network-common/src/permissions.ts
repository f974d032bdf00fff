import { createPermission } from '@backstage/plugin-permission-common';

/** Read the cluster inventory, its network plans and posture. @public */
export const aksClusterReadPermission = createPermission({
  name: 'aks-network.cluster.read',
  attributes: { action: 'read' },
});

/** Create an AKS cluster (and its node subnet) through the plugin. @public */
export const aksClusterCreatePermission = createPermission({
  name: 'aks-network.cluster.create',
  attributes: { action: 'create' },
});

/** Create, change and delete address pools, and release reservations. @public */
export const aksAddressPoolManagePermission = createPermission({
  name: 'aks-network.address-pool.manage',
  attributes: { action: 'update' },
});

/** Every permission of the plugin, for registration with the permissions registry. @public */
export const aksNetworkPermissions = [
  aksClusterReadPermission,
  aksClusterCreatePermission,
  aksAddressPoolManagePermission,
];
