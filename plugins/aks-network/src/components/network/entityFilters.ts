import {
  AKS_ANNOTATIONS,
  AKS_CLUSTER_ENTITY_TYPE,
} from '@aks-network/plugin-aks-network-common';
import type { Entity } from '@backstage/catalog-model';

/**
 * Whether the posture card belongs on an entity's page: every component (it says how to
 * link clusters when none is), and any entity that names its clusters in the
 * `aks.azure.com/clusters` annotation.
 *
 * @public
 */
export function isAksNetworkAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' ||
    Boolean(entity.metadata.annotations?.[AKS_ANNOTATIONS.clusters])
  );
}

/**
 * Whether an entity is a cluster the catalog module made: a `Resource` of type
 * `kubernetes-cluster` with its ARM id.
 *
 * @public
 */
export function isAksClusterEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === AKS_CLUSTER_ENTITY_TYPE &&
    Boolean(entity.metadata.annotations?.[AKS_ANNOTATIONS.resourceId])
  );
}
