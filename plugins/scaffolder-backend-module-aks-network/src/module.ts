import {
  AzureProvisioner,
  azureAccessServiceRef,
  readClusterTagNames,
} from '@aks-network/plugin-aks-network-node';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClusterAction } from './actions/createClusterAction';
import { createPlanAction } from './actions/createPlanAction';
import { aksNetworkBackend } from './backend/AksNetworkBackend';
import { readProvisioningSettings } from './config/ProvisioningSettings';

/**
 * Registers `aks-network:plan` and `aks-network:cluster:create` with the scaffolder.
 * Both read and reserve through the `aks-network` backend plugin's API; the create
 * action writes to Azure with the credential of `aksNetwork.azure`.
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        // The backend's one Azure access (credential, clients), shared with the
        // aks-network backend plugin.
        azureAccess: azureAccessServiceRef,
      },
      async init({
        scaffolder,
        config,
        logger,
        discovery,
        auth,
        permissions,
        catalog,
        azureAccess,
      }) {
        // Read at start-up so a bad value stops the backend, not the first task.
        const settings = readProvisioningSettings(config);
        // The tags the backend's sync and the catalog module read the owner from.
        const tagNames = readClusterTagNames(config, { logger });
        const backend = aksNetworkBackend({ discovery, auth });
        const provisioner = new AzureProvisioner(azureAccess.clients);
        scaffolder.addActions(
          createPlanAction({ backend, azure: provisioner }),
          createClusterAction({
            settings,
            tagNames,
            backend,
            provisioner,
            permissions,
            catalog,
          }),
        );
      },
    });
  },
});
