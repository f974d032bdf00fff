import {
  aksAddressPoolManagePermission,
  aksClusterCreatePermission,
  aksClusterReadPermission,
  aksClusterRefreshPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import type { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import { aksClusterPermissionRules } from './clusterPermissionRules';
import { aksReservationPermissionRules } from './reservationPermissionRules';
import {
  aksClusterResourceRef,
  aksReservationResourceRef,
} from './resourceRefs';

/**
 * Tells the permission framework the plugin's permissions and its two resource types
 * with their rules. `getResources` lets the permission backend resolve a conditional
 * decision that another plugin asks about by resource ref.
 *
 * @public
 */
export function registerAksNetworkPermissions(
  registry: PermissionsRegistryService,
  store: Pick<AksNetworkStore, 'getReservation' | 'getCluster'>,
) {
  registry.addPermissions([
    aksClusterReadPermission,
    aksClusterCreatePermission,
    aksAddressPoolManagePermission,
  ]);
  registry.addResourceType({
    resourceRef: aksReservationResourceRef,
    permissions: [aksReservationUpdatePermission],
    rules: Object.values(aksReservationPermissionRules),
    getResources: ids =>
      Promise.all(ids.map(id => store.getReservation({ id }))),
  });
  registry.addResourceType({
    resourceRef: aksClusterResourceRef,
    permissions: [aksClusterRefreshPermission],
    rules: Object.values(aksClusterPermissionRules),
    getResources: ids => Promise.all(ids.map(id => store.getCluster(id))),
  });
}
