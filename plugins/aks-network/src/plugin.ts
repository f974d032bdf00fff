import { AksNetworkClient } from '@aks-network/plugin-aks-network-common';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aksNetworkApiRef } from './api/aksNetworkApiRef';
import type { EntityAksClusterCardProps } from './components/EntityAksClusterCard';
import type { EntityAksNetworkPostureCardProps } from './components/EntityAksNetworkPostureCard';
import { overlayTemplateRouteRef, rootRouteRef } from './routes';

/**
 * The AKS network frontend plugin (legacy frontend system).
 *
 * @public
 */
export const aksNetworkPlugin = createPlugin({
  id: 'aks-network',
  apis: [
    createApiFactory({
      api: aksNetworkApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AksNetworkClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { overlayTemplate: overlayTemplateRouteRef },
});

/**
 * The network posture of a component's clusters, for its overview page.
 *
 * @public
 */
export const EntityAksNetworkPostureCard: (
  props: EntityAksNetworkPostureCardProps,
) => JSX.Element | null = aksNetworkPlugin.provide(
  createComponentExtension({
    name: 'EntityAksNetworkPostureCard',
    component: {
      lazy: () =>
        import('./components/EntityAksNetworkPostureCard').then(
          m => m.EntityAksNetworkPostureCard,
        ),
    },
  }),
);

/**
 * One cluster's network, node pools and addons, for a kubernetes-cluster resource page.
 *
 * @public
 */
export const EntityAksClusterCard: (
  props: EntityAksClusterCardProps,
) => JSX.Element | null = aksNetworkPlugin.provide(
  createComponentExtension({
    name: 'EntityAksClusterCard',
    component: {
      lazy: () =>
        import('./components/EntityAksClusterCard').then(
          m => m.EntityAksClusterCard,
        ),
    },
  }),
);

/**
 * Every cluster of the inventory, for the platform team.
 *
 * @public
 */
export const AksFleetPage: () => JSX.Element = aksNetworkPlugin.provide(
  createRoutableExtension({
    name: 'AksFleetPage',
    component: () =>
      import('./components/AksFleetPage').then(m => m.AksFleetPage),
    mountPoint: rootRouteRef,
  }),
);
