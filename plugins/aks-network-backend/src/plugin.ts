import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { aksNetworkPermissions } from '@aks-network/plugin-aks-network-common';
import { AzureAccess } from '@aks-network/plugin-aks-network-node';
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ config, logger, httpRouter, permissionsRegistry }) {
        // Read Azure access at start-up, so that a bad `aksNetwork.azure` (or a
        // development credential aimed at a non-loopback endpoint) stops the backend
        // instead of failing at the first sync.
        AzureAccess.fromConfig(config, { logger });
        // Declared once in common so the frontend and policies share the names.
        permissionsRegistry.addPermissions(aksNetworkPermissions);
        httpRouter.use(await createRouter());
      },
    });
  },
});
