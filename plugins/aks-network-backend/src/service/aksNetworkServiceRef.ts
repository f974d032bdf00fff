import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { azureAccessServiceRef } from '@aks-network/plugin-aks-network-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AksNetworkService } from './AksNetworkService';

/**
 * The plugin-scoped {@link AksNetworkService}; replace its factory to swap the store
 * or the Azure reader (tests, adopters).
 *
 * @public
 */
export const aksNetworkServiceRef = createServiceRef<AksNetworkService>({
  id: 'aks-network.service',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        // Reading it here (not at the first sync) stops the start on a bad config.
        access: azureAccessServiceRef,
        // The notifications backend tells owners when a check turns.
        notifications: notificationService,
      },
      factory: deps => AksNetworkService.create(deps),
    }),
});
