import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AKS_NETWORK_INVENTORY_TOPIC } from '@aks-network/plugin-aks-network-common';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { AksNetworkInventoryClient } from './inventory/AksNetworkInventoryClient';
import { AksClusterEntityProvider } from './provider/AksClusterEntityProvider';

/**
 * Registers the AKS cluster entity provider with the catalog. It reads the inventory
 * of the `aks-network` backend plugin over HTTP; while that plugin or its route is
 * missing, each refresh logs a warning and leaves the catalog unchanged. It also
 * listens to the plugin's `aks-network.inventory` events, so a refreshed cluster is in
 * the catalog within seconds rather than at the next scheduled refresh.
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
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        discovery,
        auth,
        events,
      }) {
        const provider = AksClusterEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          inventory: new AksNetworkInventoryClient({ discovery, auth }),
        });
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'aks-cluster-entity-provider',
          topics: [AKS_NETWORK_INVENTORY_TOPIC],
          onEvent: params => provider.handleInventoryEvent(params.eventPayload),
        });
      },
    });
  },
});
