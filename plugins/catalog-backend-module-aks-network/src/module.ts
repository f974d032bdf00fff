import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Registers the AKS cluster entity provider with the catalog.
 *
 * @public
 */
export const catalogModuleAksNetwork = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aks-network',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ logger }) {
        // The entity provider reads the backend plugin's inventory over its HTTP API;
        // it is added together with that API.
        logger.info('AKS network catalog module registered');
      },
    });
  },
});
