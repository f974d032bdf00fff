import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AksNetworkPermissionPolicy } from './AksNetworkPermissionPolicy';
import { readPolicyConfig } from './policyConfig';

/**
 * Installs the app's permission policy (see {@link AksNetworkPermissionPolicy}) in
 * the permission backend, configured by `aksNetwork.permissionPolicy`.
 */
export const aksNetworkPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aks-network-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        policy.setPolicy(
          new AksNetworkPermissionPolicy(readPolicyConfig(config)),
        );
      },
    });
  },
});
