import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/** The AKS network frontend plugin. @public */
export const aksNetworkPlugin = createPlugin({
  id: 'aks-network',
  routes: { root: rootRouteRef },
});

/** The network card of an entity page: the clusters the entity runs on. @public */
export const EntityAksNetworkCard = aksNetworkPlugin.provide(
  createComponentExtension({
    name: 'EntityAksNetworkCard',
    component: {
      lazy: () =>
        import('./components/EntityAksNetworkCard').then(
          m => m.EntityAksNetworkCard,
        ),
    },
  }),
);
