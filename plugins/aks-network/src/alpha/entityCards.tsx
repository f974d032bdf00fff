import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod/v4';
import {
  isAksClusterEntity,
  isAksNetworkAvailable,
} from '../components/network/entityFilters';

/**
 * The posture card on the overview of every component, and of any entity naming its
 * clusters in the annotation (`isAksNetworkAvailable`, as in the legacy app).
 * App config may set `overlayTemplate` (the template "Request an overlay cluster"
 * opens) and override `filter`.
 *
 * @alpha
 */
export const entityAksNetworkPostureCard =
  EntityCardBlueprint.makeWithOverrides({
    name: 'network-posture',
    configSchema: { overlayTemplate: z.string().optional() },
    factory(originalFactory, { config }) {
      return originalFactory({
        type: 'content',
        filter: isAksNetworkAvailable,
        loader: () =>
          import('../components/EntityAksNetworkPostureCard').then(m => (
            <m.EntityAksNetworkPostureCard
              overlayTemplate={config.overlayTemplate}
            />
          )),
      });
    },
  });

/**
 * The cluster card on the overview of the catalog module's cluster entities.
 *
 * @alpha
 */
export const entityAksClusterCard = EntityCardBlueprint.makeWithOverrides({
  name: 'cluster',
  configSchema: { overlayTemplate: z.string().optional() },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: isAksClusterEntity,
      loader: () =>
        import('../components/EntityAksClusterCard').then(m => (
          <m.EntityAksClusterCard overlayTemplate={config.overlayTemplate} />
        )),
    });
  },
});
