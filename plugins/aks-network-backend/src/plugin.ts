import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  aksClusterResourceRef,
  aksReservationResourceRef,
  registerAksNetworkPermissions,
} from './permissions';
import { registerAksNetworkActions } from './actions/registerAksNetworkActions';
import { createRouter } from './router';
import { aksNetworkServiceRef } from './service/aksNetworkServiceRef';

/**
 * The AKS network backend plugin, mounted at `/api/aks-network`.
 *
 * @public
 */
export const aksNetworkPlugin = createBackendPlugin({
  pluginId: 'aks-network',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        // The caller's groups: a reservation may be held for one of them.
        userInfo: coreServices.userInfo,
        // Read with the caller's credentials for the posture of an entity.
        catalog: catalogServiceRef,
        // Creating the service reads Azure access, so a bad `aksNetwork.azure` (or a
        // development credential aimed at a non-loopback endpoint) stops the backend
        // at start-up instead of failing at the first sync.
        service: aksNetworkServiceRef,
        lifecycle: coreServices.lifecycle,
        // The actions assistants call through the MCP actions backend.
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        userInfo,
        catalog,
        service,
        lifecycle,
        actionsRegistry,
      }) {
        // Declared once in common so the frontend and policies share the names; the
        // resource types carry the rules policies use (an adopter's module may add more).
        registerAksNetworkPermissions(permissionsRegistry, service.store);
        registerAksNetworkActions({
          actionsRegistry,
          permissions,
          catalog,
          service,
        });
        await service.scheduleSync();
        // A full refresh waiting for its run must not hold the backend's stop.
        lifecycle.addShutdownHook(() => service.stop());
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            userInfo,
            catalog,
            service,
            permissionRules: {
              reservation: permissionsRegistry.getPermissionRuleset(
                aksReservationResourceRef,
              ),
              cluster: permissionsRegistry.getPermissionRuleset(
                aksClusterResourceRef,
              ),
            },
          }),
        );
      },
    });
  },
});
