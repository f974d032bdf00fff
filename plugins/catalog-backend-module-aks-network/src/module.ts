import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AksNetworkInventoryClient } from './inventory/AksNetworkInventoryClient';
import { AksClusterEntityProvider } from './provider/AksClusterEntityProvider';

/**
 * Registers the AKS cluster entity provider with the catalog. It reads the inventory
 * of the `aks-network` backend plugin over HTTP; while that plugin or its route is
 * missing, each refresh logs a warning and leaves the catalog unchanged.
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ catalog, config, logger, scheduler, discovery, auth }) {
        catalog.addEntityProvider(
          AksClusterEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            inventory: new AksNetworkInventoryClient({ discovery, auth }),
          }),
        );
      },
    });
  },
});
