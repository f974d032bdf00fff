import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { AzureAccess } from './AzureAccess';

/**
 * One {@link AzureAccess} per backend, from `aksNetwork.azure`: the backend plugin and
 * the scaffolder module share its credential (and token cache), clients, concurrency
 * limits and metrics instead of each building its own. It is the factory's root
 * context, made when the first plugin that depends on it starts, so a bad config still
 * stops that start.
 *
 * @public
 */
export const azureAccessServiceRef = createServiceRef<AzureAccess>({
  id: 'aks-network.azure-access',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        rootLogger: coreServices.rootLogger,
      },
      createRootContext: ({ config, rootLogger }) =>
        AzureAccess.fromConfig(config, {
          logger: rootLogger.child({ service: 'aks-network-azure' }),
        }),
      factory: (_deps, access) => access,
    }),
});
