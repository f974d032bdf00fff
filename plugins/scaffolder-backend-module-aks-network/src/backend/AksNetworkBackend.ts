import {
  AksNetworkApi,
  AksNetworkClient,
  AksNetworkRequestOptions,
  AKS_NETWORK_PLUGIN_ID,
} from '@aks-network/plugin-aks-network-common';
import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';

/**
 * The `aks-network` backend plugin as the actions reach it: common's typed client, and
 * a fresh token on behalf of the task's initiator for every call (the backend checks
 * the user's permissions, not the scaffolder's; a token is asked for per call because a
 * cluster creation outlasts one).
 *
 * @public
 */
export interface AksNetworkBackend {
  api: AksNetworkApi;
  requestOptions(
    credentials: BackstageCredentials,
  ): Promise<AksNetworkRequestOptions>;
}

/**
 * {@link AksNetworkBackend} over HTTP, found through discovery.
 *
 * @public
 */
export function aksNetworkBackend(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): AksNetworkBackend {
  return {
    api: new AksNetworkClient({ discoveryApi: deps.discovery }),
    async requestOptions(credentials) {
      const { token } = await deps.auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: AKS_NETWORK_PLUGIN_ID,
      });
      return { token };
    },
  };
}
