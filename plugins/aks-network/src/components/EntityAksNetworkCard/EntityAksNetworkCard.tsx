import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

/**
 * Annotation naming the clusters of a component that is not linked to them through
 * `spec.dependsOn` on the cluster entity (DESIGN, Contracts).
 */
export const AKS_CLUSTERS_ANNOTATION = 'aks.azure.com/clusters';

/** Whether the card has something to show for an entity. @public */
export function isAksNetworkAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' ||
    Boolean(entity.metadata.annotations?.[AKS_CLUSTERS_ANNOTATION])
  );
}

/**
 * The slot for the network posture card. It names the entity it belongs to; the
 * clusters, IP use and posture come from the backend plugin once its API exists.
 */
export function EntityAksNetworkCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="AKS network">
      <Typography variant="body2">
        Clusters of {entity.metadata.name}: the inventory is not connected yet.
      </Typography>
    </InfoCard>
  );
}
