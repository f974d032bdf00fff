import { AksNetworkClient } from '@aks-network/plugin-aks-network-common';
import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';

/**
 * Common's client over the app's discovery and fetch (which adds the user's token).
 *
 * @alpha
 */
export const aksNetworkApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aksNetworkApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AksNetworkClient({ discoveryApi, fetchApi }),
    }),
});
