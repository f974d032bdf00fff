import type { AksNetworkApi } from '@aks-network/plugin-aks-network-common';
import { createApiRef } from '@backstage/core-plugin-api';

/**
 * The `aks-network` backend's API in the browser: common's `AksNetworkClient` over the
 * app's discovery and fetch APIs (which add the signed-in user's token).
 *
 * @public
 */
export const aksNetworkApiRef = createApiRef<AksNetworkApi>({
  id: 'plugin.aks-network.service',
});
