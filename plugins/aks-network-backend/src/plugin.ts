import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { aksNetworkPermissions } from '@aks-network/plugin-aks-network-common';
import { createRouter } from './router';

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
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, permissionsRegistry }) {
        // Declared once in common so the frontend and policies share the names.
        permissionsRegistry.addPermissions(aksNetworkPermissions);
        httpRouter.use(await createRouter());
      },
    });
  },
});
